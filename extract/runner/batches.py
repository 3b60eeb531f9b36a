"""The one runner of the stages (:data:`~extract.runner.stages.STAGES`) over a batch of records.

It owns the time limit and the one boundary where a failure becomes a record's row: each page's
first stage (trafilatura) runs on its own with the whole limit; the other stages run over the
batch within what the slowest of its records has left. Should that fail or run over, the batch is
processed again one record at a time, each with its own limit, so that only the record at fault
fails; the records that failed in the first stage keep their result, and ``seen`` is as if it
always had been. :func:`process` is the same runner on a batch of one.
"""
from __future__ import annotations

import logging
import time
from typing import Callable, Sequence

from ..across.duplicates import Seen
from ..limits import DocumentTimeout, Limits, time_limit
from ..read.clean import failed, failed_with
from ..records import RawDoc
from ..status import RecordError, Status, Timeout
from .stages import STAGES, Batch, Result

log = logging.getLogger(__name__)

Stage = Callable[[Batch], Batch]


def _apply(batch: Batch, stages: Sequence[Stage]) -> Batch:
    for stage in stages:
        batch = stage(batch)
    return batch


def _attempt(work: Callable[[], object], seconds: float | None) -> BaseException | None:
    """Run ``work`` within ``seconds``; the exception that stopped it, if any."""
    try:
        with time_limit(seconds):
            work()
    except DocumentTimeout as exc:
        return exc
    except Exception as exc:  # the one boundary: a bad record must not stop a run of millions
        return exc
    return None


def _failed(raw: RawDoc, exc: BaseException, limits: Limits) -> Result:
    """The result of a record the stages failed on, by what stopped them."""
    if isinstance(exc, DocumentTimeout):
        log.warning("%s: over the time limit of %s s", raw.source, limits.doc_timeout)
        exc = Timeout(raw.source, seconds=limits.doc_timeout)
    if isinstance(exc, RecordError):
        return Result(failed_with(raw, exc))
    log.error("%s: extraction failed", raw.source, exc_info=exc)
    return Result(failed(raw, Status.ERROR, Status.ERROR.message(raw.source, kind=type(exc).__name__, detail=exc)))


def process_within(raw: RawDoc, limits: Limits = Limits(), seen: Seen | None = None,
                   stages: Sequence[Stage] = STAGES, all_pages: bool = False) -> Result:
    """One record through every stage within its time limit; a failure is its row, not raised.
    ``all_pages`` reads it even when the relevance gate would pass over it."""
    checkpoint = seen.checkpoint() if seen is not None else None
    batch = Batch([raw], seen, all_pages)
    stopped = _attempt(lambda: _apply(batch, stages), limits.doc_timeout)
    if stopped is None:
        return batch.results()[0]
    if seen is not None:
        seen.rewind(checkpoint)
    return _failed(raw, stopped, limits)


def _first_stage(batch: Batch, limits: Limits, stage: Stage) -> tuple[list[Result | None], float | None]:
    """The first stage record by record, each with the whole limit: the results of the records it
    failed, and the time the slowest of the others has left."""
    alone: list[Result | None] = [None] * len(batch.raws)
    budget = limits.doc_timeout
    for i, raw in enumerate(batch.raws):
        one = Batch([raw], all_pages=batch.all_pages)
        started = time.perf_counter()
        stopped = _attempt(lambda: stage(one), limits.doc_timeout)
        if stopped is not None:
            alone[i] = _failed(raw, stopped, limits)
            batch.articles[i] = alone[i].article
            continue
        if budget:
            budget = min(budget, limits.doc_timeout - (time.perf_counter() - started))
        batch.take(i, one)
    return alone, budget


def run_batch(raws: list[RawDoc], limits: Limits = Limits(), seen: Seen | None = None,
              stages: Sequence[Stage] = STAGES, all_pages: bool = False) -> list[Result]:
    """Records -> their results, the same as :func:`process_within` gives one at a time, faster."""
    checkpoint = seen.checkpoint() if seen is not None else None
    batch = Batch(list(raws), seen, all_pages)
    alone, budget = _first_stage(batch, limits, stages[0])
    if budget is not None and budget <= 0:
        stopped: BaseException | None = DocumentTimeout()
    else:
        stopped = _attempt(lambda: _apply(batch, stages[1:]), budget)
    if stopped is None:
        return batch.results()
    log.info("a batch of %d records failed (%s); processing them one at a time", len(raws), type(stopped).__name__)
    if seen is not None:
        seen.rewind(checkpoint)
    return [done or process_within(raw, limits, seen, stages, all_pages) for raw, done in zip(raws, alone)]


def process(raw: RawDoc, limits: Limits = Limits(), seen: Seen | None = None, all_pages: bool = False) -> Result:
    """One raw record -> its result, by the same runner as a batch; failures are recorded, not raised."""
    return run_batch([raw], limits, seen, all_pages=all_pages)[0]

