"""The records that flow between stages: plain slotted dataclasses.

Past the NLP stage nothing holds spaCy objects; every record carries character
offsets into ``Article.text``, its surface text and the id of the rule that made it.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields

from .status import RecordError, Status

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def writable(value: str | None) -> str | None:
    """Text every later step can encode: a lone surrogate (JSON's ``"\\ud800"``, a file name's
    undecodable byte) becomes U+FFFD.

    >>> writable("Pemkot \\ud800 Palembang"), writable(None)
    ('Pemkot \ufffd Palembang', None)
    """
    return _LONE_SURROGATE.sub("\ufffd", value) if value and _LONE_SURROGATE.search(value) else value


@dataclass(slots=True)
class RawDoc:
    """One input record as a source yields it, before boilerplate removal."""

    source: str                      # file path; path:line for JSONL; path@offset for WARC
    url: str | None = None
    html: str | None = None
    text: str | None = None
    title: str | None = None
    published: str | None = None     # as the source gave it; parsed in ``clean``
    site: str | None = None
    author: str | None = None
    error: str | None = None         # set when the record could not be read
    status: Status = Status.OK       # reason code when ``error`` is set
    refers_to: str | None = None     # a WARC revisit record: the URL of the capture it repeats

    def __post_init__(self) -> None:
        """Whatever a reader found, the record can be hashed and written: no lone surrogates in any
        text, and a blank URL is no URL."""
        for name in _TEXT_FIELDS:
            value = getattr(self, name)
            if value:
                setattr(self, name, writable(value))
        for name in ("url", "refers_to"):
            value = getattr(self, name)
            if value is not None and not value.strip():
                setattr(self, name, None)

    @classmethod
    def failed(cls, error: RecordError, url: str | None = None, refers_to: str | None = None) -> "RawDoc":
        """The row of a record a reader could not read: its status and error from ``error``."""
        return cls(source=error.source, url=url, status=error.status, error=str(error), refers_to=refers_to)


_TEXT_FIELDS = tuple(f.name for f in fields(RawDoc) if f.name != "status")


@dataclass(slots=True)
class Article:
    article_id: str
    source: str
    url: str | None
    title: str | None
    site: str | None
    author: str | None
    published: dt.date | None
    language: str | None
    text: str
    status: Status = Status.OK
    error: str | None = None
    fingerprint: str | None = None   # hash of the normalised text: the same content under any URL
    duplicate_of: str | None = None  # article_id of the first copy when the status is a duplicate


@dataclass(slots=True)
class Mention:
    article_id: str
    label: str                       # UNIT, PREDICATE, SCORE, DATE, OFFICIAL, AWARDER
    text: str
    start: int
    end: int
    rule_id: str
    value: str | None = None
    value_num: float | None = None
    value_date: dt.date | None = None
    precision: str | None = None     # day, month or year for dates


@dataclass(slots=True)
class Claim:
    article_id: str
    unit: str
    unit_text: str
    predicate: str
    grade: str | None
    scheme: str | None
    awarder: str | None
    score: float | None
    score_text: str | None
    year: int | None
    date: dt.date | None
    sentence: str
    start: int
    end: int
    rule_id: str
    consistency_flags: list[str] = field(default_factory=list)   # consistency findings, "code: reason"
    evidence: str = ""               # the sentence(s) holding its unit, predicate and score


@dataclass(slots=True)
class Quote:
    article_id: str
    speaker: str
    speaker_text: str
    role: str | None
    quote: str
    direct: bool
    cue: str | None
    start: int
    end: int


@dataclass(slots=True)
class Support:
    """One result (unit, scheme, year, predicate) and the articles that state it."""
    unit: str                        # the name standing for the unit's names across articles
    scheme: str | None
    year: int | None
    predicate: str
    grade: str | None
    score: float | None              # the score most articles give, if any
    articles: int
    sites: int
    article_ids: list[str]
    urls: list[str]
    first_published: dt.date | None
    conflict_id: str | None          # set when other articles give this unit another result


@dataclass(slots=True)
class ConflictSide:
    """One claim in a disagreement about a unit's result in one scheme and year."""
    conflict_id: str
    unit: str
    scheme: str
    year: int
    disputed: str                    # which fields differ: "predicate", "score", "predicate, score"
    predicate: str
    grade: str | None
    score: float | None
    support: int                     # articles that give this side's result
    article_id: str
    url: str | None
    site: str | None
    published: dt.date | None
    unit_text: str
    sentence: str
    start: int
    end: int
    rule_id: str
    evidence: str                    # the sentence(s) holding its unit, predicate and score, as in claims
