"""Runners: the inputs cut into shards, processed here (one process or local workers) or on a
Dask cluster, duplicates marked across shards, and what a run reports at its end. Every runner
calls the same :func:`~extract.runner.shards.process_shard`."""
from __future__ import annotations

import collections
import contextlib
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyarrow.parquet as pq

from ..across.crosscheck import crosscheck
from ..across.duplicates import DuplicateSummary, mark_duplicates
from ..limits import Limits
from ..status import Group, group_of
from ..io.schema import TABLES
from ..settings import Settings
from .arguments import check_arguments, check_plan
from .local import run_local
from .progress import Progress
from .shards import MARKERS, Shard, ShardSummary, finished, marker_path, plan_shards
from ..io.tables import held, mark_complete, mark_incomplete, prune, table_dir, written_from

log = logging.getLogger(__name__)

DEFAULT_INPUT = "corpus"
DEFAULT_OUT = "outputs"


@dataclass(slots=True)
class RunSummary:
    """What a run did. ``records`` (inputs: one ``articles`` row each) = ``ok`` + ``failed`` + ``skipped``."""

    out_dir: Path
    records: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0                 # readable but not mined: another language, a duplicate, off topic
    resumed: int = 0                 # records of shards finished by an earlier run, not redone
    shards: int = 0
    shards_resumed: int = 0
    statuses: collections.Counter = field(default_factory=collections.Counter)
    rows: collections.Counter = field(default_factory=collections.Counter)
    elapsed: float = 0.0

    def add(self, shard: ShardSummary) -> None:
        self.shards += 1
        if shard.resumed:
            self.shards_resumed += 1
            self.resumed += shard.records

    def count(self, statuses: collections.Counter, rows: collections.Counter) -> None:
        """The final tally, from the tables as written (after duplicates are marked)."""
        self.statuses = collections.Counter({s: n for s, n in statuses.items() if n})
        groups = collections.Counter()
        for status, n in self.statuses.items():
            groups[group_of(status)] += n
        self.ok, self.failed, self.skipped = groups[Group.OK], groups[Group.FAILED], groups[Group.SKIPPED]
        self.records = sum(self.statuses.values())
        self.rows = rows

    def by_status(self, group: str) -> str:
        parts = [f"{status} {n}" for status, n in sorted(self.statuses.items()) if group_of(status) == group]
        return f" ({', '.join(parts)})" if parts else ""

    def lines(self) -> list[str]:
        return [
            f"inputs: {self.records} = ok {self.ok} + failed {self.failed}{self.by_status('failed')} "
            f"+ skipped {self.skipped}{self.by_status('skipped')}",
            f"shards: {self.shards}, {self.shards_resumed} already done by an earlier run ({self.resumed} records)",
            f"rows: mentions {self.rows['mentions']}, claims {self.rows['claims']}, quotes {self.rows['quotes']}; "
            f"results {self.rows['support']}, claims in conflicts {self.rows['conflicts']}",
            f"tables in {self.out_dir} ({self.elapsed:.1f} s)",
        ]


def _row_counts(out_dir: Path, parts: list[str]) -> collections.Counter:
    rows = collections.Counter()
    for name in TABLES:
        for part in parts:
            path = table_dir(out_dir, name) / f"{part}.parquet"
            if path.exists():
                rows[name] += pq.read_metadata(path).num_rows
    return rows


def run(inputs: Iterable[str] | None = None, out_dir: str | Path = DEFAULT_OUT, settings: Settings | None = None, *,
        workers: int | None = None, scheduler=None, progress: bool | None = None,
        limits: Limits | None = None) -> RunSummary:
    """Process every record of ``inputs`` into the tables under ``out_dir``.

    ``inputs`` are files, directories or URLs; none means the bundled ``corpus/``.
    ``settings`` (:class:`~extract.settings.Settings`) hold the limits, batch sizes and fetch
    bounds; ``limits`` alone may be given instead (default caps when both are None).
    ``workers`` processes run on this machine (default: all cores); with
    ``scheduler`` (a Dask scheduler address or a ``distributed.Client``) the
    shards run on that cluster instead. Shards finished by an earlier run with
    the same inputs, rules and settings are skipped; parts of shards that are
    not in this run are removed at its end. Then copies of an article under
    several URLs, or of one URL, are marked across shards
    (:mod:`extract.across.duplicates`), and claims compared across articles
    (:mod:`extract.across.crosscheck`). ``progress`` None shows a bar only on a
    terminal.

    With a scheduler, input paths and ``out_dir`` are made absolute here before
    anything is sent, and a first task checks that a worker sees the inputs and
    can write to ``out_dir`` (:class:`~extract.status.RunError` if not). From its
    start to its end a run keeps the marker ``out_dir/_INCOMPLETE``: a run that
    failed leaves it, :func:`extract.load` warns of it, and rerunning the same
    command finishes the tables. A run holds ``out_dir/_LOCK`` from then to its end: a second run on
    the same ``out_dir`` meanwhile raises :class:`~extract.status.OutputBusy` and writes nothing.

    Arguments it cannot work with (an input that does not exist, ``out_dir`` an existing file,
    ``workers`` below 1, inputs with nothing to read) raise :class:`~extract.status.UsageError`
    before any work. A ``KeyboardInterrupt`` (or :class:`~extract.runner.stopping.Stopped`)
    ends the workers and cancels the shards not finished; the finished ones are kept.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    settings = settings or Settings(limits=limits or Limits())
    inputs = list(inputs or [DEFAULT_INPUT])
    check_arguments(inputs, out_dir, workers)
    with contextlib.ExitStack() as cluster:
        client = None
        if scheduler is not None:
            from .cluster import absolute, check_workers, connect
            inputs, out_dir = absolute(inputs), Path(os.path.abspath(out_dir))
            client = cluster.enter_context(connect(scheduler))
        shards = plan_shards(inputs, settings, written_from(out_dir))
        check_plan(shards, inputs)
        if client is not None:
            check_workers(client, inputs, out_dir)
        cluster.enter_context(held(out_dir))
        mark_incomplete(out_dir)
        summary = _run_shards(shards, out_dir, settings, client, workers, progress)
    mark_complete(out_dir)
    summary.elapsed = time.perf_counter() - started
    return summary


def _run_shards(shards: list[Shard], out_dir: Path, settings: Settings, client, workers: int | None,
                progress: bool | None) -> RunSummary:
    """Every shard not finished by an earlier run, then the passes over all of them: duplicates and
    the cross-check."""
    summary = RunSummary(out_dir)
    todo = []
    for shard in shards:
        earlier = finished(out_dir, shard)
        if earlier is None:
            todo.append(shard)
        else:
            summary.add(earlier)

    def process(todo):
        if client is not None:
            from .cluster import run_on_dask
            return run_on_dask(todo, out_dir, client, bar, settings)
        return run_local(todo, out_dir, workers or os.cpu_count() or 1, bar, settings)

    with Progress(todo, len(shards), progress) as bar:
        for shard_summary in process(todo):
            summary.add(shard_summary)
            bar.shard_done()
        _prune(out_dir, shards)
        duplicates = _mark_duplicates(out_dir, shards, lambda stale: bar.plan(stale) or process(stale))
    parts = [shard.name for shard in shards]
    summary.count(duplicates.statuses, _row_counts(out_dir, parts))
    checked = crosscheck(out_dir, settings.fuzzy_cutoff)
    summary.rows.update(support=len(checked.support), conflicts=len(checked.conflicts))
    return summary


def _prune(out_dir: Path, shards: list[Shard]) -> None:
    """Remove the parts and markers of shards that are not in this run."""
    keep = {shard.name for shard in shards}
    prune(out_dir, keep)
    for marker in (out_dir / MARKERS).glob("*.json"):
        if marker.stem not in keep:
            marker.unlink()


def _mark_duplicates(out_dir: Path, shards: list[Shard], process) -> DuplicateSummary:
    """Mark copies across shards; shards holding copies of articles no longer in the run are redone."""
    parts = [shard.name for shard in shards]
    duplicates = mark_duplicates(out_dir, parts)
    if duplicates.stale:
        stale = [shard for shard in shards if shard.name in set(duplicates.stale)]
        log.info("%d shards hold copies of articles no longer in the run; processing them again", len(stale))
        for shard in stale:
            marker_path(out_dir, shard).unlink(missing_ok=True)
        for _ in process(stale):
            pass
        duplicates = mark_duplicates(out_dir, parts)
    return duplicates
