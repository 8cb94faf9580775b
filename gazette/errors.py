"""Exceptions that carry a message meant for an editor, never a traceback."""


class GazetteError(Exception):
    """A problem the user can fix; its message is shown as is (in Chinese)."""


class ContentError(GazetteError):
    """The content has errors; the findings have already been reported."""

    def __init__(self, report):
        self.report = report
        super().__init__(f"检查发现 {report.error_count} 个错误，未生成网站。")
