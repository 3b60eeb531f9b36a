"""The typed rows of each rule file, read and validated: one reader a file of ``patterns/``.

Each reader takes the patterns directory and returns a tuple of frozen rows; a bad entry raises
:class:`~extract.rules.files.PatternError` naming its file and line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import regex

from .files import compile_rule, float_or_none, read_rule_table, read_words, row_error, split_aliases

CUE_KINDS = ("aspiration", "award", "via", "enumeration", "not_recipient", "anaphor", "plural", "superseded",
             "clause", "aggregate", "year", "giver", "group")
SCORE_KINDS = ("cue", "context", "block_before", "block_after")
SCORE_ROLES = {"cue": ("strong", "in_context")}
PLACE_ROLES = ("country", "centre", "office_prefix", "office", "at", "government", "region_head", "region_short",
               "government_short")
DEBRIS_ACTIONS = ("cut_from", "drop_line", "drop_pair", "strip_prefix")


@dataclass(slots=True, frozen=True)
class Cue:
    """A row of claims.tsv: a cue the claim assembler reads (case-insensitive)."""
    id: str
    kind: str
    pattern: regex.Pattern


@dataclass(slots=True, frozen=True)
class ScoreRule:
    """A row of scores.tsv; ``role`` tells a strong cue from one that needs a result's context."""
    id: str
    kind: str
    role: str
    pattern: regex.Pattern


@dataclass(slots=True, frozen=True)
class DebrisRule:
    action: str
    pattern: regex.Pattern


@dataclass(slots=True, frozen=True)
class Scheme:
    scheme: str
    name: str
    awarder: str | None                 # None: the awarder is whoever the article names (scheme "other")
    score_min: float | None
    score_max: float | None
    first_year: int | None
    last_year: int | None
    aliases: tuple[str, ...]

    def ran_in(self, year: int | None) -> bool:
        """True when the scheme gave results in ``year`` (or the year is unknown)."""
        return year is None or ((self.first_year or year) <= year <= (self.last_year or year))


@dataclass(slots=True, frozen=True)
class PredicateRule:
    """A row of predicates.tsv: one label of a scheme and the phrases that name it."""
    id: str
    scheme: str
    label: str
    grade: str | None
    band_min: float | None
    band_max: float | None
    phrases: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class RankRule:
    """A row of ranks.tsv (group ``n``: the place's ordinal, or ``place``)."""
    id: str
    pattern: regex.Pattern
    place: int | None = None
    relative: bool = False        # place counts on from the rank named before it ("tepat di bawahnya": +1)


@dataclass(slots=True, frozen=True)
class OpenLabelRule:
    """A row of open_labels.tsv (group ``label``). ``last``: tried only where no scheme's label, grade or
    rank was found (a label named after an award word); else first, its words taking precedence over
    a scheme's phrase inside it ("Top 10 Pengelolaan Pengaduan Pelayanan Publik")."""
    id: str
    pattern: regex.Pattern
    last: bool = False
    gate: tuple[str, ...] = ()    # words one of which a page must hold for the pattern to match


@dataclass(slots=True, frozen=True)
class GradeRule:
    grade: str
    scheme: str
    label: str


@dataclass(slots=True, frozen=True)
class Awarder:
    awarder: str
    aliases: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class DateRow:
    """A row of dates.tsv: a month, weekday or relative word with its value, or a candidate pattern."""
    kind: str
    name: str
    value: str
    needs: str
    starts: str
    where: str


@dataclass(slots=True, frozen=True)
class UnitHead:
    head: str
    kind: str
    standalone: bool
    expansion: str


@dataclass(slots=True, frozen=True)
class NamedBody:
    """A row of units/agencies.tsv or units/regions.tsv: a kind, a name and its aliases."""
    kind: str
    name: str
    aliases: tuple[str, ...]
    province: str = ""           # regions.tsv: the province of a kabupaten or kota


@dataclass(slots=True, frozen=True)
class LanguageWords:
    lang: str
    name: str
    words: frozenset[str]


RULE_ID = regex.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9][a-z0-9_\-]*)+")   # dotted, lower case: cue.award.obtained


def check_ids(rows: list[dict[str, str]], prefix: Callable[[dict[str, str]], str] = lambda row: "") -> None:
    """Each row's ``id`` is a dotted lower-case rule id starting with ``prefix(row)``, used once in its file;
    a bad one raises :class:`PatternError` naming the file and line."""
    seen: set[str] = set()
    for row in rows:
        rule_id, start = row["id"], prefix(row)
        if not RULE_ID.fullmatch(rule_id) or not rule_id.startswith(start):
            raise row_error(row, f"bad id {rule_id!r}: expected a dotted lower-case id starting with {start!r}")
        if rule_id in seen:
            raise row_error(row, f"id {rule_id!r} is used twice")
        seen.add(rule_id)


def _id_rows(directory: Path, name: str, kinds: tuple[str, ...], kind_column: str = "kind",
             prefix: Callable[[dict[str, str]], str] = lambda row: "") -> list[dict[str, str]]:
    rows = read_rule_table(name, required=("id", kind_column, "pattern"), directory=directory)
    for row in rows:
        if row[kind_column] not in kinds:
            raise row_error(row, f"unknown {kind_column} {row[kind_column]!r}; expected one of {kinds}")
    check_ids(rows, prefix)
    return rows


def read_cues(directory: Path) -> tuple[Cue, ...]:
    return tuple(Cue(row["id"], row["kind"], compile_rule(row, flags=regex.IGNORECASE))
                 for row in _id_rows(directory, "claims.tsv", CUE_KINDS, prefix=lambda row: f"cue.{row['kind']}."))


def read_score_rules(directory: Path) -> tuple[ScoreRule, ...]:
    rules = []
    for row in _id_rows(directory, "scores.tsv", SCORE_KINDS):
        roles = SCORE_ROLES.get(row["kind"], ("",))
        if row.get("role", "") not in roles:
            raise row_error(row, f"role of a {row['kind']} rule must be one of {roles}, not {row.get('role')!r}")
        rules.append(ScoreRule(row["id"], row["kind"], row["role"], compile_rule(row, flags=regex.IGNORECASE)))
    return tuple(rules)


def read_debris(directory: Path) -> tuple[DebrisRule, ...]:
    rows = read_rule_table("debris.tsv", required=("action", "pattern"), directory=directory)
    for row in rows:
        if row["action"] not in DEBRIS_ACTIONS:
            raise row_error(row, f"unknown action {row['action']!r}; expected one of {DEBRIS_ACTIONS}")
    return tuple(DebrisRule(row["action"], compile_rule(row, flags=regex.IGNORECASE)) for row in rows)


def read_schemes(directory: Path) -> tuple[Scheme, ...]:
    out = []
    for row in read_rule_table("schemes.tsv", required=("scheme", "name"), directory=directory):
        years = [float_or_none(row, column) for column in ("first_year", "last_year")]
        out.append(Scheme(row["scheme"], row["name"], row.get("awarder") or None, float_or_none(row, "score_min"),
                          float_or_none(row, "score_max"), *(int(y) if y else None for y in years),
                          tuple(split_aliases(row["aliases"]))))
    return tuple(out)


def read_predicates(directory: Path, schemes: tuple[Scheme, ...]) -> tuple[PredicateRule, ...]:
    known = {s.scheme for s in schemes}
    out, label_of = [], {}
    rows = read_rule_table("predicates.tsv", required=("id", "scheme", "label", "phrases"), directory=directory)
    for row in rows:
        if row["scheme"] not in known:
            raise row_error(row, f"unknown scheme {row['scheme']!r} (see schemes.tsv)")
    check_ids(rows, prefix=lambda row: f"predicate.{row['scheme'].lower()}.")
    for row in rows:
        for phrase in split_aliases(row["phrases"]):
            key = (row["scheme"], regex.sub(r"\s+", " ", phrase.lower()))
            if label_of.setdefault(key, row["label"]) != row["label"]:
                raise row_error(row, f"phrase {phrase!r} already names another {row['scheme']} label")
        out.append(PredicateRule(row["id"], row["scheme"], row["label"], row["grade"] or None,
                                 float_or_none(row, "band_min"), float_or_none(row, "band_max"),
                                 tuple(split_aliases(row["phrases"]))))
    return tuple(out)


def read_ordinals(directory: Path) -> dict[str, int]:
    """ordinals.tsv: each ordinal word or numeral (lower case) -> the place it names."""
    out = {}
    for row in read_rule_table("ordinals.tsv", required=("word", "number"), directory=directory):
        if not row["number"].isdigit():
            raise row_error(row, f"number must be a whole number, not {row['number']!r}")
        out[row["word"].lower()] = int(row["number"])
    return out


def read_ranks(directory: Path, ordinals: dict[str, int]) -> tuple[RankRule, ...]:
    """ranks.tsv, each pattern's ``{n}`` replaced by the ordinals (longest first, as whole words)."""
    words = "|".join(regex.escape(w) for w in sorted(ordinals, key=len, reverse=True))
    place = r"(?P<n>" + words + r")(?![\p{L}\p{N}])"
    rows = read_rule_table("ranks.tsv", required=("id", "pattern"), directory=directory)
    check_ids(rows, prefix=lambda row: "predicate.rank.")
    out = []
    for row in rows:
        fixed = row.get("place", "")
        relative = fixed.startswith("+")
        if ("{n}" in row["pattern"]) == bool(fixed) or (fixed and not fixed.lstrip("+").isdigit()):
            raise row_error(row, "a rank pattern holds {n}, the place, or its row gives the place as a number "
                                 "(+N: N places below the rank named before it)")
        out.append(RankRule(row["id"], compile_rule({**row, "pattern": row["pattern"].replace("{n}", place)},
                                                    flags=regex.IGNORECASE), int(fixed) if fixed else None, relative))
    return tuple(out)


def read_open_labels(directory: Path) -> tuple[OpenLabelRule, ...]:
    """open_labels.tsv: patterns whose group ``label`` is an award named in the article's own words."""
    rows = read_rule_table("open_labels.tsv", required=("id", "pattern"), directory=directory)
    check_ids(rows, prefix=lambda row: "predicate.other.")
    out = []
    for row in rows:
        pattern = compile_rule(row)
        if "label" not in pattern.groupindex:
            raise row_error(row, "an open label pattern must have a group named 'label'")
        order = row.get("order") or "first"
        if order not in ("first", "last"):
            raise row_error(row, f"unknown order {order!r}; expected first or last")
        gate = tuple(word.strip() for word in row.get("gate", "").split(";") if word.strip())
        if not gate:
            raise row_error(row, "an open label needs its gate: the words a page must hold for it to match")
        out.append(OpenLabelRule(row["id"], pattern, order == "last", gate))
    return tuple(out)


def read_grades(directory: Path, predicates: tuple[PredicateRule, ...]) -> tuple[GradeRule, ...]:
    known = {(p.scheme, p.label) for p in predicates}
    out = []
    for row in read_rule_table("grades.tsv", required=("grade", "scheme", "label"), directory=directory):
        if (row["scheme"], row["label"]) not in known:
            raise row_error(row, f"{row['label']!r} is not a label of {row['scheme']!r}")
        out.append(GradeRule(row["grade"], row["scheme"], row["label"]))
    return tuple(out)


def read_awarders(directory: Path) -> tuple[Awarder, ...]:
    return tuple(Awarder(row["awarder"], tuple(split_aliases(row["aliases"])))
                 for row in read_rule_table("awarders.tsv", required=("awarder", "aliases"), directory=directory))


def read_dates(directory: Path) -> tuple[DateRow, ...]:
    """The rows of dates.tsv; their patterns are compiled (and checked) by :mod:`extract.rules.dates`."""
    out = []
    for row in read_rule_table("dates.tsv", required=("kind", "name", "value"), directory=directory):
        if row["kind"] not in ("month", "weekday", "relative", "pattern"):
            raise row_error(row, f"unknown kind {row['kind']!r}")
        if row["kind"] != "pattern" and not regex.fullmatch(r"-?\d+", row["value"]):
            raise row_error(row, f"value of a {row['kind']} must be a whole number, not {row['value']!r}")
        out.append(DateRow(row["kind"], row["name"], row["value"], row.get("needs", ""), row.get("starts", ""),
                           row["_where"]))
    return tuple(out)


def read_unit_heads(directory: Path) -> tuple[UnitHead, ...]:
    out = []
    for row in read_rule_table("units/heads.tsv", required=("head", "kind", "standalone"), directory=directory):
        if row["standalone"] not in ("yes", "no"):
            raise row_error(row, f"standalone must be yes or no, not {row['standalone']!r}")
        out.append(UnitHead(row["head"], row["kind"], row["standalone"] == "yes", row["expansion"]))
    return tuple(out)


def read_named(directory: Path, name: str) -> tuple[NamedBody, ...]:
    """units/agencies.tsv or units/regions.tsv; agencies.tsv may be absent."""
    if name.endswith("agencies.tsv") and not (directory / name).exists():
        return ()
    return tuple(NamedBody(row["kind"], row["name"], tuple(split_aliases(row.get("aliases", ""))), row.get("province", ""))
                 for row in read_rule_table(name, required=("kind", "name"), directory=directory))


def read_pairs(directory: Path, name: str, key: str, value: str) -> tuple[tuple[str, str], ...]:
    return tuple((row[key], row[value]) for row in read_rule_table(name, required=(key, value), directory=directory))


def read_places(directory: Path) -> tuple[tuple[str, str], ...]:
    rows = read_rule_table("units/places.tsv", required=("role", "word"), directory=directory)
    for row in rows:
        if row["role"] not in PLACE_ROLES:
            raise row_error(row, f"unknown role {row['role']!r}; expected one of {PLACE_ROLES}")
    return tuple((row["role"], row["word"]) for row in rows)


def read_languages(directory: Path) -> tuple[LanguageWords, ...]:
    return tuple(LanguageWords(row["lang"], row["name"], frozenset(row["words"].lower().split()))
                 for row in read_rule_table("language.tsv", required=("lang", "name", "words"), directory=directory))


def read_word_list(directory: Path, name: str) -> tuple[str, ...]:
    return tuple(read_words(name, directory))
