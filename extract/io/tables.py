"""Records -> parquet tables with the one schema of :mod:`extract.io.schema`.

Each table is a directory of part files, one per shard:
``DIR/<table>.parquet/<part>.parquet`` (``pandas.read_parquet`` and
``pyarrow.parquet.read_table`` read the directory as one table). Rows are
written in bounded batches (a row group per batch) to a hidden temporary file
beside the part, renamed into place when the shard is done: a run that dies
leaves no half-written part. From its start to its end a run keeps the marker
``DIR/_INCOMPLETE`` (:func:`mark_incomplete`), so that the tables of a run that
failed never look complete, and holds the lock ``DIR/_LOCK`` (:func:`held`), so that a
second run on the same folder at once refuses to start. Every file carries the key-value metadata of
:func:`extract.io.schema.file_metadata`: the program and schema versions, the run's
parameters and a description of each column.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import socket
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..status import OutputBusy, UsageError
from .schema import ALL_TABLES, TABLES, written_schema


def to_table(name: str, records: list) -> pa.Table:
    """Dataclass records -> an Arrow table with the table's schema (extra fields dropped)."""
    schema = ALL_TABLES[name]
    columns = {column: [getattr(r, column) for r in records] for column in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def table_dir(out_dir: Path | str, name: str) -> Path:
    return Path(out_dir) / f"{name}.parquet"


class TableWriter:
    """Buffers one shard's records per table and writes a row group every ``batch_size`` rows."""

    def __init__(self, out_dir: Path | str, part: str, batch_size: int = 500, parameters: dict | None = None):
        self.out_dir = Path(out_dir)
        self.part = part
        self.batch_size = batch_size
        self.parameters = parameters or {}
        self._buffers: dict[str, list] = {name: [] for name in TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        self.counts = {name: 0 for name in TABLES}

    def final_path(self, name: str) -> Path:
        return table_dir(self.out_dir, name) / f"{self.part}.parquet"

    def _temp_path(self, name: str) -> Path:
        return table_dir(self.out_dir, name) / f".{self.part}.{os.getpid()}.tmp"

    def add(self, name: str, records: list) -> None:
        buffer = self._buffers[name]
        buffer.extend(records)
        self.counts[name] += len(records)
        if len(buffer) >= self.batch_size:
            self._flush(name)

    def _flush(self, name: str) -> None:
        buffer = self._buffers[name]
        if name not in self._writers:
            table_dir(self.out_dir, name).mkdir(parents=True, exist_ok=True)
            self._writers[name] = pq.ParquetWriter(self._temp_path(name), written_schema(name, self.parameters),
                                                 compression="zstd")
        if buffer:
            self._writers[name].write_table(to_table(name, buffer))
            buffer.clear()

    def close(self) -> dict[str, Path]:
        """Write what is left and move every part into place."""
        paths = {}
        for name in TABLES:
            self._flush(name)
            self._writers.pop(name).close()
            os.replace(self._temp_path(name), self.final_path(name))
            paths[name] = self.final_path(name)
        return paths

    def abort(self) -> None:
        for name, writer in list(self._writers.items()):
            writer.close()
            self._temp_path(name).unlink(missing_ok=True)
        self._writers.clear()

    def __enter__(self) -> "TableWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def write_table(out_dir: Path | str, name: str, records: list, parameters: dict | None = None) -> Path:
    """A whole table in one file, ``DIR/<table>.parquet``, written under a temporary name and renamed."""
    path = Path(out_dir) / f"{name}.parquet"
    temp = path.with_name(f".{name}.{os.getpid()}.tmp")
    table = to_table(name, records)
    pq.write_table(table.replace_schema_metadata(written_schema(name, parameters or {}).metadata), temp,
                   compression="zstd")
    os.replace(temp, path)
    return path


def prune(out_dir: Path | str, keep: set[str]) -> int:
    """Remove the part files (and leftovers of killed runs) of shards not in ``keep``; return how many."""
    removed = 0
    for name in TABLES:
        directory = table_dir(out_dir, name)
        if not directory.is_dir():
            continue
        for path in directory.iterdir():
            part = path.name[:-len(".parquet")] if path.name.endswith(".parquet") else None
            if part not in keep:
                path.unlink()
                removed += 1
    return removed


INCOMPLETE = "_INCOMPLETE"
MARKERS = "_shards"            # the completion markers of a run's shards


WRITTEN = "_written"           # files a command wrote from a run's tables outside them (reports), a path a line


def note_written(out_dir: Path | str, path: Path | str) -> None:
    """Remember that ``path`` was written from the tables in ``out_dir``: no later run into it reads it."""
    listed = Path(out_dir) / WRITTEN
    path = os.path.abspath(path)
    if path not in written_from(out_dir):
        with open(listed, "a", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(path + "\n")


def written_from(out_dir: Path | str) -> frozenset[str]:
    """The absolute paths of the files written from the tables in ``out_dir`` (:func:`note_written`)."""
    try:
        text = (Path(out_dir) / WRITTEN).read_text(encoding="utf-8", errors="surrogateescape")
    except OSError:
        return frozenset()
    return frozenset(line for line in text.splitlines() if line)


def is_output_folder(path: Path | str) -> bool:
    """Whether ``path`` is the output folder of a run (its tables and report are no input)."""
    return (Path(path) / MARKERS).is_dir()


def require_run(out_dir: Path | str) -> None:
    """Raise :class:`~extract.status.UsageError` unless ``out_dir`` holds a run's tables."""
    path = Path(out_dir)
    if not path.is_dir():
        what = "a file, not a folder" if path.exists() else "no such folder"
        raise UsageError(f"{out_dir}: {what}; give the --out folder of an `extract run`")
    if not table_dir(path, "articles").exists():
        raise UsageError(f"{out_dir}: no run here (no articles.parquet); give the --out folder of an `extract run`")


def mark_incomplete(out_dir: Path | str) -> None:
    """Mark ``out_dir``'s tables as those of a run that has not finished (the mark stays if it fails)."""
    path = Path(out_dir) / INCOMPLETE
    path.parent.mkdir(parents=True, exist_ok=True)
    started = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    path.write_text(f"a run started at {started} has not finished: these tables are incomplete; "
                    "rerun the same command to finish them\n", encoding="utf-8")


def mark_complete(out_dir: Path | str) -> None:
    (Path(out_dir) / INCOMPLETE).unlink(missing_ok=True)


def incomplete(out_dir: Path | str) -> bool:
    """Whether ``out_dir`` holds the tables of a run that has not finished (failed, killed, or running)."""
    return (Path(out_dir) / INCOMPLETE).exists()


LOCK = "_LOCK"


@contextlib.contextmanager
def held(out_dir: Path | str):
    """Hold ``out_dir`` for one run (an advisory lock on ``out_dir/_LOCK``, released when the run's
    process ends, however it ends); raise :class:`~extract.status.OutputBusy` while another run holds it."""
    path = Path(out_dir) / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputBusy(f"another run ({holder}) is writing to {out_dir}; wait for it to end, "
                             "or give another --out") from None
        handle.truncate(0)
        handle.write(f"process {os.getpid()} on {socket.gethostname()}\n")
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
