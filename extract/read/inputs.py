"""Sources: paths, directories, URLs -> a stream of :class:`RawDoc`.

Each reader yields one ``RawDoc`` per input record; a record that cannot be
read still yields a ``RawDoc`` with ``status`` and ``error`` set, so that every
input ends up as exactly one ``articles`` row. Whatever a reader, or a library
under it, raises ends that input with one ``read_error`` row (:func:`guarded`):
the records read before it are kept and the run goes on.
"""
from __future__ import annotations

import logging
import os
import stat
from pathlib import Path
from typing import Iterable, Iterator

from ..io.tables import is_output_folder
from ..settings import Settings
from ..records import RawDoc
from ..status import ReadError, Unsupported, describe
from .files import read_html_file, read_text_file
from .jsonl import read_jsonl
from .warc import read_warc
from .web import fetch_url

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
TEXT_SUFFIXES = (".txt",)
SUPPORTED = HTML_SUFFIXES + WARC_SUFFIXES + JSONL_SUFFIXES + TEXT_SUFFIXES


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def kind_of(path: Path) -> str | None:
    """The reader a file goes to, by its name.

    >>> kind_of(Path('a/b.warc.gz')), kind_of(Path('x.HTM')), kind_of(Path('y.pdf'))
    ('warc', 'html', None)
    """
    name = path.name.lower()
    for kind, suffixes in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES),
                           ("html", HTML_SUFFIXES), ("text", TEXT_SUFFIXES)):
        if name.endswith(suffixes):
            return kind
    return None


def expand_inputs(inputs: Iterable[str], skip: frozenset[str] = frozenset()) -> Iterator[str]:
    """Inputs as given -> URLs and files, directories walked recursively in sorted order. A folder
    that cannot be read is given as it is (its row says why); the output folder of a run inside
    one is not walked (its tables and report are no input), nor are the files of ``skip``
    (absolute paths: the reports written from the run's own tables) read from a folder."""
    for item in inputs:
        if is_url(item):
            yield item
        elif Path(item).is_dir():
            yield from _walk(Path(item), skip)
        else:
            yield item


def _walk(top: Path, skip: frozenset[str] = frozenset()) -> Iterator[str]:
    found: list[Path] = []
    unreadable: list[Path] = []
    for folder, subfolders, files in os.walk(top, onerror=lambda exc: unreadable.append(Path(exc.filename))):
        subfolders[:] = [name for name in subfolders if not is_output_folder(Path(folder, name))]
        found.extend(Path(folder, name) for name in files
                     if kind_of(Path(name)) is not None and os.path.abspath(os.path.join(folder, name)) not in skip)
    for path in sorted(found + unreadable):
        yield str(path)


def read_input(item: str, settings: Settings = Settings()) -> Iterator[RawDoc]:
    """All records of one expanded input (a URL or a file), within the settings' limits."""
    return guarded(_read(item, settings), item)


def _read(item: str, settings: Settings) -> Iterator[RawDoc]:
    if is_url(item):
        yield fetch_url(item, settings)
        return
    path = Path(item)
    if not path.exists():
        yield RawDoc.failed(ReadError(item, "no such file"))
        return
    unreadable = _not_a_file(path)
    if unreadable:
        yield RawDoc.failed(ReadError(item, unreadable))
        return
    readers = {"warc": read_warc, "jsonl": read_jsonl, "html": read_html_file, "text": read_text_file}
    kind = kind_of(path)
    if kind is None:
        yield RawDoc.failed(Unsupported(item, expected=", ".join(SUPPORTED)))
        return
    yield from readers[kind](path, settings.limits)


_SPECIAL = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"))


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` (symbolic links followed) is no file to read, or None: reading a pipe or a
    device would block or never end."""
    mode = path.stat().st_mode
    if stat.S_ISDIR(mode):
        try:
            os.listdir(path)
        except OSError as exc:
            return f"unreadable folder ({exc.strerror or exc}); its files are not read"
        return "a folder that could not be listed when the run began; its files are not read"
    for test, what in _SPECIAL:
        if test(mode):
            return f"not a regular file but {what}: not read"
    return None


def guarded(records: Iterator[RawDoc], item: str) -> Iterator[RawDoc]:
    """A reader's records; should it raise, a ``read_error`` row naming the input and the last record
    read before it ends them. The readers of archives and feeds name the offset or line themselves."""
    last = None
    try:
        for raw in records:
            last = raw.source
            yield raw
    except Exception as exc:   # the one boundary of reading: a bad file must not stop a run of millions
        log.error("%s: reading stopped", item, exc_info=exc)
        after = f" after {last}" if last else ""
        yield RawDoc.failed(ReadError(item, f"reading stopped{after} ({describe(exc)}); the rest is lost"))


def iter_raw_docs(inputs: Iterable[str], settings: Settings = Settings()) -> Iterator[RawDoc]:
    """Every record of every input, in order."""
    for item in expand_inputs(inputs):
        yield from read_input(item, settings)
