"""gazette serve: a live preview that rebuilds when an editor saves."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from projects import NOTICE, NOTICE_HEAD


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_serve(root):
    """`gazette serve` on the project at `root`, on a free port, in a session of its own (stopped with SIGINT)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "gazette", "-C", str(root), "serve", "-a", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}, start_new_session=True)
    return server, port


def fetch(url: str, until, timeout: float = 60) -> str:
    """GET `url` until `until(text)` holds; fail after `timeout` seconds."""
    deadline, last = time.monotonic() + timeout, None
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
                if until(last):
                    return last
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"{url} never satisfied the condition; last response: {last and last[:200]}")


def wait_for_line(lines: list[str], text: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not any(text in line for line in list(lines)):
        if time.monotonic() > deadline:
            pytest.fail(f"the server never wrote {text!r}; it wrote: {''.join(lines)[-2000:]}")
        time.sleep(0.2)


def test_serve_previews_and_rebuilds_on_save(project):
    root = project(site=True)
    server, port = start_serve(root)
    try:
        page = f"http://127.0.0.1:{port}/documents/2024/gg-2024-1/"
        fetch(page, lambda html: "关于示例事项的公告" in html)
        source = root / "content/documents/2024/gg-2024-1.md"
        source.write_text(source.read_text(encoding="utf-8").replace("示例公告正文。", "修改后的公告正文。"),
                          encoding="utf-8")
        fetch(page, lambda html: "修改后的公告正文。" in html)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        _, stderr = server.communicate(timeout=30)
    assert "预览地址" in stderr
    assert "Traceback" not in stderr


def test_a_broken_save_shows_the_error_and_keeps_the_last_preview(project):
    root = project(site=True)
    server, port = start_serve(root)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(server.stderr), daemon=True)
    reader.start()
    source = root / "content/documents/2024/gg-2024-1.md"
    good = source.read_text(encoding="utf-8")
    page = f"http://127.0.0.1:{port}/documents/2024/gg-2024-1/"
    try:
        fetch(page, lambda html: "示例公告正文。" in html)
        assert "预览时不建立检索索引" in fetch(f"http://127.0.0.1:{port}/search/", lambda html: "</html>" in html)
        source.write_text(good.replace("kind: 公告通报", "kind: 公告").replace("示例公告正文。", "坏的正文。"),
                          encoding="utf-8")
        wait_for_line(lines, "预览仍是上一次生成的网站")  # the rebuild failed and said so
        assert "示例公告正文。" in fetch(page, lambda html: "</html>" in html)  # the last good page stays
        source.write_text(good.replace("示例公告正文。", "改好的正文。"), encoding="utf-8")
        fetch(page, lambda html: "改好的正文。" in html)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
        reader.join(timeout=30)
    stderr = "".join(lines)
    assert "gg-2024-1.md:3" in stderr
    assert "Traceback" not in stderr


def test_a_reload_reads_again_only_what_changed(project):
    """gazette serve keeps what it read (gazette.library.reload): unchanged files and bodies are not read or
    parsed again, their findings are reported again; a changed file or vocabulary is read again."""
    from gazette.library.reload import Kept
    from gazette.project import load_and_check

    root = project({"content/documents/2024/bad.md": NOTICE_HEAD.replace("公告通报", "公告") + "\n正文。\n"})
    kept = Kept()
    first, first_report = load_and_check(root, kept=kept)
    notice = root / "content/documents/2024/gg-2024-1.md"
    notice.write_text(notice.read_text(encoding="utf-8").replace("示例公告正文。", "修改后的正文。"), encoding="utf-8")
    second, second_report = load_and_check(root, kept=kept)
    assert second.documents["2024/ptfb-2024-1"].parsed is first.documents["2024/ptfb-2024-1"].parsed
    assert "修改后的正文。" in second.documents["2024/gg-2024-1"].parsed.html
    assert [f.format() for f in second_report.findings] == [f.format() for f in first_report.findings]
    assert any("bad.md" in f.path for f in second_report.errors)  # the unchanged broken file still reported
    tags = root / "content/_data/tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8").replace("营商环境", "优化营商环境"), encoding="utf-8")
    _, third_report = load_and_check(root, kept=kept)
    assert any("ptfb-2024-1.md" in f.path and "营商环境" in f.message for f in third_report.errors)


def test_a_reload_checks_a_changed_front_matter_of_an_unchanged_body_again(project):
    """Per-body check results kept with the parse (ParsedBody.derived) are redone when the file changes around
    an unchanged body: a mobile number written into the title is found on the next reload."""
    from gazette.library.reload import Kept
    from gazette.project import load_and_check

    root = project()
    kept = Kept()
    first, first_report = load_and_check(root, kept=kept)
    assert not any("手机号码" in f.message for f in first_report.findings)
    notice = root / "content/documents/2024/gg-2024-1.md"
    text = notice.read_text(encoding="utf-8")
    notice.write_text(text.replace("关于示例事项的公告", "关于示例事项的公告（联系人手机13912345678）"), encoding="utf-8")
    second, second_report = load_and_check(root, kept=kept)
    assert second.documents["2024/gg-2024-1"].parsed is first.documents["2024/gg-2024-1"].parsed  # body unchanged
    assert any("gg-2024-1.md" in f.path and "手机号码" in f.message for f in second_report.errors)


class Preview:
    """gazette serve's builds in this process (gazette.cli.serve without the server): the first build by
    MkDocs, then rebuilds after saves on the kept layout (gazette.site.layout)."""

    URL = "http://127.0.0.1:8000/"

    def __init__(self, root, site_dir):
        from gazette.build import gazette_plugin, load_mkdocs_config
        from gazette.progress import Progress
        from gazette.project import load_and_check
        from gazette.site.layout import build_anew
        from gazette.site.preview import LazyPages
        from gazette.site.session import Prepared

        self.site = site_dir
        self.get_config = lambda: load_mkdocs_config(root, site_dir=str(site_dir))
        config = self.get_config()
        config.plugins.on_startup(command="serve", dirty=True)
        plugin = gazette_plugin(config)
        self.lazy = plugin.lazy = LazyPages()
        library, report = load_and_check(root, kept=plugin.kept)
        assert report.ok
        plugin.prepare(Prepared(root, library, Progress(enabled=False), preview=True))
        build_anew(config, self.lazy, self.URL)

    def rebuild(self):
        from gazette.site.layout import rebuild

        rebuild(self.lazy, self.get_config, self.URL)

    def page(self, uri: str) -> str | None:
        """The page at `uri` (as the server would serve it: rendered on request), None if there is none."""
        self.lazy.ensure(uri)
        path = self.site / uri
        return path.read_text(encoding="utf-8") if path.is_file() else None


def test_a_save_renders_on_the_kept_layout_and_shows_the_change(project, tmp_path):
    root = project(site=True)
    preview = Preview(root, tmp_path / "site")
    layout = preview.lazy.layout
    assert "示例公告正文。" in preview.page("documents/2024/gg-2024-1/index.html")
    notice = root / "content/documents/2024/gg-2024-1.md"
    notice.write_text(notice.read_text(encoding="utf-8").replace("示例公告正文。", "修改后的公告正文。")
                      .replace("关于示例事项的公告", "关于另一事项的公告"), encoding="utf-8")
    preview.rebuild()
    assert preview.lazy.layout is layout  # no file added, removed or renamed: MkDocs' files and pages kept
    page = preview.page("documents/2024/gg-2024-1/index.html")
    assert "修改后的公告正文。" in page and "示例公告正文。" not in page
    assert "关于另一事项的公告" in preview.page("documents/index.html")  # the listings are rendered again too


@pytest.mark.parametrize("change", ["added", "removed", "renamed", "not public", "theme"])
def test_a_changed_set_of_files_is_laid_out_again(project, tmp_path, change):
    """A file added, removed or renamed, a document leaving the site, or a theme file changed: MkDocs lays the
    site out anew, and the preview shows what a fresh build would."""
    root = project({"content/documents/2024/gg-2024-2.md": NOTICE_HEAD.replace("关于示例事项的公告", "第二份公告")
                    + "\n第二份正文。\n"}, site=True)
    preview = Preview(root, tmp_path / "site")
    layout = preview.lazy.layout
    second = root / "content/documents/2024/gg-2024-2.md"
    assert "第二份正文。" in preview.page("documents/2024/gg-2024-2/index.html")
    gone, shown = "documents/2024/gg-2024-2/index.html", None
    if change == "added":
        (root / "content/documents/2024/gg-2024-3.md").write_text(NOTICE.replace("示例公告正文。", "新增的正文。").replace("示例事项", "新增事项"),
                                                                  encoding="utf-8")
        gone, shown = None, ("documents/2024/gg-2024-3/index.html", "新增的正文。")
    elif change == "removed":
        second.unlink()
    elif change == "renamed":
        second.rename(root / "content/documents/2024/gg-2024-9.md")
        shown = ("documents/2024/gg-2024-9/index.html", "第二份正文。")
    elif change == "not public":
        second.write_text(second.read_text(encoding="utf-8").replace("主动公开", "不予公开"), encoding="utf-8")
    else:
        css = root / "theme/assets/gazette.css"
        css.write_text(css.read_text(encoding="utf-8") + "\n.preview-test { color: red; }\n", encoding="utf-8")
        gone, shown = None, ("assets/gazette.css", ".preview-test")
    preview.rebuild()
    assert preview.lazy.layout is not layout
    listing = preview.page("documents/index.html")
    if gone:
        assert preview.page(gone) is None
        assert "gg-2024-2/" not in listing
        assert ("第二份公告" in listing) == (change == "renamed")
    if shown:
        assert shown[1] in preview.page(shown[0])


def test_a_reload_reads_a_changed_issue_file_again(project):
    """Issue files are kept like documents (gazette.library.reload): an unchanged one is not parsed again,
    a changed one is, and what it lists is resolved against the documents of the new load."""
    from gazette.library.reload import Kept
    from gazette.project import load_and_check

    root = project()
    kept = Kept()
    first, _ = load_and_check(root, kept=kept)
    second, _ = load_and_check(root, kept=kept)
    assert second.issues[0].front is first.issues[0].front  # not parsed again
    assert second.issues[0].sections[0].documents[0] is second.documents["2024/ptfb-2024-1"]
    issue = root / "issues/2024-01.yml"
    issue.write_text(issue.read_text(encoding="utf-8").replace("区政府办公室文件", "区政府文件")
                     .replace("[2024/ptfb-2024-1]", "[2024/ptfb-2024-1, 2024/gg-2024-1]"), encoding="utf-8")
    third, _ = load_and_check(root, kept=kept)
    assert [s.title for s in third.issues[0].sections] == ["区政府文件"]
    assert [d.id for d in third.issues[0].sections[0].documents] == ["2024/ptfb-2024-1", "2024/gg-2024-1"]
    issue.write_text("year: [\n", encoding="utf-8")
    _, fourth_report = load_and_check(root, kept=kept)
    assert any("2024-01.yml" in f.path for f in fourth_report.errors)
    _, fifth_report = load_and_check(root, kept=kept)  # an unchanged broken file is reported again
    assert [f.format() for f in fifth_report.findings] == [f.format() for f in fourth_report.findings]
