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
- aspirations ("menuju WBBM", "berharap meraih"), settings ("di lingkungan
  X"), offices (Kepala Dinas X) and the scheme's own awarder are never
  recipients; a claim dated outside its scheme's years is not that scheme's.

A unit's score is the one written right after it, else its clause's, else the
next sentence's when that names no other predicate; years come from "tahun
2021", "pada 2021", a scheme's round ("IGA 2022") or a year after the
predicate, else the year the article's evaluation sentences name most. The
same unit and predicate said twice is one claim, its fields merged; names of
one unit within the article are joined to its most complete name.
"""
from __future__ import annotations

import bisect
import collections
from dataclasses import dataclass, field, replace

import regex

from ..rules.files import either
from ..rules.store import Rules, derived, memo
from ..rules.tables import CUE_KINDS
from .awarders import awarder_of
from .schemes import scheme_evidence, scheme_info, scheme_name_ends
from ..records import Claim, Mention
from .units import unit_signature

_QUOTED_NAME = regex.compile(r"[“\"]([^”\"]+)[”\"]")
_MARKER = r"(?:\d{1,2}[.)]|[-•*])"          # "1." "2)" "-" "•": an item of a list
_LIST_MARKER = regex.compile(r"\s*" + _MARKER + r"\s*")
MAX_LIST_ITEMS = 15   # lines a heading that ends with a colon may govern
LIST_SHARE = 0.5   # a governed list sentence is at least half unit names


_LOOKING_BACK = ("aspiration", "via", "enumeration", "not_recipient")   # end at a mention ($); only whether they match counts


@derived
def _cues(rules: Rules) -> dict[str, list[regex.Pattern]]:
    """Each kind's patterns; those that end where a mention starts are matched from their end
    (REVERSE): the same texts match, without trying every start before the mention."""
    groups: dict[str, list[regex.Pattern]] = {kind: [] for kind in CUE_KINDS}
    for cue in rules.cues:
        groups[cue.kind].append(regex.compile(cue.pattern.pattern, cue.pattern.flags | regex.REVERSE)
                                if cue.kind in _LOOKING_BACK else cue.pattern)
    return groups


@derived
def _either(rules: Rules, kind: str) -> regex.Pattern | None:
    """A kind's cues as one pattern, for asking whether any of them is in a text."""
    return either(_cues(rules=rules)[kind])


@memo(1024)
def _any(kind: str, text: str) -> bool:
    """Whether a cue of ``kind`` is in ``text``. The rules ask this of the same stretch of an article
    several times; the answers are kept for the article at hand (cleared for each article)."""
    pattern = _either(kind)
    return pattern is not None and pattern.search(text) is not None


@dataclass(slots=True)
class _Span:
    """A sentence or a clause of one, with the mentions inside it."""
    start: int
    end: int
    units: list[Mention] = field(default_factory=list)
    predicates: list[Mention] = field(default_factory=list)
    scores: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)


def _group(spans: list[tuple[int, int]], **mentions: list[Mention]) -> list[_Span]:
    """Spans with the mentions that start inside each of them."""
    out = [_Span(s, e) for s, e in spans]
    starts = [s.start for s in out]
    for key, items in mentions.items():
        for mention in items:
            index = bisect.bisect_right(starts, mention.start) - 1
            if index >= 0 and mention.start < out[index].end:
                getattr(out[index], key).append(mention)
    return out


def _clauses(text: str, sentence: _Span, predicates: list[Mention]) -> list[_Span]:
    """A sentence cut where one clause ends and another with its own predicate begins
    ("A meraih X dengan nilai 93, sedangkan B memperoleh Y"); a piece without a predicate
    stays with the one after it, so lists of subjects are not cut apart."""
    cuts = sorted({m.start() for p in _cues()["clause"] for m in p.finditer(text, sentence.start, sentence.end)})
    bounds = [sentence.start] + cuts + [sentence.end]
    pieces = [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]
    merged: list[tuple[int, int]] = []
    for a, b in pieces:
        if merged and not any(merged[-1][0] <= p.start < merged[-1][1] for p in predicates):
            a = merged.pop()[0]
        merged.append((a, b))
    if len(merged) > 1 and not any(merged[-1][0] <= p.start for p in predicates):
        last = merged.pop()
        merged[-1] = (merged[-1][0], last[1])
    return _group(merged, units=sentence.units, predicates=predicates, scores=sentence.scores, dates=sentence.dates)


def _recipients(text: str, span: _Span) -> list[Mention]:
    """The units of a span that may receive a predicate: not a setting (di lingkungan X) nor a parent
    ("Kementerian Sosial melalui Sentra X": Sentra X receives)."""
    units = [u for u, before in zip(span.units, [None] + span.units[:-1])
             if not _any("not_recipient", text[max(span.start, u.start - 30):u.start])
             and not _is_location(text, u, before)]
    return [u for u, following in zip(units, units[1:] + [None])
            if not (following and _any("via", text[u.end:following.start]))]


_APPOSITION = regex.compile(r"\s*,\s*")


def _is_location(text: str, unit: Mention, before: Mention | None) -> bool:
    """A region set off by commas right after a unit places that unit ("Puskesmas Kembaran I,
    Kabupaten Banyumas, berhasil ..."): it is no recipient of its own."""
    return (before is not None and unit.rule_id.startswith("unit.region.")
            and _APPOSITION.fullmatch(text, before.end, unit.start) is not None
            and text.startswith(",", unit.end))


def _is_awarder(unit: Mention, scheme: str, awarders: list[Mention]) -> bool:
    """The unit is the one who gives this scheme's result (KemenPANRB for its evaluation)."""
    giver = scheme_info(scheme).awarder
    return awarder_of(unit.text) == giver or awarder_of(unit.value or "") == giver or any(
        a.value == giver and a.start < unit.end and unit.start < a.end for a in awarders)


def _is_list(sentence: _Span, units: list[Mention]) -> bool:
    """A sentence that is mostly unit names: the list a heading-like sentence governs."""
    covered = sum(u.end - u.start for u in units)
    return covered >= LIST_SHARE * (sentence.end - sentence.start)


def _is_table_row(text: str, sentence: _Span) -> bool:
    """A row of a table as the cleaner writes it ("| 2 | DPMPTSP Kabupaten Kudus | 4,38 | A- |"), or an
    item of a list ("- Inspektorat Provinsi Riau: 93,40 (Informatif)"): results without an award word."""
    return text.startswith("|", sentence.start) or _LIST_ITEM.match(text, sentence.start) is not None


_LIST_ITEM = regex.compile(r"[ \t]*" + _MARKER + r"[ \t]+\p{Lu}")


def _live_predicates(text: str, sentence: _Span) -> list[Mention]:
    """Predicates that state an outcome: not hoped for, and in a sentence that speaks of one."""
    if not sentence.predicates:
        return []
    if not _is_table_row(text, sentence) and not _any("award", text[sentence.start:sentence.end]):
        return []
    live, since, hoped = [], sentence.start, None
    for p in sentence.predicates:   # a hope is read after the previous predicate ("Menuju Informatif" is a label)
        if hoped is not None and _SAME_RESULT.fullmatch(text, hoped.end, p.start):
            hoped = p               # the hoped-for result written again ("kategori A (Pelayanan Prima)")
        elif not _any("aspiration", text[since:p.start]):
            live.append(p)
            hoped = None
        else:
            hoped = p
        since = max(since, p.end)
    return live


_SAME_RESULT = regex.compile(r"[\s(\[\-/]*(?:atau[\s(]*)?", regex.IGNORECASE)


def _pair(text: str, units: list[Mention], predicates: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Each recipient with its predicate: a list the predicate introduces ("meraih WBK, yakni A dan B"),
    else the subjects before the first predicate, else the units after it."""
    for predicate in predicates:
        after = [u for u in units if u.start >= predicate.end]
        if after and _any("enumeration", text[predicate.end:after[0].start]):
            following = [p for p in predicates if p.start > predicate.end and p.value != predicate.value]
            limit = following[0].start if following else len(text)
            return [(u, predicate) for u in after if u.start < limit]
    first = min(p.start for p in predicates)
    subjects = [u for u in units if u.end <= first]
    for index, unit in enumerate(subjects[1:], start=1):
        if _any("enumeration", text[subjects[index - 1].end:unit.start]):
            subjects = subjects[index:]   # "dua rumah sakit milik Pemprov, yakni RSUD A dengan kategori A-"
            break
    if not subjects:
        after = [u for u in units if u.start >= first]
        return [(u, ([p for p in predicates if p.end <= u.start] or predicates)[-1]) for u in after]
    # the subjects take every predicate up to the next unit, but not an earlier result ("naik dari ...")
    later = [u.start for u in units if u.start > subjects[-1].end]
    limit = later[0] if later else len(text)
    owned = [p for p in predicates if subjects[-1].end <= p.start < limit]
    kept = [p for i, p in enumerate(owned) if i == 0 or not _any("superseded", text[owned[i - 1].end:p.start])]
    return [(unit, p) for unit in subjects for p in kept]


_ANY_YEAR = regex.compile(r"(?:19|20)\d\d")
_BARE_YEAR = regex.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_YEAR_AFTER = regex.compile(r"\s+(?:(?i:tahun)\s+)?(?P<year>(?:19|20)\d{2})(?!\d)", regex.VERSION1)


@memo(256)   # the sentences of the article at hand
def _year_in(text: str, start: int, end: int, predicate_ends: tuple[int, ...], published_year: int | None) -> int | None:
    return _year(text, _Span(start, end), published_year, predicate_ends)


def _year(text: str, span: _Span, published_year: int | None, predicate_ends: tuple[int, ...] = ()) -> int | None:
    """The evaluation year a span names: "tahun 2021", "pada 2021", a scheme's round ("IGA 2022"),
    or a year right after a predicate ("WBBM 2021")."""
    found = [m for pattern in _cues()["year"] for m in pattern.finditer(text, span.start, span.end)]
    found += [m for end in [*scheme_name_ends(text, span.start, span.end), *predicate_ends]
              if (m := _YEAR_AFTER.match(text, end))]
    for match in sorted(found, key=lambda m: m.start()):
        year = int(match.group("year"))
        if published_year is None or year <= published_year:
            return year
    return None


def _sentence_year(text: str, sentence: _Span, published_year: int | None) -> int | None:
    """The year a sentence names, computed once per sentence of an article."""
    return _year_in(text, sentence.start, sentence.end, tuple(p.end for p in sentence.predicates), published_year)


def _article_year(text: str, sentences: list[_Span], published_year: int | None) -> int | None:
    counts = collections.Counter()
    for sentence in sentences:   # the title, and sentences with a predicate, an award or a scheme's name
        words = text[sentence.start:sentence.end]
        if not _ANY_YEAR.search(words) or _any("superseded", words):
            continue            # no year, or an earlier result's year ("sebelumnya ... pada 2021")
        if sentence.start == 0 or sentence.predicates or _any("award", words) \
                or scheme_evidence(text, sentence.start, sentence.end):
            year = _sentence_year(text, sentence, published_year)
            if year:
                counts[year] += 1
    return counts.most_common(1)[0][0] if counts else None


def _score_beside(text: str, unit: Mention, span: _Span) -> list[Mention]:
    """Scores written right after the unit, before the next unit ("A dengan nilai 89,74 serta B ...")."""
    next_unit = min((u.start for u in span.units if u.start > unit.end), default=span.end)
    return [s for s in span.scores if unit.end <= s.start < next_unit and not _any("aggregate", text[unit.end:s.start])]


def _score_for(text: str, scheme: str, unit: Mention, unit_span: _Span, sentence: _Span,
               following: _Span | None) -> Mention | None:
    info = scheme_info(scheme)
    if info.score_min is None:
        return None
    beside = [s for s in _score_beside(text, unit, unit_span) if info.score_min <= s.value_num <= info.score_max]
    if beside:
        return beside[0]
    candidates = [s for s in sentence.scores if not _any("aggregate", text[max(sentence.start, s.start - 80):s.start])]
    if not candidates and following is not None and not following.predicates:
        candidates = [s for s in following.scores if not _any("aggregate", text[following.start:s.start])]
    for score in candidates:
        if info.score_min <= score.value_num <= info.score_max:
            return score
    return None


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
    sentences: list[_Span]
    awarders: list[Mention]
    canonical: dict[str, str]
    published_year: int | None
    article_year: int | None
    schemes: dict[tuple[int, int], tuple[str, str | None]]   # (start, end) of a predicate -> scheme, grade

    def scheme_of(self, predicate: Mention) -> tuple[str, str | None]:
        return self.schemes[(predicate.start, predicate.end)]


def _pairs(ctx: _Context, index: int) -> list[tuple[Mention, Mention, _Span, str]]:
    """(unit, predicate, clause, rule id) for the predicates of one sentence."""
    text, sentence = ctx.text, ctx.sentences[index]
    predicates = _live_predicates(text, sentence)
    if not predicates:
        return []
    introduces_list = text[sentence.start:sentence.end].rstrip().endswith(":")
    if introduces_list:   # "... meraih predikat WBK Tahun 2023, yaitu:" and the recipients listed below
        governed = _governed(ctx, index, introduces_list)
        if governed:
            return [(u, predicates[-1], sentence, "claim.heading") for u in governed]
    pairs = []
    for clause in _clauses(text, sentence, predicates):
        units = _recipients(text, clause)
        if units and clause.predicates:
            pairs += [(u, p, clause, "claim.sentence") for u, p in _pair(text, units, clause.predicates)]
    if pairs:
        return pairs
    governed = [] if introduces_list else _governed(ctx, index, introduces_list)
    if governed:
        return [(u, predicates[0], sentence, "claim.heading") for u in governed]
    earlier = _recipients(text, ctx.sentences[index - 1]) if index > 0 else []
    if earlier and _any("anaphor", text[sentence.start:sentence.end]):
        chosen = earlier if _any("plural", text[sentence.start:sentence.end]) else earlier[-1:]
        return [(u, predicates[0], sentence, "claim.previous") for u in chosen]
    return []


def _implied_year(ctx: _Context, sentence: _Span, predicate: Mention) -> int | None:
    """The article's year, or the round before it for an earlier result named without a year
    ("dibanding evaluasi sebelumnya ... kategori B", "hasil evaluasi tahun lalu ... B (Baik)")."""
    if ctx.article_year is None:
        return None
    since = max([p.end for p in sentence.predicates if p.end <= predicate.start], default=sentence.start)
    return ctx.article_year - 1 if _any("superseded", ctx.text[since:predicate.start]) else ctx.article_year


def _governed(ctx: _Context, index: int, introduces_list: bool) -> list[Mention]:
    """The units listed in the sentences after a heading-like sentence, or after one ending in a colon."""
    text, governed = ctx.text, []
    for later in ctx.sentences[index + 1:index + (MAX_LIST_ITEMS if introduces_list else 4)]:
        if _LIST_MARKER.fullmatch(text[later.start:later.end]):
            continue
        recipients = _recipients(text, later)
        if later.predicates or not recipients or not (introduces_list or _is_list(later, recipients)):
            break
        governed += recipients
    return governed


def _fitting_year(ctx: _Context, sentence: _Span, scheme: str) -> int | None:
    """A year written bare in the sentence ("kembali ke 2021, ketika ...") in which the scheme ran, for a
    claim whose other year it did not run in (Ombudsman compliance zones ended in 2021)."""
    for match in _BARE_YEAR.finditer(ctx.text, sentence.start, sentence.end):
        year = int(match.group(0))
        if (ctx.published_year is None or year <= ctx.published_year) and scheme_info(scheme).ran_in(year):
            return year
    return None


def _claim(ctx: _Context, unit: Mention, predicate: Mention, clause: _Span, index: int, rule: str) -> Claim:
    sentence = ctx.sentences[index]
    following = ctx.sentences[index + 1] if index + 1 < len(ctx.sentences) else None
    scheme, grade = ctx.scheme_of(predicate)
    whole = clause.start == sentence.start and clause.end == sentence.end
    unit_span = ctx.sentences[bisect.bisect_right([s.start for s in ctx.sentences], unit.start) - 1]
    if rule == "claim.previous":
        unit_span = sentence   # the unit's own sentence may hold its other result's score
    score = _score_for(ctx.text, scheme, unit, unit_span, clause, following if whole else None)
    dates = clause.dates or sentence.dates
    year = _sentence_year(ctx.text, sentence, ctx.published_year) or _implied_year(ctx, sentence, predicate)
    if not scheme_info(scheme).ran_in(year):
        year = _fitting_year(ctx, sentence, scheme) or year
    return Claim(ctx.article_id, ctx.canonical.get(unit.value, unit.value), unit.text, predicate.value, grade, scheme,
                 scheme_info(scheme).awarder, score.value_num if score else None, score.text if score else None,
                 year, dates[0].value_date if dates else None, ctx.text[sentence.start:sentence.end],
                 sentence.start, sentence.end, rule)


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
    _any.cache_clear()
    by_label = collections.defaultdict(list)
    for mention in mentions:
        by_label[mention.label].append(mention)
    grouped = _group(sentences, units=by_label["UNIT"], predicates=by_label["PREDICATE"], scores=by_label["SCORE"],
                     dates=[d for d in by_label["DATE"] if d.precision == "day"])
    ctx = _Context(article_id, text, grouped, by_label["AWARDER"], _canonical_names(by_label["UNIT"]),
                   published_year, _article_year(text, grouped, published_year), schemes)
    found: dict[tuple[str, str, int | None], Claim] = {}
    for index in range(len(grouped)):
        for unit, predicate, clause, rule in _pairs(ctx, index):
            if _is_awarder(unit, ctx.scheme_of(predicate)[0], ctx.awarders):
                continue
            claim = _claim(ctx, unit, predicate, clause, index, rule)
            if scheme_info(claim.scheme).ran_in(claim.year):
                _merge(found, claim)
    claims = list(found.values())
    _scores_beside_units(text, claims, grouped, ctx.canonical, ctx.article_year)
    return claims


def _scores_beside_units(text: str, claims: list[Claim], sentences: list[_Span],
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
                            and not _any("aggregate", text[unit.end:score.start]):
                        claims[i] = replace(claim, score=score.value_num, score_text=score.text)
                        break
                if claims[i].score is not None:
                    break
            if claims[i].score is not None:
                break
