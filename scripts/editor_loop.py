"""Rebuilds and the editor loop, measured for scripts/bench.py (issue 13, points 2 and 3).

rebuilds(): after a cold `gazette build`, the same build again with nothing
changed, then with one document's body changed (incremental: gazette.site.incremental).
editor_loop(): `gazette serve` started, the time until a document's page is
served; then its file saved with a change, the time until the served page shows
it (as the browser sees it after the live reload: a GET of the page), three times;
for each, also the CPU seconds the serve process spent (Linux: /proc; the machine
may be shared, CPU time is the steadier measure).
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

EPOCH = "1735660800"
SAVES = 3


def first_document(root: Path) -> tuple[Path, str]:
    """The first document file (by path) and its page's URL path."""
    documents = root / "content" / "documents"
    path = sorted(documents.rglob("*.md"))[0]
    return path, "/documents/" + path.relative_to(documents).with_suffix("").as_posix() + "/"


def append_line(path: Path, text: str) -> str:
    """Add a paragraph at the end of a document's body; the old text is returned to put back."""
    old = path.read_text(encoding="utf-8")
    path.write_text(old.rstrip("\n") + f"\n\n{text}\n", encoding="utf-8")
    return old


def timed(args: list[str], env: dict) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the process and its children, stderr) of a command that must succeed."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    result = subprocess.run(args, env={**os.environ, **env}, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stderr[-3000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return time.perf_counter() - start, cpu, result.stderr


def rebuilds(root: Path, out: Path, no_pdf: bool, env: dict) -> dict[str, tuple[float, float, str]]:
    """(wall, CPU seconds, stderr) of `gazette build` with nothing changed, then with one document changed
    (after a cold build)."""
    args = [sys.executable, "-m", "gazette", "-C", str(root), "build", "--out", str(out)] + (["--no-pdf"] if no_pdf else [])
    env = {**env, "SOURCE_DATE_EPOCH": EPOCH}
    unchanged = timed(args, env)
    path, _ = first_document(root)
    old = append_line(path, "基准测试改动的一段。")
    try:
        one = timed(args, env)
    finally:
        path.write_text(old, encoding="utf-8")
    return {"nothing changed": unchanged, "one document changed": one}


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float:
    start = time.perf_counter()
    while text not in _get(url):
        if time.perf_counter() - start > timeout:
            sys.exit(f"{url} did not show {text!r} within {timeout} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def _cpu(pid: int) -> float:
    """CPU seconds (user and system) so far of process `pid` and its children, live or waited for (the
    conversion pool's workers live on); 0 without /proc."""
    stats = {}
    for entry in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = entry.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        stats[int(entry.parent.name)] = (int(fields[1]), sum(int(value) for value in fields[11:15]))
    tree = {pid}
    for _ in range(4):  # a few generations down
        tree |= {child for child, (parent, _) in stats.items() if parent in tree}
    ticks = sum(stats[member][1] for member in tree if member in stats)
    return ticks / os.sysconf("SC_CLK_TCK")


def _ctrl_c_default() -> None:
    """In the child: Ctrl+C as in an editor's terminal. A benchmark started in the background (`cmd &` in a
    non-interactive shell) has SIGINT ignored, the child would inherit that, and Python then never raises
    KeyboardInterrupt: `gazette serve` would not stop on the SIGINT sent below."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def editor_loop(root: Path, env: dict, timeout: float = 900) -> dict[str, float]:
    """Seconds from starting `gazette serve` to its first page, and from each save to the page showing it
    (wall, and CPU of the serve process)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    path, page = first_document(root)
    url = f"http://127.0.0.1:{port}{page}"
    start = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "gazette", "-C", str(root), "serve", "-a", f"127.0.0.1:{port}"],
                              env={**os.environ, **env, "SOURCE_DATE_EPOCH": EPOCH}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True, preexec_fn=_ctrl_c_default)
    times = {}
    old = path.read_text(encoding="utf-8")
    try:
        _wait_for(url, "</html>", timeout)
        times["first page"] = time.perf_counter() - start
        times["first page, CPU of serve"] = cpu = _cpu(server.pid)
        for save in range(1, SAVES + 1):
            marker = f"编辑循环第{save}次保存"
            path.write_text(old.rstrip("\n") + f"\n\n{marker}\n", encoding="utf-8")
            times[f"save {save} -> page shown"] = _wait_for(url, marker, timeout)
            now = _cpu(server.pid)
            times[f"save {save} -> page shown, CPU of serve"] = now - cpu
            cpu = now
    finally:
        path.write_text(old, encoding="utf-8")
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            print("warning: gazette serve did not stop within 60 s of Ctrl+C; killed", file=sys.stderr)
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return times
