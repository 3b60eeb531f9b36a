"""Public-service units: find their names in text and canonicalise them.

A unit starts at a head from ``patterns/units/heads.tsv`` or a body's name or
acronym from ``patterns/units/agencies.tsv``, then takes the capitalised words,
quoted proper names and joining words ("dan", "yang", "pada") that continue it.
Region heads (Kota, Kabupaten, Provinsi) need a name from
``patterns/units/regions.tsv``.

>>> [u.text for u in find_units("Kementerian Sosial melalui Sentra Paramita Mataram meraih penghargaan.")]
['Kementerian Sosial', 'Sentra Paramita Mataram']
>>> canonical_unit("Pemkot Palembang"), canonical_unit("Kemensos")
('Pemerintah Kota Palembang', 'Kementerian Sosial')
>>> canonical_unit("Balai Rehsos Anak “Handayani”")
'Balai Rehsos Anak Handayani'
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex
from rapidfuzz import fuzz

from ..rules.store import Rules, derived, memo
from ..settings import FUZZY_CUTOFF
from .gazetteer import GazetteerMatcher

CACHE_SIZE = 20_000          # names remembered across articles; bounded, so memory stays flat
_NESTING = ("pada",)          # "Pemkab X pada Dinas Y": the next unit is part of this one


@dataclass(slots=True, frozen=True)
class UnitCandidate:
    text: str
    start: int
    end: int
    canonical: str
    rule_id: str


@dataclass(slots=True)
class _Lexicon:
    head: GazetteerMatcher            # every head, alias and agency name
    kinds: dict[str, str]          # lower-cased head -> kind
    standalone: set[str]           # lower-cased heads that are units by themselves
    expansions: dict[str, str]     # lower-cased alias -> full form
    spelled: dict[str, str]        # lower-cased head -> its canonical spelling
    regions: dict[str, GazetteerMatcher]  # kind -> its region names and aliases
    stop: frozenset[str]
    after_place: frozenset[str]     # words that may follow a place name inside a unit's name
    spellings: dict[str, str]      # word variant -> standard spelling
    type_names: list[str]          # full names and long aliases of unit types, for fuzzy matching
    type_of: dict[str, str]        # lower-cased head, alias or name -> the type's one name (lower case)
    region_names: dict[str, str]   # "kind alias" (lower case) -> the region's name: "provinsi jabar" -> Jawa Barat
    region_kinds: dict[str, set[str]]  # lower-cased region name or alias -> its kinds (kabupaten, kota, provinsi)
    bare_region: GazetteerMatcher     # region names and aliases, for a region standing alone as a subject
    any_region: GazetteerMatcher   # the names and aliases of every kind: the longest at a position
    token: regex.Pattern           # a token that continues a unit's name (see patterns/units/joiners.txt)
    counted: regex.Pattern         # a count before a head (see patterns/units/quantifiers.txt)
    fillers: frozenset[str]        # words that do not tell units apart (patterns/units/fillers.txt)


@derived
def _lexicon(rules: Rules) -> _Lexicon:
    kinds, standalone, expansions, spelled = {}, set(), {}, {}
    for row in rules.unit_heads:
        key = row.head.lower()
        kinds[key] = row.kind
        spelled[key] = row.head
        if row.standalone:
            standalone.add(key)
        if row.expansion:
            expansions[key] = row.expansion
    spelled_in_heads = set(spelled)
    type_of = {key: value.lower() for key, value in expansions.items()}
    for row in rules.agencies:
        for form in [row.name, *row.aliases]:
            key = form.lower()
            type_of.setdefault(key, row.name.lower())
            kinds.setdefault(key, row.kind)
            if row.kind != "unit_type":  # a type (Polres, Dinas X) needs its place name
                standalone.add(key)
            spelled.setdefault(key, form)
            if form != row.name and key not in spelled_in_heads and len(form.split()) < 3:
                # acronyms and short forms expand; a full name in another spelling is kept as written,
                # and heads.tsv decides for its own heads (Samsat stays Samsat)
                expansions.setdefault(key, row.name)
    # a head starts with a capital ("Mal pelayanan publik" is one), an acronym matches exactly ("MA")
    head = GazetteerMatcher(spelled.values(), case="names", after=r"(?![\w-])")
    names: dict[str, list[str]] = {"provinsi": [], "kabupaten": [], "kota": []}
    region_names: dict[str, str] = {}
    region_kinds: dict[str, set[str]] = {}
    for row in rules.regions:
        names[row.kind] += [row.name, *row.aliases]
        for alias in row.aliases:
            region_names.setdefault(f"{row.kind} {alias.lower()}", row.name)
        for form in [row.name, *row.aliases]:
            region_kinds.setdefault(form.lower(), set()).add(row.kind)
    regions = {kind: GazetteerMatcher(v) for kind, v in names.items()}
    stop = frozenset(w.lower() for w in rules.unit_stopwords)
    after_place = frozenset(w.lower() for w in rules.after_place)
    type_names = [form for key, form in spelled.items() if len(form.split()) >= 3]
    bare_region = GazetteerMatcher([form for form in region_kinds if len(form) > 3], case="names")
    any_region = GazetteerMatcher([name for kind_names in names.values() for name in kind_names])
    return _Lexicon(head, kinds, standalone, expansions, spelled, regions, stop, after_place, dict(rules.spellings),
                    type_names, type_of, region_names, region_kinds, bare_region, any_region,
                    _token_pattern(rules.unit_joiners), _counted_pattern(rules.unit_quantifiers),
                    frozenset(rules.unit_fillers))


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w) for w in words)


def _token_pattern(joiners: tuple[str, ...]) -> regex.Pattern:
    """A token that may continue a unit's name, perhaps after a joining word or a comma."""
    return regex.compile(
        r"""[ \t]*(?P<conn>(?:""" + _alternation(joiners) + r""")[ \t]+|,[ \t]*(?:dan[ \t]+)?)?"""
        r"""(?P<tok>(?:[Dd]r|Prof|Ir|H)\.(?=[ \t]+\p{Lu})|\p{Lu}[\p{L}\p{N}'’\-/.]*(?<!\.)|\d{1,3}(?![\d]|[.,]\d)|“[^”\n]{1,60}”|"[^"\n]{1,60}"|‘[^’\n]{1,60}’|'[^'\n]{1,40}'|\(\p{Lu}[\p{L}\p{N}\-]{1,15}(?:[ \t]\p{Lu}[\p{L}\p{N}\-]{0,15}){0,3}\))""",
        regex.VERSION1)


def _counted_pattern(quantifiers: tuple[str, ...]) -> regex.Pattern:
    """A number or a quantifier right before a head: a count of units ("34 Samsat", "seluruh Dinas")."""
    return regex.compile(r"(?:\b\d+(?:\.\d+)*|\b(?:" + _alternation(quantifiers) + r"))[ \t]+$",
                         regex.IGNORECASE | regex.VERSION1)


def _region_kind(head: str) -> str | None:
    return {"provinsi": "provinsi", "kabupaten": "kabupaten", "kab.": "kabupaten", "kota": "kota"}.get(head.lower())


def _any_region(text: str, pos: int, lex: _Lexicon) -> int | None:
    """The end of the longest region name of any kind at ``pos``."""
    found = lex.any_region.match(text, pos)
    return found[1] if found else None


def _extend(text: str, pos: int, lex: _Lexicon) -> int:
    """The end of a unit name whose head ends at ``pos``."""
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
        if conn and conn not in _NESTING and starts_unit:
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
# a short name in parentheses after a unit's full name: (DPMPTSP), (Disdukcapil), (UPT Samsat Bogor)
_PAREN_ACRONYM = regex.compile(r"\s*\(\p{Lu}[\p{L}\p{N}\-]{1,15}(?:[ \t]\p{Lu}[\p{L}\p{N}\-]{0,15}){0,3}\)", regex.VERSION1)
_ENUMERATION = regex.compile(
    r"[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?(?:,[ \t]*\p{Ll}+(?:[ \t]+\p{Ll}+)?)*,?[ \t]+(?:dan|&|serta)[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+)?[ \t]+",
    regex.VERSION1)


def _has_name(tail: str) -> bool:
    """True when what follows a head names something (a parenthesised acronym alone does not)."""
    return bool(_PAREN_ACRONYM.sub("", tail).strip(" \t,"))


_PLACE = regex.compile(r"[ \t]+(?:(?:RI|Republik Indonesia|Pusat)\b|(?:(?:Kantor[ \t]+)?(?:Cabang(?:[ \t]+Utama)?|Wilayah|Perwakilan)[ \t]+|di[ \t]+)?(?:(?:Pemerintah[ \t]+)?(?:Provinsi|Kabupaten|Kota)|Kab\.|Pem(?:prov|kab|kot))?[ \t]*)",
                      regex.VERSION1)


def _extend_place(text: str, pos: int, lex: _Lexicon) -> int:
    """A named body takes only a place after it: RI, Pusat, or a region (with its Provinsi/Kota head, or
    the office there: "BPJS Kesehatan Kantor Cabang Cianjur"), perhaps after its acronym in parentheses
    and followed by a number ("Samsat Kota Semarang II")."""
    acronym = _PAREN_ACRONYM.match(text, pos)
    if acronym:
        extended = _extend_place(text, acronym.end(), lex)
        return extended if extended > acronym.end() else pos
    match = _PLACE.match(text, pos)
    if not match:
        return pos
    if match.group(0).strip() in ("RI", "Republik Indonesia", "Pusat"):
        return match.end()
    region = _any_region(text, match.end(), lex)
    if not region:
        return pos
    number = _ORDINAL.match(text, region)
    return number.end() if number else region


def _unit_end(text: str, head_match: tuple[int, int, str], lex: _Lexicon) -> tuple[int, str] | None:
    """Where the unit whose head is ``head_match`` ends, and the rule that read it; None if it is no unit."""
    head_end, head = head_match[1], head_match[2]
    region_kind = _region_kind(head)
    if region_kind:
        name = lex.regions[region_kind].match(text, head_end + 1) if text[head_end:head_end + 1] == " " else None
        if not name:
            return None
        return _nested_end(text, name[1], lex), f"unit.region.{region_kind}"
    if head in lex.standalone:
        # "Kemensos RI", "Ombudsman Perwakilan Jawa Timur", "MPP Kota Samarinda pada Dinas ..."
        return _nested_end(text, _extend_place(text, head_end, lex), lex), f"unit.name.{lex.kinds.get(head, 'other')}"
    bridge = _ENUMERATION.match(text, head_end)
    inner = lex.head.match(text, bridge.end()) if bridge else None
    if inner:
        head_end = bridge.end()   # "Biro hukum, persidangan, dan humas Kementerian ..."
        end = _extend(text, inner[1], lex)
    else:
        end = _extend(text, head_end, lex)
    if not _has_name(text[head_end:end]):
        return None
    return end, f"unit.head.{lex.kinds.get(head, 'other')}"


def _nested_end(text: str, end: int, lex: _Lexicon) -> int:
    """A unit followed by "pada" + another unit nests it: "Pemkab X pada Dinas Y" is one name."""
    nested = _NESTED.match(text, end)
    inner = lex.head.match(text, nested.end()) if nested else None
    found = _unit_end(text, inner, lex) if inner else None
    return found[0] if found else end


def find_units(text: str, rules: Rules | None = None) -> list[UnitCandidate]:
    lex = _lexicon(rules=rules)
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
        found.append(UnitCandidate(surface, start, start + len(surface), canonical_unit(surface), rule_id))
        pos = start + len(surface)
    return sorted(found + _bare_region_subjects(text, found, lex), key=lambda u: u.start)


_SENTENCE_START = regex.compile(r"(?:^|[.!?][\"”’]?[ \t]+|\n[ \t]*|[–—][ \t]+)$", regex.VERSION1)
_VERB_AFTER = regex.compile(r"[ \t]+(?P<word>\p{L}+)", regex.VERSION1)


def _bare_region_subjects(text: str, taken: list[UnitCandidate], lex: _Lexicon) -> list[UnitCandidate]:
    """A region named alone at the start of a sentence, before a verb, is its government as the
    subject ("Bantaeng dinobatkan sebagai kabupaten terinovatif", "Bima hanya memperoleh nilai 49,18")."""
    found = []
    starts = [u.start for u in taken]        # taken units are in text order and do not overlap
    for start, end, surface, key in lex.bare_region.finditer(text):
        index = bisect.bisect_right(starts, start) - 1
        if (index >= 0 and start < taken[index].end) or not _SENTENCE_START.search(text, max(0, start - 4), start):
            continue
        verb = _VERB_AFTER.match(text, end)
        if verb and (verb.group("word")[0].islower() or verb.group("word").lower() in lex.stop):
            found.append(UnitCandidate(surface, start, end, canonical_unit(surface), "unit.region.bare"))
    return found


_QUOTE_MARKS = regex.compile(r"[“”\"‘’]|(?<=\s)'|'(?=\s|$)")
_SPACES = regex.compile(r"\s+")
_REGION_PADA_UNIT = regex.compile(
    r"(?:Pemerintah\s+|Pem(?:kab|kot|prov)\s+)?(?P<region>(?:Provinsi|Kabupaten|Kota)\s+.+?)\s+pada\s+(?P<unit>.+)$")
_DI_PLACE = regex.compile(r"\s+di\s+(?=\p{Lu})")
_REPEATED_RUN = regex.compile(r"\b((?:\S+\s+){2,}?\S+)\s+\1\b")
_REGION_TAIL = regex.compile(r"(.*?\b(?:Pemerintah\s+)?(Provinsi|Kabupaten|Kota)\s+)(.+)$")
_REGION_HEAD = regex.compile(r"(?:Provinsi|Kabupaten|Kota)\s")
_COUNTRY = regex.compile(r"\s+(?:RI|Republik Indonesia)$")
_WORDS = regex.compile(r"[\p{L}\p{N}]+")


@memo(CACHE_SIZE)
def canonical_unit(surface: str) -> str:
    """The canonical name of a unit.

    Acronym heads are expanded, spelling variants corrected, quote marks and
    parenthesised acronyms dropped, "X di Kota" read as "X Kota", "Pemerintah
    Kabupaten X pada Dinas Y" as "Dinas Y Kabupaten X", a repeated run of words
    said once, and a misspelt type name matched to the gazetteer's.

    >>> canonical_unit("Pemerintah Kabupaten Tulang Bawang pada Dinas Penanaman Modal Pelayanan Terpadu Satu Pintu")
    'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kabupaten Tulang Bawang'
    >>> canonical_unit("Sekretariat Kementrian Koordinator Bidang PMK Kementrian Koordinator Bidang PMK")
    'Sekretariat Kementerian Koordinator Bidang PMK'
    """
    lex = _lexicon()
    text = _QUOTE_MARKS.sub("", surface)
    text = _PAREN_ACRONYM.sub("", text)
    text = _SPACES.sub(" ", text).strip(" ,")
    text = " ".join(lex.spellings.get(word, word) for word in text.split(" "))
    nested = _REGION_PADA_UNIT.match(text)
    if nested:
        text = f"{nested.group('unit')} {nested.group('region')}"
    text = _DI_PLACE.sub(" ", text)
    text = _REPEATED_RUN.sub(r"\1", text)   # a run of words printed twice
    match = lex.head.match(text)
    if match:
        key = match[2]
        full = lex.expansions.get(key) or lex.spelled.get(key, text[:match[1]])
        text = full + text[match[1]:]
    text = _standard_type_name(text, lex)
    kinds = lex.region_kinds.get(text.lower(), set())
    if len(kinds) == 1:
        text = f"{next(iter(kinds)).title()} {text}"   # a bare region: "Bantaeng" -> "Kabupaten Bantaeng"
    place = _REGION_TAIL.match(text)
    key = f"{place.group(2).lower()} {place.group(3).lower()}" if place else ""
    if key in lex.region_names:
        text = place.group(1) + lex.region_names[key]   # "Pemprov Jabar" -> "Pemerintah Provinsi Jawa Barat"
    if _REGION_HEAD.match(text) and _bare_region(text, lex):
        text = "Pemerintah " + text     # a region as an awardee is its government
    return _COUNTRY.sub("", text) if lex.kinds.get(text.lower()) is None else text


def _bare_region(text: str, lex: _Lexicon) -> bool:
    head, _, name = text.partition(" ")
    return _region_kind(head) in lex.region_kinds.get(name.lower(), ())


def _standard_type_name(text: str, lex: _Lexicon) -> str:
    """Replace a misspelt type name at the start ("Dinas Penanaman Modal Pelayanan ...") by the gazetteer's.

    The first words of the name are compared with each type name of the same head word, allowing
    one word more or less; the words after the matched part (the unit's own name) are kept.
    """
    words = text.split(" ")
    if len(words) < 3 or " ".join(words[:3]).lower() in lex.spelled:
        return text
    best = (0.0, "", 0)
    for choice in lex.type_names:
        if choice.split(" ")[0] != words[0]:
            continue
        n = len(choice.split(" "))
        for k in (n - 1, n, n + 1):
            if 2 < k <= len(words):
                score = fuzz.ratio(" ".join(words[:k]), choice)
                if score > best[0]:
                    best = (score, choice, k)
    score, choice, k = best
    if score < FUZZY_CUTOFF or " ".join(words[:k]) == choice:
        return text
    return " ".join([choice] + words[k:])


@memo(CACHE_SIZE)
def unit_signature(name: str) -> tuple[str, frozenset[str]]:
    """What identifies a unit whatever its spelling: its type and the other words of its name.

    Two names of one unit share the type, and the words of the shorter are among the longer's.

    >>> unit_signature("Disdukcapil Pekanbaru")[1] <= unit_signature("Dinas Kependudukan dan Catatan Sipil Kota Pekanbaru")[1]
    True
    >>> unit_signature("Disdukcapil Pekanbaru")[0] == unit_signature("Dinas Kependudukan dan Catatan Sipil Kota Pekanbaru")[0]
    True
    """
    kind, _, words = unit_parts(name)
    return kind, frozenset(words)


def is_region_name(word: str) -> bool:
    """True when ``word`` is the whole name of a province, kabupaten or kota.

    >>> is_region_name("Mataram"), is_region_name("Dadang")
    (True, False)
    """
    return word.lower() in _lexicon().region_kinds


def unit_parts(name: str) -> tuple[str, bool, list[str]]:
    """A unit name's type, whether its head is a body by itself (a ministry, not a Dinas), and the
    other words of its name in order, lower-cased ("kabupaten" as "kab").

    >>> unit_parts("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ngawi")[1:]
    (False, ['kab', 'ngawi'])
    >>> unit_parts("Kemensos")[1:]
    (True, [])
    """
    lex = _lexicon()
    text = _QUOTE_MARKS.sub("", name)
    match = lex.head.match(text)
    kind = lex.type_of.get(match[2], match[2]) if match else ""
    rest = text[match[1]:] if match else text
    words = ["kab" if w in ("kabupaten", "kab") else w for w in _WORDS.findall(rest.lower()) if w not in lex.fillers]
    return kind, bool(match) and match[2] in lex.standalone, list(dict.fromkeys(words))


def place_in(words: list[str]) -> str | None:
    """The longest run of ``words`` (lower case) that names a province, kabupaten or kota.

    >>> place_in(["kab", "bone", "bolango"]), place_in(["kelas", "i", "tpi", "yogyakarta"])
    ('bone bolango', 'yogyakarta')
    """
    known = _lexicon().region_kinds
    for size in range(min(4, len(words)), 0, -1):
        for index in range(len(words) - size + 1):
            phrase = " ".join(words[index:index + size])
            if phrase in known:
                return phrase
    return None
