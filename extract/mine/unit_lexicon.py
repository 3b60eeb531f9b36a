"""What unit names are made of, built once from the rule set: the heads of ``patterns/units/heads.tsv``,
the bodies of ``agencies.tsv`` and the regions of ``regions.tsv`` as gazetteers, with the words that
continue, count or fill a name. :mod:`extract.mine.units` finds names with it and
:mod:`extract.mine.unit_names` canonicalises them."""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..rules.store import Rules, derived
from ..rules.tables import PLACE_ROLES
from .gazetteer import GazetteerMatcher

CACHE_SIZE = 20_000          # names remembered across articles; bounded, so memory stays flat
# a short name in parentheses after a unit's full name: (DPMPTSP), (Disdukcapil), (UPT Samsat Bogor)
PAREN_ACRONYM = regex.compile(r"\s*\(\p{Lu}[\p{L}\p{N}\-]{1,15}(?:[ \t]\p{Lu}[\p{L}\p{N}\-]{0,15}){0,3}\)", regex.VERSION1)


@dataclass(slots=True)
class Lexicon:
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
    place: regex.Pattern           # a place after a named body's name (see patterns/units/places.tsv)
    national: frozenset[str]       # places that end a name by themselves: RI, Pusat
    country: regex.Pattern         # the nation at the end of a name, dropped from a canonical name
    region_pada_unit: regex.Pattern  # "Pemerintah Kabupaten X pada Dinas Y"
    region_tail: regex.Pattern     # the region at the end of a name, after its head: "... Kota X"
    region_head: regex.Pattern     # a region's head word starting a name
    wrappers: frozenset[str]       # lower-cased heads that wrap another type: UPT Samsat X is Samsat X


@derived
def lexicon(rules: Rules) -> Lexicon:
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
    return Lexicon(head, kinds, standalone, expansions, spelled, regions, stop, after_place, dict(rules.spellings),
                    type_names, type_of, region_names, region_kinds, bare_region, any_region,
                    _token_pattern(rules.unit_joiners), _counted_pattern(rules.unit_quantifiers),
                    frozenset(rules.unit_fillers), *_place_patterns(rules.places),
                   *_region_patterns(rules.places), frozenset(w.lower() for w in rules.unit_wrappers))


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(regex.escape(w) for w in words)


def _token_pattern(joiners: tuple[str, ...]) -> regex.Pattern:
    """A token that may continue a unit's name, perhaps after a joining word or a comma."""
    return regex.compile(
        r"""[ \t]*(?P<conn>(?:""" + _alternation(joiners) + r""")[ \t]+|,[ \t]*(?:dan[ \t]+)?)?"""
        r"""(?P<tok>(?:[Dd]r|Prof|Ir|H|Kab|Prov|Kec|Kel)\.(?=[ \t]+\p{Lu})|(?:\p{Lu}\.){2,3}(?=[ \t]+\p{Lu})|\p{Lu}[\p{L}\p{N}'’\-/.]*(?<!\.)|\d{1,3}(?![\d]|[.,]\d)|“[^”\n]{1,60}”|"[^"\n]{1,60}"|‘[^’\n]{1,60}’|'[^'\n]{1,40}'|\(\p{Lu}[\p{L}\p{N}\-]{1,15}(?:[ \t]\p{Lu}[\p{L}\p{N}\-]{0,15}){0,3}\))""",
        regex.VERSION1)


def _place_patterns(places: tuple[tuple[str, str], ...]) -> tuple[regex.Pattern, frozenset[str], regex.Pattern]:
    """The place after a named body: RI or Pusat, or a region with its head (or the office there: "Kantor
    Cabang Cianjur", "di Kota X"); the words that end a name by themselves; the nation at a name's end."""
    words = {role: [w for r, w in places if r == role] for role in PLACE_ROLES}
    alt = lambda *roles: "|".join(r"[ \t]+".join(map(regex.escape, w.split())) for role in roles for w in words[role])
    place = regex.compile(
        r"[ \t]+(?:(?:" + alt("country", "centre") + r")\b|(?:(?:(?:" + alt("office_prefix") + r")[ \t]+)?(?:"
        + alt("office") + r")[ \t]+|(?:" + alt("at") + r")[ \t]+)?(?:(?:(?:" + alt("government") + r")[ \t]+)?(?:"
        + alt("region_head") + r")|" + alt("region_short", "government_short") + r")?[ \t]*)", regex.VERSION1)
    national = frozenset(" ".join(w.split()) for w in words["country"] + words["centre"])
    return place, national, regex.compile(r"\s+(?:" + alt("country") + r")$")


def _region_patterns(places: tuple[tuple[str, str], ...]) -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    """The region in a name: a government's region with a unit nested by "pada", the region at a
    name's end, a region's head starting a name."""
    alt = lambda role: "|".join(regex.escape(w) for r, w in places if r == role)
    government, head = alt("government"), alt("region_head")
    nested = regex.compile(r"(?:(?:" + government + r")\s+|(?:" + alt("government_short") + r")\s+)?(?P<region>(?:"
                           + head + r")\s+.+?)\s+pada\s+(?P<unit>.+)$")
    tail = regex.compile(r"(.*?\b(?:(?:" + government + r")\s+)?(" + head + r")\s+)(.+)$")
    return nested, tail, regex.compile(r"(?:" + head + r")\s")


def _counted_pattern(quantifiers: tuple[str, ...]) -> regex.Pattern:
    """A number or a quantifier right before a head: a count of units ("34 Samsat", "seluruh Dinas")."""
    return regex.compile(r"(?:\b\d+(?:\.\d+)*|\b(?:" + _alternation(quantifiers) + r"))[ \t]+$",
                         regex.IGNORECASE | regex.VERSION1)


def region_kind(head: str) -> str | None:
    return {"provinsi": "provinsi", "prov.": "provinsi", "kabupaten": "kabupaten", "kab.": "kabupaten", "kota": "kota"}.get(head.lower())
