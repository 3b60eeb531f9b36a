"""Public-service units: find their names in text (their canonical names are :mod:`extract.mine.unit_names`).

A unit starts at a head from ``patterns/units/heads.tsv`` or a body's name or
acronym from ``patterns/units/agencies.tsv``, then takes the capitalised words,
quoted proper names and joining words ("dan", "yang", "pada") that continue it.
Region heads (Kota, Kabupaten, Provinsi) need a name from
``patterns/units/regions.tsv``.

>>> [u.text for u in find_units("Kementerian Sosial melalui Sentra Paramita Mataram meraih penghargaan.")]
['Kementerian Sosial', 'Sentra Paramita Mataram']
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from ..rules.store import Rules, derived
from ..settings import FUZZY_CUTOFF
from .predicates import find_predicates, find_ranks
from .unit_lists import list_members
from .unit_lexicon import PAREN_ACRONYM, Lexicon, lexicon, region_kind
from .unit_names import canonical_unit

_NESTING = ("pada",)          # "Pemkab X pada Dinas Y": the next unit is part of this one


@dataclass(slots=True, frozen=True)
class UnitCandidate:
    text: str
    start: int
    end: int
    canonical: str
    rule_id: str


def _any_region(text: str, pos: int, lex: Lexicon) -> int | None:
    """The end of the longest region name of any kind at ``pos``."""
    found = lex.any_region.match(text, pos)
    return found[1] if found else None


def _extend(text: str, pos: int, lex: Lexicon, start: int | None = None) -> int:
    """The end of a unit name whose head ends at ``pos`` (and starts at ``start``)."""
    end, after_place = pos, False
    while True:
        match = lex.token.match(text, end)
        if not match:
            return end
        conn = (match.group("conn") or "").strip(" \t,") or ("," if (match.group("conn") or "").strip() else "")
        token = match.group("tok")
        tok_start = match.start("tok")
        if token.lower().strip(".") in lex.stop:
            return end
        starts_unit = lex.head.match(text, tok_start) is not None
        if conn and token[0].isdigit():
            return end             # "DPMPTSP dan 34 Samsat": a count starts a new phrase
        if conn and conn not in _NESTING and starts_unit and not _one_misspelt_name(text, start, tok_start, lex):
            return end             # "A dan B", "A, B": a list of units, not one name
        if conn == "di" and _any_region(text, tok_start, lex) is None:
            return end
        if conn == "," and not (_ENUMERATED_WORD.match(text, tok_start) or _LAST_ENUMERATED.match(text, tok_start)):
            return end             # a comma joins only an enumeration inside a name (Hukum, Persidangan, dan Humas)
        if after_place and not conn and token[:1].isalpha() and token.lower().strip(".") not in lex.after_place \
                and not _ROMAN_TOKEN.fullmatch(token) and _in_title_case_line(text, end):
            return end             # a headline's "Lapas Cianjur Buktikan ...": the name ended with its place
        place_end = None if conn else _any_region(text, tok_start, lex)
        after_place = place_end is not None and place_end >= match.end()
        end = place_end if after_place else match.end()


def _one_misspelt_name(text: str, start: int | None, inner: int, lex: Lexicon) -> bool:
    """True when the name so far and the head after "dan" are one type's name misspelt ("Dinas Penamaman
    Modal dan Pelayanan Terpadu Satu Pintu" is the DPMPTSP), not two units."""
    if start is None:
        return False
    head = lex.head.match(text, inner)
    if head is None:
        return False
    written = " ".join(text[start:head[1]].split())
    first = written.split(" ", 1)[0]
    return any(choice.split(" ", 1)[0] == first and fuzz.ratio(written, choice) >= FUZZY_CUTOFF
               for choice in lex.type_names if choice.count(" ") == written.count(" "))


def _in_title_case_line(text: str, pos: int) -> bool:
    """True when the line around ``pos`` capitalises most of its words, as headlines do: there a
    capitalised word says nothing about being part of a name ("KPP Pratama Surabaya Rungkut meraih"
    in running text is one name)."""
    start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
    words = _LINE_WORDS.findall(text, start, len(text) if end < 0 else end)
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


TITLE_CASE_SHARE = 0.7
_LINE_WORDS = regex.compile(r"\p{L}[\p{L}\-]*", regex.VERSION1)
_ROMAN_TOKEN = regex.compile(r"(?:I{1,3}|IV|V|VI{1,3}|IX|X)[AB]?", regex.VERSION1)   # Kelas IIA, Semarang II
_ENUMERATED_WORD = regex.compile(r"\p{Lu}\p{Ll}+[ \t]*(?:,|dan\b)", regex.VERSION1)
_LAST_ENUMERATED = regex.compile(r"\p{Lu}\p{Ll}+[ \t]+(?:dan|&)[ \t]+\p{Lu}", regex.VERSION1)
_NESTED = regex.compile(r"[ \t]+pada[ \t]+", regex.VERSION1)
_ORDINAL = regex.compile(r"[ \t]+(?:I{1,3}|IV|V|VI{1,3}|IX|X)(?![\p{L}\p{N}])", regex.VERSION1)   # Semarang II
_ENUMERATION = regex.compile(
    r"[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?(?:,[ \t]*\p{Ll}+(?:[ \t]+\p{Ll}+)?)*,?[ \t]+(?:dan|&|serta)[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?[ \t]+",
    regex.VERSION1)


def _has_name(tail: str) -> bool:
    """True when what follows a head names something (a parenthesised acronym alone does not)."""
    return bool(PAREN_ACRONYM.sub("", tail).strip(" \t,"))


def _extend_place(text: str, pos: int, lex: Lexicon) -> int:
    """A named body takes only a place after it: RI, Pusat, or a region (with its Provinsi/Kota head, or
    the office there: "BPJS Kesehatan Kantor Cabang Cianjur"), perhaps after its acronym in parentheses
    and followed by a number ("Samsat Kota Semarang II")."""
    acronym = PAREN_ACRONYM.match(text, pos)
    if acronym:
        extended = _extend_place(text, acronym.end(), lex)
        return extended if extended > acronym.end() else pos
    match = lex.place.match(text, pos)
    if not match:
        return pos
    if " ".join(match.group(0).split()) in lex.national:
        return match.end()
    region = _any_region(text, match.end(), lex)
    if not region:
        return pos
    number = _ORDINAL.match(text, region)
    return number.end() if number else region


def _unit_end(text: str, head_match: tuple[int, int, str], lex: Lexicon) -> tuple[int, str] | None:
    """Where the unit whose head is ``head_match`` ends, and the rule that read it; None if it is no unit."""
    head_end, head = head_match[1], head_match[2]
    kind = region_kind(head)
    if kind:
        name = lex.regions[kind].match(text, head_end + 1) if text[head_end:head_end + 1] == " " else None
        if not name:
            return None
        return _nested_end(text, name[1], lex), f"unit.region.{kind}"
    if lex.kinds.get(head) == "government":
        region = _any_region(text, head_end + 1, lex) if text[head_end:head_end + 1] == " " else None
        return (_nested_end(text, region, lex), "unit.region.government") if region else None
    if lex.kinds.get(head) == "service":
        end = _extend(text, head_end, lex, head_match[0])
        inner = lex.head.search(text[:end], head_end)
        label = any(p.start == 0 for p in find_predicates(text[head_match[0]:end]))   # "Layanan Prima Kominfo"
        named = inner is not None and inner[0] > head_end + 1 and lex.kinds.get(inner[2]) != "service"   # own words first
        return (end, "unit.head.service") if named and not label else None
    if head in lex.standalone:
        # "Kemensos RI", "Ombudsman Perwakilan Jawa Timur", "MPP Kota Samarinda pada Dinas ..."
        return _nested_end(text, _extend_place(text, head_end, lex), lex), f"unit.name.{lex.kinds.get(head, 'other')}"
    bridge = _ENUMERATION.match(text, head_end)
    inner = lex.head.match(text, bridge.end()) if bridge else None
    if inner:
        head_end = bridge.end()   # "Biro hukum, persidangan, dan humas Kementerian ..."
        end = _extend(text, inner[1], lex, head_match[0])
    else:
        end = _extend(text, head_end, lex, head_match[0])
    if not _has_name(text[head_end:end]):
        return None
    return end, f"unit.head.{lex.kinds.get(head, 'other')}"


def _nested_end(text: str, end: int, lex: Lexicon) -> int:
    """A unit followed by "pada" + another unit nests it: "Pemkab X pada Dinas Y" is one name."""
    nested = _NESTED.match(text, end)
    inner = lex.head.match(text, nested.end()) if nested else None
    found = _unit_end(text, inner, lex) if inner else None
    return found[0] if found else end


def find_units(text: str, rules: Rules | None = None) -> list[UnitCandidate]:
    lex = lexicon(rules=rules)
    found: list[UnitCandidate] = []
    pos = 0
    while head := lex.head.search(text, pos):
        start = head[0]
        read = _unit_end(text, head, lex)
        if read is None:
            pos = head[1]
            continue
        end, rule_id = read
        if lex.counted.search(text, max(0, start - 20), start):
            pos = end
            continue                  # "34 Samsat", "seluruh Dinas": a number of units, not one
        surface = text[start:end].rstrip(" ,")
        if _is_dateline(text, start, start + len(surface)):
            pos = end
            continue                  # "KEMENKO PMK – Sekretariat ...": the outlet or place heading a story
        found.append(UnitCandidate(surface, start, start + len(surface), canonical_unit(surface), rule_id))
        pos = start + len(surface)
    found = sorted(found + _bare_region_subjects(text, found, lex, rules=rules), key=lambda u: u.start)
    members = [UnitCandidate(m.text, m.start, m.end, m.canonical, m.rule_id) for m in list_members(text, found, rules=rules)]
    return sorted(found + members, key=lambda u: u.start)


_LINE_START = regex.compile(r"(?:^|\n)[ \t]*$")
_DATELINE_END = regex.compile(r"(?:,[ \t]*[^\n,–—]{1,40}?)?[ \t]+[–—-][ \t]+\p{Lu}", regex.VERSION1)


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A name in capitals opening a line before a dash: the dateline of a story ("KEMENKO PMK – ..."),
    naming who publishes it, not a recipient."""
    surface = text[start:end]
    return surface.upper() == surface and _LINE_START.search(text, max(0, start - 5), start) is not None \
        and _DATELINE_END.match(text, end) is not None


def counted_starts(text: str, start: int, end: int, rules: Rules | None = None) -> list[int]:
    """Where a counted group of units starts in ``text[start:end]`` ("Dua KPP Lain Sabet WBK"): no unit,
    but a subject of its own, so the results after it are not the unit's before it."""
    lex = lexicon(rules=rules)
    out, pos = [], start
    while (head := lex.head.search(text, pos)) and head[0] < end:
        counted = lex.counted.search(text, max(start, head[0] - 20), head[0])
        if counted:
            out.append(counted.start())
        pos = head[1]
    return out


_SENTENCE_START = regex.compile(r"(?:^|[.!?][\"”’]?[ \t]+|\n[ \t]*|[–—][ \t]+)$", regex.VERSION1)
_AFTER_COMMA = regex.compile(r",[ \t]*$")
_VERB_AFTER = regex.compile(r"[ \t]+(?P<word>\p{L}+)", regex.VERSION1)
_KIND_WORD = regex.compile(r"\b(?P<kind>kota|kabupaten|provinsi)\b", regex.IGNORECASE)


@derived
def _bare_region_cues(rules: Rules) -> tuple[regex.Pattern, frozenset[str]]:
    """The lead words before a region that make it a recipient, and the verbs after one that make it a
    subject after a comma (``patterns/units/region_leads.txt``, ``region_verbs.txt``)."""
    leads = "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in sorted(rules.region_leads, key=len, reverse=True))
    return (regex.compile(r"(?<![\p{L}\-])(?:" + leads + r")[ \t]+$", regex.IGNORECASE | regex.VERSION1),
            frozenset(w.lower() for w in rules.region_verbs))


def _bare_region_subjects(text: str, taken: list[UnitCandidate], lex: Lexicon,
                          rules: Rules | None = None) -> list[UnitCandidate]:
    """A region named alone is its government as a recipient: at the start of a sentence before a verb
    ("Bantaeng dinobatkan sebagai kabupaten terinovatif"), after a comma before a verb of obtaining
    ("..., Daerah Istimewa Yogyakarta menempati urutan ketiga"), after a lead word ("ditempati oleh Jawa
    Timur") or right after a rank ("Peringkat I Magelang"). A name of several kinds (Kota and Kabupaten
    Magelang) takes the kind the sentence names before it ("Tingkat Kota Peringkat I Magelang")."""
    found = []
    starts = [u.start for u in taken]        # taken units are in text order and do not overlap
    lead, verbs = _bare_region_cues(rules=rules)
    rank_ends = {rank.end for rank in find_ranks(text, rules=rules)}
    for start, end, surface, key in lex.bare_region.finditer(text):
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and start < taken[index].end:
            continue
        before = text[max(0, start - 30):start]
        verb = _VERB_AFTER.match(text, end)
        word = verb.group("word") if verb else ""
        subject = bool(word) and (word[0].islower() or word.lower() in lex.stop)
        if (_SENTENCE_START.search(before) and subject) or lead.search(before) \
                or (_AFTER_COMMA.search(before) and word.lower() in verbs) or start - 1 in rank_ends:
            found.append(UnitCandidate(surface, start, end, _bare_canonical(text, start, surface, lex),
                                       "unit.region.bare"))
    return found


def _bare_region_kind(text: str, start: int) -> str | None:
    """The last region kind named in the sentence before ``start`` ("Tingkat Kota ...")."""
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    kinds = _KIND_WORD.findall(text, sentence_start, start)
    return kinds[-1].lower() if kinds else None


def _bare_canonical(text: str, start: int, surface: str, lex: Lexicon) -> str:
    kinds = lex.region_kinds.get(surface.lower(), set())
    hint = _bare_region_kind(text, start) if len(kinds) > 1 else None
    return canonical_unit(f"{hint.title()} {surface}") if hint in kinds else canonical_unit(surface)
