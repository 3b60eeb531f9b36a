"""Remove the debris scraped news text carries: rules from ``patterns/debris.tsv``.

Works line by line on text (HTML is first reduced to text by trafilatura, and
the same rules then catch what it left in, such as "Baca Juga" inserts).

>>> clean_text("Penulis :\\nHumas\\nIsi berita.\\nBaca Juga: Judul lain\\nLanjutan.\\nBerita Terkait\\n- Judul")
'Isi berita.\\nLanjutan.'
"""
from __future__ import annotations

import re

import ftfy
import regex

from ..rules.files import either
from ..rules.store import Rules, derived
from ..rules.tables import DEBRIS_ACTIONS


@derived
def _rules(rules: Rules) -> dict[str, list[regex.Pattern]]:
    groups: dict[str, list[regex.Pattern]] = {action: [] for action in DEBRIS_ACTIONS}
    for rule in rules.debris:
        groups[rule.action].append(rule.pattern)
    return groups


@derived
def _whole_line(rules: Rules, action: str) -> regex.Pattern | None:
    """The rules of one action as one pattern: each line is tried once, not once per rule."""
    return either(_rules(rules=rules)[action])


def _full(action: str, line: str) -> bool:
    pattern = _whole_line(action)
    return pattern is not None and pattern.fullmatch(line) is not None


def clean_lines(lines: list[str]) -> list[str]:
    rules = _rules()
    kept: list[str] = []
    skip_next = False
    for raw in lines:
        line = raw.strip()
        if skip_next:
            skip_next = False
            continue
        if not line:
            if kept and kept[-1]:
                kept.append("")
            continue
        if _full("cut_from", line):
            break
        if _full("drop_pair", line):
            skip_next = True
            continue
        if _full("drop_line", line):
            continue
        for pattern in rules["strip_prefix"]:
            line = pattern.sub("", line, count=1) if pattern.match(line) else line
        kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return kept


# Invisible characters scraped text carries (zero-width spaces and joiners, word joiner, BOM, soft
# hyphen, bidi marks) are dropped; every kind of space (no-break, narrow, figure, ideographic) is a space.
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACE = regex.compile(r"[^\S \n\t]")     # every white space but the ordinary space, line breaks and tabs


def normalise_text(text: str) -> str:
    """Mojibake repaired, line breaks as ``\\n``, invisible characters out, every space an ordinary space.

    UTF-8 read as windows-1252 ("â€œPrimaâ€") is put back by ftfy, a library made for it,
    which leaves text that is not mojibake as it is.

    >>> normalise_text("Pelayanan\\u200b\\u00a0Prima\\r\\nKota\\u202fBatu\\u00ad")
    'Pelayanan Prima\\nKota Batu'
    >>> normalise_text("predikat â€œInformatifâ€\\x9d di CafÃ© Sleman")
    'predikat “Informatif” di Café Sleman'
    """
    text = ftfy.fix_encoding(text.replace("\r\n", "\n").replace("\r", "\n"))
    return _SPACE.sub(" ", _INVISIBLE.sub("", text))


def clean_text(text: str) -> str:
    """Scraped article text -> the body without its debris, one paragraph a line."""
    text = normalise_text(text)
    return "\n".join(line for line in clean_lines(text.split("\n")) if line)
