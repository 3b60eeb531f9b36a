"""Quotes and the officials who said them.

Direct quotes are paired across the whole text (curly or straight marks; a
quote that runs on into the next paragraph reopens there), then attributed by
the speech verb after them ("...," ujar NAME, ROLE) or a speaker before them
("NAME: “..."). Reported speech is NAME (ROLE) + a reporting verb
(mengatakan, menjelaskan, ...). Short forms ("kata Dadang") and pronouns
("katanya", "ia menambahkan") resolve to a full name said earlier. Verbs, titles
and role words are data in ``patterns/people/``; the speakers' names are read by
:mod:`extract.mine.speakers`.

>>> [(q.speaker, q.role, q.direct) for q in find_quotes('“Kami bangga,” ujar Dadang Iskandar, Inspektur Jenderal Kemensos. Dadang menambahkan, kerja keras berlanjut. “Terima kasih,” katanya.')]
[('Dadang Iskandar', 'Inspektur Jenderal Kemensos', True), ('Dadang Iskandar', 'Inspektur Jenderal Kemensos', False), ('Dadang Iskandar', 'Inspektur Jenderal Kemensos', True)]
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import regex

from ..rules.store import Rules, derived
from .sentences import is_abbreviation, split_sentences
from .speakers import Speakers, full_name_in, has_honorific, introduced_people, split_role_name, without_degrees

_PARENTHESES = regex.compile(r"\([^)]*\)")
_TRAILING_ROLE = regex.compile(r"\s*\(([^)]*)\)\s*$")                                   # "NAME (ROLE)" -> "NAME, ROLE"
_CLAUSE_END = r"\s+(?:{words})\b|\s*\((?=\d)|\s+-\s+|[.;:!?](?:\s|$)|,\s*(?:{weekdays})\b|\n"
_CAPITALISED_RUN = regex.compile(
    r"(?:^|[\s,])((?:\p{Lu}[\p{L}'’.\-]*|\p{Lu}\.)(?:(?:[\s,]+|\s+(?:dan|&|serta)\s+)(?:\p{Lu}[\p{L}'’.\-]*|\(\p{Lu}[\p{L}]*\)|\p{Lu}\.))*)\s*,?$",
    regex.VERSION1)


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
    alt = lambda words: "|".join(regex.escape(w) for w in words)
    return {
        "after": regex.compile(r"\s*[,.]?\s*(?P<verb>" + alt(after) + r")(?P<nya>nya)?\b(?!-)\s*(?P<rest>[^\n]{0,200})",
                               regex.IGNORECASE | regex.VERSION1),
        "reported": regex.compile(r"(?<![\p{L}])(?P<verb>" + alt(reported) + r")\b", regex.VERSION1),
        "clause_end": _clause_end_pattern(rules.clause_ends, rules.clause_weekdays),
        # "Dadang dalam sambutannya", "X, selaku Ketua Tim": the setting after a name
        "trailing_setting": regex.compile(r"\s+(?:" + alt(rules.speaker_settings) + r")\s+[^,]*$"),
        # "X dalam keterangan tertulis di Solok, Jumat menyampaikan": the day the words were said
        "trailing_weekday": regex.compile(r"[,\s]+(?:" + alt(rules.clause_weekdays) + r")(?:\s*\([^)]*\))?\s*$"),
        "pronoun_end": regex.compile(r"(?:^|\s)(?:" + alt(rules.pronouns) + r")$", regex.IGNORECASE),
    }


def _clause_end_pattern(words: tuple[str, ...], weekdays: tuple[str, ...]) -> regex.Pattern:
    """Where a speaker clause ends: a preposition, a dateline's weekday after a comma, a sentence's end."""
    alt = lambda items: "|".join(regex.escape(w) for w in items)
    return regex.compile(_CLAUSE_END.format(words=alt(words), weekdays=alt(weekdays)))


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


def _clause_end(rest: str) -> int:
    """Where the speaker clause after a speech verb ends; a full stop after an abbreviation does not end it."""
    for match in _lexicon()["clause_end"].finditer(rest):
        if match.group(0).startswith(".") and is_abbreviation(rest, match.start()):
            continue
        return match.start()
    return len(rest)


def _after_quote(text: str, end: int, speakers: Speakers):
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
    # the name with an honorific ("dr. Rina Oktaviani"), else the longest, else the first
    index, piece, offset, role, name, name_offset = max(
        named, key=lambda n: (has_honorific(n[1]), len(n[4].split()), -n[0]))
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


def _reported(text: str, sentence: tuple[int, int], speakers: Speakers, quoted: list[tuple[int, int]]):
    lex = _lexicon()
    s_start, s_end = sentence
    for match in lex["reported"].finditer(text, s_start, s_end):
        if any(a <= match.start() < b for a, b in quoted):
            continue
        whole = lex["trailing_weekday"].sub("", text[s_start:match.start()].rstrip(" ,")).rstrip(" ,")
        lead = lex["trailing_setting"].sub("", whole).rstrip(" ,")
        if lex["pronoun_end"].search(lead) and speakers.last:
            yield speakers.last, None, None, None, match.group("verb"), match.end()
            continue
        # the setting after the name ("Dadang dalam sambutannya"), else a place before it ("di Bali I Wayan")
        found = _named_in_lead(text, s_start, lead, speakers) or \
            (_named_in_lead(text, s_start, whole, speakers) if lead != whole else None)
        if found:
            yield *found, match.group("verb"), match.end()
        elif (holder := _office_holder(lead, speakers)) is not None:
            yield holder, None, None, None, match.group("verb"), match.end()


def _office_holder(lead: str, speakers: Speakers) -> str | None:
    """The person a subject that is only an office stands for ("Walikota menjelaskan")."""
    tail = _CAPITALISED_RUN.search(lead)
    if not tail or not _SENTENCE_OPENING.fullmatch(lead[:tail.start(1)]):
        return None
    role, name, _ = split_role_name(tail.group(1))
    return speakers.holder_of(role) if role and not name else None


_SENTENCE_OPENING = regex.compile(r"[\W\p{Ll}]*", regex.VERSION1)   # "Secara khusus, " before the subject


def _named_in_lead(text: str, s_start: int, lead: str, speakers: Speakers):
    """(name, role, start, end) of the speaker at the end of the words before a speech verb, or None."""
    lead = without_degrees(_TRAILING_ROLE.sub(r", \1", lead))
    tail = _CAPITALISED_RUN.search(lead)
    if not tail:
        return None
    phrase = tail.group(1)
    role_part, name_part = (phrase.split(",", 1) + [""])[:2] if "," in phrase else (phrase, "")
    role, name, offset = split_role_name(phrase if not name_part.strip() else name_part)
    base = s_start + tail.start(1) + (len(role_part) + 1 if name_part.strip() else 0)
    if name and name_part.strip():
        role = role_part.strip() or role
        base += len(name_part) - len(name_part.lstrip())
    if not name:
        return None
    if len(name.split()) == 1 and not role and speakers.resolve(name) == name:
        return None    # a lone capitalised word before a verb is a name only when it was one before
    position = text.find(name.split()[0], base)
    return name, role, position, position + len(name)


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
    speakers, found = Speakers(introduced_people(text, sentences)), []
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
    return [_with_full_name(text, quote, speakers) for quote in found]


def _with_full_name(text: str, quote: QuoteCandidate, speakers: Speakers) -> QuoteCandidate:
    """A speaker known only by one name ("kata Diah") takes the full name said anywhere in the article,
    after the quote too (a caption, a closing paragraph)."""
    if " " in quote.speaker:
        return quote
    full = speakers.resolve(quote.speaker)
    full = full if full != quote.speaker else full_name_in(text, quote.speaker)
    return replace(quote, speaker=full, role=quote.role or speakers.roles.get(full)) if full else quote
