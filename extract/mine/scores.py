"""Evaluation scores: find numbers that are scores and read them as floats.

Indonesian writes a decimal comma and a thousands dot (``81,05`` is 81.05,
``1.028`` is 1028) but sites also print ``3.84`` for an index; the cues in
``patterns/scores.tsv`` decide which numbers are scores at all.

>>> parse_decimal("81,05"), parse_decimal("1.028"), parse_decimal("3.84"), parse_decimal("4,00")
(81.05, 1028.0, 3.84, 4.0)
>>> parse_decimal("1.234,5"), parse_decimal("abc")
(1234.5, None)
>>> [(s.text, s.value) for s in find_scores("Kemensos memperoleh nilai 81,05 dari 5 produk layanan.")]
[('81,05', 81.05)]
>>> find_scores("Terdapat 1.028 UPP dan Rp2.509 triliun menurut UU No 25 Tahun 2009.")
[]
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..rules.files import either
from ..rules.store import Rules, derived
from ..rules.tables import SCORE_KINDS

_NUMBER = regex.compile(r"(?<![\w.,/-])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w/]|[.,]\d)|(?<![\w.,/-])\d+(?:[.,]\d+)?(?![\w/]|[.,]\d)")
MAX_SCORE = 100.0
_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")     # 1.028, 1.234,5
_DECIMAL_COMMA = regex.compile(r"\d+(?:,\d+)?")                 # 81,05
_DECIMAL_DOT = regex.compile(r"\d+\.\d+")                        # 3.84
_DECIMAL_TAIL = regex.compile(r"[.,]\d{1,2}$")
_CELL_OPEN = regex.compile(r"\|[ \t]*$")
_CELL_CLOSE = regex.compile(r"[ \t]*\|")
_WINDOW = 60
_PERCENT = regex.compile(r"\s*(?:%|persen)\b")


@dataclass(slots=True, frozen=True)
class ScoreCandidate:
    text: str
    start: int
    end: int
    value: float
    rule_id: str


def parse_decimal(text: str) -> float | None:
    """A number as Indonesian news writes it -> float, or None."""
    text = text.strip()
    if _THOUSANDS.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.fullmatch(text):
        return float(text.replace(",", "."))
    if _DECIMAL_DOT.fullmatch(text):
        return float(text)
    return None


_LOOKING_BACK = ("cue", "block_before")    # end where the number starts ($); only whether they match counts


@derived
def _rules(rules: Rules) -> dict[str, list[tuple[str, regex.Pattern]]]:
    """Each kind's patterns with their rule ids (score.cue.1, ...). The patterns that end where the
    number starts are matched from their end (REVERSE): the same texts match, without trying every
    start in the window before the number. Cues come strong ones first (see :func:`classify_number`)."""
    groups: dict[str, list[tuple[str, regex.Pattern]]] = {kind: [] for kind in SCORE_KINDS}
    for rule in rules.scores:
        pattern = rule.pattern
        if rule.kind in _LOOKING_BACK:
            pattern = regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)
        groups[rule.kind].append((rule.id, pattern))
    return groups


@derived
def _cue_roles(rules: Rules) -> dict[str, list[tuple[str, regex.Pattern]]]:
    """The cues by role: ``strong`` and ``in_context``, each in file order."""
    roles = {rule.id: rule.role for rule in rules.scores}
    out: dict[str, list[tuple[str, regex.Pattern]]] = {"strong": [], "in_context": []}
    for rule_id, pattern in _rules(rules=rules)["cue"]:
        out[roles[rule_id]].append((rule_id, pattern))
    return out


@derived
def _either(rules: Rules, kind: str) -> regex.Pattern | None:
    """A kind's rules as one pattern, where only whether any of them matches counts."""
    return either([pattern for _, pattern in _rules(rules=rules)[kind]])


def _any(kind: str, text: str, rules: Rules | None = None) -> bool:
    pattern = _either(kind, rules=rules)
    return pattern is not None and pattern.search(text) is not None


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``start:end`` and the one before it (a score may follow its topic)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    left = max(text.rfind(". ", 0, left), text.rfind("\n", 0, left)) + 1 if left > 0 else 0
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    return text[left:min(right_candidates) if right_candidates else len(text)]


def _in_table_cell(text: str, start: int, end: int) -> bool:
    """The number is alone in a cell of a table row ("| 4,63 |")."""
    return bool(_CELL_OPEN.search(text[max(0, start - 5):start]) and _CELL_CLOSE.match(text[end:end + 5]))


def _table_talks_of_scores(text: str, start: int, rules: Rules | None = None) -> bool:
    """The rows of the table above the number (its header) name an evaluation result."""
    table_start = start
    while True:
        line_start = text.rfind("\n", 0, table_start - 1) + 1 if table_start > 0 else 0
        if line_start >= table_start or not text.startswith("|", line_start):
            break
        table_start = line_start
    header = text[table_start:start]
    return _any("context", header, rules)


def classify_number(text: str, start: int, end: int, rules: Rules | None = None) -> str | None:
    """The rule id that makes ``text[start:end]`` a score, or None when it is not one."""
    cues = _cue_roles(rules=rules)
    before, after = text[max(0, start - _WINDOW):start], text[end:end + _WINDOW]
    if _any("block_before", before, rules):
        return None
    strong = next((rule_id for rule_id, pattern in cues["strong"] if pattern.search(before)), None)
    if _any("block_after", after, rules) and not (strong and _PERCENT.match(after)):
        return None    # a count, a range, a percentage of anything but a result ("nilai 80 persen" is one)
    if strong:
        return strong
    surface = text[start:end]
    has_decimal = _DECIMAL_TAIL.search(surface) is not None
    if has_decimal and _in_table_cell(text, start, end) and _table_talks_of_scores(text, start, rules):
        return "score.table_cell"
    sentence = _sentence_around(text, start, end)
    in_context = _any("context", sentence, rules)
    if in_context:
        for rule_id, pattern in cues["in_context"]:
            if pattern.search(before) and has_decimal:
                return rule_id
        if has_decimal:
            return "score.decimal_in_context"
    return None


def find_scores(text: str, rules: Rules | None = None) -> list[ScoreCandidate]:
    found = []
    for match in _NUMBER.finditer(text):
        value = parse_decimal(match.group(0))
        if value is None or value > MAX_SCORE:
            continue
        rule_id = classify_number(text, *match.span(), rules=rules)
        if rule_id:
            found.append(ScoreCandidate(match.group(0), match.start(), match.end(), value, rule_id))
    return found
