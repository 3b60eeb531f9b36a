"""Hostile input aimed at the people who use the tables: downloads that never end or ask to wait,
links in the report, and text that would drive the terminal."""
from __future__ import annotations

import http.server
import threading
import time

import pytest

from extract.read.web import RETRY_AFTER_CAP, fetch_url
from extract.settings import Settings

from data.make_hostile import city_page

PAGE = city_page("Tegal", "http://127.0.0.1/tegal").encode()


class _Hostile(http.server.BaseHTTPRequestHandler):
    """``/trickle``: a page one byte at a time; ``/busy/N``: 503 with ``Retry-After: N`` the first
    time, then the page; ``/gone``: 404."""
    protocol_version = "HTTP/1.1"
    asked: dict[str, int] = {}

    def do_GET(self):
        asked = self.asked[self.path] = self.asked.get(self.path, 0) + 1
        if self.path == "/trickle":
            self._headers(200, len(PAGE))
            for byte in PAGE:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.05)
        elif self.path.startswith("/busy/") and asked == 1:
            self._headers(503, 0, {"Retry-After": self.path.rsplit("/", 1)[1]})
        elif self.path.startswith("/busy/") or self.path == "/page":
            self._headers(200, len(PAGE))
            self.wfile.write(PAGE)
        else:
            self._headers(404, 0)

    def _headers(self, status: int, length: int, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(length))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _fetch(url: str, timeout: int = 5, **settings):
    """``fetch_url``'s row; the test fails, instead of hanging, should the download not end."""
    rows: list = []
    worker = threading.Thread(target=lambda: rows.append(fetch_url(url, Settings(fetch_timeout=timeout,
                                                                                 allow_private=True, **settings))),
                              daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "the download did not end"
    return rows[0]


@pytest.mark.parametrize("path, timeout, status, said, asked", [
    ("/page", 5, "ok", None, 1),
    ("/trickle", 1, "fetch_error", "download took longer than 1 s (--timeout)", 1),
    ("/busy/1", 5, "ok", None, 2),                                   # waited a second, asked again
    (f"/busy/{RETRY_AFTER_CAP + 1}", 5, "fetch_error",
     f"HTTP 503; Retry-After {RETRY_AFTER_CAP + 1} is over the cap or the time left", 1),
    ("/busy/4", 2, "fetch_error", "HTTP 503; Retry-After 4 is over the cap or the time left", 1),
    ("/gone", 5, "fetch_error", "HTTP 404", 1),
], ids=["page", "trickle", "retry-after", "retry-after-over-cap", "retry-after-over-time", "not-found"])
def test_a_download_ends_within_its_time_and_waits_as_asked_once(hostile_server, path, timeout, status, said, asked):
    url = hostile_server + path
    _Hostile.asked.pop(path, None)
    row = _fetch(url, timeout)
    assert row.status == status, row.error
    assert (row.error is None and "Pemerintah Kota Tegal" in row.html) if said is None else row.error == f"{url}: {said}"
    assert _Hostile.asked[path] == asked


def test_a_download_over_the_cap_is_refused(hostile_server):
    row = _fetch(hostile_server + "/page", fetch_max_bytes=500)
    assert row.status == "fetch_error" and "download over the page limit of 500 bytes" in row.error


def test_private_addresses_are_refused_unless_allowed(hostile_server):
    row = fetch_url(hostile_server + "/page", Settings(fetch_timeout=5))
    assert row.status == "fetch_error" and "non-public address blocked" in row.error
