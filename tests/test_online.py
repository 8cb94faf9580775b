"""`gazette check --online` against a real local HTTPS server: each case, the timeout, the cache."""

import json
import os
import socket
import subprocess
import sys
import time

import pytest
import trustme

import localserver
from projects import GAZETTE_YML
from gazette.findings import Report
from gazette.online.cache import CACHE_FILE
from gazette.online.services import Options, check_services
from gazette.project import load_and_check

TIMEOUT = 1.0
PATHS = ["/ok", "/no-head", "/moved", "/missing", "/broken", "/slow", "/away"]


@pytest.fixture(scope="module")
def ca():
    return trustme.CA()


@pytest.fixture
def server(ca, tmp_path, monkeypatch):
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))  # requests trusts the test CA, nothing else changes
    server = localserver.start(ca)
    yield server
    localserver.stop(server)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def services_doc(urls: list[str], disclosure: str = "主动公开") -> str:
    items = "".join(f"  - title: 事项{i}\n    url: {url}\n" for i, url in enumerate(urls, 1))
    return ("---\ntitle: 关于示例事项的公告\nkind: 公告通报\nissuer: 长征镇\npublished: 2024-03-06\n"
            f"disclosure: {disclosure}\nservices:\n{items}---\n\n正文。\n")


@pytest.fixture
def linked(project, server):
    """A project whose public notice links every server case, plus a dead port and a non-public notice."""
    urls = [server.base + path for path in PATHS] + [f"https://localhost:{closed_port()}/gone"]
    root = project({
        "gazette.yml": GAZETTE_YML.replace("  - zwdt.sh.gov.cn", "  - localhost"),
        "content/documents/2024/gg-2024-1.md": services_doc(urls),
        "content/documents/2024/gg-2024-9.md": services_doc([server.base + "/secret"], "依申请公开"),
    })
    library, report = load_and_check(root)
    assert report.findings == []
    return root, library, urls


def url_line(index: int) -> int:
    return 9 + 2 * index  # the `url:` line of services item `index` in services_doc


def run(library, **options) -> tuple[Report, dict, float]:
    report = Report()
    start = time.monotonic()
    counts = check_services(library, report, Options(**{"timeout": TIMEOUT, "jobs": 4, "cache_hours": 1, **options}))
    return report, counts, time.monotonic() - start


def test_each_case_classified_with_file_and_line(linked, server):
    root, library, urls = linked
    report, counts, elapsed = run(library)
    rel = "content/documents/2024/gg-2024-1.md"
    got = {(f.line, f.level.value, f.message.split("：")[0]) for f in report.findings}
    assert all(f.path == rel for f in report.findings)
    assert got == {
        (url_line(2), "警告", f"阅办联动链接“{urls[2]}”被重定向到“{server.base}/ok”"),
        (url_line(3), "错误", f"阅办联动链接“{urls[3]}”已失效（HTTP 404）"),
        (url_line(4), "警告", f"阅办联动链接“{urls[4]}”服务器出错（HTTP 500）"),
        (url_line(5), "警告", f"阅办联动链接“{urls[5]}”{TIMEOUT:g} 秒内没有响应"),
        (url_line(6), "错误", f"阅办联动链接“{urls[6]}”被重定向到“https://127.0.0.1:{server.server_address[1]}/ok”，"
                              "它不是 https:// 网址或主机不在 gazette.yml 的 service_hosts 中"),
        (url_line(7), "错误", f"阅办联动链接“{urls[7]}”无法访问（连接被拒绝）"),
    }
    assert counts == {"urls": 8, "checked": 8, "cached": 0}
    # The slow page was given up on at the timeout, long before it would have answered.
    assert elapsed < localserver.SLOW_SECONDS
    requests = server.requests
    assert ("HEAD", "/no-head") in requests and ("GET", "/no-head") in requests, "HEAD falls back to GET"
    assert ("GET", "/ok") not in requests, "HEAD is enough when it works"
    assert ("HEAD", "/ok") in requests, "the redirect is followed to its target"
    assert not [r for r in requests if r[1] == "/secret"], "links of non-public documents are never fetched"
    assert (root / CACHE_FILE).is_file()


def test_second_run_within_expiry_makes_no_requests(linked, server):
    root, library, _ = linked
    first, _, _ = run(library)
    server.requests.clear()
    second, counts, _ = run(library)
    assert server.requests == []
    assert counts == {"urls": 8, "checked": 0, "cached": 8}
    assert [f.format() for f in second.findings] == [f.format() for f in first.findings]


def test_expired_entries_are_checked_again(linked, server):
    root, library, _ = linked
    run(library)
    cache = root / CACHE_FILE
    data = json.loads(cache.read_text(encoding="utf-8"))
    for entry in data["links"].values():
        entry["checked"] -= 2 * 3600  # two hours ago: older than the one-hour expiry
    cache.write_text(json.dumps(data), encoding="utf-8")
    server.requests.clear()
    _, counts, _ = run(library)
    assert counts["checked"] == 8 and ("HEAD", "/ok") in server.requests
    server.requests.clear()
    _, counts, _ = run(library, cache_hours=0)
    assert counts["cached"] == 0 and ("HEAD", "/ok") in server.requests


def test_cli_online_github_annotations(linked, server):
    root, _, urls = linked
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1735660800"}
    result = subprocess.run([sys.executable, "-m", "gazette", "-C", str(root), "check", "--online",
                             "--timeout", str(TIMEOUT), "--format", "github"],
                            cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    rel = "content/documents/2024/gg-2024-1.md"
    assert lines[1].startswith(f"::error file={rel},line={url_line(3)},title=公报检查错误::阅办联动链接“{urls[3]}”已失效")
    assert lines[0].startswith(f"::warning file={rel},line={url_line(2)},title=公报检查警告::")
    assert "阅办联动链接：8 个网址，8 个已联网检查" in result.stderr
    assert "Traceback" not in result.stderr


def test_offline_is_the_default(linked, server):
    root, _, _ = linked
    result = subprocess.run([sys.executable, "-m", "gazette", "-C", str(root), "check"],
                            capture_output=True, text=True)
    assert result.returncode == 0 and server.requests == []


def test_damaged_cache_is_reported_and_replaced(linked, server, capsys):
    root, library, _ = linked
    cache = root / CACHE_FILE
    cache.parent.mkdir(parents=True)
    cache.write_text("{不是 JSON", encoding="utf-8")
    _, counts, _ = run(library)
    assert counts["checked"] == 8
    assert "无法读取链接检查缓存" in capsys.readouterr().err
    assert json.loads(cache.read_text(encoding="utf-8"))["version"] == 1
