"""Benchmark: throughput, cost per stage, memory and parallel speed-up, in one run.

    .venv/bin/python bench/run.py     # 1,000 pages; runs over 2,000; memory over 10,000 pages
    .venv/bin/python bench/run.py --pages 300 --speedup-pages 600 --memory-pages 2000   # a quicker look

Pages are generated from the corpus pages by ``bench/pages.py`` (50-300 KB each,
heavy boilerplate) into a cache directory and reused. Printed:

- pages per second for trafilatura alone (``bare_extraction`` with the
  pipeline's options) and for the full pipeline on the same pages as a shard
  runs it (``extract.runner.batches.run_batch`` over batches of records:
  trafilatura, cleaning, NLP, extraction, claims, within the time limit),
  timed in turn over blocks of 100 pages, and their ratio (by the clock, and
  in CPU time, which the machine's other work disturbs less);
- the time per stage of the full pipeline, each stage of ``extract.runner.stages.STAGES``
  wrapped in a timer;
- peak resident memory of a whole run (``extract.run``, one worker, tables
  written) over ``--memory-pages`` pages, measured in a child process;
- the speed-up of ``extract.run`` with 2 workers over 1, over
  ``--speedup-pages`` pages (a run's fixed costs, starting the workers and the
  end-of-run passes, weigh less as a run grows, and real runs are long); each
  is run twice, in turn, and the faster of its two runs counts.

This is a script, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.pages import generate  # noqa: E402

BLOCK = 100     # pages timed in turn by trafilatura alone and by the full pipeline
ROUNDS = 2      # runs with 1 and with 2 workers, in turn


def stage_times(paths: list[Path]) -> tuple[tuple[float, float], tuple[float, float], dict[str, float]]:
    """Seconds (wall clock, CPU) for trafilatura alone and for the full pipeline, and seconds per stage
    of the full pipeline."""
    from trafilatura import bare_extraction

    from extract.read import clean
    from extract.read.decode import decode_html
    from extract.across.duplicates import Seen
    from extract.records import RawDoc
    from extract.runner.batches import run_batch
    from extract.runner.shards import batches
    from extract.runner.stages import STAGES
    from extract.runner.worker import prepare_process
    from extract.settings import BATCH_RECORDS

    pages = [decode_html(p.read_bytes())[0] for p in paths]
    prepare_process()                                          # what every runner's process does first
    bare_extraction(pages[0], **clean.TRAFILATURA_OPTIONS)

    def alone(block: list[tuple[Path, str]]) -> None:
        for _, html in block:
            bare_extraction(html, **clean.TRAFILATURA_OPTIONS)

    def full(block: list[tuple[Path, str]]) -> None:                # as a shard runs: batches of records
        for batch in batches(RawDoc(source=str(path), html=html) for path, html in block):
            run_batch(batch, seen=seen)

    def timed(work, block) -> tuple[float, float]:
        wall, cpu = time.perf_counter(), time.process_time()
        work(block)
        return time.perf_counter() - wall, time.process_time() - cpu

    # Both over the same blocks of pages in turn, so that the machine's ups and downs touch both alike;
    # which goes first alternates, since the second finds a block's lines in trafilatura's caches.
    seen, spent = Seen(), {alone: [0.0, 0.0], full: [0.0, 0.0]}
    for number, first in enumerate(range(0, len(pages), BLOCK)):
        block = list(zip(paths[first:first + BLOCK], pages[first:first + BLOCK]))
        for work in ((full, alone) if number % 2 else (alone, full)):
            wall, cpu = timed(work, block)
            spent[work][0] += wall
            spent[work][1] += cpu
    trafilatura_alone, full_pipeline = tuple(spent[alone]), tuple(spent[full])

    stages: dict[str, float] = collections.Counter()

    def timed_stage(stage):                                  # the same stages, each one timed
        def run_timed(batch):
            t0 = time.perf_counter()
            try:
                return stage(batch)
            finally:
                stages[stage.__name__] += time.perf_counter() - t0
        return run_timed

    timed_stages = tuple(timed_stage(stage) for stage in STAGES)
    for first in range(0, len(paths), BATCH_RECORDS):
        batch = paths[first:first + BATCH_RECORDS]
        t0 = time.perf_counter()
        raws = [RawDoc(source=str(path), html=decode_html(path.read_bytes())[0]) for path in batch]
        stages["read + decode"] += time.perf_counter() - t0
        run_batch(raws, seen=Seen(), stages=timed_stages)
    return trafilatura_alone, full_pipeline, dict(stages)


def timed_run(pages_dir: Path, workers: int, files_per_shard: int) -> tuple[float, dict]:
    """Wall time of ``extract.run`` in a fresh child process, and the child's own peak memory
    (with one worker, all the work happens in that process). The peak is the child's VmHWM: Linux
    carries ``ru_maxrss`` over ``exec`` from the forked parent, which would count this script."""
    code = ("import json, sys, time; import extract; t = time.perf_counter(); "
            f"s = extract.run([{str(pages_dir)!r}], sys.argv[1], workers={workers}, files_per_shard={files_per_shard}, "
            "progress=False); print(json.dumps({'seconds': time.perf_counter() - t, 'records': s.records, "
            "'ok': s.ok, 'rows': dict(s.rows), "
            "'peak_mb': next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024}))")
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run([sys.executable, "-c", code, out], cwd=ROOT, capture_output=True, text=True, check=True)
    data = json.loads(result.stdout.strip().splitlines()[-1])
    return data["seconds"], data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=1000, help="pages for throughput and stages")
    parser.add_argument("--speedup-pages", type=int, default=2000,
                        help="pages for the runs with 1 and 2 workers (a run's fixed costs, starting the workers "
                             "and the end-of-run passes, weigh less as it grows)")
    parser.add_argument("--memory-pages", type=int, default=10_000, help="pages for the peak-memory run")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "extract-bench-pages")
    args = parser.parse_args()

    paths = generate(ROOT / "corpus", args.cache, max(args.pages, args.speedup_pages, args.memory_pages))
    sample = paths[:args.pages]
    size = sum(p.stat().st_size for p in sample) / len(sample) / 1000
    print(f"pages: {len(sample)} (mean {size:.0f} KB of HTML)")

    (alone, alone_cpu), (full, full_cpu), stages = stage_times(sample)
    n = len(sample)
    print(f"trafilatura alone: {n / alone:7.1f} pages/s")
    print(f"full pipeline:     {n / full:7.1f} pages/s   ratio {alone / full:.2f} (target >= 0.80)")
    print(f"  the same in CPU time: {n / alone_cpu:.1f} and {n / full_cpu:.1f} pages/s, ratio {alone_cpu / full_cpu:.2f}; "
          f"{(full_cpu - alone_cpu) / n * 1000:.2f} ms a page after trafilatura")
    print("time per stage (ms a page):")
    for stage, seconds in stages.items():
        print(f"  {stage:<24} {seconds / n * 1000:6.2f}")

    runs = paths[:args.speedup_pages]
    shard = max(10, len(runs) // 40)
    subset = Path(tempfile.mkdtemp(prefix="extract-bench-subset-"))
    for path in runs:
        (subset / path.name).symlink_to(path)
    timings: dict[int, list[float]] = {1: [], 2: []}
    rows: dict[int, dict] = {}
    for _ in range(ROUNDS):         # in turn, and the best of each: the run the machine's other work disturbed least
        for workers in (1, 2):
            seconds, result = timed_run(subset, workers, shard)
            timings[workers].append(seconds)
            rows[workers] = result["rows"]
    one, two = min(timings[1]), min(timings[2])
    print(f"run over {len(runs)} pages, 1 worker:  {len(runs) / one:7.1f} pages/s")
    print(f"run over {len(runs)} pages, 2 workers: {len(runs) / two:7.1f} pages/s   speed-up {one / two:.2f} (target >= 1.80)")
    assert rows[1] == rows[2], "workers changed the tables"

    memory_dir = Path(tempfile.mkdtemp(prefix="extract-bench-memory-"))
    for path in paths[:args.memory_pages]:
        (memory_dir / path.name).symlink_to(path)
    _, memory = timed_run(memory_dir, 1, 200)
    print(f"peak memory, one worker over {memory['records']} pages: {memory['peak_mb']:.0f} MB (target < 500)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
