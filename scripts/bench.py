#!/usr/bin/env python3
"""One benchmark: build the sample, the npc-laws gazette and a synthetic gazette, against plain MkDocs + Material.

Usage: scripts/bench.py [--only sample,npc,synthetic] [--documents N] [--seed S] [--npc-limit N]
                        [--no-pdf] [--jobs N] [--keep DIR] [--no-loop]

For each project: a cold `gazette build` (no PDF cache) in a child process,
with the wall time of each phase (from the build's own progress lines), the
peak memory of every process it starts (children included: PDF layout
workers, Pagefind), the output size; then the same Markdown built by plain
MkDocs + Material as a user without this project would (documents out of the
nav, Material's own search plugin on), and the ratio; then the rebuilds with
nothing and with one document changed, and the editor loop of `gazette serve`
(scripts/editor_loop.py). Not part of the tests:
speed is measured and reported (docs/benchmarks.md), never asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
REPO = SCRIPTS.parent
sys.path.insert(0, str(SCRIPTS))
from corpus_gazette import CORPUS, make as make_npc, write_issues  # noqa: E402
from synthetic_gazette import make as make_synthetic  # noqa: E402
from editor_loop import editor_loop, rebuilds  # noqa: E402

EPOCH = "1735660800"
WORKERS = "PDF 排版工作进程"  # forkserver and its workers
PHASE = re.compile(r"^(.+?)：完成（([\d.]+) 秒）", re.M)
# The build's progress labels, grouped into the phases of issue 13.
PHASES = {"读取文件": "load+check", "检查": "load+check", "排版印刷版 PDF": "PDF", "发布印刷版 PDF": "PDF",
          "标注 PDF 文件大小": "PDF", "生成订阅源、开放数据和网站地图": "emit", "建立检索索引": "search"}
SIDE_BY_SIDE = {"emit", "search"}  # steps of gazette.pipeline that run at the same time


@dataclass
class Run:
    seconds: float
    stderr: str
    peaks: dict[str, int] = field(default_factory=dict)  # process name -> peak resident KiB (largest of that name)
    cpu: float = 0.0  # seconds of CPU of the whole process tree (PDF workers: as far as polling saw them)


def descendants(root: int) -> list[int]:
    children = defaultdict(list)
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(f"/proc/{entry.name}/stat").read_text()
            except OSError:
                continue  # gone meanwhile
            children[int(stat.rsplit(")", 1)[1].split()[1])].append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def sample_process(pid: int) -> tuple[str, int, float] | None:
    """(name, peak resident KiB so far, CPU seconds) of one process, or None once it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    peak = int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) if "VmHWM" in status else 0
    words = [w.decode(errors="replace") for w in cmdline if w]
    name = Path(words[0]).name if words else "?"
    if "forkserver" in " ".join(words) or "multiprocessing" in " ".join(words):
        name = WORKERS
    elif any(w.endswith(("gazette", "mkdocs")) or w in ("gazette", "mkdocs") for w in words[:3]):
        name = "主进程"
    elif "pagefind" in name:
        name = "pagefind"
    ticks = os.sysconf("SC_CLK_TCK")
    return name, peak, (int(stat[11]) + int(stat[12])) / ticks


def run(args: list[str], cwd: Path | None = None, env: dict | None = None) -> Run:
    """Run a command, polling its process tree for peak memory and CPU."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as err:
        process = subprocess.Popen(args, cwd=cwd, env={**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})},
                                   stdout=subprocess.DEVNULL, stderr=err)
        peaks: dict[str, int] = {}
        cpu: dict[int, float] = {}
        while process.poll() is None:
            for pid in descendants(process.pid):
                seen = sample_process(pid)
                if seen and seen[1]:
                    name, peak, seconds = seen
                    peaks[name] = max(peaks.get(name, 0), peak)
                    if name == WORKERS:  # not waited for by the build: their CPU is only seen by polling
                        cpu[pid] = seconds
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        err.seek(0)
        stderr = err.read().decode("utf-8", errors="replace")
    if process.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed ({process.returncode}):\n{stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)  # the build and what it waited for
    return Run(seconds, stderr, peaks, waited + sum(cpu.values()))


def size_of(folder: Path) -> tuple[int, int, int]:
    """(files, bytes, bytes of PDFs) under `folder`."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files), sum(p.stat().st_size for p in files if p.suffix == ".pdf")


def gazette_build(root: Path, out: Path, no_pdf: bool, jobs: int | None) -> Run:
    shutil.rmtree(root / "build" / ".cache", ignore_errors=True)  # cold: nothing laid out before
    args = [sys.executable, "-m", "gazette", "-C", str(root), "build", "--out", str(out)]
    args += ["--no-pdf"] if no_pdf else []
    args += ["--jobs", str(jobs)] if jobs else []
    return run(args, env={"PYTHONPATH": str(REPO)})


def plain_project(root: Path, plain: Path) -> None:
    """The same Markdown as a plain MkDocs + Material site: documents out of the nav, Material's search on."""
    shutil.rmtree(plain, ignore_errors=True)
    shutil.copytree(root / "content", plain / "docs", ignore=shutil.ignore_patterns("_data"))
    (plain / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")  # not gazette's home template
    (plain / "mkdocs.yml").write_text(
        "site_name: 基准\nsite_url: https://gazette.example.gov.cn/\n"
        "theme:\n  name: material\n  language: zh\n"
        "plugins:\n  - search\n"
        "nav:\n  - 首页: index.md\n"
        "not_in_nav: |\n  /documents/\n"
        "markdown_extensions:\n  - tables\n  - footnotes\n  - attr_list\n  - toc:\n      permalink: true\n",
        encoding="utf-8")


def plain_build(root: Path, work: Path) -> Run:
    plain = work / "plain"
    plain_project(root, plain)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    return run([str(mkdocs), "build", "-q", "-f", str(plain / "mkdocs.yml"), "-d", str(plain / "site")])


def report(name: str, documents: int, build: Run, out: Path, plain: Run, plain_out: Path) -> None:
    phases: dict[str, float] = defaultdict(float)
    steps = dict((label, float(s)) for label, s in PHASE.findall(build.stderr))
    for label, seconds in steps.items():
        if label in PHASES:
            phases[PHASES[label]] += seconds
    rendered = steps.get("生成网页", 0.0)  # MkDocs' part holds the post-render steps: take them out
    after = [(PHASES[label], s) for label, s in steps.items()
             if label in PHASES and PHASES[label] != "load+check" and label != "排版印刷版 PDF"]
    beside = [s for phase, s in after if phase in SIDE_BY_SIDE]  # gazette.pipeline runs these two at once
    phases["render"] = rendered - sum(s for phase, s in after if phase not in SIDE_BY_SIDE) - max(beside, default=0.0)
    files, size, pdfs = size_of(out)
    plain_files, plain_size, _ = size_of(plain_out)
    print(f"\n== {name}: {documents} documents ==")
    print(f"gazette build: {build.seconds:.1f} s wall, {build.cpu:.1f} s CPU (all processes)")
    for phase in ("load+check", "render", "emit", "search", "PDF"):
        beside = " (emit and search run at the same time)" if phase == "search" else ""
        print(f"  {phase:<11} {phases.get(phase, 0.0):7.1f} s{beside}")
    for process, kib in sorted(build.peaks.items(), key=lambda item: -item[1]):
        print(f"  peak memory {process}: {kib / 1024:.0f} MiB")
    print(f"  output: {files} files, {size / 2**20:.1f} MiB (PDFs {pdfs / 2**20:.1f} MiB)")
    print(f"plain MkDocs + Material: {plain.seconds:.1f} s wall, peak {max(plain.peaks.values(), default=0) / 1024:.0f} MiB, "
          f"{plain_files} files, {plain_size / 2**20:.1f} MiB")
    print(f"ratio gazette / plain: {build.seconds / plain.seconds:.2f}×")


def report_loop(root: Path, out: Path, cold: Run, no_pdf: bool) -> None:
    """Incremental rebuilds against the cold build (wall and CPU), then the editor loop of `gazette serve`."""
    env = {"PYTHONPATH": str(REPO)}
    for what, (wall, cpu, stderr) in rebuilds(root, out, no_pdf, env).items():
        print(f"rebuild, {what}: {wall:.1f} s wall ({wall / cold.seconds:.0%} of the cold build), "
              f"{cpu:.1f} s CPU ({cpu / cold.cpu:.0%})")
        print("  " + "; ".join(f"{label} {seconds} s" for label, seconds in PHASE.findall(stderr)))
        print("  " + "\n  ".join(line for line in stderr.splitlines() if line.startswith(("网页：", "输入没有改动"))))
    for what, seconds in editor_loop(root, env).items():
        print(f"gazette serve, {what}: {seconds:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="sample,npc,synthetic", help="which projects, comma-separated")
    parser.add_argument("--documents", type=int, default=10_000, help="documents in the synthetic gazette")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--npc-limit", type=int, default=None, help="only the first N laws of npc-laws")
    parser.add_argument("--no-pdf", action="store_true", help="build without the print edition (gazette build --no-pdf)")
    parser.add_argument("--jobs", type=int, default=None, help="PDF layout processes (default: one per core)")
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it")
    parser.add_argument("--no-loop", action="store_true", help="skip the rebuilds and the editor loop (gazette serve)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, Python {sys.version.split()[0]}; "
          f"PDFs: {'no' if args.no_pdf else 'yes'}; work: {work}")
    for name in args.only.split(","):
        if name == "sample":
            root = work / "sample"
            shutil.rmtree(root, ignore_errors=True)
            shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", "build", ".venv", "node_modules", "tests"))
            count = len(list((root / "content" / "documents").rglob("*.md")))
        elif name == "npc":
            root = work / "npc-laws"
            count = make_npc(root, CORPUS, args.npc_limit)
            write_issues(root)
        elif name == "synthetic":
            root = work / f"synthetic-{args.documents}"
            count = make_synthetic(root, args.documents, args.seed)
        else:
            sys.exit(f"unknown project {name!r}: sample, npc or synthetic")
        out = work / f"{root.name}-site"
        build = gazette_build(root, out, args.no_pdf, args.jobs)
        plain = plain_build(root, work / root.name)
        report(name, count, build, out, plain, work / root.name / "plain" / "site")
        if not args.no_loop:
            report_loop(root, out, build, args.no_pdf)


if __name__ == "__main__":
    main()
