"""The spaCy components: one factory per concern, each owning the rule tables it reads.

Each component writes ``doc.spans[key]`` (spans widened to whole tokens) and, for each span, what
it found as span extensions: ``value`` (the normalised value), ``value_num``, ``value_date``,
``precision``, ``scheme``, ``grade``, ``exact_start`` and ``exact_end`` (the match's own character
offsets: a rule may end inside a token, the ``B`` of ``B.``) and ``rule_id`` (also ``span.id_``).

A component is initialised with the rule set (:meth:`RuleComponent.initialize`, or the one in use
on first call); ``to_disk`` writes the rule files it reads and ``from_disk`` reads them back, the
other files of the rule set coming from the patterns directory in use (as spaCy's SpanRuler writes
and reads its patterns).
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..rules.files import patterns_dir
from ..rules.store import Rules, rules as rules_in_use

EXTENSIONS = ("value", "value_num", "value_date", "precision", "scheme", "grade", "exact_start", "exact_end",
              "rule_id")


@dataclass(slots=True, frozen=True)
class Found:
    """What a component found at exact offsets, normalised."""
    start: int
    end: int
    rule_id: str
    value: object = None
    value_num: float | None = None
    value_date: object = None
    precision: str | None = None
    scheme: str | None = None
    grade: str | None = None


def found_of(span: Span) -> Found | None:
    """The record a component kept for ``span``."""
    found = span.doc.user_data.get("extract", {}).get("found", {})
    return found.get((span.label_, span.id_, span.start_char, span.end_char))


def _getter(name: str) -> Callable[[Span], object]:
    attribute = {"exact_start": "start", "exact_end": "end"}.get(name, name)

    def get(span: Span):
        found = found_of(span)
        return getattr(found, attribute) if found is not None else None
    return get


for _name in EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, getter=_getter(_name))


def text_of(doc: Doc) -> str:
    """The Doc's text, kept by the tokenizer (cheaper than ``doc.text``)."""
    return doc.user_data.get("extract", {}).get("text") or doc.text


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence, as the sentence component found them."""
    return doc.user_data.get("extract", {}).get("sentences") or [(s.start_char, s.end_char) for s in doc.sents]


class RuleComponent:
    """A component that finds one concern's spans by the rules of :mod:`extract.rules`."""

    key = ""                                     # the doc.spans key
    label = ""                                   # the spans' label
    rule_files: tuple[str, ...] = ()             # the files of patterns/ it reads, for to_disk

    def __init__(self, nlp: Language | None = None, name: str = "") -> None:
        self.name = name or self.key
        self.rules: Rules | None = None

    def initialize(self, get_examples: Callable[[], Iterable] | None = None, *, nlp: Language | None = None,
                   rules: Rules | None = None) -> None:
        """Take the rule set to read (the one in use when none is given)."""
        self.rules = rules or rules_in_use()

    def find(self, doc: Doc, text: str) -> Iterator[Found]:
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        if self.rules is None:
            self.initialize()
        spans = []
        kept = doc.user_data.setdefault("extract", {}).setdefault("found", {})
        for found in self.find(doc, text_of(doc)):
            span = doc.char_span(found.start, found.end, label=self.label, span_id=found.rule_id,
                                 alignment_mode="expand")
            if span is not None:
                kept.setdefault((self.label, found.rule_id, span.start_char, span.end_char), found)
                spans.append(span)
        doc.spans[self.key] = spans
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the rule files this component reads into the directory ``path``."""
        path = Path(path)
        source = (self.rules or rules_in_use()).directory
        for name in self.rule_files:
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / name, path / name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        """Read the rule files written by :meth:`to_disk`; the rule set's other files come from the
        patterns directory in use."""
        self.rules = Rules.load(Path(path), fallback=patterns_dir())
        return self
