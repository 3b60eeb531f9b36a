"""Which units of a sentence get which predicate: sentences cut into clauses, the units that may
receive (not a setting, a parent or a region placing a unit), the predicates that state an outcome,
and the pairing of subjects, lists and predicates (see :mod:`extract.mine.claims`)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex

from ..records import Mention
from .awarders import awarder_of
from .cues import cue_in, cue_patterns
from .schemes import scheme_info
from .unit_names import is_unit_type
from .units import counted_starts

MARKER = r"(?:\d{1,2}[.)]|[-•*])"          # "1." "2)" "-" "•": an item of a list
LIST_MARKER = regex.compile(r"\s*" + MARKER + r"\s*")
LIST_SHARE = 0.5   # a governed list sentence is at least half unit names


@dataclass(slots=True)
class Span:
    """A sentence or a clause of one, with the mentions inside it."""
    start: int
    end: int
    units: list[Mention] = field(default_factory=list)
    predicates: list[Mention] = field(default_factory=list)
    scores: list[Mention] = field(default_factory=list)
    dates: list[Mention] = field(default_factory=list)


def group_mentions(spans: list[tuple[int, int]], **mentions: list[Mention]) -> list[Span]:
    """Spans with the mentions that start inside each of them."""
    out = [Span(s, e) for s, e in spans]
    starts = [s.start for s in out]
    for key, items in mentions.items():
        for mention in items:
            index = bisect.bisect_right(starts, mention.start) - 1
            if index >= 0 and mention.start < out[index].end:
                getattr(out[index], key).append(mention)
    return out


def clauses(text: str, sentence: Span, predicates: list[Mention]) -> list[Span]:
    """A sentence cut where one clause ends and another with its own predicate begins
    ("A meraih X dengan nilai 93, sedangkan B memperoleh Y"); a piece without a predicate
    stays with the one after it, so lists of subjects are not cut apart."""
    cuts = sorted({m.start() for p in cue_patterns()["clause"] for m in p.finditer(text, sentence.start, sentence.end)})
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
    return group_mentions(merged, units=sentence.units, predicates=predicates, scores=sentence.scores, dates=sentence.dates)


def recipients(text: str, span: Span) -> list[Mention]:
    """The units of a span that may receive a predicate: not a setting (di lingkungan X) nor a parent
    ("Kementerian Sosial melalui Sentra X": Sentra X receives)."""
    units = [u for u, before in zip(span.units, [None] + span.units[:-1])
             if not cue_in("not_recipient", text[max(span.start, u.start - 80):u.start])
             and not _is_location(text, u, before) and not is_unit_type(u.value or u.text)
             and not cue_in("giver", text[u.end:min(span.end, u.end + 80)])]
    return [u for u, following in zip(units, units[1:] + [None])
            if not (following and cue_in("via", text[u.end:following.start]))]


_APPOSITION = regex.compile(r"\s*,\s*")


def _is_location(text: str, unit: Mention, before: Mention | None) -> bool:
    """A region set off by commas right after a unit places that unit ("Puskesmas Kembaran I,
    Kabupaten Banyumas, berhasil ..."): it is no recipient of its own."""
    return (before is not None and unit.rule_id.startswith("unit.region.")
            and not before.rule_id.startswith(("unit.region.", "unit.list."))   # a list of regions
            and _APPOSITION.fullmatch(text, before.end, unit.start) is not None
            and text.startswith(",", unit.end))


def is_awarder(unit: Mention, scheme: str, awarders: list[Mention]) -> bool:
    """The unit is the one who gives this scheme's result (KemenPANRB for its evaluation)."""
    giver = scheme_info(scheme).awarder
    if giver is None:   # an award in the article's own words: whoever gives it is named, not known
        return False
    return awarder_of(unit.text) == giver or awarder_of(unit.value or "") == giver or any(
        a.value == giver and a.start < unit.end and unit.start < a.end for a in awarders)


def is_list(sentence: Span, units: list[Mention]) -> bool:
    """A sentence that is mostly unit names: the list a heading-like sentence governs."""
    covered = sum(u.end - u.start for u in units)
    return covered >= LIST_SHARE * (sentence.end - sentence.start)


def _is_table_row(text: str, sentence: Span) -> bool:
    """A row of a table as the cleaner writes it ("| 2 | DPMPTSP Kabupaten Kudus | 4,38 | A- |"), or an
    item of a list ("- Inspektorat Provinsi Riau: 93,40 (Informatif)"): results without an award word."""
    return text.startswith("|", sentence.start) or _LIST_ITEM.match(text, sentence.start) is not None


_LIST_ITEM = regex.compile(r"[ \t]*" + MARKER + r"[ \t]+\p{Lu}")


def introduces_list(text: str, sentence: Span) -> bool:
    """The sentence opens a list of the lines or sentences after it ("... meraih WBK, yaitu:",
    "Untuk WBBM diantaranya.")."""
    return _LIST_HEADING_END.search(text, sentence.start, sentence.end) is not None


_LIST_HEADING_END = regex.compile(
    r"(?::|\b(?:yakni|yaitu|antara\s+lain|di\s*antaranya|sebagai\s+berikut|adalah)\s*[.:]?)\s*$", regex.IGNORECASE)


_WORD_BEFORE = regex.compile(r"\p{L}+[ \t]*$", regex.VERSION1)
_VERB_AFTER = regex.compile(r"[ \t]+(?:di|me|ber|ter)\p{Ll}{3,}\b", regex.VERSION1)


def _adverbial(text: str, predicate: Mention) -> bool:
    """A label written in lower case right before a verb, and not after a word such as "predikat", is
    ordinary language, not a result: "pelayanan Samsat sangat baik diterima masyarakat" (unlike
    "predikat sangat baik diraih Dinas X")."""
    surface = text[predicate.start:predicate.end]
    before = _WORD_BEFORE.search(text, max(0, predicate.start - 30), predicate.start)
    return surface == (predicate.value or "").lower() and _VERB_AFTER.match(text, predicate.end) is not None \
        and not (before and cue_in("award", before.group(0)))     # "predikat sangat baik diraih" is one


def live_predicates(text: str, sentence: Span) -> list[Mention]:
    """Predicates that state an outcome: not hoped for, and in a sentence that speaks of one."""
    if not sentence.predicates:
        return []
    ranked = any(p.rule_id.startswith("predicate.rank.") for p in sentence.predicates)   # a place is a result
    if not _is_table_row(text, sentence) and not cue_in("award", text[sentence.start:sentence.end]) \
            and not introduces_list(text, sentence) and not ranked:
        return []
    live, since, hoped = [], sentence.start, None
    for p in [p for p in sentence.predicates if not _adverbial(text, p)]:   # a hope is read after the previous predicate ("Menuju Informatif" is a label)
        if hoped is not None and _SAME_RESULT.fullmatch(text, hoped.end, p.start):
            hoped = p               # the hoped-for result written again ("kategori A (Pelayanan Prima)")
        elif not cue_in("aspiration", text[since:p.start]):
            live.append(p)
            hoped = None
        else:
            hoped = p
        since = max(since, p.end)
    return live


_SAME_RESULT = regex.compile(r"[\s(\[\-/]*(?:atau[\s(]*)?", regex.IGNORECASE)


def pair(text: str, units: list[Mention], predicates: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Each recipient with its predicate: a list the predicate introduces ("meraih WBK, yakni A dan B"),
    else the subjects before the first predicate, else the units after it."""
    for predicate in predicates:
        after = [u for u in units if u.start >= predicate.end]
        subject = any(u.end <= predicate.start and "," not in text[u.end:predicate.start] for u in units)
        # "A meraih X, yaitu B meraih Y": A keeps X; "Selain A, X diraih dua kabupaten, yakni B dan C": B, C
        if after and not subject and cue_in("enumeration", text[predicate.end:after[0].start]):
            following = [p for p in predicates if p.start > predicate.end and p.value != predicate.value]
            limit = following[0].start if following else len(text)
            return [(u, predicate) for u in after if u.start < limit]
    first = min(p.start for p in predicates)
    subjects = [u for u in units if u.end <= first]
    for index, unit in enumerate(subjects[1:], start=1):
        if cue_in("enumeration", text[subjects[index - 1].end:unit.start]):
            subjects = subjects[index:]   # "dua rumah sakit milik Pemprov, yakni RSUD A dengan kategori A-"
            break
    if not subjects:   # "Dengan Kategori A, BPS menempati peringkat pertama": the unit takes both
        after = [u for u in units if u.start >= first]
        trailing = [p for p in predicates if after and p.start >= after[-1].end]
        pairs = [(u, ([p for p in predicates if p.end <= u.start] or predicates)[-1]) for u in after]
        return pairs + [(after[-1], p) for p in trailing if (after[-1], p) not in pairs]
    # the subjects take every predicate up to the next unit, but not an earlier result ("naik dari ...")
    later = [u.start for u in units if u.start > subjects[-1].end]
    later += [c for c in counted_starts(text, subjects[-1].end, max(p.end for p in predicates)) if c > subjects[-1].end]
    limit = min(later) if later else len(text)
    owned = [p for p in predicates if subjects[-1].end <= p.start < limit]
    kept = [p for i, p in enumerate(owned) if i == 0 or not cue_in("superseded", text[owned[i - 1].end:p.start])]
    return [(unit, p) for unit in subjects for p in kept] + _alternating(text, units, predicates, limit)


def _alternating(text: str, units: list[Mention], predicates: list[Mention], start: int) -> list[tuple[Mention, Mention]]:
    """Units after the subjects' results, each followed by its own ("A meraih peringkat kedua, B peringkat
    ketiga dan C pada peringkat keempat"): each takes the predicates between it and the next unit."""
    later = [u for u in units if u.start >= start]
    pairs = []
    for unit, following in zip(later, later[1:] + [None]):
        limit = following.start if following else len(text)
        own = [p for p in predicates if unit.end <= p.start < limit]
        pairs += [(unit, own[0])] if own else []
    return pairs
