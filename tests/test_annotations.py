"""`gazette check --format github`: annotations GitHub places on the changed lines."""

import os
import subprocess
import sys

from gazette.annotations import github_annotation
from gazette.findings import Finding, Level
from test_rules import CASES

USED = ("issuer_not_in_vocabulary", "signed_after_published", "issue_number_gap")  # one broken file each
REPEATED_TITLE = "---\ntitle: 关于示例的公告\nkind: 公告通报\nissuer: 长征镇\npublished: 2024-03-07\n" \
                 "disclosure: 主动公开\n---\n\n# 关于示例的公告\n\n正文。\n"
BROKEN = {**{k: v for case in USED for k, v in CASES[case][0].items()},
          "content/documents/2024/gg-2024-3.md": REPEATED_TITLE}
WARNING = ("content/documents/2024/gg-2024-3.md:9: 警告: 正文开头重复了标题：标题由页面模板显示，请删除这一行。")


def gazette(*args, cwd, summary=None):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}
    env.pop("GITHUB_STEP_SUMMARY", None)
    if summary:
        env["GITHUB_STEP_SUMMARY"] = str(summary)
    return subprocess.run([sys.executable, "-m", "gazette", *args], cwd=cwd, env=env, capture_output=True, text=True)


def expected_findings():
    return sorted([line for case in USED for line in CASES[case][1]] + [WARNING])


def as_annotation(text_line: str, prefix: str = "") -> str:
    """The annotation a `path:line: 级别: message` line must become."""
    location, level, message = text_line.split(": ", 2)
    path, line = location.rsplit(":", 1)
    command = {"错误": "error", "警告": "warning"}[level]
    return f"::{command} file={prefix}{path},line={line},title=公报检查{level}::{message}"


def test_github_format_for_a_broken_fixture(project, tmp_path):
    root = project(BROKEN)
    text = gazette("check", cwd=root)
    summary = tmp_path / "summary.md"
    github = gazette("check", "--format", "github", cwd=root, summary=summary)
    assert text.returncode == github.returncode == 1
    assert text.stdout.splitlines() == expected_findings()
    assert github.stdout.splitlines() == [as_annotation(line) for line in text.stdout.splitlines()]
    table = summary.read_text(encoding="utf-8")
    assert "### 公报检查：3 个错误，1 个警告" in table
    for line in expected_findings():
        path, number, level = line.split(": ", 2)[0].split(":") + [line.split(": ")[1]]
        assert f"| `{path}` | {number} | {level} |" in table


def test_paths_are_relative_to_the_workspace(project):
    root = project(BROKEN)
    result = gazette("-C", root.name, "check", "--format", "github", cwd=root.parent)
    assert result.stdout.splitlines() == [as_annotation(line, f"{root.name}/") for line in expected_findings()]


def test_special_characters_are_escaped():
    finding = Finding("a,b:c.md", 3, Level.WARNING, "50% 完成\n第二行")
    assert github_annotation(finding) == "::warning file=a%2Cb%3Ac.md,line=3,title=公报检查警告::50%25 完成%0A第二行"
