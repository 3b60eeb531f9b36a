"""An article's published date, as its source gives it, never completed from the day of the run.

A value that names day, month and year is that day. A partial value ("15 Maret", "Senin, 15/3")
takes its year from the article itself: the year of its dateline, else the latest year its text
names (a weekday, when given, picks the year in which it falls on that day). A value with less
than a day and a month ("12", "Senin", "Maret", "12:30") is no date: dateparser, by itself, would
complete all of them from today.
"""
from __future__ import annotations

import datetime as dt
import functools

import regex

from ..mine.dates import date_spans, find_dates, normalise_candidate, years_named

_DATELINE_CHARS = 400
_ISO = regex.compile(r"(\d{4})-(\d{2})-(\d{2})")


@functools.cache
def _whole_date_parser():
    from dateparser.date import DateDataParser
    return DateDataParser(languages=["id"], settings={"DATE_ORDER": "DMY", "PARSERS": ["absolute-time"],
                                                     "REQUIRE_PARTS": ["day", "month", "year"]})


@functools.lru_cache(maxsize=4096)
def _whole_date(value: str) -> dt.date | None:
    data = _whole_date_parser().get_date_data(value)
    return data.date_obj.date() if data is not None and data.date_obj is not None else None


def dateline_date(text: str) -> dt.date | None:
    """The first full date near the top of the text (its dateline), if any."""
    for candidate in find_dates(text[:_DATELINE_CHARS]):
        if candidate.precision == "day":
            return candidate.value
    return None


def _completed(value: str, text: str) -> dt.date | None:
    """A partial day-and-month value, its year taken from the article's dateline or named years."""
    dateline = dateline_date(text)
    years = (dateline.year,) if dateline else years_named(text)
    for start, end, rule_id in date_spans(value):
        resolved = normalise_candidate(value[start:end], rule_id, None, named_years=years)
        if resolved and resolved[1] == "day":
            return resolved[0]
    return None


def parse_published(value: str | None, text: str = "") -> dt.date | None:
    """A published value as sources give it -> date; a partial one completed from ``text``, the
    article's own text, or None.

    >>> parse_published("2022-03-09 10:12:00"), parse_published("2021-03-10T18:02:00+07:00")
    (datetime.date(2022, 3, 9), datetime.date(2021, 3, 10))
    >>> parse_published("10 Maret 2021"), parse_published("soon"), parse_published("15 Maret")
    (datetime.date(2021, 3, 10), None, None)
    >>> parse_published("15 Maret", "Jakarta, Rabu (10/3/2021). Pemkot meraih predikat.")
    datetime.date(2021, 3, 15)
    """
    if not value or not isinstance(value, str):
        return None
    value = value.strip()[:60]
    match = _ISO.match(value)
    if match:
        try:
            return dt.date(*map(int, match.groups()))
        except ValueError:
            return None
    return _whole_date(value) or (_completed(value, text) if text else None)
