"""trafilatura's options, measured end to end: body checks, claims F1 and speed.

    .venv/bin/python bench/trafilatura_options.py            # every option set below
    .venv/bin/python bench/trafilatura_options.py --pages 1000

For each option set (the pipeline's options, ``extract.read.clean.TRAFILATURA_OPTIONS``, with some
changed), printed as one row:

- the body checks of the corpus gold over the corpus's real pages (HTML files and WARC records):
  ``body_must_contain``, sentences the article's text must hold (recall), and
  ``body_must_not_contain``, boilerplate it must not (leaks: a related headline left in the body
  becomes a false claim);
- the claims F1 of the whole pipeline on the corpus (``extract.evaluate`` against ``corpus/gold``)
  and on ``../shared/dev`` when it is there (the dev set is text, which trafilatura does not touch:
  its F1 shows that nothing else moved);
- over the benchmark pages (``bench/pages.py``) that the relevance gate passes, the only ones the
  pipeline gives trafilatura: how many texts differ from the first option set's, and CPU
  milliseconds a page of trafilatura; then the pipeline's CPU pages per second over all
  ``--pages`` benchmark pages (``extract.run``, one worker, in this process).

This is a script, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROUNDS = 3
VARIANTS = {
    "precision, fast (in use)": dict(favor_precision=True, fast=True),
    "precision": dict(favor_precision=True, fast=False),
    "precision, fast, dedup.": dict(favor_precision=True, fast=True, deduplicate=True),
    "balanced": dict(favor_precision=False, fast=False),
    "balanced, fast": dict(favor_precision=False, fast=True),
    "recall": dict(favor_precision=False, favor_recall=True, fast=False),
}


@contextlib.contextmanager
def options(changes: dict):
    """The pipeline's trafilatura options with ``changes``, while the block runs."""
    from extract.read import clean

    saved = dict(clean.TRAFILATURA_OPTIONS)
    clean.TRAFILATURA_OPTIONS.update(changes)
    try:
        yield clean.TRAFILATURA_OPTIONS
    finally:
        clean.TRAFILATURA_OPTIONS.clear()
        clean.TRAFILATURA_OPTIONS.update(saved)


def _collapse(text: str) -> str:
    return " ".join(text.split())


def body_checks() -> tuple[int, int, int, int]:
    """(sentences found, sentences expected, boilerplate leaked, boilerplate listed) over the corpus's pages."""
    from extract.read.clean import extract_page, from_page
    from extract.read.inputs import iter_raw_docs

    golds = {}
    for path in sorted((ROOT / "corpus" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "body_must_contain" in gold:
            golds[gold["url"]] = gold
    found = expected = leaked = listed = 0
    for raw in iter_raw_docs([str(ROOT / "corpus")]):
        if raw.html is None:
            continue
        article = from_page(raw, extract_page(raw))
        gold = golds.get(article.url)
        if gold is None:
            continue
        text = _collapse(article.text)
        expected += len(gold["body_must_contain"])
        found += sum(_collapse(s) in text for s in gold["body_must_contain"])
        listed += len(gold.get("body_must_not_contain", []))
        leaked += sum(_collapse(s) in text for s in gold.get("body_must_not_contain", []))
    return found, expected, leaked, listed


def claims_f1(inputs: Path, gold: Path) -> float:
    import extract

    with tempfile.TemporaryDirectory() as out:
        extract.run([str(inputs)], out, workers=1, progress=False)
        return extract.evaluate(gold, out).to_dict()["fields"]["claims"]["f1"]


def trafilatura_ms(pages: list[str], chosen: dict) -> tuple[float, list[str]]:
    """CPU milliseconds a page of trafilatura over ``pages`` with the ``chosen`` options (the best of
    ``ROUNDS``, after one page to warm up: the machine's other work and a cold start disturb the
    first), and the texts."""
    from trafilatura import bare_extraction

    bare_extraction(pages[0], **chosen)
    spent = []
    for _ in range(ROUNDS):
        started = time.process_time()
        docs = [bare_extraction(html, **chosen) for html in pages]
        spent.append((time.process_time() - started) / len(pages) * 1000)
    return min(spent), [(doc.text if doc is not None else "") or "" for doc in docs]


def pipeline_rate(pages_dir: Path, count: int) -> float:
    """CPU pages a second of the whole pipeline over the benchmark pages, one worker in this process."""
    import extract

    with tempfile.TemporaryDirectory() as out:
        started = time.process_time()
        extract.run([str(pages_dir)], out, workers=1, progress=False)
        return count / (time.process_time() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000, help="benchmark pages of the end-to-end speed")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "extract-bench-mix")
    args = parser.parse_args()

    from bench.pages import generate_mix
    from extract.read.decode import decode_html
    from extract.read.relevance import relevant
    from extract.runner.worker import prepare_process

    paths = [path for path, _ in generate_mix(ROOT, args.cache, args.pages)]
    passed = [page for page in (decode_html(p.read_bytes())[0] for p in paths) if relevant(page)]
    prepare_process()
    dev = ROOT.parent / "shared" / "dev"
    with tempfile.TemporaryDirectory() as folder:
        pages_dir = Path(folder)
        for path in paths:
            (pages_dir / path.name).symlink_to(path)
        print(f"{len(paths):,} benchmark pages, {len(passed)} through the gate (texts compared with the first row's)")
        print(f"{'options':<25} {'body found':>11} {'leaked':>8} {'corpus F1':>10} {'dev F1':>7} "
              f"{'texts unlike':>13} {'trafilatura ms':>15} {'pipeline CPU pages/s':>21}")
        first = None
        for name, changes in VARIANTS.items():
            with options(changes) as chosen:
                found, expected, leaked, listed = body_checks()
                corpus = claims_f1(ROOT / "corpus", ROOT / "corpus" / "gold")
                dev_f1 = claims_f1(dev / "dev.jsonl", dev / "gold") if dev.exists() else float("nan")
                spent, texts = trafilatura_ms(passed, chosen)
                first = first or texts
                unlike = sum(a != b for a, b in zip(first, texts))
                print(f"{name:<25} {found:>5}/{expected:<5} {leaked:>3}/{listed:<4} {corpus:>10.3f} {dev_f1:>7.3f} "
                      f"{unlike:>13} {spent:>15.1f} {pipeline_rate(pages_dir, len(paths)):>21.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
