"""The canonical name of a unit, and what identifies a unit whatever its spelling.

>>> canonical_unit("Pemkot Palembang"), canonical_unit("Kemensos")
('Pemerintah Kota Palembang', 'Kementerian Sosial')
>>> canonical_unit("Balai Rehsos Anak “Handayani”")
'Balai Rehsos Anak Handayani'
"""
from __future__ import annotations

import regex
from rapidfuzz import fuzz

from ..rules.store import memo
from ..settings import FUZZY_CUTOFF
from .unit_lexicon import CACHE_SIZE, PAREN_ACRONYM, Lexicon, lexicon, region_kind

_QUOTE_MARKS = regex.compile(r"[“”\"‘’]|(?<=\s)'|'(?=\s|$)")
_SPACES = regex.compile(r"\s+")
_DI_PLACE = regex.compile(r"\s+di\s+(?=\p{Lu})")
_REPEATED_RUN = regex.compile(r"\b((?:\S+\s+){2,}?\S+)\s+\1\b")
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
    lex = lexicon()
    text = _QUOTE_MARKS.sub("", surface)
    text = PAREN_ACRONYM.sub("", text)
    text = _SPACES.sub(" ", text).strip(" ,")
    text = " ".join(lex.spellings.get(word, word) for word in text.split(" "))
    nested = lex.region_pada_unit.match(text)
    if nested:
        text = f"{nested.group('unit')} {nested.group('region')}"
    else:
        text = _without_parent(text, lex)
    text = _DI_PLACE.sub(" ", text)
    text = _REPEATED_RUN.sub(r"\1", text)   # a run of words printed twice
    match = lex.head.match(text)
    if match:
        key = match[2]
        full = lex.expansions.get(key) or lex.spelled.get(key, text[:match[1]])
        text = full + text[match[1]:]
    text = _standard_type_name(text, lex)
    text = _regional_government(text, lex)
    kinds = lex.region_kinds.get(text.lower(), set())
    if len(kinds) == 1:
        text = f"{next(iter(kinds)).title()} {text}"   # a bare region: "Bantaeng" -> "Kabupaten Bantaeng"
    place = lex.region_tail.match(text)
    key = f"{place.group(2).lower()} {place.group(3).lower()}" if place else ""
    if key in lex.region_names:
        text = place.group(1) + lex.region_names[key]   # "Pemprov Jabar" -> "Pemerintah Provinsi Jawa Barat"
    if lex.region_head.match(text) and _bare_region(text, lex):
        text = "Pemerintah " + text     # a region as an awardee is its government
    return lex.country.sub("", text) if lex.kinds.get(text.lower()) is None else text


_PADA = regex.compile(r"\s+pada\s+")


def _without_parent(text: str, lex: Lexicon) -> str:
    """A named unit "pada" its parent body is the unit: "UPT Samsat Manokwari pada Bapenda Provinsi X" is
    "UPT Samsat Manokwari"; a kind of unit without its own name keeps the parent ("UPTD Puskesmas pada
    Dinas Kesehatan Kota X")."""
    parts = _PADA.split(text, maxsplit=1)
    return parts[0] if len(parts) == 2 and not is_unit_type(parts[0]) else text


_GOVERNMENT = regex.compile(r"Pemerintah (?P<daerah>Daerah )?(?:(?P<kind>Provinsi|Kabupaten|Kota) )?(?P<name>.+)$")


def _regional_government(text: str, lex: Lexicon) -> str:
    """A region's government by the one name of its kind: "Pemerintah Daerah Kabupaten X" and, when X is
    of one kind only, "Pemerintah Daerah X" and "Pemerintah X" are "Pemerintah Kabupaten X".

    >>> [_regional_government(n, lexicon()) for n in ("Pemerintah Daerah Kota Bogor", "Pemerintah Aceh", "Pemerintah Pusat")]
    ['Pemerintah Kota Bogor', 'Pemerintah Provinsi Aceh', 'Pemerintah Pusat']
    """
    match = _GOVERNMENT.match(text)
    if not match or (match["kind"] and not match["daerah"]):
        return text
    if match["kind"]:
        return f"Pemerintah {match['kind']} {match['name']}"
    kinds = lex.region_kinds.get(match["name"].lower(), set())
    return f"Pemerintah {next(iter(kinds)).title()} {match['name']}" if len(kinds) == 1 else text


def _bare_region(text: str, lex: Lexicon) -> bool:
    head, _, name = text.partition(" ")
    return region_kind(head) in lex.region_kinds.get(name.lower(), ())


def _standard_type_name(text: str, lex: Lexicon) -> str:
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


def is_unit_type(name: str) -> bool:
    """True when ``name`` is a kind of unit without the place that makes it one ("Rumah Sakit Umum
    Daerah", "UPT Samsat"): heads of unit names one after another, none a body by itself.

    >>> [is_unit_type(n) for n in ("Rumah Sakit Umum Daerah", "UPT Samsat", "Samsat Manokwari", "Kemensos")]
    [True, True, False, False]
    """
    lex = lexicon()
    pos, text = 0, name.strip()
    while pos < len(text):
        head = lex.head.match(text, pos)
        if head is None or (head[2] in lex.standalone and lex.kinds.get(head[2]) != "regional"
                            and lex.kinds.get(head[2]) != "unit_type"):
            return False
        pos = head[1]
        while pos < len(text) and text[pos] == " ":
            pos += 1
    return bool(text)


def is_region_name(word: str) -> bool:
    """True when ``word`` is the whole name of a province, kabupaten or kota.

    >>> is_region_name("Mataram"), is_region_name("Dadang")
    (True, False)
    """
    return word.lower() in lexicon().region_kinds


def unit_parts(name: str) -> tuple[str, bool, list[str]]:
    """A unit name's type, whether its head is a body by itself (a ministry, not a Dinas), and the
    other words of its name in order, lower-cased ("kabupaten" as "kab").

    >>> unit_parts("Dinas Kependudukan dan Pencatatan Sipil Kabupaten Ngawi")[1:]
    (False, ['kab', 'ngawi'])
    >>> unit_parts("Kemensos")[1:]
    (True, [])
    >>> unit_parts("UPT Samsat Manokwari") == unit_parts("Samsat Manokwari")
    True
    """
    lex = lexicon()
    text = _QUOTE_MARKS.sub("", name)
    match = lex.head.match(text)
    inner = lex.head.match(text, match[1] + 1) if match and match[2] in lex.wrappers else None
    match = inner or match          # "UPT Samsat Manokwari" is of the Samsat's type
    kind = lex.type_of.get(match[2], match[2]) if match else ""
    rest = text[match[1]:] if match else text
    words = ["kab" if w in ("kabupaten", "kab") else w for w in _WORDS.findall(rest.lower()) if w not in lex.fillers]
    return kind, bool(match) and match[2] in lex.standalone, list(dict.fromkeys(words))


def place_in(words: list[str]) -> str | None:
    """The longest run of ``words`` (lower case) that names a province, kabupaten or kota.

    >>> place_in(["kab", "bone", "bolango"]), place_in(["kelas", "i", "tpi", "yogyakarta"])
    ('bone bolango', 'yogyakarta')
    """
    known = lexicon().region_kinds
    for size in range(min(4, len(words)), 0, -1):
        for index in range(len(words) - size + 1):
            phrase = " ".join(words[index:index + size])
            if phrase in known:
                return phrase
    return None
