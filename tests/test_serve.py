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

from projects import NOTICE_HEAD


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
