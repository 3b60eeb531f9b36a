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
import re
from dataclasses import dataclass
from typing import Iterator


from ..rules.store import Rules, current, derived, memo
from .gazetteer import lowered


@dataclass(slots=True, frozen=True)
class DateCandidate:
    text: str
    start: int
    end: int
    value: dt.date
    precision: str
    rule_id: str


def _language(rules: Rules | None = None):
    """Month numbers, ISO weekdays and day offsets by word, the compiled candidate patterns, and
    for each pattern the gate a text must pass for it to be tried (see :mod:`extract.rules.date_rules`)."""
    return (rules or current()).dates


@derived
def _parser(rules: Rules):
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["id"], settings={"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first",
                                                     "PARSERS": ["absolute-time"]})   # candidates are absolute dates


@memo(20_000)
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


def _year_for(day: int, month: int, weekday: int | None, published: dt.date | None,
              named_years: tuple[int, ...] = ()) -> int | None:
    """The year of a partial date: the published year, or the one before when the weekday says so.
    Without a published date, the year the text names in which the weekday falls on that day, or,
    with no weekday, the latest year the text names (a text that names none gives no year).

    >>> _year_for(7, 11, 4, None, (2018, 2019)), _year_for(29, 1, None, None, (2025, 2026))
    (2019, 2026)
    """
    if published is None:
        if weekday is None:
            return max(named_years, default=None)
        return next((y for y in sorted(named_years, reverse=True)
                     if (d := normalise_date(day, month, y)) and d.isoweekday() == weekday), None)
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
             published: dt.date | None, named_years: tuple[int, ...] = ()) -> tuple[dt.date, str] | None:
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
        year = _year_for(day, month, weekday, published, named_years)
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


def date_spans(text: str, rules: Rules | None = None) -> list[tuple[int, int, str]]:
    """Where the date patterns match: (start, end, rule_id); earlier rules win overlaps."""
    lower = lowered(text)
    seen: dict = {}                 # what each gate found in this text
    taken: list[tuple[int, int, str]] = []
    for rule in _language(rules).patterns:
        for match in _candidates(rule.pattern, rule.gate, rule.starts_at_gate, lower, seen):
            start, end = match.span()
            if not any(start < e and s < end for s, e, _ in taken):
                taken.append((start, end, rule.id))
    return sorted(taken)


def normalise_candidate(text: str, rule_id: str, published: dt.date | None = None,
                        rules: Rules | None = None, named_years: tuple[int, ...] = ()) -> tuple[dt.date, str] | None:
    """A matched candidate -> (date, precision), or None when it is not a real date.

    >>> normalise_candidate("Kamis (2/6/2022)", "date.weekday_paren_numeric")
    (datetime.date(2022, 6, 2), 'day')
    >>> normalise_candidate("(09/03)", "date.paren_partial", dt.date(2021, 3, 10))
    (datetime.date(2021, 3, 9), 'day')
    >>> normalise_candidate("31/02/2022", "date.numeric") is None
    True
    """
    language = _language(rules)
    rule = language.pattern(rule_id)
    match = rule.pattern.fullmatch(lowered(text)) if rule else None
    if match is None:
        return None
    resolved = _resolve(match, language.months, language.weekdays, language.relative, published, named_years)
    return resolved if resolved and resolved[0] else None


_NAMED_YEAR = re.compile(r"(?<![\d/.\-])(?:19|20)\d{2}(?![\d/])")


def years_named(text: str) -> tuple[int, ...]:
    """The years a text writes out, for the partial dates of an article without a published date.

    >>> years_named("Kamis (7/11). Tahun 2019 ada 80 daerah, dari 71 pada 2018; Nomor 99/2016.")
    (2018, 2019)
    """
    return tuple(sorted({int(m.group(0)) for m in _NAMED_YEAR.finditer(text)}))


def find_dates(text: str, published: dt.date | None = None) -> list[DateCandidate]:
    """Every real date in ``text``, normalised."""
    found, named = [], years_named(text) if published is None else ()
    for start, end, rule_id in date_spans(text):
        resolved = normalise_candidate(text[start:end], rule_id, published, named_years=named)
        if resolved:
            found.append(DateCandidate(text[start:end], start, end, resolved[0], resolved[1], rule_id))
    return found
