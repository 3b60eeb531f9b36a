"""Shards: the units of work a run is cut into, and what one shard produces.

A shard is one archive or JSON Lines file, a run of up to ``files_per_shard``
single-document files (HTML, text), or a run of URLs. Its key hashes what it
reads (paths with size and modification time, or URLs), the pipeline version
(package version and every rule file) and the limits, so a rerun over the same
inputs with the same rules and limits recognises the shards it already finished.

:func:`process_shard` is the one per-shard function every runner uses: one
process, local workers, or a Dask cluster. It writes one part file per table
(temporary names, then renamed) and, last, a completion marker. Records are
taken in batches (:func:`process_batch`): each read on its own, their articles
mined together. Each record is processed within the run's
:class:`~extract.limits.Limits`; one over its time becomes a ``timeout`` row.
"""
from __future__ import annotations

import functools
import gc
import hashlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from trafilatura.meta import reset_caches

from ..about import __version__
from ..read.clean import failed
from ..across.duplicates import Seen
from ..limits import DocumentTimeout, Limits, time_limit
from ..rules.files import patterns_dir
from ..mine.nlp import build_nlp
from .stages import Result, crashed, finish_record, mine_batch, process, read_page
from ..records import Article, RawDoc
from ..status import Group, Status
from ..read.inputs import expand_inputs, is_url, kind_of, read_input
from ..io.tables import TableWriter

log = logging.getLogger(__name__)

FILES_PER_SHARD = 200
RESET_CACHES_EVERY = 1000     # trafilatura's caches grow with every page
BATCH_RECORDS = 64            # records read before they are mined together
BATCH_BYTES = 16_000_000      # or fewer, when their pages are large
MARKERS = "_shards"


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
    """The package version and a digest of every rule file: what makes two runs' outputs comparable."""
    digest = hashlib.sha1(__version__.encode())
    for path in sorted(p for p in patterns_dir().rglob("*") if p.is_file()):
        digest.update(path.relative_to(patterns_dir()).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _identity(item: str) -> str:
    if is_url(item):
        return item
    try:
        stat = os.stat(item)
    except OSError:
        return f"{item}:missing"
    return f"{os.path.abspath(item)}:{stat.st_size}:{stat.st_mtime_ns}"


def _key(items: Iterable[str], limits: Limits) -> str:
    digest = hashlib.sha1(pipeline_version().encode())
    digest.update(repr(limits).encode())
    for item in items:
        digest.update(_identity(item).encode())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def plan_shards(inputs: Iterable[str], files_per_shard: int = FILES_PER_SHARD,
                limits: Limits = Limits()) -> list[Shard]:
    """Cut the expanded inputs into shards, in input order; the limits are part of each shard's key."""
    groups: list[list[str]] = []
    pending: list[str] = []
    for item in expand_inputs(inputs):
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
    return [Shard(index, tuple(items), _key(items, limits)) for index, items in enumerate(groups)]


def marker_path(out_dir: Path, shard: Shard) -> Path:
    return Path(out_dir) / MARKERS / f"{shard.name}.json"


def finished(out_dir: Path, shard: Shard) -> ShardSummary | None:
    """The summary a finished shard left, or None when it must be (re)done."""
    try:
        data = json.loads(marker_path(out_dir, shard).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    summary = ShardSummary(**{k: v for k, v in data.items() if k in ShardSummary.__slots__})
    summary.resumed = True
    return summary


def _records(shard: Shard, fetch_config, limits: Limits) -> Iterator:
    for item in shard.items:
        yield from read_input(item, fetch_config=fetch_config, limits=limits)


def process_within(raw: RawDoc, limits: Limits, seen: Seen | None = None) -> Result:
    """:func:`~extract.runner.stages.process` with the time limit: a record over it becomes a ``timeout`` row."""
    try:
        with time_limit(limits.doc_timeout):
            return process(raw, seen)
    except DocumentTimeout:
        return _timed_out(raw, limits)


def _timed_out(raw: RawDoc, limits: Limits) -> Result:
    log.warning("%s: over the time limit of %s s", raw.source, limits.doc_timeout)
    return Result(failed(raw, Status.TIMEOUT, Status.TIMEOUT.message(raw.source, seconds=limits.doc_timeout)))


def process_batch(raws: list[RawDoc], limits: Limits = Limits(), seen: Seen | None = None) -> list[Result]:
    """Records -> their results, the same as :func:`process_within` gives one at a time, faster.

    Each record's page goes through trafilatura within the time limit
    (:func:`~extract.runner.stages.read_page`); then, within what the slowest of them has left of its
    time, the rest of reading (:func:`~extract.runner.stages.finish_record`) and the mining
    (:func:`~extract.runner.stages.mine_batch`) are done for the batch, stage by stage. Should that
    fail or run over, the batch is processed again one record at a time, so that only the record
    at fault fails, and ``seen`` is as if it always had been.
    """
    checkpoint = seen.checkpoint() if seen is not None else None
    results: list[Result | None] = []
    read: list[tuple[int, RawDoc, object]] = []
    budget = limits.doc_timeout
    for raw in raws:
        started = time.perf_counter()
        try:
            with time_limit(limits.doc_timeout):
                page = read_page(raw)
        except DocumentTimeout:
            results.append(_timed_out(raw, limits))
            continue
        except Exception as exc:  # one bad record must not stop a run of millions
            results.append(crashed(raw, exc))
            continue
        if budget:
            budget = min(budget, limits.doc_timeout - (time.perf_counter() - started))
        read.append((len(results), raw, page))
        results.append(None)
    failed_reading = list(results)     # the records that failed in trafilatura stay so
    try:
        if budget is not None and budget <= 0:
            raise DocumentTimeout()
        with time_limit(budget):
            _finish_and_mine(read, results, seen)
    except (DocumentTimeout, Exception) as exc:
        log.info("a batch of %d records failed (%s); processing them one at a time", len(raws), type(exc).__name__)
        if seen is not None:
            seen.rewind(checkpoint)
        return [done or process_within(raw, limits, seen) for raw, done in zip(raws, failed_reading)]
    return results


def _finish_and_mine(read: list[tuple[int, RawDoc, object]], results: list[Result | None], seen: Seen | None) -> None:
    """Finish reading the records trafilatura read (in record order, for ``seen``) and mine the ones
    to mine; their results go into ``results`` at their indexes."""
    minable = []
    for index, raw, page in read:
        article = finish_record(raw, page, seen)
        if seen is not None:
            seen.add(article)
        results[index] = Result(article)
        if article.status == Status.OK:
            minable.append(index)
    if minable:
        for index, result in zip(minable, mine_batch([results[index].article for index in minable])):
            results[index] = result


def batches(records: Iterable[RawDoc], size: int = BATCH_RECORDS, max_bytes: int = BATCH_BYTES) -> Iterator[list[RawDoc]]:
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


_WARM_UP = RawDoc(source="warm-up", html=(
    "<html><head><title>Dinas Kesehatan Kota Bogor raih predikat Pelayanan Prima</title></head><body><article>"
    "<p>BOGOR (8/3/2022) - Dinas Kesehatan Kota Bogor meraih predikat Pelayanan Prima (A-) dengan nilai 4,51 "
    "dari Kementerian PANRB pada 8 Maret 2022.</p><p>“Kami bangga,” kata Kepala Dinas, Sri Nowo Retno.</p>"
    "</article></body></html>"))
_prepared = False


def prepare_process() -> None:
    """Make this process ready for records: build the NLP pipeline, load every rule file and the date
    parser (by one warm-up record), then set all of it aside from the garbage collector
    (``gc.freeze``). They live as long as the process; without this every full collection walks
    them again, and trafilatura makes many collections. Runs once per process; every runner's
    :func:`process_shard` calls it."""
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


def process_shard(shard: Shard, out_dir: str | Path, *, fetch_config=None, batch_size: int = 500,
                  limits: Limits = Limits(), progress=None) -> ShardSummary:
    """Process one shard into its part files and completion marker; skip it if already finished."""
    out_dir = Path(out_dir)
    done = finished(out_dir, shard)
    if done is not None:
        return done
    prepare_process()
    started = time.perf_counter()
    summary = ShardSummary(shard.name)
    seen = Seen()
    with TableWriter(out_dir, shard.name, batch_size=batch_size) as writer:
        for batch in batches(_records(shard, fetch_config, limits)):
            for result in process_batch(batch, limits, seen):
                writer.add("articles", [result.article])
                writer.add("mentions", result.mentions)
                writer.add("claims", result.claims)
                writer.add("quotes", result.quotes)
                _count(summary, result.article)
                if progress is not None:
                    progress(1)
            _count_and_reset(len(batch))
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


_processed_here = 0   # records this process has handled, across shards


def _count_and_reset(records: int) -> None:
    """Every RESET_CACHES_EVERY records in a process, start trafilatura's caches and the spaCy
    vocabulary afresh: both grow with every new page and word."""
    global _processed_here, _prepared
    before = _processed_here
    _processed_here += records
    if _processed_here // RESET_CACHES_EVERY > before // RESET_CACHES_EVERY:
        gc.unfreeze()        # the old vocabulary must be collectable
        reset_caches()
        build_nlp.cache_clear()
        _prepared = False
        prepare_process()


def _write_marker(out_dir: Path, shard: Shard, summary: ShardSummary) -> None:
    path = marker_path(out_dir, shard)
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_suffix(f".{os.getpid()}.tmp")
    data = asdict(summary) | {"items": list(shard.items), "version": pipeline_version()}
    temp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temp, path)
