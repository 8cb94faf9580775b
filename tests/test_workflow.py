"""The pull-request workflow and the pre-commit hooks: valid, and their commands work here."""

import os
import shutil
import subprocess
import sys

import yaml
from pre_commit.clientlib import load_manifest

from projects import REPO

WORKFLOW = REPO / ".github/workflows/gazette.yml"


def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_workflow_structure():
    data = workflow()
    assert "pull_request" in data["on"] and "schedule" in data["on"]
    check, links = data["jobs"]["check"], data["jobs"]["links"]
    runs = [step["run"] for step in check["steps"] if "run" in step]
    assert runs == ["scripts/setup.sh build", ".venv/bin/gazette check --format github", ".venv/bin/gazette urls --check",
                    ".venv/bin/gazette build"]
    upload = next(step for step in check["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "build/site"
    assert all("@v" in step["uses"] for job in data["jobs"].values() for step in job["steps"] if "uses" in step)
    assert links["continue-on-error"] is True
    assert [s["run"] for s in links["steps"] if "run" in s][-1] == ".venv/bin/gazette check --online --format github"
    assert any(s.get("with", {}).get("path") == ".cache/gazette" for s in links["steps"]), "the link cache is kept"
    assert any(s.get("with", {}).get("path") == "build/.cache/print" for s in check["steps"]), "the PDF cache is kept"
    assert any(s.get("with", {}).get("path", "").split() == ["build/site", "build/.cache/site"]
               for s in check["steps"]), "the last site and its manifest are kept"


def schema_check(path, schema="vendor.github-workflows"):
    """check-jsonschema with the GitHub workflow schema it vendors (from SchemaStore; no network)."""
    tool = os.path.join(os.path.dirname(sys.executable), "check-jsonschema")
    return subprocess.run([tool, "--builtin-schema", schema, str(path)], capture_output=True, text=True)


def test_workflow_matches_githubs_schema(tmp_path):
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        result = schema_check(WORKFLOW, schema)
        assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:"), encoding="utf-8")
    assert schema_check(broken).returncode == 1


def checkout(tmp_path):
    """What actions/checkout gives: the repository's files (committed or not, ignored ones excluded)."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                            capture_output=True, text=True, check=True).stdout.split("\0")
    copy = tmp_path / "checkout"
    for rel in filter(None, listed):
        source = REPO / rel
        if source.is_file():
            (copy / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / rel)
    # The environment `scripts/setup.sh test` made for this run: setup.sh sees it is up to date.
    (copy / ".venv").symlink_to(REPO / ".venv")
    return copy


def test_check_job_commands_run_locally(tmp_path):
    stamp = (REPO / ".venv/.gazette-installed").read_text().strip()
    digest = subprocess.run(["sha256sum", "pyproject.toml"], cwd=REPO, capture_output=True, text=True).stdout.split()[0]
    assert stamp.startswith(digest), "run `make test` (scripts/setup.sh test) first"
    copy = checkout(tmp_path)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "CI": "true", "GITHUB_ACTIONS": "true", "GITHUB_WORKSPACE": str(copy),
           "GITHUB_STEP_SUMMARY": str(summary), "SOURCE_DATE_EPOCH": "1735660800"}
    for step in workflow()["jobs"]["check"]["steps"]:
        if "run" not in step:
            continue
        result = subprocess.run(["bash", "-eo", "pipefail", "-c", step["run"]], cwd=copy, env=env,
                                capture_output=True, text=True)
        assert result.returncode == 0, f"{step['name']}: {result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        assert "安装 Python 依赖" not in result.stdout, "setup.sh must not reinstall into the shared .venv"
    assert (copy / "build/site/index.html").is_file()
    # The sample's 专题 carry 巡检 warnings on purpose (tests/test_collections.py); no error.
    assert "### 公报检查：0 个错误，8 个警告" in summary.read_text(encoding="utf-8")


def test_pre_commit_manifest_is_valid():
    hooks = {hook["id"]: hook for hook in load_manifest(str(REPO / ".pre-commit-hooks.yaml"))}
    assert set(hooks) == {"gazette-check", "gazette-check-installed"}
    assert all(hook["entry"].endswith("gazette check") and hook["pass_filenames"] is False for hook in hooks.values())


def test_pre_commit_hook_runs_and_blocks_a_broken_commit(project, tmp_path):
    """pre-commit itself runs the installed-gazette hook in a gazette repository."""
    root = project({"content/documents/2024/gg-2024-1.md": "---\ntitle: 关于示例事项的公告\n---\n"})
    (root / ".venv").symlink_to(REPO / ".venv")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "SOURCE_DATE_EPOCH": "1735660800"}
    git = ["git", "-c", "user.name=编辑", "-c", "user.email=editor@example.gov.cn"]
    subprocess.run(git + ["init", "-q"], cwd=root, check=True)
    subprocess.run(git + ["add", "-A"], cwd=root, check=True)
    # try-repo: the hooks as this checkout declares them (uncommitted changes included).
    result = subprocess.run([str(REPO / ".venv/bin/pre-commit"), "try-repo", str(REPO), "gazette-check-installed",
                             "--all-files"], cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "content/documents/2024/gg-2024-1.md:1: 错误: 缺少必填的键 kind" in result.stdout
