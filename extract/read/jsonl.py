"""JSON Lines as scrapers write them: one article per line.

Accepted fields: ``url``, ``html`` or ``text``, ``title``, ``published``;
news-please's ``maintext``, ``date_publish``, ``source_domain`` and ``authors``
too. The source of each record is ``path:line``.

Lines are read as bytes, at most ``max_page_bytes`` of one line (a longer line
is a ``too_large`` row and is skipped, reading on to its end at most :data:`SKIP_MAX` bytes
more: a longer one, padding, ends the file), invalid UTF-8 replaced, a byte-order mark
at the start dropped; lone surrogates (``"\\ud800"``) in any value become U+FFFD and a
blank ``url`` is no URL (:class:`~extract.records.RawDoc`). A ``.gz`` file
is read until ``max_decompressed_bytes`` have come out of it; a truncated or
corrupt one keeps the lines before the damage and ends with a ``read_error``
row at the line where reading stopped; so does anything else raised while
reading, naming the exception.
"""
from __future__ import annotations

import codecs
import gzip
import json
import zlib
from pathlib import Path
from typing import BinaryIO, Iterator

from ..limits import Limits
from ..records import RawDoc
from ..status import BadJSON, BadRecord, Empty, ReadError, TooLarge, TooLargeDecompressed, describe

_TEXT_FIELDS = ("text", "maintext", "content", "body")
_DATE_FIELDS = ("published", "date_publish", "date", "published_at")


def _first(record: dict, names: tuple[str, ...]) -> object:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _as_str(value: object) -> str | None:
    """An optional field as text; values of no usable type are dropped.

    >>> _as_str(["Ani", None, 3, "Budi"]), _as_str(1639008000), _as_str({"a": 1}), _as_str(True)
    ('Ani, Budi', '1639008000', None, None)
    """
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return ", ".join(v for v in value if isinstance(v, str) and v) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def record_to_rawdoc(record: object, source: str) -> RawDoc:
    """One parsed JSON value -> RawDoc, with a readable error for a bad record."""
    try:
        return _to_rawdoc(record, source)
    except BadRecord as error:
        url = record.get("url") if isinstance(record, dict) else None
        return RawDoc.failed(error, url=url if isinstance(url, str) else None)


def _to_rawdoc(record: object, source: str) -> RawDoc:
    if not isinstance(record, dict):
        raise BadRecord(source, f"expected a JSON object, got {type(record).__name__}")
    html, text, url = record.get("html"), _first(record, _TEXT_FIELDS), record.get("url")
    if url is not None and not isinstance(url, str):
        raise BadRecord(source, f"field 'url' must be a string, got {type(url).__name__}")
    for name, value in (("html", html), ("text", text)):
        if value is not None and not isinstance(value, str):
            raise BadRecord(source, f"field {name!r} must be a string, got {type(value).__name__}")
    if not html and not text:
        raise BadRecord(source, f"record has neither 'html' nor a text field ({', '.join(_TEXT_FIELDS)})")
    return RawDoc(
        source=source,
        url=url,
        html=html or None,
        text=None if html else text,
        title=_as_str(record.get("title")),
        published=_as_str(_first(record, _DATE_FIELDS)),
        site=_as_str(record.get("site") or record.get("source_domain")),
        author=_as_str(record.get("author") or record.get("authors")),
    )


_SKIP_CHUNK = 1 << 20
SKIP_MAX = 100_000_000   # bytes of a line over the page limit read past to find its end; a longer one ends the file


def _read_line(handle: BinaryIO, cap: int | None, budget: float) -> tuple[bytes | None, int, bool]:
    """The next line (None if longer than ``cap``, skipped), the bytes consumed, at most about
    ``budget``, and whether reading can go on after it (False past :data:`SKIP_MAX` of one line)."""
    line = handle.readline(-1 if cap is None else cap + 1)
    if cap is None or len(line) <= cap or line.endswith(b"\n"):
        return line, len(line), True
    consumed = len(line)
    while consumed <= budget:
        if consumed > cap + SKIP_MAX:
            return None, consumed, False
        rest = handle.readline(_SKIP_CHUNK)
        consumed += len(rest)
        if not rest or rest.endswith(b"\n"):
            break
    return None, consumed, True


def _parse_line(line: bytes, source: str) -> RawDoc:
    """One line -> its record, or the row of a line that is no usable record."""
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        return RawDoc.failed(BadJSON(source, exc.msg))
    except (ValueError, RecursionError) as exc:   # a 5,000-digit number, values nested too deep
        return RawDoc.failed(BadJSON(source, describe(exc)))
    try:
        return record_to_rawdoc(record, source)
    except Exception as exc:   # a value no check foresaw: this line's row, and the next line is read
        return RawDoc.failed(ReadError(source, f"unusable record ({describe(exc)})"))


def read_jsonl(path: Path, limits: Limits = Limits()) -> Iterator[RawDoc]:
    compressed = path.name.endswith(".gz")
    budget = limits.max_decompressed_bytes if compressed and limits.max_decompressed_bytes is not None \
        else float("inf")
    number = records = read = 0
    try:
        with (gzip.open(path, "rb") if compressed else open(path, "rb")) as handle:
            while True:
                line, consumed, more = _read_line(handle, limits.max_page_bytes, budget - read)
                if not consumed:
                    break
                number += 1
                read += consumed
                source = f"{path}:{number}"
                if read > budget:
                    records += 1
                    yield RawDoc.failed(TooLargeDecompressed(
                        source, f"more than {budget:,} bytes decompressed from {path.name} "
                                "(--max-decompressed-bytes); the rest of the file is not read"))
                    return
                if line is None:
                    records += 1
                    rest = "" if more else f"; no end in {SKIP_MAX:,} bytes more, the rest of the file is not read"
                    yield RawDoc.failed(TooLarge(
                        source, f"line over the page limit of {limits.max_page_bytes:,} bytes (--max-page-bytes){rest}"))
                    if not more:
                        return
                    continue
                if number == 1 and line.startswith(codecs.BOM_UTF8):
                    line = line[len(codecs.BOM_UTF8):]
                if not line.strip():
                    continue
                records += 1
                yield _parse_line(line, source)
    except (OSError, EOFError, zlib.error) as exc:   # gzip.BadGzipFile is an OSError
        source = f"{path}:{number + 1}"
        records += 1
        what = "truncated or corrupt gzip" if compressed else "unreadable file"
        yield RawDoc.failed(ReadError(source, f"{what} ({exc}); the rest is lost"))
    except Exception as exc:   # anything else the reading of the next line raised: it ends the file, not the run
        records += 1
        yield RawDoc.failed(ReadError(f"{path}:{number + 1}", f"reading stopped ({describe(exc)}); the rest is lost"))
    if not records:
        yield RawDoc.failed(Empty(str(path), "no records (empty or blank lines only)"))
