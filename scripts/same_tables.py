"""Compare the tables of two runs, row for row, whatever the order of their part files.

    .venv/bin/python scripts/same_tables.py [--rule-id-prefix] BEFORE_DIR AFTER_DIR [BEFORE_DIR AFTER_DIR ...]

Used to check that a change of the code's shape leaves every output as it was: run the corpus
(or any input) with the code before and after, then compare the two output folders. Prints one
line per table and exits 1 on the first folder pair whose tables differ.

With ``--rule-id-prefix``, rule_id columns are compared only up to their first "/": a claim's
rule id names the rule that assembled it, then the cues that made it
(``claim.sentence/cue.award.obtained``), and a change that only adds or renames the cue part
compares equal.
"""
from __future__ import annotations

import sys

import pandas as pd

import extract

ORDER = {"articles": ["source", "article_id"], "mentions": ["article_id", "start", "end", "label"],
         "claims": ["article_id", "unit", "predicate"], "quotes": ["article_id", "start", "end", "speaker"],
         "support": ["unit", "scheme", "year", "predicate"],
         "conflicts": ["conflict_id", "article_id", "start", "predicate"]}


def sorted_tables(out: str, rule_id_prefix: bool = False) -> dict[str, pd.DataFrame]:
    tables = {}
    for name, frame in extract.load(out, notebook=False).items():
        if rule_id_prefix and "rule_id" in frame.columns:
            rule = frame["rule_id"].map(lambda value: value.partition("/")[0] if isinstance(value, str) else value)
            frame = frame.assign(rule_id=rule.astype(frame["rule_id"].dtype))
        tables[name] = frame.sort_values(ORDER[name]).reset_index(drop=True)
    return tables


def compare(before: str, after: str, rule_id_prefix: bool = False) -> bool:
    left, right = sorted_tables(before, rule_id_prefix), sorted_tables(after, rule_id_prefix)
    same = True
    for name in sorted(set(left) | set(right)):
        if name not in left or name not in right:
            print(f"{name}: only in {'before' if name in left else 'after'}")
            same = False
            continue
        try:
            pd.testing.assert_frame_equal(left[name], right[name], obj=name)
            print(f"{name}: {len(left[name])} rows, equal")
        except AssertionError as exc:
            print(f"{name}: DIFFERENT\n{exc}")
            same = False
    return same


def main(argv: list[str]) -> int:
    rule_id_prefix = "--rule-id-prefix" in argv
    argv = [arg for arg in argv if arg != "--rule-id-prefix"]
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    for before, after in zip(argv[::2], argv[1::2]):
        print(f"{before} -> {after}")
        if not compare(before, after, rule_id_prefix):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
