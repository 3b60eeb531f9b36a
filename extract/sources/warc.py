"""WARC and WARC.gz: every ``response`` record with an HTML content type.

The record's target URI is the article URL; its source is ``path@offset``.
Other records (requests, revisits, images, JSON) are not articles and are
passed over. A truncated or corrupt archive yields one error record at the
offset where reading stopped, and the records before it are kept.
"""
from __future__ import annotations

import logging
import zlib
from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..decode import charset_from_header, decode_html
from ..records import RawDoc

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html(record) -> bool:
    if record.rec_type != "response":
        return False
    content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
    content_type = content_type or record.rec_headers.get_header("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() in HTML_TYPES


def read_warc(path: Path) -> Iterator[RawDoc]:
    offset = 0
    try:
        with open(path, "rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if not _is_html(record):
                    continue
                data = record.content_stream().read()   # before the offset: asking for it reads the record
                offset = records.get_record_offset()
                source = f"{path}@{offset}"
                if getattr(record.raw_stream, "limit", 0):   # the block ended before its Content-Length
                    yield RawDoc(source=source, url=record.rec_headers.get_header("WARC-Target-URI"),
                                 status="read_error", error=f"{source}: truncated WARC record")
                    return
                url = record.rec_headers.get_header("WARC-Target-URI")
                declared = charset_from_header(record.http_headers.get_header("Content-Type"))
                html, _ = decode_html(data, declared=declared)
                yield RawDoc(source=source, url=url, html=html)
                offset += records.get_record_length()
    except (ArchiveLoadFailed, OSError, EOFError, ValueError, zlib.error) as exc:
        yield RawDoc(source=f"{path}@{offset}", status="read_error", error=f"{path}@{offset}: unreadable WARC ({exc})")
