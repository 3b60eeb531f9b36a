"""Careless and hostile input handled correctly, not only survived: each class of record gets the
row it should, in a run that goes on.

The files are written by :func:`build` into a temporary directory; ``EXPECTED`` lists the row of
each record, keyed by its source relative to that directory.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import socket
import threading
import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

import extract
from extract.limits import Limits
from extract.read.inputs import iter_raw_docs, read_input

from data.make_hostile import OTHER_BODY, city_page

BOM = b"\xef\xbb\xbf"


def _body(city: str) -> str:
    return OTHER_BODY.replace("Sleman", city)


def _jsonl(*records: dict) -> bytes:
    return b"".join(json.dumps(record).encode() + b"\n" for record in records)


def _http(status: str, page: bytes = b"<html><body>Galat</body></html>") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: text/html\r\n\r\n".encode() + page


def _record(kind: str, block: bytes, uri: str | None, length: object = "auto",
            content_type: str = "application/http; msgtype=response") -> bytes:
    """One WARC record as bytes, its headers as given (``length`` None: no Content-Length)."""
    headers = ["WARC/1.0", f"WARC-Type: {kind}", f"WARC-Record-ID: <urn:uuid:{len(block):08d}-0000-0000-0000-000000000000>",
               "WARC-Date: 2021-03-10T12:00:00Z"] + ([f"WARC-Target-URI: {uri}"] if uri else [])
    headers.append(f"Content-Type: {content_type}")
    if length is not None:
        headers.append(f"Content-Length: {len(block) if length == 'auto' else length}")
    return "\r\n".join(headers).encode() + b"\r\n\r\n" + block + b"\r\n\r\n"


def _archives(variant: str) -> dict[str, list[bytes]]:
    """Archives by name, as lists of records; ``variant`` makes every page and URL its own."""
    url = lambda name: f"https://w{variant}.example.id/{name}"   # noqa: E731
    page = lambda city: city_page(f"{city}{variant}", url(city)).encode()   # noqa: E731
    ok = lambda city, **options: _record("response", _http("200 OK", page(city)), options.pop("uri", url(city)), **options)  # noqa: E731
    return {
        "no-uri": [_record("request", b"GET / HTTP/1.1\r\n\r\n", None, content_type="application/http; msgtype=request"),
                   ok("Bengkulu", uri=None),
                   _record("revisit", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", None),
                   ok("Jambi")],
        "resource": [_record("resource", page("Kupang"), f"file:///arsip{variant}/kupang.html", content_type="text/html"),
                     _record("resource", page("Ende"), f"urn:x-arsip{variant}:ende", content_type="text/html"),
                     ok("Atambua", uri=f"urn:x-arsip{variant}:atambua")],
        "no-length": [_record("response", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG", url("logo"),
                              length=None),                   # passed over, and not over the next record
                      ok("Mataram", length=None), ok("Bima"),
                      _record("response", _http("404 Not Found"), url("hilang"), length=None), ok("Lombok")],
        "bad-length": [ok("Sumbawa", length=-5), ok("Dompu", length=10**15), ok("Kendari", length="lima")],
        "status": [_record("response", _http("404 Not Found"), url("hilang")),
                   _record("response", _http("500 Internal Server Error"), url("galat")),
                   _record("response", b"HTTP/1.1 301 Moved\r\nLocation: /baru\r\nContent-Type: text/html\r\n\r\n",
                           url("pindah")),
                   ok("Kolaka")],
    }


# archive -> the rows of its records in order: status, and a field of the row that must hold a fragment
ARCHIVES = {
    "no-uri": [("ok", "text", "Pemerintah Kota Bengkulu"), ("duplicate", "error", "the capture of an earlier record"),
               ("ok", "text", "Pemerintah Kota Jambi")],
    "resource": [("ok", "url", "file:///arsip"), ("ok", "url", "urn:x-arsip")],
    "no-length": [("ok", "text", "Pemerintah Kota Mataram"), ("ok", "text", "Pemerintah Kota Bima"),
                  ("http_status", "error", "HTTP 404"), ("ok", "text", "Pemerintah Kota Lombok")],
    "bad-length": [("ok", "text", "Pemerintah Kota Sumbawa"), ("ok", "text", "Pemerintah Kota Dompu"),
                   ("ok", "text", "Pemerintah Kota Kendari")],
    "status": [("http_status", "error", "HTTP 404"), ("http_status", "error", "HTTP 500"), ("ok", "text", "Kolaka")],
}


def build(root: Path) -> Path:
    (root / "feeds").mkdir(parents=True)
    (root / "warc").mkdir()
    for name, records in _archives("").items():
        (root / "warc" / f"{name}.warc").write_bytes(b"".join(records))
    for name, records in _archives(" Barat").items():   # a member per record
        (root / "warc" / f"{name}.warc.gz").write_bytes(b"".join(gzip.compress(record, mtime=0) for record in records))
    (root / "feeds" / "surrogates.jsonl").write_bytes(_jsonl(
        {"url": "https://s.example.id/\ud800", "title": "Bantul \udc00", "text": _body("Bantul") + " \ud800"},
        {"url": "https://s.example.id/2", "text": "\udfff" + _body("Klaten"), "author": ["\ud800"]}))
    (root / "feeds" / "bom.jsonl").write_bytes(BOM + _jsonl({"url": "https://s.example.id/3", "text": _body("Boyolali")}))
    (root / "feeds" / "blank-urls.jsonl").write_bytes(_jsonl(
        {"url": "  ", "text": _body("Wonogiri")}, {"url": "", "text": _body("Sragen")}, {"url": "\t", "text": _body("Blora")}))
    (root / "html").mkdir()
    for name, label, codec in ENCODINGS:
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
        data = city_page(name.title(), f"https://e.example.id/{name}", meta=meta).encode(codec)
        (root / "html" / f"{name}.html").write_bytes(data + b" " * (len(data) % 2))   # even: UTF-16 would decode it
    (root / "feeds" / "partial-dates.jsonl").write_bytes(_jsonl(*(
        {"url": f"https://p.example.id/{n}", "published": value, "text": _body(city).replace("Kamis (9/12/2021)", dateline)}
        for n, (value, city, dateline, _) in enumerate(PARTIAL_DATES))))
    undecodable = os.fsencode(root / "feeds") + b"/caf\xe9-\xff.html"   # not UTF-8: a name only bytes can say
    with open(undecodable, "wb") as handle:
        handle.write(city_page("Metro", "https://t.example.id/1").encode())
    return root


# meta charsets browsers would not honour: (page, label, the bytes' real encoding); the city is the page's name
ENCODINGS = [("pariaman", "utf-16", "utf-8"), ("tidore", "UTF-16LE", "utf-8"), ("ternate", "cp037", "utf-8"),
             ("sorong", "x-no-such-charset", "cp1252"), ("tual", "rot13", "utf-8")]

# a partial published value, the article's city and dateline, and the date the row must hold
PARTIAL_DATES = [
    ("15 Maret", "Purworejo", "Rabu (10/3/2021)", dt.date(2021, 3, 15)),     # the dateline's year
    ("15 Maret", "Kebumen", "pekan lalu", dt.date(2021, 3, 15)),             # the year the text names
    ("12", "Wonosobo", "pekan lalu", None),                                  # not completed from the run's day
    ("Senin", "Temanggung", "pekan lalu", None),
    ("Senin 10:00 WIB", "Batang", "Rabu (10/3/2021)", dt.date(2021, 3, 10)),  # no date: the dateline is
]

# source (relative to the directory) -> status, and a field of the row that must hold a fragment
EXPECTED = {
    **{f"feeds/partial-dates.jsonl:{n + 1}": ("ok", "text", city) for n, (_, city, _, _) in enumerate(PARTIAL_DATES)},
    **{f"html/{name}.html": ("ok", "text", f"“Kami akan terus memperbaiki layanan,” kata Ratu Déwa, Sekretaris Daerah Kota {name.title()}")
       for name, _, _ in ENCODINGS},
    "feeds/surrogates.jsonl:1": ("ok", "url", "https://s.example.id/\ufffd"),
    "feeds/surrogates.jsonl:2": ("ok", "text", "Pemerintah Kabupaten Klaten"),
    "feeds/bom.jsonl:1": ("ok", "url", "https://s.example.id/3"),              # the mark is no part of the JSON
    "feeds/blank-urls.jsonl:1": ("ok", "text", "Wonogiri"),                    # three articles, not one and
    "feeds/blank-urls.jsonl:2": ("ok", "text", "Sragen"),                      # two duplicates of a blank URL
    "feeds/blank-urls.jsonl:3": ("ok", "text", "Blora"),
    "feeds/caf\ufffd-\ufffd.html": ("ok", "url", "https://t.example.id/1"),
}


@pytest.fixture(scope="module")
def careless_run(tmp_path_factory):
    root = build(tmp_path_factory.mktemp("careless"))
    out = tmp_path_factory.mktemp("careless-run")
    summary = extract.run([str(root)], out, workers=1, progress=False)
    articles = extract.load(out, notebook=False)["articles"]
    articles["key"] = articles["source"].map(lambda s: s[len(str(root)) + 1:])
    return summary, articles.set_index("key")


def _archive_rows(articles, name: str):
    rows = articles[articles.index.str.startswith(f"warc/{name}@")]
    return rows.iloc[rows.index.map(lambda key: int(key.rsplit("@", 1)[1])).argsort()]


def test_every_record_has_one_row_and_the_counts_reconcile(careless_run):
    summary, articles = careless_run
    files = [f"warc/{name}{suffix}" for name in ARCHIVES for suffix in (".warc", ".warc.gz")]
    assert sorted(key for key in articles.index if not key.startswith("warc/")) == sorted(EXPECTED)
    assert sorted(key.rsplit("@", 1)[0] for key in articles.index if key.startswith("warc/")) == \
        sorted(file for file in files for _ in ARCHIVES[file.split("/")[1].split(".")[0]])
    assert summary.records == len(articles) == summary.ok + summary.failed + summary.skipped


@pytest.mark.parametrize("name", [f"{name}{suffix}" for name in ARCHIVES for suffix in (".warc", ".warc.gz")])
def test_each_careless_archive_record_gets_its_row(careless_run, name):
    rows = _archive_rows(careless_run[1], name)
    expected = ARCHIVES[name.split(".")[0]]
    assert list(rows["status"]) == [status for status, _, _ in expected], list(rows["error"])
    for (_, row), (status, field, fragment) in zip(rows.iterrows(), expected):
        assert fragment in row[field], (field, row[field])
        assert "WARC/1.0" not in row["text"] and "WARC-Type" not in row["text"], "no record swallows the next"
    if name.startswith("no-uri"):   # a page without a target URI takes its canonical link, a revisit has none
        assert rows["url"].iloc[0].endswith("/Bengkulu") and pd.isna(rows["url"].iloc[1])


@pytest.mark.parametrize("source", list(EXPECTED), ids=list(EXPECTED))
def test_each_careless_record_gets_its_row(careless_run, source):
    row = careless_run[1].loc[source]
    status, field, fragment = EXPECTED[source]
    assert row["status"] == status, row["error"]
    assert fragment in row[field]
    assert not any("\ud800" <= ch <= "\udfff" for value in row if isinstance(value, str) for ch in value)
    if source.startswith("feeds/blank-urls"):
        assert pd.isna(row["url"]), "a blank URL is no URL"


@pytest.mark.parametrize("line, expected", [(n + 1, date) for n, (*_, date) in enumerate(PARTIAL_DATES)],
                         ids=[f"{value}-{dateline}" for value, _, dateline, _ in PARTIAL_DATES])
def test_a_partial_published_value_is_completed_from_the_article_or_left_null(careless_run, line, expected):
    published = careless_run[1].loc[f"feeds/partial-dates.jsonl:{line}", "published"]
    assert (pd.isna(published) if expected is None else published == expected), published


def _padding_bomb(path: Path, megabytes: int) -> None:
    """A gzip member of one WARC header line of ``megabytes`` MB of padding, in a few KB."""
    with gzip.open(path, "wb") as handle:
        handle.write(b"WARC/1.0\r\nWARC-Type: response\r\nX-Padding: ")
        for _ in range(megabytes):
            handle.write(b"a" * (1 << 20))
        handle.write(b"\r\n\r\n")


@pytest.mark.parametrize("megabytes, limit, status, reason", [
    (64, 500_000, "too_large_decompressed", "more than 500,000 bytes decompressed from bomb.warc.gz"),
    (64, 20_000_000, "read_error", "a header line longer than 1,048,576 bytes"),
    (256, Limits().max_decompressed_bytes, "read_error", "a header line longer than 1,048,576 bytes"),
], ids=["decompressed-limit", "header-line", "default-limits"])
def test_a_padding_bomb_stops_at_its_first_bound_in_bounded_memory(tmp_path, megabytes, limit, status, reason):
    """Padding in a header line ends at the decompressed limit or at the longest header line,
    whichever comes first, holding a few MB, whatever the limit."""
    path = tmp_path / "bomb.warc.gz"
    _padding_bomb(path, megabytes)
    tracemalloc.start()
    rows = list(read_input(str(path), extract.Settings(limits=Limits(max_decompressed_bytes=limit))))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [row.status for row in rows] == [status] and reason in rows[0].error, rows[0].error
    assert peak < 24_000_000, f"{peak:,} bytes held"


def _in_thread(work, seconds: float = 60):
    """``work()``'s result; the test fails, instead of hanging, should it block."""
    results: list = []
    worker = threading.Thread(target=lambda: results.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), "reading blocked"
    return results[0]


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(path))
    listener.close()


@pytest.mark.parametrize("name, make, reason", [
    ("pipe.html", _fifo, "not a regular file but a named pipe"),
    ("feed.jsonl", _socket, "not a regular file but a socket"),
    ("zero.html", lambda path: path.symlink_to("/dev/zero"), "not a regular file but a character device"),
    ("zero.warc.gz", lambda path: path.symlink_to("/dev/zero"), "not a regular file but a character device"),
    ("gone.txt", lambda path: path.symlink_to(path.parent / "nowhere"), "no such file"),
], ids=["fifo", "socket", "dev-zero-html", "dev-zero-warc", "broken-symlink"])
def test_a_file_that_is_no_file_is_a_row_not_a_read(tmp_path, name, make, reason):
    folder = tmp_path / "in"
    folder.mkdir()
    make(folder / name)
    rows = _in_thread(lambda: list(iter_raw_docs([str(folder), str(folder / name)])))
    assert [(row.source, row.status) for row in rows] == [(str(folder / name), "read_error")] * 2, "listed and named"
    assert all(reason in row.error for row in rows)


def test_the_page_limit_counts_the_bytes_read_not_the_size_a_file_claims(tmp_path):
    claims_none = Path("/proc/self/maps")   # a regular file of size 0 that holds far more
    if not claims_none.exists() or claims_none.stat().st_size:
        pytest.skip("no /proc")
    (tmp_path / "maps.txt").symlink_to(claims_none)
    rows = list(read_input(str(tmp_path / "maps.txt"), extract.Settings(limits=Limits(max_page_bytes=100))))
    assert [row.status for row in rows] == ["too_large"] and "more than 100 bytes" in rows[0].error


def test_an_unreadable_folder_is_a_row(tmp_path, monkeypatch):
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(_body("Demak"))
    locked = str(tmp_path / "in" / "locked")
    scandir, listdir = os.scandir, os.listdir

    def denied(real):
        def call(path="."):
            if os.fspath(path) == locked:
                raise PermissionError(13, "Permission denied", locked)
            return real(path)
        return call

    monkeypatch.setattr(os, "scandir", denied(scandir))
    monkeypatch.setattr(os, "listdir", denied(listdir))
    rows = list(iter_raw_docs([str(tmp_path / "in")]))
    assert [(row.source, row.status) for row in rows] == [(str(tmp_path / "in" / "a.txt"), "ok"), (locked, "read_error")]
    assert "unreadable folder (Permission denied)" in rows[1].error


@pytest.mark.parametrize("out, report", [("out", "out/report.html"), ("out", "report.html"), (".", "report.html"),
                                         (".", "laporan/ringkas.html")],
                         ids=["inside", "report-beside", "same-folder", "report-in-a-subfolder"])
def test_what_a_run_wrote_is_never_read_by_a_rerun_over_the_same_folder(tmp_path, out, report):
    data = tmp_path / "data"
    (data / "laporan").mkdir(parents=True)
    (data / "a.txt").write_text(_body("Kudus"))
    first = extract.run([str(data)], data / out, workers=1, progress=False)
    extract.write_report(data / out, data / report)
    again = extract.run([str(data)], data / out, workers=1, progress=False)
    assert first.records == again.records == 1 and again.shards_resumed == 1
    assert list(extract.load(data / out)["articles"]["source"]) == [str(data / "a.txt")]


@pytest.mark.parametrize("share, status", [(0.9, "too_large_decompressed"), (5, "ok")], ids=["under", "over"])
def test_declared_lengths_neither_spend_nor_refill_the_decompressed_budget(careless_run, tmp_path, share, status):
    """Negative, absurd and non-numeric lengths: the budget counts the bytes read, never what a record
    declares; a record without a usable length is read about three times (warcio reads a block ahead,
    its end is scanned for, then its block is read), a few times a file this small."""
    path = tmp_path / "bad-length.warc"
    path.write_bytes(b"".join(_archives("-timur")["bad-length"]))
    limit = int(path.stat().st_size * share)
    rows = list(read_input(str(path), extract.Settings(limits=Limits(max_decompressed_bytes=limit))))
    assert rows[-1].status == status and len(rows) == (3 if status == "ok" else len(rows)), [r.error for r in rows]
    assert all(row.status == "ok" for row in rows[:-1])


@pytest.mark.parametrize("megabytes, statuses", [(1, ["too_large", "ok"]), (6, ["too_large"])],
                         ids=["skipped-to-its-end", "padding-ends-the-file"])
def test_a_line_over_the_page_limit_is_skipped_within_a_bound(tmp_path, monkeypatch, megabytes, statuses):
    import extract.read.jsonl as jsonl
    monkeypatch.setattr(jsonl, "SKIP_MAX", 2_000_000)
    path = tmp_path / "padded.jsonl.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(b'{"url": "https://x.example.id/1", "text": "' + b" " * (megabytes << 20) + b'"}\n')
        handle.write(_jsonl({"url": "https://x.example.id/2", "text": _body("Pati")}))
    rows = list(read_input(str(path), extract.Settings(limits=Limits(max_page_bytes=100_000))))
    assert [row.status for row in rows] == statuses, [row.error for row in rows]
    assert ("the rest of the file is not read" in rows[0].error) == (len(statuses) == 1)
