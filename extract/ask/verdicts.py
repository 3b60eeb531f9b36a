"""Is a statement supported by a run's records? Every part it states, weighed against each record.

:func:`check` reads the statement (:mod:`extract.ask.statements`), finds the records about the
same unit (any of its names) and scheme, and compares each part the statement gives (unit,
predicate, grade, score, year, awarder) with the record's: ``agrees``, ``disagrees``, ``not
stated`` (the statement leaves it out: never held against it) or ``not in record``.

For a statement with a year, the records of that year count. A record *supports* the claim
when its predicate agrees and no stated part disagrees; it *contradicts* it when its predicate
agrees and another stated part (grade, score, awarder) disagrees, or, in a scheme whose labels
are levels, when it gives another level for that year. Records of the same result in another
year are listed, with the year disagreeing, and count neither way (results change yearly).
Without a year, any year's record of the same predicate counts.

The verdict of a claim is ``supported``, ``contradicted``, ``disputed`` (both) or ``not found``;
of the statement, the worst of its claims', or ``not understood`` when it makes none. Each has an
exit code for scripts (:data:`EXIT_CODES`).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..across.crosscheck import SCORE_TOLERANCE
from ..mine.consistency import has_levels
from .query import claims_with_sources, evidence_lines, plain, source_location, source_name, unit_mask
from .statements import PARTS, StatedClaim, not_understood, read_statement


class Verdict(str, enum.Enum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    DISPUTED = "disputed"
    NOT_FOUND = "not found"
    NOT_UNDERSTOOD = "not understood"


# ``extract check`` exits with these; 2 is a usage error (argparse), ERROR_EXIT a run that cannot be read.
EXIT_CODES = {Verdict.SUPPORTED: 0, Verdict.CONTRADICTED: 3, Verdict.DISPUTED: 4, Verdict.NOT_FOUND: 5,
              Verdict.NOT_UNDERSTOOD: 6}
ERROR_EXIT = 7

AGREES, DISAGREES, NOT_STATED, NOT_IN_RECORD = "agrees", "disagrees", "not stated", "not in record"


@dataclass(frozen=True, slots=True)
class PartCheck:
    """One part of a statement against one record.

    >>> PartCheck("score", 95.1, 81.05).agreement, PartCheck("grade", None, "A").agreement
    ('disagrees', 'not stated')
    >>> PartCheck("score", 84.3, 84.30001).agreement, PartCheck("awarder", "Ombudsman RI", None).agreement
    ('agrees', 'not in record')
    """
    part: str
    stated: object
    found: object
    same: bool | None = None     # decided elsewhere (a unit's names are grouped across articles)

    @property
    def agreement(self) -> str:
        if self.stated is None:
            return NOT_STATED
        if self.found is None:
            return NOT_IN_RECORD
        if self.same is not None:
            return AGREES if self.same else DISAGREES
        if self.part == "score":
            return AGREES if abs(float(self.stated) - float(self.found)) <= SCORE_TOLERANCE else DISAGREES
        return AGREES if str(self.stated).casefold() == str(self.found).casefold() else DISAGREES

    def describe(self) -> str:
        """"score disagrees (stated 95.1, found 81.05)", "year agrees (2021)", "grade not stated"."""
        shown = [f"{v:g}" if isinstance(v, float) else str(v) for v in (self.stated, self.found)]
        if self.agreement == DISAGREES:
            return f"{self.part} {DISAGREES} (stated {shown[0]}, found {shown[1]})"
        if self.agreement == AGREES:
            return f"{self.part} {AGREES} ({shown[1]})"
        return f"{self.part} {self.agreement}"

    def to_dict(self) -> dict:
        return {"part": self.part, "stated": self.stated, "found": self.found, "agreement": self.agreement}


@dataclass(slots=True)
class RecordCheck:
    """One record of the run (a claim with its source) and how each stated part compares with it."""
    record: dict
    parts: list[PartCheck]

    def disagreeing(self) -> list[str]:
        return [p.part for p in self.parts if p.agreement == DISAGREES]

    def flags(self) -> list[str]:
        return list(self.record.get("consistency_flags") or [])

    def to_dict(self) -> dict:
        r = self.record
        return {**{part: r[part] for part in ("unit", "unit_text", "predicate", "grade", "scheme", "score", "year",
                                              "awarder")},
                "consistency_flags": self.flags(), "parts": [p.to_dict() for p in self.parts],
                "evidence": r["evidence"],
                "source": {"article_id": r["article_id"], "url": r["url"], "site": r["site"], "name": source_name(r),
                           "location": source_location(r), "published": r["published"]}}


@dataclass(slots=True)
class ClaimCheck:
    """The records bearing on one claim read from a statement."""
    claim: StatedClaim
    supporting: list[RecordCheck] = field(default_factory=list)
    contradicting: list[RecordCheck] = field(default_factory=list)
    other_years: list[RecordCheck] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        if self.supporting and self.contradicting:
            return Verdict.DISPUTED
        if self.supporting:
            return Verdict.SUPPORTED
        return Verdict.CONTRADICTED if self.contradicting else Verdict.NOT_FOUND

    def note(self) -> str | None:
        """A caveat on the verdict: support only from claims the consistency checks flagged."""
        if self.supporting and all(r.flags() for r in self.supporting):
            codes = sorted({flag.split(":")[0] for r in self.supporting for flag in r.flags()})
            return f"supported only by claims with a consistency flag ({', '.join(codes)})"
        return None

    def to_dict(self) -> dict:
        return {"read_as": {"unit_text": self.claim.unit_text, "scheme": self.claim.scheme,
                            **{part: getattr(self.claim, part) for part in PARTS}},
                "verdict": self.verdict.value, "note": self.note(),
                **{name: [r.to_dict() for r in getattr(self, name)]
                   for name in ("supporting", "contradicting", "other_years")}}


@dataclass(slots=True)
class CheckResult:
    statement: str
    checks: list[ClaimCheck] = field(default_factory=list)

    @property
    def verdict(self) -> Verdict:
        """One verdict for the whole statement: every claim supported, any contradicted, ..."""
        verdicts = {c.verdict for c in self.checks}
        if not verdicts:
            return Verdict.NOT_UNDERSTOOD
        for verdict in (Verdict.CONTRADICTED, Verdict.DISPUTED, Verdict.NOT_FOUND):
            if verdict in verdicts:
                return verdict
        return Verdict.SUPPORTED

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.verdict]

    def message(self) -> str | None:
        return not_understood(self.statement) if not self.checks else None

    def to_dict(self) -> dict:
        return {"statement": self.statement, "verdict": self.verdict.value, "exit_code": self.exit_code,
                "message": self.message(), "claims": [c.to_dict() for c in self.checks]}

    def lines(self) -> list[str]:
        out = [f"statement: {self.statement}"]
        if not self.checks:
            out.append(f"verdict: {Verdict.NOT_UNDERSTOOD.value} ({self.message()})")
        for check in self.checks:
            note = check.note()
            out += [f"read as: {check.claim.describe()}",
                    f"verdict: {check.verdict.value} ({len(check.supporting)} supporting, "
                    f"{len(check.contradicting)} contradicting){'; ' + note if note else ''}"]
            for sign, name, records in (("+", "supports", check.supporting), ("-", "contradicts", check.contradicting),
                                        ("~", "the same result in another year", check.other_years)):
                if records:
                    out.append(f"{name}:")
                    out += [line for r in records for line in _record_lines(r, sign)]
        return out


def _record_lines(check: RecordCheck, sign: str) -> list[str]:
    lines = evidence_lines(check.record, sign)
    return lines[:1] + ["    " + "; ".join(p.describe() for p in check.parts)] + lines[1:]


def compare(claim: StatedClaim, record: dict) -> RecordCheck:
    """Each part of ``claim`` against one record about its unit (under any of its names)."""
    unit = PartCheck("unit", claim.unit_text, record["unit_text"], same=True)   # the records are of its unit
    return RecordCheck(record, [unit] + [PartCheck(part, getattr(claim, part), record[part]) for part in PARTS[1:]])


def _weigh(claim: StatedClaim, records: list[dict]) -> ClaimCheck:
    result = ClaimCheck(claim)
    levels = claim.scheme is not None and has_levels(claim.scheme)
    for record in records:
        checked = compare(claim, record)
        against = checked.disagreeing()
        if claim.year is not None and record["year"] is None:
            continue   # undated: not a result of the year stated
        if claim.year is not None and "year" in against:
            if "predicate" not in against:
                result.other_years.append(checked)
        elif "predicate" not in against:
            (result.contradicting if against else result.supporting).append(checked)
        elif levels and claim.year is not None:
            result.contradicting.append(checked)
    return result


def _records_about(claims: pd.DataFrame, claim: StatedClaim) -> list[dict]:
    same = claims[unit_mask(claims, claim.unit).fillna(False)]
    if claim.scheme:
        same = same[same["scheme"] == claim.scheme]
    return [{key: plain(value) for key, value in row.items()} for row in same.to_dict("records")]


def check(out_dir: str | Path, statement: str) -> CheckResult:
    """Read ``statement`` ("Kemensos meraih predikat Kepatuhan Tinggi dengan nilai 81,05 tahun 2021")
    and weigh each claim in it against the records of the run in ``out_dir`` (see the module's text).
    Raises ``FileNotFoundError`` when ``out_dir`` holds no run."""
    claims = claims_with_sources(out_dir)
    return CheckResult(statement, [_weigh(c, _records_about(claims, c)) for c in read_statement(statement)])
