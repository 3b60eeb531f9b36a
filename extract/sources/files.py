"""Single-document files: HTML pages and scraped text."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..decode import decode_html, looks_binary
from ..records import RawDoc


def _read_bytes(path: Path) -> bytes | RawDoc:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return RawDoc(source=str(path), status="read_error", error=f"{path}: {exc.strerror or exc}")
    if not data.strip():
        return RawDoc(source=str(path), status="empty", error=f"{path}: empty file")
    if looks_binary(data):
        return RawDoc(source=str(path), status="not_text", error=f"{path}: binary content, not a text document")
    return data


def read_html_file(path: Path) -> Iterator[RawDoc]:
    data = _read_bytes(path)
    if isinstance(data, RawDoc):
        yield data
        return
    html, _ = decode_html(data)
    yield RawDoc(source=str(path), html=html)


def read_text_file(path: Path) -> Iterator[RawDoc]:
    data = _read_bytes(path)
    if isinstance(data, RawDoc):
        yield data
        return
    text, _ = decode_html(data)  # same evidence order; a text file has no meta tag
    yield RawDoc(source=str(path), text=text)
