"""Check each claim against its scheme's data in ``patterns/``: the consistency flags of the claims table.

A flag is a readable reason that starts with a stable code (``code: reason``), so a
notebook can filter on the code and a reader can act on the reason. The checks:

- ``score_outside_band``: the score is not in the band of the claimed label (the
  band runs from just above the next lower label's band to the label's own top);
- ``score_outside_range``: the score is outside the scheme's range;
- ``unknown_label``: the scheme has no such label;
- ``grade_mismatch``: the grade stands for another label of the scheme;
- ``contradicted_in_article``: the same article gives the unit another level of the
  same scheme for the same year ("nilai A- ... predikat Pelayanan Prima"), in schemes
  whose labels are levels (:func:`has_levels`);
- ``other_scheme_named``: the sentence names only another scheme, which has no such label;
- ``year_after_publication`` / ``date_after_publication``: the award is dated after the article;
- ``scheme_not_running``: the scheme gave no results that year.

>>> from extract.records import Claim
>>> claim = Claim("a", "RSUD Daya", "RSUD Daya", "Pelayanan Prima", "A", "PEKPPP", "KemenPANRB",
...               4.21, "4,21", 2023, None, "RSUD Daya meraih Pelayanan Prima dengan indeks 4,21.", 0, 52, "claim.sentence")
>>> check_claim(claim)
['score_outside_band: score 4.21 is outside the band of Pelayanan Prima (4.51-5); it falls in the band of Sangat Baik (4.01-4.5)']
>>> check_claim(claim, dt.date(2022, 12, 1))[-1]
'year_after_publication: award year 2023 is after the article was published (2022-12-01)'
"""
from __future__ import annotations

import bisect
import collections
import dataclasses
import datetime as dt

from .predicates import grade_labels
from .schemes import Label, labels, scheme_evidence, schemes
from ..records import Claim
from ..rules.store import Rules, derived


@derived
def _bands(rules: Rules) -> dict[str, list[tuple[float, float, str]]]:
    """Per scheme, its labels' bands as (lower, upper, label), lowest first."""
    out: dict[str, list[tuple[float, float, str]]] = collections.defaultdict(list)
    for label in labels().values():
        if label.band_min is not None and label.band_max is not None:
            out[label.scheme].append((label.band_min, label.band_max, label.label))
    return {scheme: sorted(bands) for scheme, bands in out.items()}


def _band_of(scheme: str, score: float) -> str | None:
    """The label whose band holds ``score``; a gap between two bands belongs to the upper one."""
    bands = _bands().get(scheme, [])
    index = bisect.bisect_left([upper for _, upper, _ in bands], score)
    if index == len(bands):
        return None
    lower = bands[index - 1][1] if index else bands[0][0]
    return bands[index][2] if (score > lower if index else score >= lower) else None


def _number(value: float) -> str:
    return f"{value:g}"


def _score_flags(claim: Claim, label: Label | None) -> list[str]:
    if claim.score is None or claim.scheme not in schemes():
        return []
    scheme = schemes()[claim.scheme]
    if scheme.score_min is not None and not scheme.score_min <= claim.score <= scheme.score_max:
        return [f"score_outside_range: score {_number(claim.score)} is outside the range of {claim.scheme} "
                f"({_number(scheme.score_min)}-{_number(scheme.score_max)})"]
    holder = _band_of(claim.scheme, claim.score)
    if label is None or label.band_min is None or holder == label.label:
        return []
    reason = (f"score_outside_band: score {_number(claim.score)} is outside the band of {label.label} "
              f"({_number(label.band_min)}-{_number(label.band_max)})")
    if holder:
        other = labels()[(claim.scheme, holder)]
        reason += f"; it falls in the band of {holder} ({_number(other.band_min)}-{_number(other.band_max)})"
    return [reason]


def _label_flags(claim: Claim, label: Label | None) -> list[str]:
    if claim.scheme is None:
        return []
    if claim.scheme not in schemes():
        return [f"unknown_label: {claim.scheme} is not a known scheme"]
    if label is None:
        return [f"unknown_label: {claim.predicate} is not a label of {claim.scheme}"]
    flags = []
    stands_for = grade_labels(claim.scheme).get(claim.grade) if claim.grade else None
    if stands_for and stands_for != claim.predicate:
        flags.append(f"grade_mismatch: grade {claim.grade} stands for {stands_for} in {claim.scheme}, "
                     f"not {claim.predicate}")
    named = scheme_evidence(claim.sentence)
    others = [s for s in named if s != claim.scheme and (s, claim.predicate) not in labels()]
    if others and claim.scheme not in named:
        names = " or ".join(schemes()[s].name for s in others)
        flags.append(f"other_scheme_named: the sentence names {names}, which has no label {claim.predicate}")
    return flags


def _date_flags(claim: Claim, published: dt.date | None) -> list[str]:
    flags = []
    if claim.scheme in schemes() and not schemes()[claim.scheme].ran_in(claim.year):
        scheme = schemes()[claim.scheme]
        years = f"{scheme.first_year or ''}-{scheme.last_year or ''}"
        flags.append(f"scheme_not_running: {claim.scheme} gave no results in {claim.year} (ran {years})")
    if published is None:
        return flags
    if claim.year is not None and claim.year > published.year:
        flags.append(f"year_after_publication: award year {claim.year} is after the article was published "
                     f"({published.isoformat()})")
    if claim.date is not None and claim.date > published:
        flags.append(f"date_after_publication: date {claim.date.isoformat()} is after the article was published "
                     f"({published.isoformat()})")
    return flags


def check_claim(claim: Claim, published: dt.date | None = None) -> list[str]:
    """The flags of one claim on its own (see the module's list); empty when it is consistent."""
    label = labels().get((claim.scheme, claim.predicate)) if claim.scheme else None
    return _label_flags(claim, label) + _score_flags(claim, label) + _date_flags(claim, published)


@derived
def has_levels(rules: Rules, scheme: str) -> bool:
    """True when a scheme's labels are levels a unit holds one at a time: they carry a grade or a
    score band (the KemenPANRB index, the Ombudsman's zones and categories, the KIP
    qualifications). Awards and ranks (WBK and WBBM, Top 45 and Outstanding Achievement) are not.

    >>> has_levels("PEKPPP"), has_levels("ZI")
    (True, False)
    """
    return any(label.grade or label.band_min is not None for label in labels().values() if label.scheme == scheme)


def _article_flags(claim: Claim, others: list[Claim]) -> list[str]:
    if claim.scheme is None or not has_levels(claim.scheme):
        return []
    rivals = sorted({(o.predicate, o.grade or "") for o in others
                     if o is not claim and o.scheme == claim.scheme and o.year == claim.year
                     and o.unit.lower() == claim.unit.lower() and o.predicate != claim.predicate})
    if not rivals:
        return []
    given = ", ".join(f"{p} ({g})" if g else p for p, g in rivals)
    year = f" for {claim.year}" if claim.year else ""
    return [f"contradicted_in_article: the article also gives this unit {given} in {claim.scheme}{year}"]


def flag_claims(claims: list[Claim], published: dt.date | None = None) -> list[Claim]:
    """An article's claims with their ``consistency_flags`` filled."""
    return [dataclasses.replace(c, consistency_flags=check_claim(c, published) + _article_flags(c, claims)) for c in claims]
