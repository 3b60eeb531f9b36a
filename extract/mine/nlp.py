"""The NLP stage: a blank Indonesian spaCy pipeline whose components only annotate.

Each concern has its own spans key (``unit``, ``predicate``, ``score``,
``date``, ``awarder``), filled by a component from the rule files; every span
carries its rule id (``span.id_``). Because a rule may end inside a token (the
``B`` of ``B.``), the exact character offsets of each match are also kept, in
``doc.user_data["extract"][key]``, as ``(start, end, rule_id)``. Sentence
boundaries come from :mod:`extract.mine.sentences`. Extraction from the annotated
Doc happens in :mod:`extract.mine.extractors`.

Tokenisation is the costly part of a spaCy pipeline and nothing here needs the
language's full tokenizer rules: the components match on the text, so the Doc
is built from a plain word/punctuation/space split (:class:`PlainTokenizer`).

>>> doc = build_nlp()("Pemkot Palembang meraih predikat Pelayanan Prima.\\nKata Ratu.")
>>> doc.text == "Pemkot Palembang meraih predikat Pelayanan Prima.\\nKata Ratu."
True
>>> [s.text for s in doc.sents], [(s.text, s.id_) for s in doc.spans["unit"]]
(['Pemkot Palembang meraih predikat Pelayanan Prima.\\n', 'Kata Ratu.'], [('Pemkot Palembang', 'unit.head.regional')])
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..rules.store import Rules, derived
from .dates import date_spans
from .predicates import find_awarders, find_predicates
from .scores import find_scores
from .sentences import split_sentences
from .units import find_units

_LINE_BREAKS = re.compile(r"(\n+)")


class PlainTokenizer:
    r"""Tokens split at spaces and line breaks: the components match on the text and only need token boundaries
    to hang their spans on (a span is widened to whole tokens; its exact offsets are kept apart).

    >>> [t.text for t in PlainTokenizer(Vocab())("Kata  Dadang, lalu\npergi. ")]
    ['Kata', ' ', 'Dadang,', 'lalu', '\n', 'pergi.']
    """

    def __init__(self, vocab: Vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for part in _LINE_BREAKS.split(text):
            if part.startswith("\n"):
                words.append(part)                 # line breaks are tokens: sentences start after them
                spaces.append(False)
            elif part:
                self._split_line(part, words, spaces)
        return self._keep(Doc(self.vocab, words=words, spaces=spaces), text)

    @staticmethod
    def _split_line(line: str, words: list[str], spaces: list[bool]) -> None:
        pieces = line.split(" ")
        flags = [True] * len(pieces)
        flags[-1] = False
        if pieces[-1] == "" and len(pieces) > 1:    # a trailing space belongs to the token before it
            pieces.pop()
            flags.pop()
            flags[-1] = True
        for index, piece in enumerate(pieces):
            if not piece:                          # a second space in a row is a token of its own
                pieces[index], flags[index] = " ", False
        words += pieces
        spaces += flags

    @staticmethod
    def _keep(doc: Doc, text: str) -> Doc:
        doc.user_data["extract"] = {"text": text}   # Doc.text joins every token on each call
        return doc


def _annotate(doc: Doc, key: str, label: str, matches: Iterable[tuple[int, int, str]]) -> Doc:
    exact, spans = [], []
    for start, end, rule_id in matches:
        span = doc.char_span(start, end, label=label, span_id=rule_id, alignment_mode="expand")
        if span is not None:
            exact.append((start, end, rule_id))
            spans.append(span)
    doc.spans[key] = spans
    doc.user_data.setdefault("extract", {})[key] = exact
    return doc


def _component(name: str, key: str, label: str, finder: Callable[[str], Iterable[tuple[int, int, str]]]):
    @Language.component(name)
    def component(doc: Doc) -> Doc:
        return _annotate(doc, key, label, finder(text_of(doc)))
    return component


@Language.component("extract_sentences")
def set_sentences(doc: Doc) -> Doc:
    sentences = split_sentences(text_of(doc))
    doc.user_data.setdefault("extract", {})["sentences"] = sentences
    if len(doc):
        starts = numpy.isin(doc.to_array([IDX]).ravel(), [s for s, _ in sentences])
        starts[0] = True
        values = numpy.where(starts, 1, -1).astype("int64").astype("uint64")   # spaCy stores -1 as uint64
        doc.from_array([SENT_START], values.reshape(-1, 1))
    return doc


_component("extract_units", "unit", "UNIT", lambda text: ((u.start, u.end, u.rule_id) for u in find_units(text)))
_component("extract_predicates", "predicate", "PREDICATE",
           lambda text: ((p.start, p.end, p.rule_id) for p in find_predicates(text)))
_component("extract_scores", "score", "SCORE", lambda text: ((s.start, s.end, s.rule_id) for s in find_scores(text)))
_component("extract_dates", "date", "DATE", date_spans)
_component("extract_awarders", "awarder", "AWARDER",
           lambda text: ((start, end, "awarder." + name.lower().replace(" ", "_")) for start, end, name in find_awarders(text)))

COMPONENTS = ("extract_sentences", "extract_units", "extract_predicates", "extract_scores",
              "extract_dates", "extract_awarders")


@spacy.registry.tokenizers("extract.PlainTokenizer.v1")
def plain_tokenizer() -> Callable[[Language], PlainTokenizer]:
    """The tokenizer by name in spaCy's registry, so that a blank pipeline is built with it instead of
    building the language's own (some 16,000 special cases: seconds, at every start and cache reset)."""
    return lambda nlp: PlainTokenizer(nlp.vocab)


@derived
def build_nlp(rules: Rules) -> Language:
    """The pipeline, built once per process: ``spacy.blank("id")``, a plain tokenizer, our annotators."""
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "extract.PlainTokenizer.v1"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def annotate_batch(texts: list[str]) -> list[Doc]:
    """The pipeline over several texts, each component over all of them before the next (spaCy's
    ``nlp.pipe`` only does so for components with a ``pipe`` method); the same Docs as ``nlp(text)``.

    >>> [[s.text for s in doc.spans["unit"]] for doc in annotate_batch(["Pemkot Bogor hadir.", "Dinsos Kota Batu buka."])]
    [['Pemkot Bogor'], ['Dinsos Kota Batu']]
    """
    nlp = build_nlp()
    docs = [nlp.make_doc(text) for text in texts]
    for _, component in nlp.pipeline:
        docs = [component(doc) for doc in docs]
    return docs


def text_of(doc: Doc) -> str:
    """The Doc's text, kept by the tokenizer (cheaper than ``doc.text``)."""
    return doc.user_data.get("extract", {}).get("text") or doc.text


def matches(doc: Doc, key: str) -> list[tuple[int, int, str]]:
    """The exact (start, end, rule_id) of each match a component annotated under ``key``."""
    return doc.user_data.get("extract", {}).get(key, [])


def sentence_offsets(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of each sentence, as the sentence component found them."""
    return doc.user_data.get("extract", {}).get("sentences") or [(s.start_char, s.end_char) for s in doc.sents]
