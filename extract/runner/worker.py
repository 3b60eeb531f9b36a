"""A process's life as a worker: made ready once, its caches started afresh every so many records.

Every runner's :func:`~extract.runner.shards.process_shard` calls :func:`prepare_process` first
and :func:`count_and_reset` after each batch; a pool's process calls :func:`prepare_before_fork`.
"""
from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing

from trafilatura.meta import reset_caches

from ..mine.nlp import build_nlp
from ..records import RawDoc
from .batches import process

RESET_CACHES_EVERY = 1000     # trafilatura's caches grow with every page

_WARM_UP = RawDoc(source="warm-up", html=(
    "<html><head><title>Dinas Kesehatan Kota Bogor raih predikat Pelayanan Prima</title></head><body><article>"
    "<p>BOGOR (8/3/2022) - Dinas Kesehatan Kota Bogor meraih predikat Pelayanan Prima (A-) dengan nilai 4,51 "
    "dari Kementerian PANRB pada 8 Maret 2022.</p><p>“Kami bangga,” kata Kepala Dinas, Sri Nowo Retno.</p>"
    "</article></body></html>"))
_prepared = False
_processed_here = 0   # records this process has handled, across shards


def prepare_process() -> None:
    """Make this process ready for records: build the NLP pipeline, load every rule file and the date
    parser (by one warm-up record), then set all of it aside from the garbage collector
    (``gc.freeze``). They live as long as the process; without this every full collection walks
    them again, and trafilatura makes many collections. Runs once per process."""
    global _prepared
    if _prepared:
        return
    from ..mine.dates import _parser
    build_nlp()
    _parser()
    process(_WARM_UP)
    gc.collect()
    gc.freeze()
    _prepared = True


def prepare_before_fork() -> None:
    """Where worker processes are forked (Linux), make this process ready once before its pool
    starts: every worker then begins with the pipeline, rules and caches already built (shared
    with this process until written), one preparation in all instead of one a worker, which on a
    crawl the gate mostly passes over weighs as much as a shard's work. Where processes are
    spawned, each worker prepares itself as it starts."""
    if multiprocessing.get_start_method() == "fork":
        prepare_process()


def count_and_reset(records: int) -> None:
    """Every RESET_CACHES_EVERY records in a process, start trafilatura's caches and the spaCy
    vocabulary afresh: both grow with every new page and word."""
    global _processed_here, _prepared
    before = _processed_here
    _processed_here += records
    if _processed_here // RESET_CACHES_EVERY > before // RESET_CACHES_EVERY:
        gc.unfreeze()        # the old vocabulary must be collectable
        with _quiet("htmldate.meta"):
            reset_caches()
        build_nlp.cache_clear()
        _prepared = False
        prepare_process()


@contextlib.contextmanager
def _quiet(logger: str):
    """Without the ERROR htmldate logs at every reset: it tries to clear caches of charset_normalizer
    functions that, compiled, have none ("impossible to clear cache for function"); nothing is lost."""
    log = logging.getLogger(logger)
    before = log.disabled
    log.disabled = True
    try:
        yield
    finally:
        log.disabled = before
