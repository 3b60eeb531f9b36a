"""Runners: the inputs cut into shards, processed here (one process or local workers) or on a
Dask cluster, and what a run reports at its end. Every runner calls the same
:func:`~extract.shards.process_shard`."""
from __future__ import annotations

import collections
import logging
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from tqdm import tqdm

from .shards import FILES_PER_SHARD, MARKERS, ShardSummary, plan_shards, prepare_process, process_shard
from .tables import prune

log = logging.getLogger(__name__)

DEFAULT_INPUT = "corpus"
DEFAULT_OUT = "outputs"


@dataclass(slots=True)
class RunSummary:
    out_dir: Path
    records: int = 0
    ok: int = 0
    failed: int = 0
    skipped: int = 0                 # records of shards finished by an earlier run, not redone
    shards: int = 0
    shards_skipped: int = 0
    statuses: collections.Counter = field(default_factory=collections.Counter)
    rows: collections.Counter = field(default_factory=collections.Counter)
    elapsed: float = 0.0

    def add(self, shard: ShardSummary) -> None:
        self.shards += 1
        self.records += shard.records
        self.ok += shard.ok
        self.failed += shard.records - shard.ok
        self.statuses.update(shard.statuses)
        self.rows.update(shard.rows)
        if shard.skipped:
            self.shards_skipped += 1
            self.skipped += shard.records

    def lines(self) -> list[str]:
        failed = ", ".join(f"{status} {n}" for status, n in sorted(self.statuses.items()) if status != "ok")
        return [
            f"articles: {self.records} (ok {self.ok}, failed {self.failed}{': ' + failed if failed else ''}; "
            f"{self.skipped} from {self.shards_skipped} of {self.shards} shards already done)",
            f"rows: mentions {self.rows['mentions']}, claims {self.rows['claims']}, quotes {self.rows['quotes']}",
            f"tables in {self.out_dir} ({self.elapsed:.1f} s)",
        ]


def _local(shards, out_dir, workers, bar, **options) -> Iterable[ShardSummary]:
    if workers <= 1 or len(shards) <= 1:
        for shard in shards:
            yield process_shard(shard, out_dir, progress=bar.update, **options)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=prepare_process) as pool:
        futures = [pool.submit(process_shard, shard, out_dir, **options) for shard in shards]
        for future in as_completed(futures):
            summary = future.result()
            bar.update(summary.records)
            yield summary


def run(inputs: Iterable[str] | None = None, out_dir: str | Path = DEFAULT_OUT, *, workers: int | None = None,
        scheduler=None, fetch_config=None, batch_size: int = 500, files_per_shard: int = FILES_PER_SHARD,
        progress: bool | None = None) -> RunSummary:
    """Process every record of ``inputs`` into the tables under ``out_dir``.

    ``inputs`` are files, directories or URLs; none means the bundled ``corpus/``.
    ``workers`` processes run on this machine (default: all cores); with
    ``scheduler`` (a Dask scheduler address or a ``distributed.Client``) the
    shards run on that cluster instead. Shards finished by an earlier run with
    the same inputs and rules are skipped; parts of shards that are not in
    this run are removed at its end. ``progress`` None shows a bar only on a
    terminal.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    shards = plan_shards(inputs or [DEFAULT_INPUT], files_per_shard)
    summary = RunSummary(out_dir)
    options = dict(fetch_config=fetch_config, batch_size=batch_size)
    with tqdm(desc="articles", unit="doc", disable=None if progress is None else not progress) as bar:
        if scheduler is not None:
            from .cluster import run_on_dask
            results = run_on_dask(shards, out_dir, scheduler, bar, **options)
        else:
            results = _local(shards, out_dir, workers or os.cpu_count() or 1, bar, **options)
        for shard_summary in results:
            summary.add(shard_summary)
            bar.set_postfix(shards=f"{summary.shards}/{len(shards)}")
    keep = {shard.name for shard in shards}
    prune(out_dir, keep)
    for marker in (out_dir / MARKERS).glob("*.json"):
        if marker.stem not in keep:
            marker.unlink()
    summary.elapsed = time.perf_counter() - started
    return summary
