"""JSON Lines as scrapers write them: one article per line.

Accepted fields: ``url``, ``html`` or ``text``, ``title``, ``published``;
news-please's ``maintext``, ``date_publish``, ``source_domain`` and ``authors``
too. The source of each record is ``path:line``.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator

from ..records import RawDoc

_TEXT_FIELDS = ("text", "maintext", "content", "body")
_DATE_FIELDS = ("published", "date_publish", "date", "published_at")


def _first(record: dict, names: tuple[str, ...]) -> object:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return value
    return None


def _as_str(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v) or None
    return str(value)


def record_to_rawdoc(record: object, source: str) -> RawDoc:
    """One parsed JSON value -> RawDoc, with a readable error for a bad record."""
    if not isinstance(record, dict):
        return RawDoc(source=source, status="bad_record",
                      error=f"{source}: expected a JSON object, got {type(record).__name__}")
    html, text = record.get("html"), _first(record, _TEXT_FIELDS)
    for name, value in (("html", html), ("text", text)):
        if value is not None and not isinstance(value, str):
            return RawDoc(source=source, url=_as_str(record.get("url")), status="bad_record",
                          error=f"{source}: field {name!r} must be a string, got {type(value).__name__}")
    if not html and not text:
        return RawDoc(source=source, url=_as_str(record.get("url")), status="bad_record",
                      error=f"{source}: record has neither 'html' nor a text field ({', '.join(_TEXT_FIELDS)})")
    return RawDoc(
        source=source,
        url=_as_str(record.get("url")),
        html=html or None,
        text=None if html else text,
        title=_as_str(record.get("title")),
        published=_as_str(_first(record, _DATE_FIELDS)),
        site=_as_str(record.get("site") or record.get("source_domain")),
        author=_as_str(record.get("author") or record.get("authors")),
    )


def read_jsonl(path: Path) -> Iterator[RawDoc]:
    opener = gzip.open if path.name.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                source = f"{path}:{number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    yield RawDoc(source=source, status="bad_json", error=f"{source}: invalid JSON ({exc.msg})")
                    continue
                yield record_to_rawdoc(record, source)
    except (OSError, EOFError) as exc:
        yield RawDoc(source=str(path), status="read_error", error=f"{path}: {exc}")
