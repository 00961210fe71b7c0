"""A real HTTP server on 127.0.0.1 serving a saved copy of a site, for the demo and tests.

A site folder holds `routes.json`: {"/path?query": {"file": ..., "status": ...,
"content_type": ..., "cookie_challenge": "NAME=VALUE"}} and the files it names. A route
with a cookie challenge answers requests without that cookie with the folder's
`challenge.html`, as laodong.vn was reported to answer plain clients on its RSS URLs.

Tests of a hostile web add routes with faults: "sleep" (seconds before answering),
"drip" (seconds between 1 KiB chunks), "truncate" (promise more bytes than sent, then
close), "gzip" (send the body gzip-compressed), "fail_first" (answer the first N requests
with "fail_status" and "fail_headers", then normally), "body" (inline text or bytes).
"""

from __future__ import annotations

import gzip
import json
import logging
import mimetypes
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

DEMO_SITE = Path(__file__).parent / "demo_site"
_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
}


def load_routes(folder: Path) -> dict[str, dict[str, Any]]:
    routes: dict[str, dict[str, Any]] = json.loads((folder / "routes.json").read_text(encoding="utf-8"))
    return routes


class FixtureSite:
    """Routes of one site folder; tests may add or change routes while it is served."""

    def __init__(self, folder: Path, delay: float = 0.0) -> None:
        self.folder = folder
        self.routes = load_routes(folder)
        self.delay = delay  # seconds before answering an article page (.ldo): a slow site
        self.hits: dict[str, int] = {}
        self.hit_times: dict[str, list[float]] = {}
        self.lock = threading.Lock()

    def body_of(self, route: dict[str, Any]) -> bytes:
        if "body" in route:
            body = route["body"]
            return body.encode("utf-8") if isinstance(body, str) else bytes(body)
        return (self.folder / str(route["file"])).read_bytes()

    def content_type_of(self, route: dict[str, Any]) -> str:
        if "content_type" in route:
            return str(route["content_type"])
        suffix = Path(route.get("file", "")).suffix
        return _TYPES.get(suffix) or mimetypes.guess_type(route.get("file", ""))[0] or "text/html; charset=utf-8"


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        site = self.server.site
        with site.lock:
            site.hits[self.path] = site.hits.get(self.path, 0) + 1
            site.hit_times.setdefault(self.path, []).append(time.monotonic())
            hits = site.hits[self.path]
        route = site.routes.get(self.path)
        if route is None:
            self._send(HTTPStatus.NOT_FOUND, b"<html><body>Not found</body></html>", "text/html; charset=utf-8")
            return
        challenge = route.get("cookie_challenge")
        if challenge and challenge not in (self.headers.get("Cookie") or ""):
            self._send(HTTPStatus.OK, (site.folder / "challenge.html").read_bytes(), "text/html; charset=utf-8")
            return
        if site.delay and self.path.split("?")[0].endswith(".ldo"):
            time.sleep(site.delay)
        if hits <= int(route.get("fail_first", 0)):
            status = int(route.get("fail_status", 503))
            self._send(status, b"<html><body>Busy</body></html>", "text/html", dict(route.get("fail_headers", {})))
            return
        time.sleep(float(route.get("sleep", 0)))
        headers = dict(route.get("headers", {}))
        body = site.body_of(route)
        if route.get("gzip"):
            body = gzip.compress(body, compresslevel=9)
            headers["Content-Encoding"] = "gzip"
        status = int(route.get("status", 200))
        if route.get("truncate"):
            self._send_truncated(status, body, site.content_type_of(route))
        elif route.get("drip"):
            self._send_slowly(status, body, site.content_type_of(route), float(route["drip"]))
        else:
            self._send(status, body, site.content_type_of(route), headers)

    def _send_truncated(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) * 2))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def _send_slowly(self, status: int, body: bytes, content_type: str, pause: float) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for start in range(0, len(body), 1024):
                self.wfile.write(body[start : start + 1024])
                self.wfile.flush()
                time.sleep(pause)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def log_message(self, format: str, *args: Any) -> None:
        logger.debug("fixture server: " + format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: FixtureSite


class FixtureServer:
    """`with FixtureServer(folder) as server:` serves on `server.base_url` until the block ends."""

    def __init__(self, folder: Path = DEMO_SITE, port: int = 0, delay: float = 0.0) -> None:
        self.site = FixtureSite(folder, delay)
        self.httpd = _Server(("127.0.0.1", port), _Handler)
        self.httpd.site = self.site
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="fixture-server", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> FixtureServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
