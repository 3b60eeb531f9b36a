"""Single-document files: HTML pages and scraped text."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .decode import decode_html, looks_binary
from ..limits import Limits
from ..records import RawDoc


def _read_bytes(path: Path, limits: Limits) -> bytes | RawDoc:
    try:
        size = path.stat().st_size
        if limits.max_page_bytes is not None and size > limits.max_page_bytes:
            return RawDoc(source=str(path), status="too_large",
                          error=f"{path}: {size:,} bytes, over the page limit of {limits.max_page_bytes:,} "
                                "(--max-page-bytes)")
        data = path.read_bytes()
    except OSError as exc:
        return RawDoc(source=str(path), status="read_error", error=f"{path}: {exc.strerror or exc}")
    if not data.strip():
        return RawDoc(source=str(path), status="empty", error=f"{path}: empty file")
    if looks_binary(data):
        return RawDoc(source=str(path), status="not_text", error=f"{path}: binary content, not a text document")
    return data


def read_html_file(path: Path, limits: Limits = Limits()) -> Iterator[RawDoc]:
    data = _read_bytes(path, limits)
    if isinstance(data, RawDoc):
        yield data
        return
    html, _ = decode_html(data)
    yield RawDoc(source=str(path), html=html)


def read_text_file(path: Path, limits: Limits = Limits()) -> Iterator[RawDoc]:
    data = _read_bytes(path, limits)
    if isinstance(data, RawDoc):
        yield data
        return
    text, _ = decode_html(data)  # same evidence order; a text file has no meta tag
    yield RawDoc(source=str(path), text=text)
