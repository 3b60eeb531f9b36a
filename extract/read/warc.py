"""WARC and WARC.gz: every ``response`` (or ``resource``) record with an HTML content type.

The record's target URI is the article URL (none for a record without one); its source is
``path@offset``. Requests, metadata, non-HTML responses (images, JSON) and redirects (3xx) are
not articles and are passed over; a capture of an error page (4xx, 5xx) is an ``http_status``
row with the code. A ``revisit`` record of an HTML page (a crawler's note that the page was the
same as an earlier capture) becomes a ``duplicate`` row pointing at the capture it repeats.

Damage costs the damaged record, not the archive: a record warcio cannot parse (a header it
cannot read, anything it raises) is a ``read_error`` row at its offset naming the exception, and
reading goes on at the next record start (:func:`~extract.read.archive.next_record_start`); a
record of a plain archive without ``Content-Length`` ends where the next record starts, whatever
its kind (a request, an image, a redirect passed over, an error capture or a revisit too). A
truncated archive keeps the records before the damage and ends with a row at the offset where
reading stopped. An archive without any HTML record yields one ``empty`` row.

Limits: a record whose payload is over ``max_page_bytes`` is a ``too_large`` row (at most that
much is read of it); once more than ``max_decompressed_bytes`` have come out of the archive (as
they are decompressed: every record has to be, to reach the next) the rest is not read.
"""
from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

from .archive import Budget, OverBudget, compressed, member_ended, next_record_start, open_records, position
from .decode import charset_from_header, decode_html
from ..limits import Limits
from ..records import RawDoc
from ..status import Duplicate, Empty, HttpStatus, ReadError, TooLarge, TooLargeDecompressed, describe

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
DOCUMENT_RECORDS = ("response", "resource", "revisit")


def _content_type(record) -> str:
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    return content_type or record.rec_headers.get_header("Content-Type") or ""


def _is_html(record) -> bool:
    return record.rec_type in DOCUMENT_RECORDS and _content_type(record).split(";")[0].strip().lower() in HTML_TYPES


def _http_status(record) -> int | None:
    """The HTTP status of a capture with HTTP headers (none for a resource record)."""
    if record.rec_type != "response" or not record.http_headers:
        return None
    code = record.http_headers.get_statuscode()
    return int(code) if code and code.isdigit() else None


def _revisit(record, source: str, url: str | None) -> RawDoc:
    refers_to = record.rec_headers.get_header("WARC-Refers-To-Target-URI") or url
    when = record.rec_headers.get_header("WARC-Refers-To-Date")
    error = Duplicate(source, f"WARC revisit record: the same page as the capture of {refers_to or 'an earlier record'}"
                              + (f" at {when}" if when else "") + "; its content is in that record")
    return RawDoc.failed(error, url=url, refers_to=refers_to)


_GO_ON = object()   # a record read, and the next one follows it


@dataclass(slots=True)
class _Reading:
    """One archive being read, and its counts."""
    path: Path
    limits: Limits
    budget: Budget
    records: int = 0
    documents: int = 0
    compressed: bool = False     # gzip members, as warcio found when it started

    def __post_init__(self) -> None:
        self.compressed = self.path.name.lower().endswith(".gz")

    def source(self, offset: int) -> str:
        return f"{self.path}@{offset}"


class _Broken(Exception):
    """warcio could not parse the record at ``offset``."""

    def __init__(self, offset: int, cause: BaseException) -> None:
        super().__init__(offset, cause)
        self.offset, self.cause = offset, cause


def _records(iterator) -> Iterator[tuple[object, int]]:
    """The records with their offsets; what stops the parsing of one is :class:`_Broken` at its offset."""
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            return
        except OverBudget:
            raise
        except Exception as exc:   # warcio raises anything on a malformed record: it costs that record
            raise _Broken(iterator.offset, exc) from exc
        yield record, iterator.offset   # the record's start, until its content is read


def read_warc(path: Path, limits: Limits = Limits()) -> Iterator[RawDoc]:
    reading = _Reading(path, limits, Budget(limits.max_decompressed_bytes))
    try:
        with open(path, "rb") as stream:
            at: int | None = 0
            while at is not None:
                at = yield from _read_from(stream, at, reading)
    except OSError as exc:
        reading.documents += 1
        yield RawDoc.failed(ReadError(str(path), f"unreadable file ({exc.strerror or exc})"))
    if not reading.documents:
        what = f"no HTML records among its {reading.records}" if reading.records else "no WARC records"
        yield RawDoc.failed(Empty(str(path), what))


def _read_from(stream: BinaryIO, start: int, reading: _Reading) -> Iterator[RawDoc]:
    """The records from offset ``start`` on; returns where to go on after damage, or None at the end."""
    iterator = open_records(stream, start, reading.budget)
    offset = start
    try:
        for record, offset in _records(iterator):
            reading.records += 1
            reading.compressed = compressed(iterator)
            outcome = yield from _record(record, iterator, stream, offset, reading)
            if outcome is not _GO_ON:
                return outcome
        return (yield from _tail(stream, iterator, reading))
    except OverBudget:
        reading.documents += 1
        yield RawDoc.failed(TooLargeDecompressed(
            reading.source(offset), f"more than {reading.budget.limit:,} bytes decompressed from {reading.path.name} "
                                    "(--max-decompressed-bytes); the rest of the archive is not read"))
        return None
    except _Broken as broken:
        return (yield from _damaged(stream, broken.offset, broken.cause, iterator, reading))
    except Exception as exc:   # reading the content of the record at ``offset``
        return (yield from _damaged(stream, offset, exc, iterator, reading))


def _damaged(stream: BinaryIO, offset: int, exc: BaseException, iterator, reading: _Reading) -> Iterator[RawDoc]:
    """The row of a record that could not be read; returns where the next record starts."""
    log.debug("%s: unreadable WARC record", reading.source(offset), exc_info=exc)
    reading.documents += 1
    yield RawDoc.failed(ReadError(reading.source(offset), f"unreadable WARC record ({describe(exc)}); "
                                                          "reading goes on at the next record"))
    return _next_start(stream, offset, iterator, reading)


def _tail(stream: BinaryIO, iterator, reading: _Reading) -> Iterator[RawDoc]:
    """The row of bytes after the last record warcio read, if any; returns where a record starts in them."""
    end = os.fstat(stream.fileno()).st_size
    if iterator.offset >= end:
        return None
    reading.documents += 1
    yield RawDoc.failed(ReadError(reading.source(iterator.offset), f"the last {end - iterator.offset:,} bytes "
                                  "are not a whole WARC record (truncated or corrupt archive)"))
    return _next_start(stream, iterator.offset, iterator, reading)


def _next_start(stream: BinaryIO, offset: int, iterator, reading: _Reading) -> int | None:
    try:
        is_gzip = compressed(iterator) if iterator.reader is not None else reading.compressed   # closed at its end
        return next_record_start(stream, offset + 1, is_gzip, reading.budget)
    except OverBudget:
        return None


def _record(record, iterator, stream: BinaryIO, offset: int, reading: _Reading) -> Iterator[RawDoc]:
    """The row of one record, if it is a page; returns _GO_ON, or where the next record starts."""
    status = _http_status(record)
    unbounded = not compressed(iterator) and (record.length is None or record.length > _left(stream, offset))
    after = (lambda: _next_after(iterator, stream, reading)) if unbounded else (lambda: _GO_ON)
    if not _is_html(record) or (status is not None and 300 <= status < 400):
        return after()
    reading.documents += 1
    url, source = record.rec_headers.get_header("WARC-Target-URI"), reading.source(offset)
    if record.rec_type == "revisit":
        yield _revisit(record, source, url)
        return after()
    if status is not None and not 200 <= status < 300:
        yield RawDoc.failed(HttpStatus(source, f"the capture of an HTTP {status} response, not a page"), url=url)
        return after()
    if unbounded:
        return (yield from _unbounded(record, iterator, stream, source, url, reading))
    cap = reading.limits.max_page_bytes
    data = record.content_stream().read(-1 if cap is None else cap + 1)
    if cap is not None and len(data) > cap:
        yield _too_large(source, cap, url)
    elif getattr(record.raw_stream, "limit", 0) and not member_ended(iterator):   # cut off before its length
        yield RawDoc.failed(ReadError(source, "truncated WARC record"), url=url)
    else:                      # a whole record, or a member that ends before the length it declares
        yield _page(record, source, url, data)
    return _GO_ON


def _left(stream: BinaryIO, offset: int) -> int:
    return os.fstat(stream.fileno()).st_size - offset


def _next_after(iterator, stream: BinaryIO, reading: _Reading) -> int | None:
    """Where the record after one without a usable length starts, in a plain archive (every kind of
    record, read or passed over: warcio would read on to the end of the archive), or None."""
    return next_record_start(stream, position(iterator), False, reading.budget)


def _unbounded(record, iterator, stream: BinaryIO, source: str, url: str | None, reading: _Reading) -> Iterator[RawDoc]:
    """A record of a plain archive without a usable ``Content-Length``, or one longer than the file:
    its block ends where the next record starts (warcio would read on to the end of the archive),
    and one that declared its length and has no record after it is truncated. Returns that start."""
    here = position(iterator)
    end = next_record_start(stream, here, False, reading.budget)
    if end is None and record.length is not None:
        yield RawDoc.failed(ReadError(source, "truncated WARC record"), url=url)
        return None
    stop = end if end is not None else stream.seek(0, os.SEEK_END)
    cap = reading.limits.max_page_bytes
    stream.seek(here)
    data = stream.read(stop - here if cap is None else min(stop - here, cap + 1))
    reading.budget.take(len(data))
    yield _too_large(source, cap, url) if cap is not None and len(data) > cap else _page(record, source, url, data)
    return end


def _too_large(source: str, cap: int, url: str | None) -> RawDoc:
    return RawDoc.failed(TooLarge(source, f"record payload over the page limit of {cap:,} bytes (--max-page-bytes)"),
                         url=url)


def _page(record, source: str, url: str | None, data: bytes) -> RawDoc:
    charset = charset_from_header(record.http_headers.get_header("Content-Type")) if record.http_headers else None
    html, _ = decode_html(data, declared=charset)
    return RawDoc(source=source, url=url, html=html)
