"""warcio made to read damaged archives within bounds: the parts :mod:`extract.read.warc` reads with.

- :class:`Budget` counts the bytes that come out of an archive as warcio decompresses them (not
  the lengths records declare, which may be negative or absurd), and stops the reading past its
  limit, so that a gzip member of padding stops there, in memory bounded by it; a header line
  longer than :data:`MAX_HEADER_LINE` (one line of padding) ends the record as unreadable.
- :func:`open_records` starts warcio at an offset, with a loader that also parses the HTTP
  headers of a record without ``WARC-Target-URI`` (warcio raises ``AttributeError`` on one)
  and takes a negative or non-numeric ``Content-Length`` for none.
- :func:`next_record_start` finds where the next record starts after damage (the next
  ``WARC/1.x`` line of a plain archive, the next gzip member of a compressed one), so that one
  damaged record does not cost the rest of the archive.
"""
from __future__ import annotations

import zlib
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.recordloader import ArcWarcRecordLoader

GZIP_MEMBER = b"\x1f\x8b\x08"
WARC_LINE = b"WARC/1."
_SCAN_CHUNK = 1 << 20
BLOCK = 4096   # compressed bytes decompressed at a time: at most about 4 MB come out of them
MAX_HEADER_LINE = 1 << 20   # bytes of one WARC or HTTP header line


class OverBudget(Exception):
    """More bytes came out of the archive than its budget."""


class Budget:
    """The bytes read out of one archive, against a limit (None: no limit)."""

    def __init__(self, limit: int | None) -> None:
        self.limit, self.used = limit, 0

    def take(self, size: int) -> None:
        self.used += size
        if self.limit is not None and self.used > self.limit:
            raise OverBudget(f"more than {self.limit:,} bytes")

    def give_back(self, size: int) -> None:
        """Bytes taken but not used (read past a record's start, read again from there)."""
        self.used -= min(size, self.used)


class HeaderTooLong(ValueError):
    """A header line of a record longer than any header: padding, or not a WARC record."""


class _CountingReader(DecompressingBufferedReader):
    """warcio's reader, each block it decompresses (or reads) counted against a budget, and no line
    (warcio reads WARC and HTTP headers by lines) longer than :data:`MAX_HEADER_LINE`: warcio would
    gather a line of padding whole in memory, however long."""

    budget: Budget

    def _process_read(self, data: bytes) -> None:
        super()._process_read(data)
        if self.buff is not None:
            self.budget.take(self.buff_size)

    def readline(self, length: int | None = None) -> bytes:
        bound = MAX_HEADER_LINE + 1
        line = super().readline(bound if length is None or length < 0 or length > bound else length)
        if len(line) >= bound and not line.endswith(b"\n"):
            raise HeaderTooLong(f"a header line longer than {MAX_HEADER_LINE:,} bytes")
        return line


def declared_length(headers) -> int | None:
    """A record's ``Content-Length``; None when it is missing or no length (negative, not a number).

    >>> from warcio.statusandheaders import StatusAndHeaders
    >>> [declared_length(StatusAndHeaders("WARC/1.0", [("Content-Length", v)])) for v in ("12", "-5", "x")]
    [12, None, None]
    """
    try:
        length = int(headers.get_header("Content-Length"))
    except (TypeError, ValueError):
        return None
    return length if length >= 0 else None


class _Loader(ArcWarcRecordLoader):
    """warcio's loader, reading the HTTP headers of a record without a target URI as of one with an
    http URI (the record's own ``Content-Type`` says whether it holds a page), and a record whose
    ``Content-Length`` is no length as one without it (warcio would read it as empty)."""

    def load_http_headers(self, rec_type, uri, stream, length):
        return super().load_http_headers(rec_type, "http:" if uri is None else uri, stream, length)

    def _detect_type_load_headers(self, stream, statusline=None, known_format=None):
        the_format, headers = super()._detect_type_load_headers(stream, statusline, known_format)
        if the_format == "warc" and declared_length(headers) is None:
            headers.remove_header("Content-Length")
        return the_format, headers


def open_records(stream: BinaryIO, at: int, budget: Budget) -> ArchiveIterator:
    """warcio's iterator over the records from offset ``at`` on, its bytes counted in ``budget``."""
    stream.seek(at)
    iterator = ArchiveIterator(stream)
    iterator.loader = _Loader()
    iterator.reader = _CountingReader(stream, block_size=BLOCK)
    iterator.reader.budget = budget
    return iterator


def position(iterator: ArchiveIterator) -> int:
    """The offset in the file up to which warcio has consumed it (a plain archive's)."""
    return iterator.fh.tell() - iterator.reader.rem_length()


def compressed(iterator: ArchiveIterator) -> bool:
    return iterator.reader.decompressor is not None


def member_ended(iterator: ArchiveIterator) -> bool:
    """Whether the gzip member being read came to its proper end (not cut short)."""
    return bool(getattr(iterator.reader.decompressor, "eof", False))


def next_record_start(stream: BinaryIO, after: int, compressed: bool, budget: Budget) -> int | None:
    """The offset of the first record start past ``after`` (a gzip member, or a ``WARC/1.x`` line
    at the start of a line), or None; the bytes scanned up to it count in ``budget``."""
    marker = GZIP_MEMBER if compressed else WARC_LINE
    stream.seek(after)
    start, window = after, b""
    while chunk := stream.read(_SCAN_CHUNK):
        budget.take(len(chunk))
        window += chunk
        found = window.find(marker)
        while found >= 0:
            if _starts_record(stream, start + found, compressed, window[found - 1:found] if found else b""):
                budget.give_back(len(window) - found)   # from the record's start on, read again by warcio
                return start + found
            found = window.find(marker, found + 1)
        keep = len(marker)            # a marker split across chunks, and the byte before it
        start, window = start + len(window) - keep, window[-keep:]
    return None


def _starts_record(stream: BinaryIO, at: int, compressed: bool, before: bytes) -> bool:
    """Whether a marker found at ``at`` starts a record: a ``WARC/1.x`` line at the start of a line,
    or a gzip member whose text starts with one. The stream is left where it was."""
    if not compressed:
        return before == b"\n"
    back = stream.tell()
    stream.seek(at)
    try:
        return zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(stream.read(1024), len(WARC_LINE)) == WARC_LINE
    except zlib.error:
        return False
    finally:
        stream.seek(back)
