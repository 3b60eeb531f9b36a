"""Find date candidates with our own patterns and normalise them from their parts.

Patterns and month/weekday names live in ``patterns/dates.tsv``. A candidate's
day, month (a number or a name from the table) and year make its date;
partial dates take their year from the article's published date, checked
against the weekday when one is given. dateparser (one ``DateDataParser``,
reused) reads only free-form published values from page metadata, never a
whole text.

>>> import datetime as dt
>>> [(c.text, c.value, c.precision) for c in find_dates("MATARAM (8 Maret 2022) - Rabu (10/3) ia hadir.", dt.date(2021, 3, 12))]
[('8 Maret 2022', datetime.date(2022, 3, 8), 'day'), ('Rabu (10/3)', datetime.date(2021, 3, 10), 'day')]
>>> normalise_date(day=31, month=2, year=2022) is None
True
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Iterator

import regex

from ..rules.files import read_table, row_error
from .gazetteer import lowered, trie_pattern

_TABLE = "dates.tsv"


@dataclass(slots=True, frozen=True)
class DateCandidate:
    text: str
    start: int
    end: int
    value: dt.date
    precision: str
    rule_id: str


def _compile(source: str):
    """A candidate pattern, compiled by the engine that scans a text for it faster; both find the
    same matches. A pattern opening with a look-behind ("not after a digit") makes ``re`` try
    every position, while ``regex`` first skips to a character or string the pattern needs;
    a pattern opening with names (weekdays) is faster in ``re``, which skips to their first letters."""
    return regex.compile(source) if source.startswith("(?<") else re.compile(source)


@functools.cache
def _language():
    """Month numbers, ISO weekdays and day offsets by word, the compiled candidate patterns, and
    for each pattern the gate a text must pass for it to be tried."""
    rows = read_table(_TABLE, required=("kind", "name", "value"))
    months = {r["name"].lower(): int(r["value"]) for r in rows if r["kind"] == "month"}
    weekdays = {r["name"].lower(): int(r["value"]) for r in rows if r["kind"] == "weekday"}
    relative = {r["name"].lower(): int(r["value"]) for r in rows if r["kind"] == "relative"}
    alternation = lambda names: "(?:" + trie_pattern(names) + r")\b"
    fill = lambda source: (source.replace("{MONTH}", alternation(months)).replace("{WEEKDAY}", alternation(weekdays))
                           .replace("{RELATIVE}", alternation(relative)))
    rules, gates, at_needs = [], {}, set()
    for row in rows:
        if row["kind"] == "pattern":
            needs = row.get("needs", "")
            try:
                gates[row["name"]] = re.compile(fill(needs)) if needs else None
                rules.append((row["name"], _compile(fill(row["value"]))))   # on lower-cased text: no IGNORECASE
            except (re.error, regex.error) as exc:
                raise row_error(row, f"bad date pattern: {exc}") from exc
            if row.get("starts") == "needs":
                if not needs:
                    raise row_error(row, "starts=needs without a needs pattern")
                at_needs.add(row["name"])
            elif row.get("starts"):
                raise row_error(row, f"unknown starts {row['starts']!r}; expected 'needs' or nothing")
        elif row["kind"] not in ("month", "weekday", "relative"):
            raise row_error(row, f"unknown kind {row['kind']!r}")
    return months, weekdays, relative, rules, gates, frozenset(at_needs)


@functools.cache
def _parser():
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["id"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                                     "PARSERS": ["absolute-time"]})   # candidates are absolute dates


@functools.lru_cache(maxsize=20_000)
def parse_with_dateparser(text: str) -> tuple[dt.date, str] | None:
    """A complete date string -> (date, precision) by the shared dateparser instance.

    >>> parse_with_dateparser("8 Maret 2022")
    (datetime.date(2022, 3, 8), 'day')
    >>> parse_with_dateparser("Agustus 2021")
    (datetime.date(2021, 8, 1), 'month')
    """
    data = _parser().get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


def normalise_date(day: int | None, month: int, year: int) -> dt.date | None:
    """A calendar date from parts, or None when they do not make one (31/02)."""
    try:
        return dt.date(year, month, day or 1)
    except ValueError:
        return None


def _year_for(day: int, month: int, weekday: int | None, published: dt.date | None) -> int | None:
    """The year of a partial date: the published year, or the one before when the weekday says so."""
    if published is None:
        return None
    for year in (published.year, published.year - 1, published.year + 1):
        date = normalise_date(day, month, year)
        if date is None:
            continue
        if weekday is None or date.isoweekday() == weekday:
            if weekday is None and date > published + dt.timedelta(days=1) and year == published.year:
                continue  # a partial date in a news story is not after its publication
            return year
    return None


def _resolve_relative(parts: dict, weekday: int | None, relative: dict[str, int],
                      published: dt.date | None) -> tuple[dt.date, str] | None:
    """"kemarin" and "Senin lalu" against the published date."""
    if published is None:
        return None
    if parts.get("relative"):
        offset = relative.get(" ".join(parts["relative"].lower().split()))
        return (published + dt.timedelta(days=offset), "day") if offset is not None else None
    back = (published.isoweekday() - weekday) % 7 or 7
    return published - dt.timedelta(days=back), "day"


def _resolve(match: re.Match, months: dict[str, int], weekdays: dict[str, int], relative: dict[str, int],
             published: dt.date | None) -> tuple[dt.date, str] | None:
    parts = match.groupdict()
    weekday = weekdays.get((parts.get("weekday") or "").lower())
    if parts.get("relative") or (weekday and not parts.get("day")):
        return _resolve_relative(parts, weekday, relative, published)
    year = parts.get("year")
    if parts.get("monthname"):
        month = months[parts["monthname"].lower().rstrip(".")]
        if not parts.get("day"):
            return (normalise_date(None, month, int(year)), "month") if year else None
    else:
        month = int(parts["month"])
    day = int(parts["day"])
    if year:
        year = int(year) + (2000 if len(year) == 2 else 0)
    else:
        year = _year_for(day, month, weekday, published)
        if year is None:
            return None
    date = normalise_date(day, month, year)
    return (date, "day") if date else None


def _gate_starts(gate: re.Pattern, lower: str) -> list[int]:
    return [match.start() for match in gate.finditer(lower)]


def _candidates(pattern, gate, starts_at_gate: bool, lower: str, seen: dict) -> Iterator:
    """A rule's matches in the text; none when the text lacks what it needs, and for a rule that
    starts where its ``needs`` pattern matches (``starts=needs``), tried only there."""
    if gate is None:
        return pattern.finditer(lower)
    if starts_at_gate:
        key = ("starts", gate.pattern)
        if key not in seen:
            seen[key] = _gate_starts(gate, lower)
        return (match for start in seen[key] if (match := pattern.match(lower, start)))
    if gate.pattern not in seen:
        seen[gate.pattern] = gate.search(lower) is not None
    return pattern.finditer(lower) if seen[gate.pattern] else iter(())


def date_spans(text: str) -> list[tuple[int, int, str]]:
    """Where the date patterns match: (start, end, rule_id); earlier rules win overlaps."""
    _, _, _, rules, gates, at_needs = _language()
    lower = lowered(text)
    seen: dict = {}                 # what each gate found in this text
    taken: list[tuple[int, int, str]] = []
    for rule_id, pattern in rules:
        for match in _candidates(pattern, gates[rule_id], rule_id in at_needs, lower, seen):
            start, end = match.span()
            if not any(start < e and s < end for s, e, _ in taken):
                taken.append((start, end, rule_id))
    return sorted(taken)


def normalise_candidate(text: str, rule_id: str, published: dt.date | None = None) -> tuple[dt.date, str] | None:
    """A matched candidate -> (date, precision), or None when it is not a real date.

    >>> normalise_candidate("Kamis (2/6/2022)", "date.weekday_paren_numeric")
    (datetime.date(2022, 6, 2), 'day')
    >>> normalise_candidate("(09/03)", "date.paren_partial", dt.date(2021, 3, 10))
    (datetime.date(2021, 3, 9), 'day')
    >>> normalise_candidate("31/02/2022", "date.numeric") is None
    True
    """
    months, weekdays, relative, rules, _, _ = _language()
    pattern = dict(rules).get(rule_id)
    match = pattern.fullmatch(lowered(text)) if pattern else None
    if match is None:
        return None
    resolved = _resolve(match, months, weekdays, relative, published)
    return resolved if resolved and resolved[0] else None


def find_dates(text: str, published: dt.date | None = None) -> list[DateCandidate]:
    """Every real date in ``text``, normalised."""
    found = []
    for start, end, rule_id in date_spans(text):
        resolved = normalise_candidate(text[start:end], rule_id, published)
        if resolved:
            found.append(DateCandidate(text[start:end], start, end, resolved[0], resolved[1], rule_id))
    return found
