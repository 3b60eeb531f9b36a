"""The people an article quotes: names told from the roles and titles around them, and the names
said so far, to which short forms and pronouns resolve. Titles, roles and offices are data in
``patterns/people/``.

>>> strip_titles("Prof. Dr. Diah Natalisa, MBA.")
'Diah Natalisa'
"""
from __future__ import annotations

import bisect
import itertools

import regex
from rapidfuzz import fuzz

from ..rules.store import Rules, derived
from .gazetteer import GazetteerMatcher
from .predicates import find_predicates
from .schemes import scheme_evidence
from .awarders import awarder_of
from .unit_lexicon import lexicon as unit_lexicon
from .unit_names import is_region_name
from .units import find_units

_SPACES = regex.compile(r"\s+")
_NON_SPACE = regex.compile(r"\S+")
_DEGREE_SHAPE = r"\p{Lu}\p{Ll}?\.\s?\p{Lu}[\p{L}]{0,4}(?:\.\s?\p{Lu}[\p{L}]{0,4})?"   # S.STP, Sp.PD, M.Kes
_NAME_TOKEN = regex.compile(r"\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.")


@derived
def _lexicon(rules: Rules):
    prefixes = sorted((title for kind, title in rules.titles if kind == "prefix"), key=len, reverse=True)
    degrees = sorted((title for kind, title in rules.titles if kind == "degree"), key=len, reverse=True)
    alt = lambda words: "|".join(regex.escape(w) for w in words)
    degrees_at_end = r"(?:,?\s*(?:" + alt(d.rstrip(".") for d in degrees) + r"|" + _DEGREE_SHAPE + r")\.?)+\s*,?\s*$"
    return {
        "prefix": regex.compile(r"^(?:(?:" + alt(prefixes) + r")\s+)+", regex.VERSION1),
        "degree": regex.compile(degrees_at_end, regex.VERSION1),
        # the same pattern read from the end: finds at once whether a text ends with degrees at all
        "ends_with_degree": regex.compile(degrees_at_end, regex.VERSION1 | regex.REVERSE),
        "roles": frozenset(w.lower() for w in rules.roles + rules.connectives + rules.clause_weekdays),
        "prefixes": frozenset(prefixes),
        "offices": frozenset(w.lower() for w in rules.offices),
        "office": GazetteerMatcher(rules.offices),
        "pronouns": frozenset(w.lower() for w in rules.pronouns),
        "openers": {tuple(opener.split()): expansion for opener, expansion in rules.name_openers},
    }


def without_degrees(text: str) -> str:
    """``text`` without the degrees at its end ("..., S.H., M.Si")."""
    return _without_degrees(text, _lexicon())


def _without_degrees(text: str, lex: dict) -> str:
    """``text`` without the degrees at its end ("..., S.H., M.Si"). Most texts end with none, which
    the pattern read from the end tells at once; read from the start, it is tried at every position."""
    if not lex["ends_with_degree"].search(text):
        return text
    found = lex["degree"].search(text)
    return text if found is None or not text[:found.start()].strip() else text[:found.start()]   # "M. Anwar" is a name


def strip_titles(name: str) -> str:
    """A name without honorifics before it and degrees after it."""
    lex = _lexicon()
    name = _SPACES.sub(" ", name.replace("(", " ").replace(")", " ")).strip(" ,")   # "(Kombes Pol) Rudi"
    previous = None
    while previous != name:
        previous = name
        name = lex["prefix"].sub("", name).strip(" ,")
        name = _without_degrees(name, lex).strip(" ,")
    return name


def has_honorific(phrase: str) -> bool:
    """True when ``phrase`` starts with an honorific or a rank ("dr. Rina", "Irjen Pol Nico")."""
    return _lexicon()["prefix"].match(phrase.strip()) is not None


def _is_name_word(word: str, lex: dict) -> bool:
    bare = word.rstrip(".")
    if (bare,) in lex["openers"]:
        return True                      # "IB" in "IB Wyasa Putra"
    return bool(_NAME_TOKEN.fullmatch(word)) and bare.lower() not in lex["roles"] \
        and not (bare.isupper() and len(bare) > 1) and not is_region_name(word) \
        and bare.lower() not in unit_lexicon().kinds and awarder_of(bare) is None   # "KemenPAN-RB", "BPS"


def _name_start(tokens: list[str], lex: dict) -> int:
    """Index of the first token of the name at the end of ``tokens`` (len(tokens) when there is none).

    After an honorific everything is the name ("H. Lalu Wira Pratama", though "Pratama" also names
    tax offices); else the name is the run of name-like words at the end, up to a comma, a role or
    institution word, an acronym or a region.
    """
    words = [t.strip(",()") for t in tokens]
    titles = [i for i, w in enumerate(words) if w in lex["prefixes"]]
    if titles and titles[-1] + 1 < len(tokens) and all(
            _NAME_TOKEN.fullmatch(w) for w in words[titles[-1] + 1:]) and not any(
            t.endswith(",") for t in tokens[titles[-1] + 1:-1]):
        start = titles[-1]
        while start > 0 and words[start - 1] in lex["prefixes"]:
            start -= 1
        return start
    opener = _opener_start(tokens, words, lex)
    if opener is not None:
        return opener
    start = len(tokens)
    for index in range(len(tokens) - 1, -1, -1):
        if start < len(tokens) and tokens[index].endswith(","):
            break                        # a comma ends the name ("Wonosari, Suparjo")
        if not (_is_name_word(words[index], lex) or (index == len(tokens) - 1 and _trailing_initials(words[index], lex))):
            break
        start = index
    return start


def _opener_start(tokens: list[str], words: list[str], lex: dict) -> int | None:
    """Where a name opened by a word of ``people/name_openers.tsv`` starts ("I Gusti Ngurah Jaya Negara":
    all that follows is the name, up to the end, a role word notwithstanding), or None."""
    for index in range(len(words)):
        for size in (2, 1):
            if tuple(words[index:index + size]) in lex["openers"] and index + size < len(words) \
                    and not any(t.endswith(",") for t in tokens[index:-1]) \
                    and all(_NAME_TOKEN.fullmatch(w) for w in words[index + size:]):
                return index
    return None


_INITIALS = regex.compile(r"\p{Lu}{2,3}")


def _trailing_initials(word: str, lex: dict) -> bool:
    """Initials closing a name that are no degree ("Agus Triharto HS"): kept as part of it."""
    return bool(_INITIALS.fullmatch(word)) and word.lower() not in lex["roles"] and not is_region_name(word) \
        and word.lower() not in unit_lexicon().kinds and awarder_of(word) is None


def split_role_name(phrase: str) -> tuple[str | None, str | None, int]:
    """A capitalised phrase -> (role, name, offset of the name in the phrase).

    >>> split_role_name("Dirjen Rehabilitasi Sosial Harry Hikmat")
    ('Dirjen Rehabilitasi Sosial', 'Harry Hikmat', 27)
    >>> split_role_name("Pelaksana Sentra Paramita Mataram")[1] is None
    True
    >>> split_role_name("Kepala Rutan Kelas IIB Wonosari, Suparjo")[:2]
    ('Kepala Rutan Kelas IIB Wonosari', 'Suparjo')
    >>> split_role_name("Direktur RSUD Daya, dr. Hj. Nurul Hikmah Ramadhani, Sp.PD")[:2]
    ('Direktur RSUD Daya', 'Nurul Hikmah Ramadhani')
    """
    lex = _lexicon()
    bare = _without_degrees(phrase.rstrip(" ,."), lex).rstrip(" ,")
    found = list(_NON_SPACE.finditer(bare))
    name_start = _name_start([m.group(0) for m in found], lex)
    if name_start == len(found):
        return phrase.strip(" ,") or None, None, len(phrase)
    offset = found[name_start].start()
    region = _leading_region(bare[offset:])   # "Gubernur Jawa Tengah Nana Sudjana": the place ends the role
    offset += region
    name = strip_titles(bare[offset:])
    prefix = lex["prefix"].match(bare[offset:])
    if prefix:
        offset += prefix.end()
    if not name or name.lower() in lex["pronouns"] or len(name.split()) > 5 or is_region_name(name) \
            or _names_a_body(name):
        return phrase.strip(" ,") or None, None, len(phrase)
    role = bare[:found[name_start].start() + region].strip(" ,") or None
    return role, name, offset


def _leading_region(phrase: str) -> int:
    """The length of a region's name of several words at the start of ``phrase`` (with the space after it)."""
    words = phrase.split(" ")
    for size in (3, 2):
        if len(words) > size and is_region_name(" ".join(words[:size])):
            return len(" ".join(words[:size])) + 1
    return 0


def _names_a_body(name: str) -> bool:
    """True for a unit or a scheme, never a person's name ("Puskesmas Kembaran I", "Zona Integritas").

    >>> _names_a_body("Puskesmas Kembaran I"), _names_a_body("Zona Integritas"), _names_a_body("Rina Oktaviani")
    (True, True, False)
    """
    return bool(find_units(name)) or bool(scheme_evidence(name)) or bool(find_predicates(name))


def introduced_people(text: str, sentences: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """(full name, office) of the people the article introduces with an office, quoted or not ("Piagam
    diterima Kapolres Bantul, AKBP Raditya Wisnu Pradana, S.I.K."), so that a later "kata Raditya"
    or "Kapolres menjelaskan" is that person."""
    lex = _lexicon()
    offices = [start for start, _, _, _ in lex["office"].finditer(text)]   # found once for the article
    people = []
    for start, end in sentences:
        first = bisect.bisect_left(offices, start)
        if first == len(offices) or offices[first] >= end:
            continue
        pieces = text[start:end].split(",")
        bounds = list(itertools.accumulate([start] + [len(p) + 1 for p in pieces]))
        has_office = [bisect.bisect_left(offices, a) < bisect.bisect_left(offices, b) for a, b in zip(bounds, bounds[1:])]
        for index, piece in enumerate(pieces):
            if not (has_office[index] or (index and has_office[index - 1])):
                continue
            role, name, _ = split_role_name(piece)
            if not name or len(name.split()) < 2:
                continue
            office = " ".join(filter(None, [pieces[index - 1] if index else "", role or ""])).lower()
            if any(word.strip(".()") in lex["offices"] for word in office.split()) and name not in dict(people):
                people.append((name, office))
    return people


def full_name_in(text: str, short: str) -> str | None:
    """The longest full name in ``text`` that holds the one-word name ``short`` ("kata Diah" after
    "Deputi Bidang Pelayanan Publik Diah Natalisa", wherever the article says it), or None.

    >>> full_name_in("Hal itu disampaikan Deputi Diah Natalisa. Diah menegaskan ...", "Diah")
    'Diah Natalisa'
    >>> full_name_in("Kepala Dinas Muhammad Imanuddin hadir.", "Imanuddin"), full_name_in("Diah hadir.", "Diah")
    ('Muhammad Imanuddin', None)
    """
    lex = _lexicon()
    best: list[str] = []
    for match in regex.finditer(r"(?<![\p{L}\-])" + regex.escape(short) + r"(?![\p{L}\-])", text):
        left = [w for w in _NON_SPACE.findall(text[max(0, match.start() - 80):match.start()])][-3:]
        right = _NON_SPACE.findall(text[match.end():match.end() + 80])[:3]
        before = []
        for word in reversed(left):
            if word.endswith((",", ".")) or not _is_name_word(word, lex) or word in lex["prefixes"]:
                break
            before.insert(0, word)
        after = []
        for word in right:
            bare = word.rstrip(",.")
            if not bare or not _is_name_word(bare, lex):
                break
            after.append(bare)
            if word != bare:
                break
        name = before + [short] + after
        if len(name) > len(best):
            best = name
    return " ".join(best) if len(best) > 1 else None


_MISSPELT_MIN_LETTERS = 6   # shorter names are too often other names one letter apart (Diah, Dian)
_MISSPELT_RATIO = 80        # rapidfuzz ratio of a misspelt name to the word it stands for


def expand_openers(name: str) -> str:
    """A name with the abbreviated opener written in full: "IB Wyasa Putra" -> "Ida Bagus Wyasa Putra"."""
    first, _, rest = name.partition(" ")
    full = _lexicon()["openers"].get((first,))
    return f"{full} {rest}" if full and rest else name


class Speakers:
    """Names said so far in an article, for short forms and pronouns."""

    def __init__(self, introduced: list[tuple[str, str]] | None = None):
        self.full: list[str] = [name for name, _ in introduced or []]
        self.offices: list[tuple[str, str]] = list(introduced or [])   # (name, office in lower case)
        self.last: str | None = None
        self.roles: dict[str, str] = {}

    def holder_of(self, role: str) -> str | None:
        """The one person introduced with an office that holds every word of ``role`` ("Walikota
        menjelaskan" after "diterima Walikota Administrasi Jakarta Timur, M. Anwar")."""
        words = set(role.lower().split())
        holders = {name for name, office in self.offices if words and words <= set(office.split())}
        return holders.pop() if len(holders) == 1 else None

    def resolve(self, name: str, with_office: bool = False) -> str:
        """A short form ("Dadang", "Sri Hartati") -> the full name said earlier that holds its words. A
        name written with its office ("Gubernur X Nana Sudjana mengatakan") is introduced again as
        written: an earlier form that only adds initials to it ("Nana Sudjana AS") is not its name."""
        words = {w.lower() for w in name.split()}
        for full in reversed(self.full):
            full_words = {w.lower() for w in expand_openers(full).split()} | {w.lower() for w in full.split()}
            if words < full_words:
                added = [w for w in full.split() if w.lower() not in words]
                if with_office and len(words) > 1 and all(_INITIALS.fullmatch(w) for w in added):
                    return name
                return full
        return self._misspelt(name)

    def _misspelt(self, name: str) -> str:
        """A one-word name misspelt ("Abdulhadi" for the "Abdulhamid Dipopramono" introduced): the one
        full name with a word this close to it, else ``name``."""
        if " " in name or len(name) < _MISSPELT_MIN_LETTERS:
            return name
        close = {full for full in self.full for word in full.split()
                 if word[0].lower() == name[0].lower() and fuzz.ratio(word.lower(), name.lower()) >= _MISSPELT_RATIO}
        return close.pop() if len(close) == 1 else name

    def add(self, name: str, role: str | None) -> str:
        name = self.resolve(name, with_office=bool(role))
        if len(name.split()) > 1 and name not in self.full:
            self.full.append(name)
        if role and name not in self.roles:
            self.roles[name] = role
        self.last = name
        return name
