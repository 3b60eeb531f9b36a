"""WARC and WARC.gz: every ``response`` (or ``resource``) record with an HTML content type.

The record's target URI is the article URL; its source is ``path@offset``.
Requests, metadata and non-HTML responses (images, JSON) are not articles and
are passed over. A ``revisit`` record of an HTML page (a crawler's note that
the page was the same as an earlier capture) becomes a ``duplicate`` row
pointing at the capture it repeats. A truncated or corrupt archive yields one
error record at the offset where reading stopped, and the records before it
are kept; so does whatever warcio raises on a malformed record (a response
without ``WARC-Target-URI``, a header it cannot parse): a ``read_error`` row at
that record's offset, naming the exception. An archive without any HTML record
yields one ``empty`` row.

Limits: a record whose payload is over ``max_page_bytes`` is a ``too_large``
row (at most that much is read of it); once the records' declared lengths add
up to more than ``max_decompressed_bytes`` the rest of the archive is not read
(every record has to be decompressed to reach the next one).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator

from .decode import charset_from_header, decode_html
from ..limits import Limits
from ..records import RawDoc
from ..status import Duplicate, Empty, ReadError, RecordError, TooLarge, TooLargeDecompressed, describe

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
DOCUMENT_RECORDS = ("response", "resource", "revisit")


def _is_html(record) -> bool:
    if record.rec_type not in DOCUMENT_RECORDS:
        return False
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    content_type = content_type or record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def _length(record) -> int:
    try:
        return int(record.rec_headers.get_header("Content-Length") or 0)
    except ValueError:
        return 0


def _revisit(record, source: str, url: str | None) -> RawDoc:
    refers_to = record.rec_headers.get_header("WARC-Refers-To-Target-URI") or url
    when = record.rec_headers.get_header("WARC-Refers-To-Date")
    error = Duplicate(source, f"WARC revisit record: the same page as the capture of {refers_to}"
                              + (f" at {when}" if when else "") + "; its content is in that record")
    return RawDoc.failed(error, url=url, refers_to=refers_to)


def _unreadable(path: Path, offset: int, exc: BaseException) -> ReadError:
    log.debug("%s@%d: unreadable WARC record", path, offset, exc_info=exc)
    return ReadError(f"{path}@{offset}", f"unreadable WARC ({describe(exc)}); the rest of the archive is not read")


def _records(iterator: ArchiveIterator, path: Path) -> Iterator[tuple[object, int]]:
    """The archive's records with their offsets; what stops the parsing of one is a
    :class:`~extract.status.ReadError` at its offset."""
    while True:
        try:
            record = next(iterator)
        except StopIteration:
            return
        except Exception as exc:   # warcio raises anything on a malformed record: it ends the archive, not the run
            raise _unreadable(path, iterator.offset, exc) from exc
        yield record, iterator.offset   # the record's start, until its content is read


def read_warc(path: Path, limits: Limits = Limits()) -> Iterator[RawDoc]:
    offset = 0
    records = documents = 0
    declared = 0
    budget = limits.max_decompressed_bytes
    try:
        with open(path, "rb") as stream:
            iterator = ArchiveIterator(stream)
            for record, offset in _records(iterator, path):
                records += 1
                declared += _length(record)
                if budget is not None and declared > budget:
                    source = f"{path}@{iterator.get_record_offset()}"
                    documents += 1
                    error = TooLargeDecompressed(source, f"records of more than {budget:,} bytes in {path.name} "
                                                         "(--max-decompressed-bytes); the rest of the archive is not read")
                    yield RawDoc.failed(error, url=record.rec_headers.get_header("WARC-Target-URI"))
                    return
                if not _is_html(record):
                    continue
                documents += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                if record.rec_type == "revisit":
                    yield _revisit(record, f"{path}@{iterator.get_record_offset()}", url)
                    continue
                cap = limits.max_page_bytes
                data = record.content_stream().read(-1 if cap is None else cap + 1)
                offset = iterator.get_record_offset()   # known once the record's content is asked for
                source = f"{path}@{offset}"
                if cap is not None and len(data) > cap:
                    yield RawDoc.failed(TooLarge(source, f"record payload over the page limit of {cap:,} bytes "
                                                         "(--max-page-bytes)"), url=url)
                    continue
                if getattr(record.raw_stream, "limit", 0):   # the block ended before its Content-Length
                    yield RawDoc.failed(ReadError(source, "truncated WARC record"), url=url)
                    return
                charset = charset_from_header(record.http_headers.get_header("Content-Type"))
                html, _ = decode_html(data, declared=charset)
                yield RawDoc(source=source, url=url, html=html)
            end = path.stat().st_size
            if iterator.offset < end:   # the reader stopped at a member it could not even start to read
                documents += 1
                source = f"{path}@{iterator.offset}"
                yield RawDoc.failed(ReadError(source, f"the last {end - iterator.offset:,} bytes are not a whole "
                                                      "WARC record (truncated or corrupt archive)"))
    except RecordError as error:
        documents += 1
        yield RawDoc.failed(error)
    except Exception as exc:   # opening the file, or reading the record at ``offset``
        documents += 1
        yield RawDoc.failed(_unreadable(path, offset, exc))
    if not documents:
        what = f"no HTML records among its {records}" if records else "no WARC records"
        yield RawDoc.failed(Empty(str(path), what))
