"""The gazette command as an editor meets it: exit codes, messages, no tracebacks."""

import os
import subprocess
import sys

import pytest

from gazette.model.kinds import KINDS
from gazette.project import load_and_check


def gazette(*args, cwd=None):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}
    return subprocess.run([sys.executable, "-m", "gazette", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


GARBAGE = {
    "content/documents/2024/binary.md": bytes(range(256)) * 4,
    "content/documents/2024/gbk.md": "---\ntitle: 关于示例的公告\n---\n".encode("gb18030"),
    "content/documents/2024/bad-yaml.md": "---\ntitle: [未闭合\nkind: 公告通报\n---\n",
    "content/documents/2024/list.md": "---\n- 这是列表\n- 不是键值对\n---\n正文\n",
    "content/documents/2024/date.md": "---\ntitle: 关于示例的公告\nkind: 公告通报\nissuer: 长征镇\n"
                                      "published: 2024-02-30\ndisclosure: 主动公开\n---\n正文\n",
    "content/documents/2024/types.md": "---\ntitle: 123\nkind: [公告通报]\nissuer: {a: 1}\n"
                                       "published: 昨天\ndisclosure: true\ntags: 5\nservices: 网址\n---\n正文\n",
    "content/documents/2024/empty.md": "",
    "content/_data/tags.yml": "name: 不是列表\n",
    "issues/2024-01.yml": "year: 二〇二四\nnumber: -1\ndate: 2024-13-01\nsections: 文件\n",
    "gazette.yml": "name: [测试]\npublisher: 测试\nservice_hosts: zwdt.sh.gov.cn\nsurprise: 1\n",
}


def test_garbage_gives_findings_not_a_crash(project):
    root = project(GARBAGE)
    result = gazette("-C", str(root), "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.strip().splitlines()
    for rel in GARBAGE:
        assert any(line.startswith(rel + ":") for line in lines), rel
    assert all(": 错误: " in line or ": 警告: " in line for line in lines)


def test_garbage_also_fails_the_build_cleanly(project, tmp_path):
    root = project(GARBAGE, site=True)
    result = gazette("-C", str(root), "build", "--out", str(tmp_path / "site"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_check_exit_codes_and_dash_c(project, tmp_path):
    root = project()
    assert gazette("-C", str(root), "check").returncode == 0
    assert gazette("check", "-C", str(root)).returncode == 0
    assert gazette("check", cwd=root).returncode == 0
    elsewhere = gazette("-C", str(tmp_path), "check")
    assert elsewhere.returncode == 1 and "不是公报项目文件夹" in elsewhere.stderr


@pytest.mark.parametrize("kind", [k.name for k in KINDS])
def test_new_document_passes_check_once_filled(project, kind):
    root = project()
    result = gazette("-C", str(root), "new", kind, "--id", "2024/new-doc")
    assert result.returncode == 0, result.stderr
    path = root / "content/documents/2024/new-doc.md"
    text = path.read_text(encoding="utf-8")
    before = gazette("-C", str(root), "check")
    assert before.returncode == 1 and "占位符" in before.stdout
    fills = {
        "title": "上海市普陀区人民政府办公室关于示例事项的通知",
        "issuer": "区府办",
        "doc_number": "普府办〔2024〕99号",
        "signed": "2024-03-01",
        "disclosure": "主动公开",
        "topics": "综合政务",
        "interprets": "2024/ptfb-2024-1",
    }
    lines = []
    for line in text.splitlines():
        key = line.split(":", 1)[0]
        if "【待填写" in line and key in fills:
            line = f"{key}: {fills[key]}"
        elif line.startswith("- 【待填写"):
            line = f"- {fills['topics']}"
        elif line.startswith("【待填写"):
            line = "这是新文件的正文。"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, report = load_and_check(root)
    assert [f.format() for f in report.findings] == []


def test_new_rejects_unknown_kind_and_existing_file(project):
    root = project()
    result = gazette("-C", str(root), "new", "通知")
    assert result.returncode == 1 and "未知的信息类别" in result.stderr
    result = gazette("-C", str(root), "new", "政策文件", "--id", "2024/ptfb-2024-1")
    assert result.returncode == 1 and "已存在" in result.stderr


def test_build_jobs_must_be_positive_and_is_the_setting_of_every_step(tmp_path, monkeypatch):
    """`--jobs N` is one setting for every step that runs processes (gazette.jobs): conversion, search, PDFs."""
    result = gazette("build", "--jobs", "0", "--out", str(tmp_path / "site"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "同时工作的进程数应为正整数，现为 0" in result.stderr
    assert not (tmp_path / "site").exists()

    from argparse import Namespace

    from gazette import jobs
    from gazette.cli import build as build_command

    seen = {}
    monkeypatch.setenv(jobs.WORKERS_ENV, "7")  # restored after the test; --jobs must win over it
    monkeypatch.setattr(build_command, "build_site", lambda *args, **kwargs: seen.setdefault("workers", jobs.workers()))
    args = Namespace(root=tmp_path, out=None, pdfs=False, jobs=1, incremental=True)
    build_command.run(args)
    assert seen["workers"] == 1 and os.environ[jobs.WORKERS_ENV] == "1"
