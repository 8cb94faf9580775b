"""A real HTTPS server on 127.0.0.1 (certificate from a throwaway trustme CA) for link checks."""

from __future__ import annotations

import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import trustme

SLOW_SECONDS = 8.0  # the slow page answers after this long (the check's timeout is far shorter)
PAGE = "<!doctype html><title>办事服务</title>".encode()


class Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, ca: trustme.CA):
        super().__init__(("127.0.0.1", 0), Handler)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("localhost").configure_cert(context)
        self.socket = context.wrap_socket(self.socket, server_side=True)
        self.requests: list[tuple[str, str]] = []  # (method, path) of every request
        self.stopping = threading.Event()
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"https://localhost:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    """/ok 200, /moved 301→/ok, /away 301→another host, /missing 404, /broken 500,
    /slow (answers after SLOW_SECONDS), /no-head (HEAD 405, GET 200), /secret 200;
    `?ms=N` delays any answer by N milliseconds."""

    server: Server

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def do_GET(self) -> None:
        self._answer(body=True)

    def _answer(self, body: bool) -> None:
        with self.server.lock:
            self.server.requests.append((self.command, self.path))
        port = self.server.server_address[1]
        path, _, query = self.path.partition("?")
        delay = parse_qs(query).get("ms")
        if delay:  # simulated network latency, for the benchmark
            self.server.stopping.wait(int(delay[0]) / 1000)
        routes = {
            "/ok": (200, None), "/secret": (200, None), "/missing": (404, None), "/broken": (500, None),
            "/moved": (301, "/ok"), "/away": (301, f"https://127.0.0.1:{port}/ok"),
            "/no-head": (405 if self.command == "HEAD" else 200, None),
        }
        if path == "/slow":
            self.server.stopping.wait(SLOW_SECONDS)
            routes["/slow"] = (200, None)
        status, location = routes.get(path, (404, None))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        if body:
            self.wfile.write(PAGE)


def start(ca: trustme.CA) -> Server:
    server = Server(ca)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def stop(server: Server) -> None:
    server.stopping.set()
    server.shutdown()
    server.server_close()
