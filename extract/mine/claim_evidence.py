"""A claim's evidence: the sentence or sentences of the article that hold its unit, its predicate
and, when it has one, its score.

A claim stands in the sentence of its predicate, but its parts may come from elsewhere: the
unit from the sentence before ("Penghargaan tersebut ..."), or from the list under a heading;
the score from the next sentence, or from where the unit is named with it further on
("MPP Kota Makassar mencatat indeks 4,58"). The evidence is the claim's sentence with the
sentence each missing part comes from (the nearest one naming it), in text order; sentences
that follow each other are shown as they stand, ones apart are joined by " … ".
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from ..records import Claim, Mention
from .pairing import Span

GAP = " … "


def _nearest(candidates: list[int], index: int) -> int | None:
    """The candidate sentence closest to ``index`` (the earlier one of two as close)."""
    return min(candidates, key=lambda i: (abs(i - index), i), default=None)


def _unit_sentence(claim: Claim, sentences: list[Span], index: int) -> int | None:
    text = " ".join(claim.unit_text.split())
    naming = [i for i, s in enumerate(sentences) if any(" ".join(u.text.split()) == text for u in s.units)]
    return index if index in naming else _nearest(naming, index)


def _score_sentence(claim: Claim, sentences: list[Span], chosen: set[int], canonical: dict[str, str]) -> int | None:
    """The sentence of the claim's score: one already shown, else one that names the claim's unit
    beside it, else the nearest."""
    def same(score: Mention) -> bool:
        return score.text == claim.score_text and score.value_num == claim.score

    holding = [i for i, s in enumerate(sentences) if any(same(score) for score in s.scores)]
    if not holding or chosen & set(holding):
        return None
    of_unit = [i for i in holding if any(canonical.get(u.value, u.value) == claim.unit for u in sentences[i].units)]
    return _nearest(of_unit or holding, min(chosen))


def evidence_text(text: str, sentences: list[Span], indices: set[int]) -> str:
    """The sentences at ``indices``, in order: those that follow each other as the text has them,
    others joined by " … ".

    >>> spans = [Span(0, 5), Span(6, 11), Span(12, 18)]
    >>> evidence_text("Satu. Dua.. Tiga..", spans, {0, 1}), evidence_text("Satu. Dua.. Tiga..", spans, {0, 2})
    ('Satu. Dua..', 'Satu. … Tiga..')
    """
    ordered = sorted(indices)
    runs: list[list[int]] = []
    for i in ordered:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return GAP.join(text[sentences[run[0]].start:sentences[run[-1]].end] for run in runs)


def with_evidence(text: str, claims: list[Claim], sentences: list[Span], canonical: dict[str, str]) -> list[Claim]:
    """Each claim with its ``evidence`` filled (see the module's text)."""
    starts = [s.start for s in sentences]
    out = []
    for claim in claims:
        index = bisect.bisect_right(starts, claim.start) - 1
        if index < 0:
            out.append(replace(claim, evidence=claim.sentence))
            continue
        chosen = {index}
        unit = _unit_sentence(claim, sentences, index)
        if unit is not None:
            chosen.add(unit)
        if claim.score_text:
            score = _score_sentence(claim, sentences, chosen, canonical)
            if score is not None:
                chosen.add(score)
        out.append(replace(claim, evidence=evidence_text(text, sentences, chosen)))
    return out
