"""Quotes and the officials who said them.

Direct quotes are paired across the whole text (curly or straight marks; a
quote that runs on into the next paragraph reopens there), then attributed by
the speech verb after them ("...," ujar NAME, ROLE) or a speaker before them
("NAME: “..."). Reported speech is NAME (ROLE) + a reporting verb
(mengatakan, menjelaskan, ...). Short forms ("kata Dadang") and pronouns
("katanya", "ia menambahkan") resolve to a full name said earlier. Verbs, titles
and role words are data in ``patterns/people/``.

>>> [(q.speaker, q.role, q.direct) for q in find_quotes('“Kami bangga,” ujar Dadang Iskandar, Inspektur Jenderal Kemensos. Dadang menambahkan, kerja keras berlanjut. “Terima kasih,” katanya.')]
[('Dadang Iskandar', 'Inspektur Jenderal Kemensos', True), ('Dadang Iskandar', 'Inspektur Jenderal Kemensos', False), ('Dadang Iskandar', 'Inspektur Jenderal Kemensos', True)]
>>> strip_titles("Prof. Dr. Diah Natalisa, MBA.")
'Diah Natalisa'
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

import regex

from ..rules.store import Rules, derived
from .gazetteer import GazetteerMatcher
from .sentences import is_abbreviation, split_sentences
from .predicates import find_predicates
from .schemes import scheme_evidence
from .units import find_units, is_region_name

_PRONOUNS = ("ia", "dia", "beliau")
_SPACES = regex.compile(r"\s+")
_NON_SPACE = regex.compile(r"\S+")
_PARENTHESES = regex.compile(r"\([^)]*\)")
_TRAILING_SETTING = regex.compile(r"\s+(?:dalam|saat|ketika|usai|seusai|di|selaku|sebagai)\s+[^,]*$")   # "Dadang dalam sambutannya", "X, selaku Ketua Tim"
_TRAILING_ROLE = regex.compile(r"\s*\(([^)]*)\)\s*$")                                   # "NAME (ROLE)" -> "NAME, ROLE"
_PRONOUN_END = regex.compile(r"(?:^|\s)(?:ia|dia|beliau)$", regex.IGNORECASE)
_DEGREE_SHAPE = r"\p{Lu}\p{Ll}?\.\s?\p{Lu}[\p{L}]{0,4}(?:\.\s?\p{Lu}[\p{L}]{0,4})?"   # S.STP, Sp.PD, M.Kes
_CLAUSE_END = (r"\s+(?:di|saat|ketika|dalam|pada|usai|seusai|selepas|kepada|menanggapi|terkait|mengenai|melalui|dengan|sambil|yang|sebelum|setelah)\b|\s*\((?=\d)|\s+-\s+|[.;:!?](?:\s|$)"
               r"|,\s*(?:{weekdays})\b|\n")
_CAPITALISED_RUN = regex.compile(
    r"(?:^|[\s,])((?:\p{Lu}[\p{L}'’.\-]*|\p{Lu}\.)(?:(?:[\s,]+|\s+(?:dan|&|serta)\s+)(?:\p{Lu}[\p{L}'’.\-]*|\(\p{Lu}[\p{L}]*\)|\p{Lu}\.))*)\s*,?$",
    regex.VERSION1)
_NAME_TOKEN = regex.compile(r"\p{Lu}[\p{L}'’\-]*\.?|\p{Lu}\.")


@dataclass(slots=True, frozen=True)
class QuoteCandidate:
    speaker: str
    speaker_text: str
    speaker_start: int
    speaker_end: int
    role: str | None
    quote: str
    direct: bool
    cue: str | None
    start: int
    end: int


@derived
def _lexicon(rules: Rules):
    after = sorted({verb for verb, position in rules.speech_verbs if position == "after"}, key=len, reverse=True)
    reported = sorted({verb for verb, position in rules.speech_verbs if position == "reported"}, key=len, reverse=True)
    prefixes = sorted((title for kind, title in rules.titles if kind == "prefix"), key=len, reverse=True)
    degrees = sorted((title for kind, title in rules.titles if kind == "degree"), key=len, reverse=True)
    roles = frozenset(w.lower() for w in rules.roles)
    alt = lambda words: "|".join(regex.escape(w) for w in words)
    degrees_at_end = r"(?:,?\s*(?:" + alt(d.rstrip(".") for d in degrees) + r"|" + _DEGREE_SHAPE + r")\.?)+\s*,?\s*$"
    return {
        "after": regex.compile(r"\s*[,.]?\s*(?P<verb>" + alt(after) + r")(?P<nya>nya)?\b(?!-)\s*(?P<rest>[^\n]{0,200})",
                               regex.IGNORECASE | regex.VERSION1),
        "reported": regex.compile(r"(?<![\p{L}])(?P<verb>" + alt(reported) + r")\b", regex.VERSION1),
        "prefix": regex.compile(r"^(?:(?:" + alt(prefixes) + r")\s+)+", regex.VERSION1),
        "degree": regex.compile(degrees_at_end, regex.VERSION1),
        # the same pattern read from the end: finds at once whether a text ends with degrees at all
        "ends_with_degree": regex.compile(degrees_at_end, regex.VERSION1 | regex.REVERSE),
        "roles": roles,
        "prefixes": frozenset(prefixes),
        "offices": frozenset(w.lower() for w in rules.offices),
        "office": GazetteerMatcher(rules.offices),
        "clause_end": _clause_end_pattern(rules.clause_weekdays),
    }


def _clause_end_pattern(weekdays: tuple[str, ...]) -> regex.Pattern:
    """Where a speaker clause ends: a preposition, a dateline's weekday after a comma, a sentence's end."""
    return regex.compile(_CLAUSE_END.format(weekdays="|".join(regex.escape(w) for w in weekdays)))


def _without_degrees(text: str, lex: dict) -> str:
    """``text`` without the degrees at its end ("..., S.H., M.Si"). Most texts end with none, which
    the pattern read from the end tells at once; read from the start, it is tried at every position."""
    return lex["degree"].sub("", text) if lex["ends_with_degree"].search(text) else text


def strip_titles(name: str) -> str:
    """A name without honorifics before it and degrees after it."""
    lex = _lexicon()
    name = _SPACES.sub(" ", name).strip(" ,")
    previous = None
    while previous != name:
        previous = name
        name = lex["prefix"].sub("", name).strip(" ,")
        name = _without_degrees(name, lex).strip(" ,")
    return name


def _is_name_word(word: str, lex: dict) -> bool:
    bare = word.rstrip(".")
    return bool(_NAME_TOKEN.fullmatch(word)) and bare.lower() not in lex["roles"] \
        and not (bare.isupper() and len(bare) > 1) and not is_region_name(word)


def _name_start(tokens: list[str], lex: dict) -> int:
    """Index of the first token of the name at the end of ``tokens`` (len(tokens) when there is none).

    After an honorific everything is the name ("H. Lalu Wira Pratama", though "Pratama" also names
    tax offices); else the name is the run of name-like words at the end, up to a comma, a role or
    institution word, an acronym or a region.
    """
    words = [t.strip(",()") for t in tokens]
    titles = [i for i, w in enumerate(words) if w in lex["prefixes"]]
    if titles and titles[-1] + 1 < len(tokens) and all(
            _NAME_TOKEN.fullmatch(w) and not t.endswith(",") for w, t in zip(words[titles[-1] + 1:-1], tokens[titles[-1] + 1:-1])):
        start = titles[-1]
        while start > 0 and words[start - 1] in lex["prefixes"]:
            start -= 1
        return start
    start = len(tokens)
    for index in range(len(tokens) - 1, -1, -1):
        if start < len(tokens) and tokens[index].endswith(","):
            break                        # a comma ends the name ("Wonosari, Suparjo")
        if not _is_name_word(words[index], lex):
            break
        start = index
    return start


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
    name = strip_titles(bare[offset:])
    prefix = lex["prefix"].match(bare[offset:])
    if prefix:
        offset += prefix.end()
    if not name or name.lower() in _PRONOUNS or len(name.split()) > 5 or _names_a_body(name):
        return phrase.strip(" ,") or None, None, len(phrase)
    role = bare[:found[name_start].start()].strip(" ,") or None
    return role, name, offset


def _names_a_body(name: str) -> bool:
    """True for a unit or a scheme, never a person's name ("Puskesmas Kembaran I", "Zona Integritas").

    >>> _names_a_body("Puskesmas Kembaran I"), _names_a_body("Zona Integritas"), _names_a_body("Rina Oktaviani")
    (True, True, False)
    """
    return bool(find_units(name)) or bool(scheme_evidence(name)) or bool(find_predicates(name))


_QUOTE_EVENT = regex.compile(r'[“”"]|\n')
_CLOSING = {"“": "”\"", '"': '"”'}   # scraped text mixes curly and straight marks


def _pair_quotes(text: str) -> list[tuple[int, int]]:
    r"""(start, end) of each direct quote, marks included; paragraphs may continue a quote.

    >>> t = '“Satu.\n“Dua,” kata A. "Tiga" dan “tak ditutup\nlagi.'
    >>> [t[a:b] for a, b in _pair_quotes(t)]
    ['“Satu.\n“Dua,”', '"Tiga"']
    """
    spans, open_at, mark = [], None, None
    skip_to = -1
    for event in _QUOTE_EVENT.finditer(text):
        index, char = event.start(), event.group(0)
        if index < skip_to:
            continue
        if open_at is None:
            if char in _CLOSING:
                open_at, mark = index, char
        elif char in _CLOSING[mark]:
            spans.append((open_at, index + 1))
            open_at = None
        elif char == "\n":
            if text[index + 1:index + 2] in _CLOSING:
                skip_to = index + 2      # a run-on quote reopens the next paragraph with a mark
            else:
                open_at = None           # an unclosed mark: not a quote
    return [(s, e) for s, e in spans if e - s > 3]


def introduced_people(text: str, sentences: list[tuple[int, int]]) -> list[str]:
    """Full names the article introduces with an office, quoted or not ("Piagam diterima Kapolres
    Bantul, AKBP Raditya Wisnu Pradana, S.I.K."), so that a later "kata Raditya" is that person."""
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
            if any(word.strip(".()") in lex["offices"] for word in office.split()) and name not in people:
                people.append(name)
    return people


class _Speakers:
    """Names said so far in an article, for short forms and pronouns."""

    def __init__(self, introduced: list[str] | None = None):
        self.full: list[str] = list(introduced or [])
        self.last: str | None = None
        self.roles: dict[str, str] = {}

    def resolve(self, name: str) -> str:
        """A short form ("Dadang", "Sri Hartati") -> the full name said earlier that holds its words."""
        words = {w.lower() for w in name.split()}
        for full in reversed(self.full):
            full_words = {w.lower() for w in full.split()}
            if words < full_words:
                return full
        return name

    def add(self, name: str, role: str | None) -> str:
        name = self.resolve(name)
        if len(name.split()) > 1 and name not in self.full:
            self.full.append(name)
        if role and name not in self.roles:
            self.roles[name] = role
        self.last = name
        return name


def _clause_end(rest: str) -> int:
    """Where the speaker clause after a speech verb ends; a full stop after an abbreviation does not end it."""
    for match in _lexicon()["clause_end"].finditer(rest):
        if match.group(0).startswith(".") and is_abbreviation(rest, match.start()):
            continue
        return match.start()
    return len(rest)


def _after_quote(text: str, end: int, speakers: _Speakers):
    lex = _lexicon()
    match = lex["after"].match(text, end)
    if not match:
        return None
    cue = match.group("verb") + (match.group("nya") or "")
    if match.group("nya"):
        return (speakers.last, None, None, None, cue) if speakers.last else None
    rest_start = match.start("rest")
    rest = match.group("rest")
    clause = rest[:_clause_end(rest)]
    parts, offset = [], 0
    for piece in clause.split(","):
        parts.append((piece, offset))
        offset += len(piece) + 1
    named = [(index, piece, offset, *split_role_name(piece)) for index, (piece, offset) in enumerate(parts)]
    named = [n for n in named if n[4]]
    if not named:
        return None
    index, piece, offset, role, name, name_offset = max(named, key=lambda n: (len(n[4].split()), -n[0]))
    other = [p.strip() for p, _ in parts[:index] if p.strip()] or [p.strip() for p, _ in parts[index + 1:index + 2]]
    role = role or (", ".join(other) if other else None)
    start = rest_start + offset + name_offset + (len(piece) - len(piece.lstrip()) if name_offset == 0 else 0)
    return name, role, start, start + len(name), cue


def _before_quote(text: str, start: int):
    """A speaker named just before a quote: 'NAME (ROLE):' or 'kata NAME:'."""
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start].rstrip()
    if not lead.endswith(":"):
        return None
    spans = split_sentences(lead[:-1])
    role, name, offset = split_role_name(_PARENTHESES.sub("", lead[spans[-1][0]:-1] if spans else ""))
    if not name:
        return None
    position = text.find(name, line_start, start)
    return (name, role, position, position + len(name), None) if position >= 0 else None


def _reported(text: str, sentence: tuple[int, int], speakers: _Speakers, quoted: list[tuple[int, int]]):
    lex = _lexicon()
    s_start, s_end = sentence
    for match in lex["reported"].finditer(text, s_start, s_end):
        if any(a <= match.start() < b for a, b in quoted):
            continue
        lead = text[s_start:match.start()]
        lead = _TRAILING_SETTING.sub("", lead.rstrip(" ,")).rstrip(" ,")
        lead = _TRAILING_ROLE.sub(r", \1", lead)
        if _PRONOUN_END.search(lead) and speakers.last:
            yield speakers.last, None, None, None, match.group("verb"), match.end()
            continue
        lead = _without_degrees(lead, lex)
        tail = _CAPITALISED_RUN.search(lead)
        if not tail:
            continue
        phrase = tail.group(1)
        role_part, name_part = (phrase.split(",", 1) + [""])[:2] if "," in phrase else (phrase, "")
        role, name, offset = split_role_name(phrase if not name_part.strip() else name_part)
        base = s_start + tail.start(1) + (len(role_part) + 1 if name_part.strip() else 0)
        if name and name_part.strip():
            role = role_part.strip() or role
            base += len(name_part) - len(name_part.lstrip())
        if not name:
            continue
        if len(name.split()) == 1 and not role and speakers.resolve(name) == name:
            continue    # a lone capitalised word before a verb is a name only when it was one before
        position = text.find(name.split()[0], base)
        yield name, role, position, position + len(name), match.group("verb"), match.end()


def find_quotes(text: str, sentences: list[tuple[int, int]] | None = None) -> list[QuoteCandidate]:
    """Every quote with its speaker, in text order."""
    sentences = sentences or split_sentences(text)
    quoted = _pair_quotes(text)
    events = []
    for start, end in quoted:
        events.append((start, "direct", (start, end)))
    for sentence in sentences:
        events.append((sentence[0], "sentence", sentence))
    events.sort(key=lambda e: (e[0], e[1] == "sentence"))
    speakers, found = _Speakers(introduced_people(text, sentences)), []
    for _, kind, (start, end) in events:
        if kind == "direct":
            who = _after_quote(text, end, speakers) or _before_quote(text, start)
            if who and who[0]:
                name, role, s_start, s_end, cue = who
                full = speakers.add(name, role)
                found.append(QuoteCandidate(full, name if s_start is not None else cue, s_start if s_start is not None else end,
                                            s_end if s_end is not None else end, role or speakers.roles.get(full),
                                            text[start + 1:end - 1].strip(), True, cue, start, end))
        else:
            for name, role, s_start, s_end, verb, verb_end in _reported(text, (start, end), speakers, quoted):
                full = speakers.add(name, role)
                quote = text[verb_end:end].strip(" ,.:")
                found.append(QuoteCandidate(full, text[s_start:s_end] if s_start is not None else verb,
                                            s_start if s_start is not None else verb_end - len(verb),
                                            s_end if s_end is not None else verb_end, role or speakers.roles.get(full),
                                            quote, False, verb, start, end))
    return found
