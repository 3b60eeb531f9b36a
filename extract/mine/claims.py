"""Assemble who-got-what claims from the mentions of one article.

A claim is a unit + a predicate, with the grade, scheme, awarder, score, year
and date the article gives for it, and the sentence it stands in. Sentences
are read in order, each cut into clauses where a new clause with its own
predicate begins (", sedangkan", "; "):

- in a clause with a predicate and named units, the units before the
  predicate (a subject, or a list of subjects) get it and any further
  predicate said of them ("meraih Sangat Inovatif sekaligus dinobatkan
  terinovatif"), but not an earlier result ("naik dari ..."); a list the
  predicate introduces ("meraih WBK, yakni A dan B") or an appositive list
  ("dua rumah sakit, yakni A dengan kategori A-") gets it instead; with no
  unit before it, the units after it do; "A melalui B" keeps B;
- a sentence with a predicate and no unit governs the list that follows it (a
  heading-like sentence, or one that ends with a colon over numbered lines);
  else, when it points back ("penghargaan tersebut", "keduanya"), it refers to
  the units of the sentence before it;
- a sentence that lists the members of a group an earlier sentence counted ("Kelima wali kota itu
  adalah A, B, ...") gives them that sentence's result;
- aspirations ("menuju WBBM", "berharap meraih"), settings ("di lingkungan
  X"), offices (Kepala Dinas X) and the scheme's own awarder are never
  recipients; a claim dated outside its scheme's years is not that scheme's.

A unit's score is the one written right after it, else its clause's, else the
next sentence's when that names no other predicate; years come from "tahun
2021", "pada 2021", a scheme's round ("IGA 2022") or a year after the
predicate, else the year the article's evaluation sentences name most. The
same unit and predicate said twice is one claim, its fields merged; names of
one unit within the article are joined to its most complete name. Its evidence is the sentence
or sentences holding its unit, predicate and score (:mod:`extract.mine.claim_evidence`).
"""
from __future__ import annotations

import bisect
import collections
from dataclasses import dataclass, replace

import regex

from ..records import Claim, Mention
from .claim_evidence import with_evidence
from .claim_scores import score_for, scores_beside_units
from .claim_years import BARE_YEAR, article_year, sentence_year
from .cues import cue_ids, cue_in
from .pairing import LIST_MARKER, MARKER, Span, clauses, introduces_list as opens_list, group_mentions, is_awarder, is_list, live_predicates, pair, recipients
from .claim_groups import counted_result, group_opening
from .claim_agents import through_units, to_agents, to_local_units
from .predicates import describe
from .schemes import scheme_evidence, scheme_info, schemes
from .unit_names import unit_signature

_QUOTED_NAME = regex.compile(r"[“\"]([^”\"]+)[”\"]")
MAX_LIST_ITEMS = 15   # lines a heading that ends with a colon may govern


def _canonical_names(units: list[Mention]) -> dict[str, str]:
    """Within one article, every name of a unit -> its most complete name.

    Names are of one unit when they share the unit's type and the words of one
    are among the other's ("Disdukcapil Pekanbaru", "Dinas Kependudukan dan
    Catatan Sipil Kota Pekanbaru"), or when a quoted proper name ("Handayani")
    names the same kind of unit.
    """
    names = sorted({u.value for u in units}, key=len, reverse=True)
    signatures = {name: unit_signature(name) for name in names}
    quoted = {name: {q.lower() for u in units if u.value == name for q in _QUOTED_NAME.findall(u.text)}
              for name in names}
    mapping = {}
    for name in names:
        kind, words = signatures[name]
        for longer in names:
            if len(longer) <= len(name):
                break
            long_kind, long_words = signatures[longer]
            same_head = longer.split()[0] == name.split()[0]
            if (kind == long_kind and words and words <= long_words) or \
                    (same_head and quoted[name] and all(q in longer.lower() for q in quoted[name])):
                mapping[name] = mapping.get(longer, longer)
                break
    return mapping


@dataclass(slots=True)
class _Context:
    article_id: str
    text: str
    sentences: list[Span]
    awarders: list[Mention]
    canonical: dict[str, str]
    published_year: int | None
    article_year: int | None
    schemes: dict[tuple[int, int], tuple[str, str | None]]   # (start, end) of a predicate -> scheme, grade

    def scheme_of(self, predicate: Mention) -> tuple[str, str | None]:
        return self.schemes[(predicate.start, predicate.end)]


def _pairs(ctx: _Context, index: int) -> list[tuple[Mention, Mention, Span, str]]:
    """(unit, predicate, clause, rule id) for the predicates of one sentence."""
    text, sentence = ctx.text, ctx.sentences[index]
    predicates = live_predicates(text, sentence)
    if not predicates:
        return _group_members(ctx, index)
    introduces_list = opens_list(text, sentence)
    if introduces_list:   # "... meraih predikat WBK Tahun 2023, yaitu:" and the recipients listed below
        governed = _governed(ctx, index, introduces_list)
        if governed:
            rule = _made_by("claim.heading", text, sentence, "award")
            return [(u, predicates[-1], sentence, rule) for u in governed]
    pairs = []
    for clause in clauses(text, sentence, predicates):
        units = [u for u in recipients(text, clause)   # the giver is no recipient, nor a subject to pair
                 if not any(is_awarder(u, ctx.scheme_of(p)[0], ctx.awarders) for p in clause.predicates)]
        if units and clause.predicates:
            rule = _made_by("claim.sentence", text, sentence, "award")
            pairs += [(u, p, clause, rule) for u, p in pair(text, units, clause.predicates)]
    if pairs:
        return pairs
    governed = [] if introduces_list else _governed(ctx, index, introduces_list)
    if governed:
        rule = _made_by("claim.heading", text, sentence, "award")
        return [(u, predicates[0], sentence, rule) for u in governed]
    earlier = recipients(text, ctx.sentences[index - 1]) if index > 0 else []
    if earlier and cue_in("anaphor", text[sentence.start:sentence.end]):
        plural = cue_in("plural", text[sentence.start:sentence.end])
        chosen = earlier if plural else earlier[-1:]
        rule = _made_by("claim.previous", text, sentence, "award", "anaphor", *(("plural",) if plural else ()))
        return [(u, predicates[0], sentence, rule) for u in chosen]
    return []


def _group_members(ctx: _Context, index: int) -> list[tuple[Mention, Mention, Span, str]]:
    """The units a sentence lists as the members of a group an earlier sentence counted, with that
    sentence's result ("Kelima wali kota itu adalah A, B, ..."; :mod:`extract.mine.claim_groups`)."""
    text, sentence = ctx.text, ctx.sentences[index]
    opening = group_opening(text, sentence)
    if opening is None:
        return []
    number, noun, members_start = opening
    result = counted_result(text, ctx.sentences, index, number, noun)
    if result is None:
        return []
    rule = _made_by("claim.group", text, sentence, "group")
    return [(u, result, sentence, rule) for u in recipients(text, sentence) if u.start >= members_start]


def _made_by(rule: str, text: str, sentence: Span, *kinds: str) -> str:
    """The claim rule's id and the ids of the cues of ``kinds`` in the sentence that made the claim
    ("claim.previous/cue.award.obtained+cue.anaphor.points_back"); the rule alone when none is there
    (a row of a results table needs no award word)."""
    words = text[sentence.start:sentence.end]
    found = [rule_id for kind in kinds for rule_id in cue_ids(kind, words)]
    return f"{rule}/{'+'.join(found)}" if found else rule


def _implied_year(ctx: _Context, sentence: Span, predicate: Mention) -> int | None:
    """The article's year, or the round before it for an earlier result named without a year
    ("dibanding evaluasi sebelumnya ... kategori B", "hasil evaluasi tahun lalu ... B (Baik)")."""
    if ctx.article_year is None:
        return None
    since = max([p.end for p in sentence.predicates if p.end <= predicate.start], default=sentence.start)
    return ctx.article_year - 1 if cue_in("superseded", ctx.text[since:predicate.start]) else ctx.article_year


def _governed(ctx: _Context, index: int, introduces_list: bool) -> list[Mention]:
    """The units listed in the sentences after a heading-like sentence, or after one ending in a colon."""
    text, governed = ctx.text, []
    for later in ctx.sentences[index + 1:index + (MAX_LIST_ITEMS if introduces_list else 4)]:
        if LIST_MARKER.fullmatch(text[later.start:later.end]):
            continue
        listed = recipients(text, later)
        if later.predicates or not listed or not (introduces_list or is_list(later, listed)) \
                or not _opens_with_list(text, later, listed[0]):
            break
        governed += listed
    return governed


def _opens_with_list(text: str, sentence: Span, first: Mention) -> bool:
    """A governed sentence is the list itself: it starts with its first unit, a list marker or a list's
    lead ("Yakni Samsat DKI, ..."), or names who obtained before its lead, not with a clause of its own ("Perlu diketahui, pemda wilayah I
    meliputi Provinsi Aceh, ...": the regions evaluated, not the ones that obtained)."""
    if _LIST_OPENING.fullmatch(text, sentence.start, first.start) is not None:
        return True
    lead_in = text[sentence.start:first.start]   # "Kesepuluh instansi yang menerima piala antara lain A, B"
    return cue_in("enumeration", lead_in) and cue_in("award", lead_in)


_LIST_OPENING = regex.compile(r"\W*(?:" + MARKER + r")?\W*(?:(?:yakni|yaitu|antara\s+lain|di\s*antaranya|ialah|adalah)\b\W*)?",
                              regex.IGNORECASE)


def _fitting_year(ctx: _Context, sentence: Span, scheme: str) -> int | None:
    """A year written bare in the sentence ("kembali ke 2021, ketika ...") in which the scheme ran, for a
    claim whose other year it did not run in (Ombudsman compliance zones ended in 2021)."""
    for match in BARE_YEAR.finditer(ctx.text, sentence.start, sentence.end):
        year = int(match.group(0))
        if (ctx.published_year is None or year <= ctx.published_year) and scheme_info(scheme).ran_in(year):
            return year
    return None


def _claim(ctx: _Context, unit: Mention, predicate: Mention, clause: Span, index: int, rule: str) -> Claim:
    sentence = ctx.sentences[index]
    following = ctx.sentences[index + 1] if index + 1 < len(ctx.sentences) else None
    scheme, grade = ctx.scheme_of(predicate)
    whole = clause.start == sentence.start and clause.end == sentence.end
    unit_span = ctx.sentences[bisect.bisect_right([s.start for s in ctx.sentences], unit.start) - 1]
    if rule.partition("/")[0] == "claim.previous":
        unit_span = sentence   # the unit's own sentence may hold its other result's score
    score = score_for(ctx.text, scheme, unit, unit_span, clause, following if whole else None)
    dates = clause.dates or sentence.dates
    stated = sentence_year(ctx.text, sentence, ctx.published_year)
    year = stated or _implied_year(ctx, sentence, predicate)
    label = predicate.value
    if predicate.rule_id.startswith("predicate.rank.") and not scheme_info(scheme).ran_in(year):
        scheme = _scheme_in_year(ctx, year, scheme) or scheme   # a rank is of the article's scheme that ran that year
    elif not scheme_info(scheme).ran_in(year) and not _fitting_year(ctx, sentence, scheme):
        scheme, label, grade = _successor_label(ctx.text[predicate.start:predicate.end], predicate.rule_id,
                                                scheme, year) or (scheme, label, grade)
    if not scheme_info(scheme).ran_in(year):
        year = _fitting_year(ctx, sentence, scheme) or (year if stated else None)   # not the article's year
    awarder = scheme_info(scheme).awarder or _named_awarder(ctx, sentence)
    return Claim(ctx.article_id, ctx.canonical.get(unit.value, unit.value), unit.text, label, grade, scheme,
                 awarder, score.value_num if score else None, score.text if score else None,
                 year, dates[0].value_date if dates else None, ctx.text[sentence.start:sentence.end],
                 sentence.start, sentence.end, rule)


def _zones_as_grades(claims: list[Claim]) -> list[Claim]:
    """A zone of a scheme whose unit has that scheme's label too is the label's grade ("nilai 92,18 dan
    berada di zona hijau" beside "opini Kualitas Tertinggi"), not a second result."""
    key = lambda c: (c.unit, c.scheme, c.year)
    is_zone = lambda c: c.grade == c.predicate
    zone_of = {key(c): c.grade for c in claims if is_zone(c)}
    labelled = {key(c) for c in claims if not is_zone(c)}
    return [replace(c, grade=zone_of[key(c)]) if not is_zone(c) and c.grade is None and key(c) in zone_of else c
            for c in claims if not (is_zone(c) and key(c) in labelled)]


def _same_awarder_in(scheme: str, year: int | None) -> list[str]:
    """The schemes of ``scheme``'s awarder that ran in ``year`` (Ombudsman's Opini after its compliance
    survey ended in 2021)."""
    awarder = scheme_info(scheme).awarder
    return [s for s, info in schemes().items() if awarder and info.awarder == awarder and info.ran_in(year)]


def _successor_label(surface: str, rule_id: str, scheme: str, year: int | None) -> tuple[str, str, str | None] | None:
    """The label the same words name in the scheme of the same awarder that ran in ``year`` ("zona hijau"
    in 2024 is Ombudsman's Opini zone, not the compliance survey's), or None."""
    for successor in _same_awarder_in(scheme, year):
        described = describe(surface, rule_id, {successor: 1})
        if described and described[0] == successor:
            return described
    return None


def _scheme_in_year(ctx: _Context, year: int | None, scheme: str) -> str | None:
    """The scheme the article names most among those that ran in ``year``, else the one of the same
    awarder that ran then (an article of 2023 may call Ombudsman's Opini by the compliance survey's name)."""
    named = scheme_evidence(ctx.text)
    ran = [s for s in sorted(named, key=named.get, reverse=True) if scheme_info(s).ran_in(year)]
    return next(iter(ran or _same_awarder_in(scheme, year)), None)


def _named_awarder(ctx: _Context, sentence: Span) -> str | None:
    """Who gives an award the article names in its own words: the awarder its sentence names, else
    the one the article names most."""
    inside = [a.value for a in ctx.awarders if sentence.start <= a.start < sentence.end]
    names = inside or [a.value for a in ctx.awarders]
    return collections.Counter(names).most_common(1)[0][0] if names else None


def _merge(found: dict[tuple[str, str, int | None], Claim], claim: Claim) -> None:
    """One claim per unit, predicate and year; a repeat fills the fields the first lacked. A repeat
    with another year is another result ("Informatif 2023, as in 2022")."""
    unit = claim.unit.lower()
    key = next((k for k in found if k[:2] == (unit, claim.predicate)
                and (k[2] == claim.year or k[2] is None or claim.year is None)), (unit, claim.predicate, claim.year))
    old = found.get(key)
    if old is None:
        found[key] = claim
        return
    found[key] = replace(old, grade=old.grade or claim.grade,
                         score=old.score if old.score is not None else claim.score,
                         score_text=old.score_text or claim.score_text, year=old.year or claim.year,
                         date=old.date or claim.date)


def assemble_claims(article_id: str, text: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                    published_year: int | None, schemes: dict[tuple[int, int], tuple[str, str | None]]) -> list[Claim]:
    """The claims of one article; ``schemes`` gives each predicate's (start, end) its scheme and grade."""
    cue_in.cache_clear()
    cue_ids.cache_clear()
    by_label = collections.defaultdict(list)
    for mention in mentions:
        by_label[mention.label].append(mention)
    grouped = group_mentions(sentences, units=by_label["UNIT"], predicates=by_label["PREDICATE"], scores=by_label["SCORE"],
                     dates=[d for d in by_label["DATE"] if d.precision == "day"])
    ctx = _Context(article_id, text, grouped, by_label["AWARDER"], _canonical_names(by_label["UNIT"]),
                   published_year, article_year(text, grouped, published_year), schemes)
    found: dict[tuple[str, str, int | None], Claim] = {}
    for index in range(len(grouped)):
        for unit, predicate, clause, rule in _pairs(ctx, index):
            if is_awarder(unit, ctx.scheme_of(predicate)[0], ctx.awarders):
                continue
            claim = _claim(ctx, unit, predicate, clause, index, rule)
            if scheme_info(claim.scheme).ran_in(claim.year):
                _merge(found, claim)
    given = to_local_units(to_agents(list(found.values()), through_units(text, by_label["UNIT"], ctx.canonical)))
    merged: dict[tuple[str, str, int | None], Claim] = {}
    for claim in given:      # a result given to a unit that already had it is one claim
        _merge(merged, claim)
    claims = _zones_as_grades(list(merged.values()))
    scores_beside_units(text, claims, grouped, ctx.canonical, ctx.article_year)
    return with_evidence(text, claims, grouped, ctx.canonical)
