"""Shards: the units of work a run is cut into, and what one shard produces.

A shard is one archive or JSON Lines file, a run of up to ``files_per_shard``
single-document files (HTML, text), or a run of URLs. Its key hashes what it
reads (paths with size and modification time, or URLs), the pipeline version
(package version and every rule file) and the settings that change outputs
(:meth:`~extract.settings.Settings.key`), so a rerun over the same inputs with
the same rules and settings recognises the shards it already finished.

:func:`process_shard` is the one per-shard function every runner uses: one
process, local workers, or a Dask cluster. It writes one part file per table
(temporary names, then renamed) and, last, a completion marker. Records are
taken in batches (:func:`batches`) through the stages by
:func:`~extract.runner.batches.run_batch`, within the run's
:class:`~extract.limits.Limits`; one over its time becomes a ``timeout`` row.
The process itself is made ready and kept lean by :mod:`extract.runner.worker`.
"""
from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import pyarrow as pa
import pyarrow.parquet as pq

from ..about import __version__
from ..across.duplicates import Seen
from ..io.schema import TABLES
from ..io.tables import MARKERS, TableWriter, table_dir
from ..read.inputs import expand_inputs, is_url, kind_of, read_input
from ..records import Article, RawDoc
from ..rules.store import rules
from ..settings import BATCH_BYTES, BATCH_RECORDS, Settings
from ..status import Group, Status, describe
from .batches import run_batch
from .progress import item_bytes
from .worker import count_and_reset, prepare_process

log = logging.getLogger(__name__)


@dataclass(slots=True, frozen=True)
class Shard:
    index: int
    items: tuple[str, ...]       # expanded inputs: file paths or URLs
    key: str

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}-{self.key}"


@dataclass(slots=True)
class ShardSummary:
    shard: str
    records: int = 0
    ok: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0
    resumed: bool = False            # finished by an earlier run, not redone


@functools.cache
def pipeline_version() -> str:
    """The package version and the rule set's digest (of every rule file, taken when the rules were
    loaded): what makes two runs' outputs comparable."""
    return f"{__version__}+{rules().digest[:12]}"


def _identity(item: str) -> str:
    if is_url(item):
        return item
    try:
        stat = os.stat(item)
    except OSError:
        return f"{item}:missing"
    return f"{os.path.abspath(item)}:{stat.st_size}:{stat.st_mtime_ns}"


def _key(items: Iterable[str], settings: Settings) -> str:
    digest = hashlib.sha1(pipeline_version().encode())
    digest.update(settings.key().encode())
    for item in items:
        digest.update(_identity(item).encode("utf-8", "surrogateescape"))   # a file name's undecodable bytes
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def plan_shards(inputs: Iterable[str], settings: Settings = Settings(), skip: frozenset[str] = frozenset()) -> list[Shard]:
    """Cut the expanded inputs into shards, in input order; the settings that change outputs are part
    of each shard's key. Files of ``skip`` are not read from a folder (:func:`~extract.read.inputs.expand_inputs`)."""
    files_per_shard = settings.files_per_shard
    groups: list[list[str]] = []
    pending: list[str] = []
    for item in expand_inputs(inputs, skip):
        single = is_url(item) or kind_of(Path(item)) in ("html", "text", None)
        if single:
            pending.append(item)
            if len(pending) >= files_per_shard:
                groups.append(pending)
                pending = []
        else:
            if pending:
                groups.append(pending)
                pending = []
            groups.append([item])
    if pending:
        groups.append(pending)
    return [Shard(index, tuple(items), _key(items, settings)) for index, items in enumerate(groups)]


def marker_path(out_dir: Path, shard: Shard) -> Path:
    return Path(out_dir) / MARKERS / f"{shard.name}.json"


RETRIED = (Status.FETCH_ERROR, Status.TIMEOUT)   # records that may go another way next time


def finished(out_dir: Path, shard: Shard) -> ShardSummary | None:
    """The summary a finished shard left, or None when it must be (re)done: not finished, finished
    with a download that failed or a record over its time (:data:`RETRIED`), which the next run
    tries again, or with a malformed marker or a part that is missing, unreadable or holds other
    rows than the marker counted."""
    try:
        data = json.loads(marker_path(out_dir, shard).read_text(encoding="utf-8"))
        summary = ShardSummary(**{k: v for k, v in data.items() if k in ShardSummary.__slots__})
        retried = [status.value for status in RETRIED if data.get("statuses", {}).get(status.value)]
    except (OSError, ValueError, TypeError, AttributeError):   # gone, not JSON, not an object, wrong fields
        return None
    if retried:
        log.info("%s: done before with %s records: done again", shard.name, " and ".join(retried))
        return None
    problem = _part_problem(out_dir, shard, summary)
    if problem:
        log.warning("shard %s is done again: %s", shard.name, problem)
        return None
    summary.resumed = True
    return summary


def _part_problem(out_dir: Path, shard: Shard, summary: ShardSummary) -> str | None:
    """What is wrong with a finished shard's parts, if anything. The articles part holds a row per
    record; the others may have lost rows to the duplicate pass, never gained any."""
    if not isinstance(summary.records, int) or not isinstance(summary.rows, dict):
        return "its marker is malformed"
    for name in TABLES:
        path = table_dir(out_dir, name) / f"{shard.name}.parquet"
        try:
            rows = pq.read_metadata(path).num_rows
        except (OSError, ValueError, pa.ArrowException) as exc:   # missing, truncated, not parquet
            return f"{path} is unreadable ({describe(exc)})"
        expected = summary.records if name == "articles" else summary.rows.get(name)
        if not isinstance(expected, int) or (rows != expected if name == "articles" else rows > expected):
            return f"{path} holds {rows} rows, its marker {expected}"
    return None


def _records(shard: Shard, settings: Settings, progress) -> Iterator[RawDoc]:
    for item in shard.items:
        yield from read_input(item, settings)
        if progress is not None:
            progress(read=item_bytes(item))


def batches(records: Iterable[RawDoc], size: int = BATCH_RECORDS,
            max_bytes: int = BATCH_BYTES) -> Iterator[list[RawDoc]]:
    """Records in lists of ``size``, or fewer when their pages add up to ``max_bytes`` characters."""
    batch: list[RawDoc] = []
    held = 0
    for raw in records:
        batch.append(raw)
        held += len(raw.html or raw.text or "")
        if len(batch) >= size or held >= max_bytes:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def process_shard(shard: Shard, out_dir: str | Path, settings: Settings = Settings(), progress=None) -> ShardSummary:
    """Process one shard into its part files and completion marker; skip it if already finished.
    ``progress(records=, read=)``, if given, is told of each record done and each input read
    (its bytes, :func:`~extract.runner.progress.item_bytes`)."""
    out_dir = Path(out_dir)
    done = finished(out_dir, shard)
    if done is not None:
        return done
    prepare_process()
    started = time.perf_counter()
    summary = ShardSummary(shard.name)
    seen = Seen()
    parameters = {**settings.parameters(), "pipeline": pipeline_version()}
    with TableWriter(out_dir, shard.name, batch_size=settings.table_batch_size, parameters=parameters) as writer:
        for batch in batches(_records(shard, settings, progress), settings.batch_records, settings.batch_bytes):
            for result in run_batch(batch, settings.limits, seen, all_pages=settings.all_pages):
                writer.add("articles", [result.article])
                writer.add("mentions", result.mentions)
                writer.add("claims", result.claims)
                writer.add("quotes", result.quotes)
                _count(summary, result.article)
                if progress is not None:
                    progress(records=1)
            count_and_reset(len(batch))
    summary.rows = dict(writer.counts)
    summary.elapsed = time.perf_counter() - started
    _write_marker(out_dir, shard, summary)
    return summary


def _count(summary: ShardSummary, article: Article) -> None:
    status = article.status
    summary.records += 1
    summary.ok += status == Status.OK
    summary.statuses[status] = summary.statuses.get(status, 0) + 1
    if status != Status.OK:
        log.log(logging.INFO if status.group == Group.SKIPPED else logging.WARNING, "%s", article.error)


def _write_marker(out_dir: Path, shard: Shard, summary: ShardSummary) -> None:
    path = marker_path(out_dir, shard)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(f".{os.getpid()}.tmp")
    data = asdict(summary) | {"items": list(shard.items), "version": pipeline_version()}
    temp.write_text(json.dumps(data, indent=1), encoding="utf-8")   # ASCII: a file name may hold undecodable bytes
    os.replace(temp, path)
