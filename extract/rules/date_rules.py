"""The date rules of ``patterns/dates.tsv``, compiled: month, weekday and relative-day words, and the
candidate patterns with the gate a text must pass for each to be tried."""
from __future__ import annotations

import re
from dataclasses import dataclass

import regex

from .files import row_error
from .tables import DateRow
from .trie import trie_pattern


@dataclass(slots=True, frozen=True)
class DatePattern:
    id: str
    pattern: object                 # re.Pattern or regex.Pattern: whichever scans a text faster
    gate: re.Pattern | None         # what a text must hold for the pattern to be tried
    starts_at_gate: bool            # tried only where its gate matches (``starts=needs``)


@dataclass(slots=True, frozen=True)
class DateRules:
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, int]
    patterns: tuple[DatePattern, ...]

    def pattern(self, rule_id: str) -> DatePattern | None:
        return next((p for p in self.patterns if p.id == rule_id), None)


def _compile(source: str):
    """A candidate pattern, compiled by the engine that scans a text for it faster; both find the
    same matches. A pattern opening with a look-behind ("not after a digit") makes ``re`` try
    every position, while ``regex`` first skips to a character or string the pattern needs;
    a pattern opening with names (weekdays) is faster in ``re``, which skips to their first letters."""
    return regex.compile(source) if source.startswith("(?<") else re.compile(source)


def _error(row: DateRow, message: str):
    return row_error({"_where": row.where}, message)


def compile_dates(rows: tuple[DateRow, ...]) -> DateRules:
    words = {kind: {r.name.lower(): int(r.value) for r in rows if r.kind == kind} for kind in ("month", "weekday", "relative")}
    alternation = lambda names: "(?:" + trie_pattern(names) + r")\b"
    fill = lambda source: (source.replace("{MONTH}", alternation(words["month"]))
                           .replace("{WEEKDAY}", alternation(words["weekday"]))
                           .replace("{RELATIVE}", alternation(words["relative"])))
    patterns = []
    for row in rows:
        if row.kind != "pattern":
            continue
        try:
            gate = re.compile(fill(row.needs)) if row.needs else None
            pattern = _compile(fill(row.value))     # on lower-cased text: no IGNORECASE
        except (re.error, regex.error) as exc:
            raise _error(row, f"bad date pattern: {exc}") from exc
        if row.starts == "needs" and not row.needs:
            raise _error(row, "starts=needs without a needs pattern")
        if row.starts not in ("", "needs"):
            raise _error(row, f"unknown starts {row.starts!r}; expected 'needs' or nothing")
        patterns.append(DatePattern(row.name, pattern, gate, row.starts == "needs"))
    return DateRules(words["month"], words["weekday"], words["relative"], tuple(patterns))
