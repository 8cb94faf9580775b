"""One service URL fetched and classified: HEAD first, GET when HEAD fails.

Redirects are followed by hand (at most MAX_REDIRECTS) so that every hop can
be held to the same rules as the URL itself: https only, host in the allow-list.
"""

from __future__ import annotations

import socket
import ssl
import threading
from dataclasses import asdict, dataclass
from urllib.parse import urljoin, urlsplit

import requests

from .. import __version__
from ..model.fields import host_in_allow_list

MAX_REDIRECTS = 5
USER_AGENT = f"gazette/{__version__} (service link check)"

# Outcomes, from best to worst; `ERRORS` fail the check, the others warn.
OK, REDIRECT, REFUSED, SERVER_ERROR, TIMEOUT, DEAD, UNREACHABLE, OUTSIDE = (
    "ok", "redirect", "refused", "server_error", "timeout", "dead", "unreachable", "outside")
ERRORS = frozenset({DEAD, UNREACHABLE, OUTSIDE})
REFUSING = frozenset({401, 403, 429})  # the server will not talk to a robot: look by hand


@dataclass(frozen=True)
class Outcome:
    kind: str
    status: int | None = None  # HTTP status of the last response
    location: str | None = None  # where a redirect leads (the final URL, or the one refused)
    detail: str = ""  # the reason of a failure, for the message

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Outcome":
        return cls(**{key: data.get(key) for key in ("kind", "status", "location")}, detail=data.get("detail") or "")


def host_allowed(url: str, hosts: list[str]) -> bool:
    """https:// and a host in the allow-list (or a sub-domain of one)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    return parts.scheme == "https" and host_in_allow_list(host, hosts)


_local = threading.local()


def _session() -> requests.Session:
    """One session per worker thread (keep-alive without sharing a session across threads)."""
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
        _local.session.headers["User-Agent"] = USER_AGENT
    return _local.session


def _status(url: str, timeout: float) -> requests.Response:
    """HEAD, then GET (body not read) when the server refuses or mishandles HEAD."""
    session = _session()
    response = session.head(url, allow_redirects=False, timeout=timeout)
    response.close()
    if response.status_code >= 400:
        response = session.get(url, allow_redirects=False, timeout=timeout, stream=True)
        response.close()
    return response


def probe(url: str, hosts: list[str], timeout: float) -> Outcome:
    """Fetch `url`, following allowed redirects, and classify what a reader would meet."""
    current, redirected = url, False
    for _ in range(MAX_REDIRECTS + 1):
        try:
            response = _status(current, timeout)
        except requests.Timeout:
            return Outcome(TIMEOUT, location=current if redirected else None, detail=f"{timeout:g} 秒内没有响应")
        except requests.exceptions.SSLError as exc:
            return Outcome(UNREACHABLE, detail=f"HTTPS 证书无效：{_reason(exc)}")
        except requests.RequestException as exc:
            return Outcome(UNREACHABLE, detail=_reason(exc))
        status = response.status_code
        if 300 <= status < 400 and response.headers.get("Location"):
            target = urljoin(current, response.headers["Location"])
            if not host_allowed(target, hosts):
                return Outcome(OUTSIDE, status, target)
            current, redirected = target, True
            continue
        return _classify(status, current if redirected else None)
    return Outcome(DEAD, location=current, detail=f"重定向超过 {MAX_REDIRECTS} 次")


def _classify(status: int, location: str | None) -> Outcome:
    if status < 300:
        return Outcome(REDIRECT if location else OK, status, location)
    if status in REFUSING:
        return Outcome(REFUSED, status, location)
    if status >= 500:
        return Outcome(SERVER_ERROR, status, location)
    return Outcome(DEAD, status, location)


def _reason(exc: BaseException) -> str:
    """Why a connection failed, in words an editor can act on."""
    seen = exc
    while seen is not None:
        if isinstance(seen, socket.gaierror):
            return "找不到该主机（域名解析失败）"
        if isinstance(seen, ConnectionRefusedError):
            return "连接被拒绝"
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen.verify_message or "证书不受信任"
        seen = seen.__cause__ or seen.__context__
    return f"连接失败：{type(exc).__name__}"
