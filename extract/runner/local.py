"""Run shards on this machine: in this process, or in a pool of worker processes.

The pool is given a few shards more than it has workers, and the next as each finishes, never
all of them up front: so a stop (:mod:`extract.runner.stopping`) has only those to cancel, and
ends the workers at once (a shard in the middle leaves only hidden temporary files, which the
next run removes). Workers report each record done and each input read to the main process,
which draws the bar (:mod:`extract.runner.progress`).
"""
from __future__ import annotations

import itertools
import multiprocessing
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path
from typing import Iterator

from ..settings import Settings
from .progress import Progress
from .shards import Shard, ShardSummary, process_shard
from .stopping import as_worker
from .worker import prepare_before_fork, prepare_process

POLL_SECONDS = 0.2       # how often the main process looks at the workers' reports
SHARDS_AHEAD = 2         # shards given to the pool per worker
STOP_SECONDS = 5         # how long an ended worker is waited for

_reports = None          # in a worker: the queue of its reports to the main process


def run_local(shards: list[Shard], out_dir: Path, workers: int, progress: Progress,
              settings: Settings) -> Iterator[ShardSummary]:
    """Each shard's summary as it finishes."""
    if workers <= 1 or len(shards) <= 1:
        for shard in shards:
            yield process_shard(shard, out_dir, settings, progress=progress.update)
        return
    reports = multiprocessing.SimpleQueue()
    prepare_before_fork()
    pool = ProcessPoolExecutor(max_workers=min(workers, len(shards)), initializer=_start_worker, initargs=(reports,))
    try:
        yield from _in_pool(pool, shards, out_dir, settings, reports, progress, ahead=SHARDS_AHEAD * workers)
    except BaseException:          # stopped (a signal, the caller gone): no shard more, and no worker left
        _end(pool)
        raise
    pool.shutdown()


def _in_pool(pool, shards, out_dir, settings, reports, progress, ahead: int) -> Iterator[ShardSummary]:
    todo = iter(shards)
    running: set = set()

    def submit() -> None:
        for shard in itertools.islice(todo, ahead - len(running)):
            running.add(pool.submit(process_shard, shard, out_dir, settings, report))

    submit()
    while running:
        done, _ = wait(running, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
        _drain(reports, progress)
        for future in done:
            running.discard(future)
            yield future.result()
        submit()


def _drain(reports, progress: Progress) -> None:
    while not reports.empty():
        progress.update(*reports.get())


def _end(pool: ProcessPoolExecutor) -> None:
    """Cancel the shards not started and end the workers now, not when their shards are done."""
    terminate = getattr(pool, "terminate_workers", None)     # Python 3.14
    if terminate is not None:
        terminate()
        return
    processes = list((pool._processes or {}).values())       # no public handle on them before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(STOP_SECONDS)


def _start_worker(reports) -> None:
    global _reports
    as_worker()
    _reports = reports
    prepare_process()


def report(records: int = 0, read: int = 0) -> None:
    """In a worker: tell the main process of records done and bytes of input read."""
    _reports.put((records, read))
