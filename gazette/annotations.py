"""Findings as GitHub Actions workflow commands and a job summary.

`::error file=…,line=…,title=…::message` puts each finding on its line in the
pull request's diff; the job summary lists them all (GitHub shows only the
first few annotations of a step).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from .findings import Finding, Level, Report

COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(finding: Finding) -> str:
    """One finding as a workflow command GitHub turns into an annotation."""
    title = f"公报检查{finding.level.value}"
    props = f"file={_escape_property(finding.path)},line={finding.line},title={_escape_property(title)}"
    return f"::{COMMANDS[finding.level]} {props}::{_escape_data(finding.message)}"


def relocate(report: Report, root: Path, workspace: Path) -> Report:
    """The findings with paths relative to `workspace` (GitHub resolves `file=` from there)."""
    try:
        prefix = root.resolve().relative_to(workspace.resolve()).as_posix()
    except ValueError:
        return report
    if prefix in ("", "."):
        return report
    moved = Report()
    for finding in report.findings:
        moved.add(dataclasses.replace(finding, path=f"{prefix}/{finding.path}"))
    return moved


def step_summary(report: Report) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: every finding in one table."""
    lines = [f"### 公报检查：{report.summary()}", ""]
    if not report.findings:
        return "\n".join(lines + ["没有发现问题。", ""])
    lines += ["| 文件 | 行 | 级别 | 问题 |", "|---|---|---|---|"]
    for f in report.findings:
        message = f.message.replace("|", "\\|").replace("\n", " ")
        lines.append(f"| `{f.path}` | {f.line} | {f.level.value} | {message} |")
    return "\n".join(lines + [""])


def write_step_summary(report: Report) -> None:
    """Append the summary when running in GitHub Actions (GITHUB_STEP_SUMMARY is set)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(step_summary(report))
