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


# URLs a scraped record may carry, and whether the report may make a link of them
URLS = [("https://aman.example.id/1", True), ("HTTP://aman.example.id/2", True),
        ("javascript:alert(document.cookie)", False), (" JaVaScRiPt:alert(1)", False),
        ("&#106;avascript:alert(1)", False), ("java\tscript:alert(1)", False), ("\x01javascript:alert(1)", False),
        ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", False), ("vbscript:msgbox(1)", False),
        ("//jahat.example/x", False)]
CITIES = ["Cirebon", "Indramayu", "Majalengka", "Kuningan", "Subang", "Purwakarta", "Karawang", "Bekasi", "Bogor",
          "Depok"]
TERMINAL = "\x1b]0;pwned\x07\x1b[2J\x9b2J"      # retitle the terminal, clear it (C0 escape and C1 CSI)


@pytest.fixture(scope="module")
def hostile_feed_run(tmp_path_factory):
    import json
    from extract.cli import main
    from data.make_hostile import OTHER_BODY
    folder = tmp_path_factory.mktemp("links")
    lines = [{"url": url, "published": "2021-12-10", "title": f"{city} Raih{TERMINAL}",
              "text": OTHER_BODY.replace("Sleman", city).replace("meraih", f"{TERMINAL}meraih", 1)}
             for (url, _), city in zip(URLS, CITIES)]
    (folder / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["run", str(folder / "feed.jsonl"), "--out", str(folder / "out"), "--workers", "1"]) == 0
    return folder


def test_the_report_links_only_web_addresses(hostile_feed_run):
    import lxml.html
    import extract
    report = extract.write_report(hostile_feed_run / "out", hostile_feed_run / "report.html")
    tree = lxml.html.fromstring(report.read_bytes())
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert not [h for h in hrefs if not h.startswith(("#", "https://", "HTTP://"))], hrefs
    assert {h for h in hrefs if not h.startswith("#")} == {url for url, linked in URLS if linked}
    assert not tree.xpath("//script[not(@type) or @type!='application/json']/@src"), "no script from the data"
    shown = tree.text_content()
    for url, linked in URLS:
        assert linked or " ".join(url.split()).strip("\x01") in " ".join(shown.split()), f"{url!r} is shown as text"


def _controls(text: str) -> list[str]:
    return [ch for ch in text if (ch < " " and ch not in "\n\t") or "\x7f" <= ch <= "\x9f"]


@pytest.mark.parametrize("command", [["claims"], ["claims", "--csv"], ["check", "Pemkab Cirebon meraih predikat "
                                     "Kepatuhan Tinggi tahun 2021"], ["check", "--json", "Pemkab Cirebon meraih "
                                     "predikat Kepatuhan Tinggi tahun 2021"]], ids=["claims", "csv", "check", "json"])
def test_what_the_commands_print_from_the_data_drives_no_terminal(hostile_feed_run, capsys, command):
    from extract.cli import main
    main([command[0], str(hostile_feed_run / "out"), *command[1:]])
    said = capsys.readouterr()
    assert not _controls(said.out + said.err), said.out
    assert "\\u001b]0;pwned\\u0007" in said.out, "escaped, not dropped"


def test_warnings_name_hostile_file_names_escaped(tmp_path):
    import os
    import subprocess
    import sys
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"kosong{TERMINAL}.txt").write_text("")
    done = subprocess.run([sys.executable, "-m", "extract", "run", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                           "--workers", "1"], capture_output=True, text=True, timeout=300,
                          env=os.environ | {"TQDM_DISABLE": "1"})
    assert done.returncode == 1, done.stderr
    assert "kosong\\u001b]0;pwned\\u0007\\u001b[2J\\u009b2J.txt: empty file" in done.stderr
    assert not _controls(done.stdout + done.stderr)
