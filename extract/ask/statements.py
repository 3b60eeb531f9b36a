"""A fact-checker's statement read as the claims it makes, each with only the parts it states.

The statement is mined as a one-sentence article, then each claim keeps what the statement
itself writes: a claim's grade and awarder are otherwise filled in from its predicate and
scheme, and a statement that gives "Pelayanan Prima dengan nilai A+" states the grade A+
while one that gives "Pelayanan Prima" states none. A grade written beside a predicate of the
same scheme ("Kepatuhan Tinggi (Zona Kuning)") is that claim's stated grade, not a second claim.

>>> [(s.unit, s.predicate, s.grade, s.score, s.year, s.awarder)
...  for s in read_statement("Pemkot Yogyakarta meraih predikat Kepatuhan Tinggi (Zona Kuning) dengan nilai 81,05 tahun 2021")]
[('Pemerintah Kota Yogyakarta', 'Kepatuhan Tinggi', 'Zona Kuning', 81.05, 2021, None)]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..mine.awarders import find_awarders
from ..mine.predicates import PredicateCandidate, find_predicates
from ..read.language import detect_language, language_name
from ..records import Article, Claim
from ..runner.stages import mine

PARTS = ("unit", "predicate", "grade", "score", "year", "awarder")

EXAMPLE = "Kemensos meraih predikat Kepatuhan Tinggi dengan nilai 81,05 tahun 2021 dari Ombudsman RI"

# "nilai 81,05 tahun 2021": the score rules take a number before "tahun" for a length of time
# ("5 tahun"); in a statement a year phrase right after a number is the year of its result.
_YEAR_AFTER_NUMBER = re.compile(r"(\d)(\s+)(tahun\s+(?:19|20)\d\d\b)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class StatedClaim:
    """One claim of a statement: what it names, and ``None`` for each part it leaves out."""
    unit: str
    unit_text: str
    predicate: str
    scheme: str | None
    grade: str | None
    score: float | None
    year: int | None
    awarder: str | None

    def stated(self) -> dict[str, object]:
        """The parts the statement gives, by name."""
        return {part: getattr(self, part) for part in PARTS if getattr(self, part) is not None}

    def describe(self) -> str:
        """"Kementerian Sosial - Kepatuhan Tinggi (grade Zona Hijau, score 81.05, year 2021) [KEPATUHAN]"."""
        given = [f"{part} {_shown(value)}" for part, value in self.stated().items() if part not in ("unit", "predicate")]
        return f"{self.unit} - {self.predicate}{' (' + ', '.join(given) + ')' if given else ''} [{self.scheme or 'no scheme'}]"


def _shown(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _is_grade(candidate: PredicateCandidate) -> bool:
    """A predicate written as its grade ("A-", "Zona Kuning"), not as its label."""
    return candidate.grade is not None and (candidate.rule_id == "predicate.grade"
                                            or " ".join(candidate.text.split()).casefold() == candidate.grade.casefold())


def _mined(text: str) -> list[Claim]:
    article = Article(article_id="statement", source="statement", url=None, title=None, site=None, author=None,
                      published=None, language="id", text=text)
    return mine(article).claims


def read_statement(statement: str) -> list[StatedClaim]:
    """The claims ``statement`` makes (none when it names no unit and predicate)."""
    text = _YEAR_AFTER_NUMBER.sub(r"\1 pada\2\3", " ".join(statement.split()))
    candidates = find_predicates(text)
    labels = {(c.scheme, c.label) for c in candidates if not _is_grade(c)}
    awarders = [awarder for _, _, awarder in find_awarders(text)]
    read = []
    for claim in _mined(text):
        grades = [c.grade for c in candidates if _is_grade(c) and c.scheme == claim.scheme]
        if (claim.scheme, claim.predicate) not in labels and any(scheme == claim.scheme for scheme, _ in labels):
            continue   # the grade written beside a label of its scheme: that label's stated grade
        stated = StatedClaim(claim.unit, claim.unit_text, claim.predicate, claim.scheme, grades[0] if grades else None,
                             claim.score, claim.year, awarders[0] if awarders else None)
        if stated not in read:
            read.append(stated)
    return read


def not_understood(statement: str) -> str:
    """Why a statement gave no claim, and how to write one."""
    language = detect_language(statement)
    seen = f" (this one reads as {language_name(language)})" if language not in ("id", "und") else ""
    return (f"no unit and predicate found in the statement. Statements are read in Indonesian{seen}: "
            f"name the unit and the predicate, and if you like the grade, score, year and awarder, "
            f'e.g. "{EXAMPLE}"')
