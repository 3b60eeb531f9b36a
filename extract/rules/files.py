"""Load and validate the rule files in ``patterns/``.

Rules are data: word lists, gazetteers, schemes and regexes live in
``patterns/`` and each file starts with ``#`` lines saying where its entries
come from. Every loader validates what it reads and raises
:class:`PatternError` naming the file and line of a bad entry.

The directory is found as package data (an installed wheel carries it as
``extract/patterns``), next to the source tree (an editable install), or where
``EXTRACT_PATTERNS`` points.
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Iterator

import regex


class PatternError(ValueError):
    """A rule file holds an entry that cannot be used."""

    def __init__(self, path: Path | str, line: int, message: str):
        self.path, self.line = str(path), line
        super().__init__(f"{path}:{line}: {message}")


def patterns_dir() -> Path:
    """The directory the rule files are read from."""
    override = os.environ.get("EXTRACT_PATTERNS")
    if override:
        return Path(override)
    packaged = resources.files("extract") / "patterns"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "patterns"


def _data_lines(name: str, directory: Path | None = None) -> Iterator[tuple[Path, int, str]]:
    path = (directory or patterns_dir()) / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PatternError(path, 0, f"cannot read rule file: {exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield path, number, line.rstrip("\r\n")


def read_words(name: str, directory: Path | None = None) -> list[str]:
    """A word list: one entry a line, ``#`` comments and blank lines skipped."""
    return [line.strip() for _, _, line in _data_lines(name, directory)]


def read_rule_table(name: str, required: tuple[str, ...] = (), directory: Path | None = None) -> list[dict[str, str]]:
    """A TAB-separated table whose first data line is the header.

    Every row must have as many fields as the header, and the ``required``
    columns must be present and non-empty. Each row dict carries ``_where``,
    the ``file:line`` it came from, for the error messages of later checks.
    """
    lines = _data_lines(name, directory)
    try:
        path, number, header_line = next(lines)
    except StopIteration:
        raise PatternError((directory or patterns_dir()) / name, 0, "no header line") from None
    header = header_line.split("\t")
    missing = [c for c in required if c not in header]
    if missing:
        raise PatternError(path, number, f"header lacks columns {missing}")
    rows = []
    for path, number, line in lines:
        fields = line.split("\t")
        if len(fields) < len(header):
            fields += [""] * (len(header) - len(fields))
        if len(fields) != len(header):
            raise PatternError(path, number, f"expected {len(header)} TAB-separated fields, got {len(fields)}")
        row = {key: value.strip() for key, value in zip(header, fields)}
        empty = [c for c in required if not row[c]]
        if empty:
            raise PatternError(path, number, f"empty required field(s) {empty}")
        row["_where"] = f"{path}:{number}"
        rows.append(row)
    return rows


def row_error(row: dict[str, str], message: str) -> PatternError:
    """An error about one row of a table, naming its file and line."""
    path, _, line = row["_where"].rpartition(":")
    return PatternError(path, int(line), message)


def read_rule_groups(name: str, group_column: str, groups: tuple[str, ...], flags: int = regex.IGNORECASE,
                     directory: Path | None = None) -> dict[str, list[regex.Pattern]]:
    """A table of ``group<TAB>pattern`` rows -> the compiled patterns of each group, in file order;
    a group not in ``groups`` or a bad regex names its file and line."""
    rules: dict[str, list[regex.Pattern]] = {group: [] for group in groups}
    for row in read_rule_table(name, required=(group_column, "pattern"), directory=directory):
        if row[group_column] not in rules:
            raise row_error(row, f"unknown {group_column} {row[group_column]!r}; expected one of {groups}")
        rules[row[group_column]].append(compile_rule(row, flags=flags))
    return rules


def compile_rule(row: dict[str, str], column: str = "pattern", flags: int = 0) -> regex.Pattern:
    """Compile one row's regex, naming its file and line when it is invalid."""
    try:
        return regex.compile(row[column], flags | regex.VERSION1)
    except regex.error as exc:
        raise row_error(row, f"bad regex {row[column]!r}: {exc}") from exc


def either(patterns: list[regex.Pattern]) -> regex.Pattern | None:
    """One pattern that matches wherever one of ``patterns`` (compiled with the same flags) does:
    a text is scanned once instead of once per rule, when only whether some rule matches counts.

    >>> either([regex.compile("a+b"), regex.compile("c")]).fullmatch("aab") is not None
    True
    >>> either([]) is None
    True
    """
    if not patterns:
        return None
    return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)


def split_aliases(value: str) -> list[str]:
    """``a|b|c`` -> ``['a', 'b', 'c']``, empty entries dropped."""
    return [part.strip() for part in value.split("|") if part.strip()]


def float_or_none(row: dict[str, str], column: str) -> float | None:
    """A numeric cell, empty meaning None; a bad number names its line."""
    value = row.get(column, "")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise row_error(row, f"column {column!r} is not a number: {value!r}") from None
