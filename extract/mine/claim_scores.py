"""The score of a claim: the one written right after its unit, else its clause's, else the next
sentence's when that names no other predicate; in the scheme's range, and never an aggregate."""
from __future__ import annotations

from dataclasses import replace

from ..records import Claim, Mention
from .cues import cue_in
from .pairing import Span
from .schemes import scheme_info

def _score_beside(text: str, unit: Mention, span: Span) -> list[Mention]:
    """Scores written right after the unit, before the next unit ("A dengan nilai 89,74 serta B ...")."""
    next_unit = min((u.start for u in span.units if u.start > unit.end), default=span.end)
    return [s for s in span.scores if unit.end <= s.start < next_unit and not cue_in("aggregate", text[unit.end:s.start])]


def score_for(text: str, scheme: str, unit: Mention, unit_span: Span, sentence: Span,
               following: Span | None) -> Mention | None:
    info = scheme_info(scheme)
    if info.score_min is None:
        return None
    beside = [s for s in _score_beside(text, unit, unit_span) if info.score_min <= s.value_num <= info.score_max]
    if beside:
        return beside[0]
    candidates = [s for s in sentence.scores if not cue_in("aggregate", text[max(sentence.start, s.start - 80):s.start])]
    if not candidates and following is not None and not following.predicates:
        candidates = [s for s in following.scores if not cue_in("aggregate", text[following.start:s.start])]
    for score in candidates:
        if info.score_min <= score.value_num <= info.score_max:
            return score
    return None



def scores_beside_units(text: str, claims: list[Claim], sentences: list[Span],
                         canonical: dict[str, str], article_year: int | None) -> None:
    """Give a claim without a score the score written right after its unit elsewhere
    ("MPP Kota Makassar mencatat indeks 4,58, sedangkan RSUD Daya ..."); not a result of
    another year than the article's, whose score is not the one written now."""
    for i, claim in enumerate(claims):
        if claim.score is not None or claim.scheme is None or scheme_info(claim.scheme).score_min is None:
            continue
        if article_year is not None and claim.year is not None and claim.year != article_year:
            continue
        info = scheme_info(claim.scheme)
        for sentence in sentences:
            for unit in sentence.units:
                if canonical.get(unit.value, unit.value) != claim.unit:
                    continue
                next_unit = min((u.start for u in sentence.units if u.start > unit.end), default=sentence.end)
                for score in sentence.scores:
                    if unit.end <= score.start < next_unit and info.score_min <= score.value_num <= info.score_max \
                            and not cue_in("aggregate", text[unit.end:score.start]):
                        claims[i] = replace(claim, score=score.value_num, score_text=score.text)
                        break
                if claims[i].score is not None:
                    break
            if claims[i].score is not None:
                break
