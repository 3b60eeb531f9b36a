"""Single-document files: HTML pages and scraped text (whose first line is its title when it
looks like one)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .clean import first_line_title
from .decode import decode_html, looks_binary
from ..limits import Limits
from ..records import RawDoc
from ..status import Empty, NotText, ReadError, RecordError, TooLarge


def _read_bytes(path: Path, limits: Limits) -> bytes:
    """The file's bytes, at most one more than the page limit (the bytes read count, not the size
    the file claims); raises a :class:`~extract.status.RecordError` for a file that is no document."""
    cap = limits.max_page_bytes
    try:
        with open(path, "rb") as handle:
            data = handle.read(-1 if cap is None else cap + 1)
    except OSError as exc:
        raise ReadError(str(path), f"{exc.strerror or exc}") from exc
    if cap is not None and len(data) > cap:
        raise TooLarge(str(path), f"more than {cap:,} bytes, over the page limit of {cap:,} (--max-page-bytes)")
    if not data.strip():
        raise Empty(str(path), "empty file")
    if looks_binary(data):
        raise NotText(str(path))
    return data


def _read_document(path: Path, limits: Limits) -> str | RawDoc:
    try:
        return decode_html(_read_bytes(path, limits))[0]   # a text file has no meta tag: the same evidence order
    except RecordError as error:
        return RawDoc.failed(error)


def read_html_file(path: Path, limits: Limits = Limits()) -> Iterator[RawDoc]:
    html = _read_document(path, limits)
    yield html if isinstance(html, RawDoc) else RawDoc(source=str(path), html=html)


def read_text_file(path: Path, limits: Limits = Limits()) -> Iterator[RawDoc]:
    text = _read_document(path, limits)
    yield text if isinstance(text, RawDoc) else RawDoc(source=str(path), text=text, title=first_line_title(text))
