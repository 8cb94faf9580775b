"""Findings: one problem in one file at one line, collected for a whole run."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(enum.Enum):
    ERROR = "错误"
    WARNING = "警告"


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    level: Level
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.level.value}: {self.message}"


class Report:
    """Collects every finding of a run; printing and exit codes derive from it."""

    def __init__(self) -> None:
        self._findings: dict[Finding, None] = {}

    def error(self, path: str, line: int, message: str) -> None:
        self.add(Finding(path, line, Level.ERROR, message))

    def warning(self, path: str, line: int, message: str) -> None:
        self.add(Finding(path, line, Level.WARNING, message))

    def add(self, finding: Finding) -> None:
        self._findings[finding] = None

    def extend(self, other: "Report") -> None:
        for finding in other.findings:
            self.add(finding)

    @property
    def findings(self) -> list[Finding]:
        return sorted(self._findings, key=lambda f: (f.path, f.line, f.message))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level is Level.WARNING]

    @property
    def error_count(self) -> int:
        return len(self.errors)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        return f"{len(self.errors)} 个错误，{len(self.warnings)} 个警告"
