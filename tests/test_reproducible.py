"""A reproducible, verifiable site (issue 11, point 4).

Two builds of the same project from separate copies (cold PDF caches) with the same
SOURCE_DATE_EPOCH give byte-identical trees, Pagefind bundle and PDFs included;
SHA256SUMS lists every file and `sha256sum -c` accepts the tree; killing
`gazette build` (SIGKILL) at the start of each step leaves the previous site as it was.
"""

from __future__ import annotations

import filecmp
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gazette import pipeline
from emitted import EPOCH_2025, build
from projects import write_project

DONE = "：完成"  # the end of a step on stderr (gazette.progress)
# `gazette build` that kills itself (SIGKILL, as an outage would) when its step number argv[1] starts.
KILLED_AT_STEP = """
import os, signal, sys
from gazette import progress
from gazette.cli.main import main
target, started, step = int(sys.argv[1]), [0], progress.Progress.step
def killing_step(self, label):
    started[0] += 1
    if started[0] == target:
        sys.stderr.write(label + "\\n")
        sys.stderr.flush()
        os.kill(os.getpid(), signal.SIGKILL)
    return step(self, label)
progress.Progress.step = killing_step
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The same project built from two copies; (project, first site, second site, first stderr)."""
    base = tmp_path_factory.mktemp("reproducible")
    sites, logs = [], []
    for name in ("one", "two"):
        root = write_project(base / name, {}, site=True)
        result = build(root, root / "build" / "site")
        assert result.returncode == 0, result.stderr
        sites.append(root / "build" / "site")
        logs.append(result.stderr)
    return base / "one", sites[0], sites[1], logs[0]


def tree(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(two_builds):
    _, one, two, _ = two_builds
    assert (one / "SHA256SUMS").read_bytes() == (two / "SHA256SUMS").read_bytes()
    assert tree(one) == tree(two)
    compared = filecmp.dircmp(one, two)
    assert not compared.diff_files and not compared.left_only and not compared.right_only
    assert any(name.endswith(".pf_filter") for name in tree(one)) and any(n.endswith(".pdf") for n in tree(one))


def test_sha256sums_lists_every_file_and_verifies(two_builds):
    _, site, _, _ = two_builds
    listed = [line.split("  ", 1)[1] for line in (site / "SHA256SUMS").read_text(encoding="utf-8").splitlines()]
    assert listed == sorted(set(tree(site)) - {"SHA256SUMS"})
    result = subprocess.run(["sha256sum", "-c", "--strict", "--quiet", "SHA256SUMS"], cwd=site,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    copy = site.parent / "tampered"
    shutil.copytree(site, copy)
    (copy / "index.html").write_text("篡改", encoding="utf-8")
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=copy, capture_output=True).returncode == 1


def test_a_build_killed_at_any_step_leaves_the_previous_site(two_builds):
    root, site, _, log = two_builds
    before = tree(site)
    # steps started through Progress.step; a step run beside the next (gazette.pipeline) reports only its end
    steps = log.count(DONE) - sum(step.beside_next for step in pipeline.STEPS)
    notice = root / "content/documents/2024/gg-2024-1.md"
    notice.write_text(notice.read_text(encoding="utf-8").replace("示例公告正文。", "改动后的正文。"), encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH_2025}
    killed_at = []
    for step in range(1, steps + 1):
        result = subprocess.run([sys.executable, "-c", KILLED_AT_STEP, str(step), "-C", str(root), "build",
                                 "--out", str(site)], env=env, capture_output=True, text=True)
        assert result.returncode == -signal.SIGKILL, result.stderr
        killed_at.append(result.stderr.splitlines()[-1])
        assert tree(site) == before, f"killed at the start of {killed_at[-1]}"
    assert len(set(killed_at)) == steps >= 8
    result = build(root, site)  # not killed: the change arrives
    assert result.returncode == 0, result.stderr
    assert tree(site) != before
    assert subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=site).returncode == 0
