"""trafilatura's options, measured end to end: body checks, claims F1 and time a page.

    .venv/bin/python bench/trafilatura_options.py            # every option set below
    .venv/bin/python bench/trafilatura_options.py --pages 300

For each option set (the pipeline's options with some changed):

- the body checks of the corpus gold (``body_must_contain``: sentences the article's text must
  hold, ``body_must_not_contain``: boilerplate it must not), over the corpus's HTML articles;
- the claims F1 of the whole pipeline on the corpus (``extract.evaluate`` against ``corpus/gold``)
  and on ``../shared/dev`` when it is there (the dev set is text, so trafilatura does not touch
  it: its F1 only shows that nothing else moved);
- milliseconds a page of trafilatura alone over benchmark pages (``bench/pages.py``).

This is a script, not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

VARIANTS = {
    "precision (in use before)": dict(favor_precision=True),
    "precision, fast": dict(favor_precision=True, fast=True),
    "balanced": dict(favor_precision=False),
    "balanced, fast": dict(favor_precision=False, fast=True),
    "recall": dict(favor_precision=False, favor_recall=True),
}


def body_checks(options: dict) -> tuple[int, int, int, int]:
    """(sentences found, sentences expected, boilerplate leaked, boilerplate listed) over the corpus HTML."""
    from extract.read.clean import from_page, extract_page
    from extract.read.inputs import iter_raw_docs
    from extract.read import clean

    golds = {}
    for path in sorted((ROOT / "corpus" / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if "body_must_contain" in gold:
            golds[gold["url"]] = gold
    collapse = lambda s: " ".join(s.split())  # noqa: E731
    found = expected = leaked = listed = 0
    saved = dict(clean.TRAFILATURA_OPTIONS)
    clean.TRAFILATURA_OPTIONS.update(options)
    try:
        for raw in iter_raw_docs([str(ROOT / "corpus")]):
            if raw.html is None:
                continue
            article = from_page(raw, extract_page(raw))
            gold = golds.get(article.url)
            if gold is None:
                continue
            text = collapse(article.text)
            expected += len(gold["body_must_contain"])
            found += sum(collapse(s) in text for s in gold["body_must_contain"])
            listed += len(gold["body_must_not_contain"])
            leaked += sum(collapse(s) in text for s in gold["body_must_not_contain"])
    finally:
        clean.TRAFILATURA_OPTIONS.clear()
        clean.TRAFILATURA_OPTIONS.update(saved)
    return found, expected, leaked, listed


def claims_f1(options: dict, inputs: Path, gold: Path) -> float:
    import extract
    from extract.read import clean

    saved = dict(clean.TRAFILATURA_OPTIONS)
    clean.TRAFILATURA_OPTIONS.update(options)
    try:
        with tempfile.TemporaryDirectory() as out:
            extract.run([str(inputs)], out, workers=1, progress=False)
            return extract.evaluate(gold, out).to_dict()["fields"]["claims"]["f1"]
    finally:
        clean.TRAFILATURA_OPTIONS.clear()
        clean.TRAFILATURA_OPTIONS.update(saved)


def ms_a_page(options: dict, pages: list[str]) -> float:
    from trafilatura import bare_extraction
    from extract.read import clean

    chosen = dict(clean.TRAFILATURA_OPTIONS) | options
    started = time.process_time()
    for html in pages:
        bare_extraction(html, **chosen)
    return (time.process_time() - started) / len(pages) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=500, help="benchmark pages timed per option set")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "extract-bench-mix")
    args = parser.parse_args()

    from bench.pages import generate_mix
    from extract.read.decode import decode_html

    paths = [path for path, _ in generate_mix(ROOT, args.cache, args.pages)]
    pages = [decode_html(p.read_bytes())[0] for p in paths]
    dev = ROOT.parent / "shared" / "dev"
    print(f"{'options':<28} {'body found':>11} {'leaked':>8} {'corpus F1':>10} {'dev F1':>7} {'ms a page':>10}")
    for name, options in VARIANTS.items():
        found, expected, leaked, listed = body_checks(options)
        corpus = claims_f1(options, ROOT / "corpus", ROOT / "corpus" / "gold")
        dev_f1 = claims_f1(options, dev / "dev.jsonl", dev / "gold") if dev.exists() else float("nan")
        print(f"{name:<28} {found:>5}/{expected:<5} {leaked:>3}/{listed:<4} {corpus:>10.3f} {dev_f1:>7.3f} "
              f"{ms_a_page(options, pages):>10.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
