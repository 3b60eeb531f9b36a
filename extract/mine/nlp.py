"""The NLP stage: a blank Indonesian spaCy pipeline whose components only annotate.

Each concern has its own spans key (``unit``, ``predicate``, ``score``,
``date``, ``awarder``, ``quote``), filled by a component of :mod:`extract.mine.factories`
from the rules; every span carries its rule id (``span.id_``), its normalised value and its
exact character offsets as span extensions (:mod:`extract.mine.components`). Sentence
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

import datetime as dt
import re
from typing import Callable

import numpy
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..rules.store import Rules, derived
from .components import RuleComponent, sentence_offsets, text_of
from .factories import FACTORIES
from .sentences import split_sentences

__all__ = ["COMPONENTS", "PlainTokenizer", "annotate_batch", "build_nlp", "sentence_offsets", "text_of"]

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


COMPONENTS = ("extract_sentences", *FACTORIES)


@spacy.registry.tokenizers("extract.PlainTokenizer.v1")
def plain_tokenizer() -> Callable[[Language], PlainTokenizer]:
    """The tokenizer by name in spaCy's registry, so that a blank pipeline is built with it instead of
    building the language's own (some 16,000 special cases: seconds, at every start and cache reset)."""
    return lambda nlp: PlainTokenizer(nlp.vocab)


@derived
def build_nlp(rules: Rules) -> Language:
    """The pipeline, built once per rule set: ``spacy.blank("id")``, a plain tokenizer, the sentence
    splitter, and one component per concern initialised with the rules."""
    nlp = spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "extract.PlainTokenizer.v1"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    for name, component in nlp.pipeline:
        if isinstance(component, RuleComponent):
            component.initialize(nlp=nlp, rules=rules)
    return nlp


def annotate_batch(texts: list[str], published: list[dt.date | None] | None = None) -> list[Doc]:
    """The pipeline over several texts, each component over all of them before the next (spaCy's
    ``nlp.pipe`` only does so for components with a ``pipe`` method); the same Docs as ``nlp(text)``.
    ``published`` (one date a text) resolves partial dates ("Rabu (10/3)").

    >>> [[s.text for s in doc.spans["unit"]] for doc in annotate_batch(["Pemkot Bogor hadir.", "Dinsos Kota Batu buka."])]
    [['Pemkot Bogor'], ['Dinsos Kota Batu']]
    """
    nlp = build_nlp()
    docs = [nlp.make_doc(text) for text in texts]
    for doc, date in zip(docs, published or []):
        doc.user_data["extract"]["published"] = date
    for _, component in nlp.pipeline:
        docs = [component(doc) for doc in docs]
    return docs
