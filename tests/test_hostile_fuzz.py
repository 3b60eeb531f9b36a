"""Property-based variants of every class of hostile and careless input, each read as its class
must be, not only survived.

hypothesis builds WARC archives of any mix of careless records (no target URI, resources under
``file:`` and ``urn:``, missing, negative, absurd or non-numeric lengths, error and redirect
captures, revisits; plain or a gzip member a record), JSON Lines of hostile lines (lone
surrogates, deep nesting, huge integers, a byte-order mark, blank URLs), pages whose meta
charset no browser honours, partial published dates, files that are no files or have names no
codec decodes, padding bombs, and URLs and text aimed at the report's reader and the terminal.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
import socket
import tempfile
import tracemalloc
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extract
from extract.ask.links import source_link, web_url
from extract.terminal import printable
from extract.limits import Limits
from extract.read.inputs import iter_raw_docs, read_input
from extract.read.published import parse_published

from data.make_hostile import OTHER_BODY, city_page
from test_careless import _http, _in_thread, _padding_bomb, _record
from test_fuzz import MAX_ERROR

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                       HealthCheck.function_scoped_fixture])
CITIES = ["Metro", "Dumai", "Bima", "Ende", "Kupang", "Tual", "Sorong", "Tegal", "Blitar", "Batu", "Banjar", "Bitung"]


def _rows_are_sound(rows, path: Path) -> None:
    assert rows, "a row at least"
    assert len({row.source for row in rows}) == len(rows), "one row per record"
    for row in rows:
        assert row.source.startswith(str(path))
        assert row.error is None or (row.error.startswith(str(path)) and len(row.error) <= MAX_ERROR)


# ---- WARC ---------------------------------------------------------------------------------------

# a careless record: what it is, and the status its row must have (None: passed over, no row)
RECORD_KINDS = {
    "page": "ok", "page-no-uri": "ok", "resource-file": "ok", "resource-urn": "ok", "not-found": "http_status",
    "server-error": "http_status", "redirect": None, "request": None, "image": None,
}
LENGTHS = st.sampled_from(["auto", "auto", "auto", None, -5, 10**15, "lima"])


def _careless(kind: str, city: str, n: int, length) -> bytes:
    url = f"https://f{n}.example.id/{city}"
    page = city_page(f"{city} {n}", url).encode()
    if kind == "page":
        return _record("response", _http("200 OK", page), url, length=length)
    if kind == "page-no-uri":
        return _record("response", _http("200 OK", page), None, length=length)
    if kind.startswith("resource"):
        uri = f"file:///arsip/{n}.html" if kind == "resource-file" else f"urn:x-arsip:{n}"
        return _record("resource", page, uri, length=length, content_type="text/html")
    if kind == "not-found":
        return _record("response", _http("404 Not Found"), url, length=length)
    if kind == "server-error":
        return _record("response", _http("500 Internal Server Error"), url, length=length)
    if kind == "redirect":
        return _record("response", b"HTTP/1.1 301 Moved\r\nLocation: /baru\r\nContent-Type: text/html\r\n\r\n", url,
                       length=length)
    if kind == "request":
        return _record("request", b"GET / HTTP/1.1\r\n\r\n", url, length=length,
                       content_type="application/http; msgtype=request")
    return _record("response", b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n" + bytes(16),
                   url, length=length)


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(sorted(RECORD_KINDS)), st.sampled_from(CITIES), LENGTHS),
                min_size=1, max_size=6), st.booleans())
def test_a_careless_archive_gives_each_record_its_row(records, packed):
    blocks = [_careless(kind, city, n, length) for n, (kind, city, length) in enumerate(records)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("crawl.warc.gz" if packed else "crawl.warc")
        path.write_bytes(b"".join(gzip.compress(block, mtime=0) for block in blocks) if packed else b"".join(blocks))
        rows = list(read_input(str(path)))
    _rows_are_sound(rows, path)
    expected = [RECORD_KINDS[kind] for kind, _, _ in records if RECORD_KINDS[kind]]
    if not packed and records[-1][2] == 10**15 and RECORD_KINDS[records[-1][0]] == "ok":
        expected[-1] = "read_error"    # the last record of a plain archive, longer than the file: truncated
    assert [row.status for row in rows] == (expected or ["empty"]), [row.error for row in rows]
    for row in rows:
        assert "WARC/1.0" not in (row.html or "") and "WARC-Type" not in (row.html or ""), "no record swallows the next"
    pages = [(n, city) for n, (kind, city, _) in enumerate(records) if RECORD_KINDS[kind] == "ok"]
    for row, (n, city) in zip([row for row in rows if row.status == "ok"], pages):   # the last may be truncated
        assert f"Pemerintah Kota {city} {n}" in row.html


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(8, 24), st.sampled_from([(200_000, "too_large_decompressed"), (600_000, "too_large_decompressed"),
                                            (12_000_000, "read_error"), (None, "read_error")]))
def test_a_padding_bomb_stops_at_its_first_bound_in_memory_bounded_by_it(megabytes, bound):
    limit, status = bound       # the decompressed limit (a block of padding decompresses to 4 MB), or the longest
                                # header line (1 MB) before it
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bomb.warc.gz"
        _padding_bomb(path, megabytes)
        tracemalloc.start()
        rows = list(read_input(str(path), extract.Settings(limits=Limits(max_decompressed_bytes=limit))))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert [row.status for row in rows] == [status], rows[0].error
    assert peak < 24_000_000, f"{peak:,} bytes held"


# ---- JSON Lines ---------------------------------------------------------------------------------

SURROGATES = st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"])
NOISY = st.lists(st.one_of(st.sampled_from(["Pemkot", " ", "raih", "WBK", "\u200b"]), SURROGATES), max_size=6).map("".join)

LINE_KINDS = {
    "ok": lambda draw, n: (json.dumps({"url": f"https://j.example.id/{n}{draw(NOISY)}", "title": draw(NOISY),
                                       "text": OTHER_BODY.replace("Sleman", f"{CITIES[n % 12]} {n}") + draw(NOISY),
                                       "author": [draw(NOISY)]}), "ok"),
    "blank-url": lambda draw, n: (json.dumps({"url": draw(st.sampled_from(["", " ", "\t", " \n "])),
                                              "text": OTHER_BODY.replace("Sleman", f"{CITIES[n % 12]} {n}")}), "ok"),
    "nested": lambda draw, n: (draw(st.sampled_from("[{")) * draw(st.integers(2_000, 60_000)), "bad_json"),
    "nested-value": lambda draw, n: ('{"url": "https://j.example.id/x", "text": ' + "[" * draw(st.integers(2_000, 30_000)),
                                     "bad_json"),
    "huge-int": lambda draw, n: ('{"url": "https://j.example.id/i", "n": ' + "9" * draw(st.integers(4_301, 8_000)) + "}",
                                 "bad_json"),
    "not-object": lambda draw, n: (draw(st.sampled_from(["[1]", "null", "3", '"x"'])), "bad_record"),
}


@st.composite
def jsonl_files(draw):
    kinds = draw(st.lists(st.sampled_from(sorted(LINE_KINDS)), min_size=1, max_size=6))
    lines = [LINE_KINDS[kind](draw, n) for n, kind in enumerate(kinds)]
    bom = draw(st.booleans())
    data = (b"\xef\xbb\xbf" if bom else b"") + b"".join(line.encode() + b"\n" for line, _ in lines)
    return kinds, [status for _, status in lines], data


@FUZZ
@given(jsonl_files(), st.booleans())
def test_hostile_json_lines_are_each_their_row(case, packed):
    kinds, statuses, data = case
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("feed.jsonl.gz" if packed else "feed.jsonl")
        path.write_bytes(gzip.compress(data, mtime=0) if packed else data)
        rows = list(read_input(str(path)))
    _rows_are_sound(rows, path)
    assert [row.source for row in rows] == [f"{path}:{n + 1}" for n in range(len(kinds))]
    assert [row.status for row in rows] == statuses, [row.error for row in rows]
    for row, kind in zip(rows, kinds):
        values = [v for v in (row.url, row.title, row.text, row.author) if isinstance(v, str)]
        assert not any("\ud800" <= ch <= "\udfff" for value in values for ch in value)
        if kind == "blank-url":
            assert row.url is None


# ---- Encodings and dates -------------------------------------------------------------------------

LABELS = st.one_of(st.sampled_from(["utf-16", "UTF-16LE", "utf-16be", "cp037", "ebcdic-cp-us", "rot13", "base64",
                                    "idna", "utf-7", "x-user-defined", "replacement", "iso-2022-kr", "utf8", "latin1"]),
                   st.from_regex(r"[A-Za-z][A-Za-z0-9_.:-]{0,15}", fullmatch=True))


@FUZZ
@given(LABELS, st.sampled_from(CITIES), st.sampled_from(["utf-8", "cp1252"]), st.booleans())
def test_a_meta_charset_browsers_would_not_honour_still_gives_the_page(label, city, codec, even):
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
    data = city_page(city, f"https://c.example.id/{city}", meta=meta).encode(codec)
    data += b" " * ((len(data) + even) % 2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_bytes(data)
        rows = list(read_input(str(path)))
    assert [row.status for row in rows] == ["ok"], rows[0].error
    assert f"Pemerintah Kota {city} melalui Mal Pelayanan Publik" in rows[0].html


PARTIAL = st.one_of(st.integers(1, 31).map(str), st.sampled_from(["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
                                                                   "Minggu", "Maret", "Agustus", "12:30", "10:00 WIB"]),
                    st.tuples(st.sampled_from(["", "Senin, ", "Kamis "]), st.integers(1, 28),
                              st.sampled_from(["Januari", "Maret", "Juni", "Desember"])).map(lambda p: f"{p[0]}{p[1]} {p[2]}"))


@FUZZ
@given(PARTIAL, st.lists(st.integers(2010, 2023), max_size=3), st.booleans())
def test_a_partial_published_value_takes_no_year_but_the_article_s(value, years, dateline):
    text = " ".join(f"Penilaian tahun {year}." for year in years)
    if dateline and years:
        text = f"Jakarta, Rabu (10/3/{years[0]}). " + text
    published = parse_published(value, text)
    assert published is None or published.year in years, (value, text, published)
    assert parse_published(value) is None, "without the article, a partial value is no date"


# ---- Files ---------------------------------------------------------------------------------------

def _special(kind: str, path: Path) -> None:
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(path))
        listener.close()
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
    elif kind == "dev-null":
        path.symlink_to("/dev/null")
    elif kind == "broken-link":
        path.symlink_to(path.parent / "nowhere")
    elif kind == "folder":
        path.mkdir()
    else:
        path.write_text(city_page("Metro", "https://x.example.id/1"))


NAMES = st.binary(min_size=1, max_size=12).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_"))


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(["fifo", "socket", "dev-zero", "dev-null", "broken-link", "page"]), NAMES,
                          st.sampled_from([".html", ".txt", ".jsonl", ".warc.gz", ".warc"])),
                min_size=1, max_size=5, unique_by=lambda f: f[1] + (b".html" if f[0] == "page" else f[2].encode())))
def test_files_that_are_no_files_or_have_any_name_are_rows_never_a_block(files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.fsencode(tmp) + b"/in"
        os.mkdir(folder)
        for kind, name, suffix in files:
            _special(kind, Path(os.fsdecode(folder + b"/" + name + (b".html" if kind == "page" else suffix.encode()))))
        rows = _in_thread(lambda: list(iter_raw_docs([os.fsdecode(folder)])))
    assert len(rows) == len(files), [row.source for row in rows]
    assert sorted(row.status for row in rows) == sorted("ok" if kind == "page" else "read_error" for kind, _, _ in files)


# ---- The report's reader and the terminal --------------------------------------------------------

def _entity(ch: str, rng: random.Random) -> str:
    return rng.choice([ch, ch.upper(), f"&#{ord(ch)};", f"&#x{ord(ch):x};", f"&#0{ord(ch)};"])


@FUZZ
@given(st.sampled_from(["javascript", "data", "vbscript", "file", "ftp", "blob"]), st.randoms(use_true_random=False),
       st.text(alphabet="\x00\x01\x08\x1f \t\n\r\x0c", max_size=4), st.text(max_size=20))
def test_no_url_of_another_scheme_becomes_a_link_however_it_is_written(scheme, rng, lead, rest):
    written = lead + "".join(_entity(ch, rng) + rng.choice(["", "", "\t", "\n", "\r"]) for ch in scheme) + ":" + rest
    assert web_url(written) is None, written
    assert "href" not in source_link(written, "sumber")


@FUZZ
@given(st.text(max_size=40))
def test_a_link_is_always_to_a_web_address(url):
    target = web_url(url)
    assert target is None or target.lower().startswith(("http://", "https://"))


@FUZZ
@given(st.text(max_size=60))
def test_printed_text_holds_no_control_character_but_newline_and_tab(text):
    shown = printable(text)
    assert not [ch for ch in shown if (ch < " " and ch not in "\n\t") or "\x7f" <= ch <= "\x9f"]
    if not [ch for ch in text if (ch < " " and ch not in "\n\t") or "\x7f" <= ch <= "\x9f"]:
        assert shown == text


def test_a_partial_date_of_the_run_s_own_day_is_no_published_date():
    """The bug the properties guard against, by name: dateparser alone makes "12" this month's 12th."""
    today = dt.date.today()
    assert parse_published(str(today.day)) is None and parse_published(f"{today.day} Maret") is None
