"""The factories of the pipeline's components, one per concern: units, predicates, scores, dates,
awarders and quotes. Each finds its concern's matches with the rules it was initialised with and
normalises them (see :mod:`extract.mine.components` for what a span carries).

>>> from extract.mine.nlp import build_nlp
>>> doc = build_nlp()("Pemkot Palembang meraih predikat Pelayanan Prima dengan nilai 4,6.")
>>> [(s.text, s._.value, s.id_) for s in doc.spans["unit"]]
[('Pemkot Palembang', 'Pemerintah Kota Palembang', 'unit.head.regional')]
>>> [(s._.value, s._.scheme, s._.grade) for s in doc.spans["predicate"]]
[('Pelayanan Prima', 'PEKPPP', 'A')]
"""
from __future__ import annotations

import collections

from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .awarders import awarder_of, find_awarders
from .components import Found, RuleComponent, sentence_offsets
from .dates import date_spans, normalise_candidate, years_named
from .predicates import OTHER, describe, find_predicates, is_shared, rank_scheme
from .quotes import find_quotes
from .schemes import scheme_evidence
from .scores import find_scores
from .units import find_units

SCHEME_FILES = ("schemes.tsv", "awarders.tsv")
UNIT_FILES = ("units/heads.tsv", "units/agencies.tsv", "units/regions.tsv", "units/spellings.tsv",
              "units/stopwords.txt", "units/after_place.txt", "units/joiners.txt", "units/quantifiers.txt",
              "units/fillers.txt", "units/places.tsv", "units/region_leads.txt", "units/region_verbs.txt",
              "units/list_leads.txt", "units/region_offices.tsv", "ranks.tsv", "ordinals.tsv", "claims.tsv")


class UnitFinder(RuleComponent):
    key, label, rule_files = "unit", "UNIT", UNIT_FILES

    def find(self, doc: Doc, text: str) -> Iterator[Found]:
        for unit in find_units(text, rules=self.rules):
            yield Found(unit.start, unit.end, unit.rule_id, value=unit.canonical)


class PredicateFinder(RuleComponent):
    """Predicates with their scheme; a phrase shared by schemes goes to the one its sentence, else its
    article, names most ("zona hijau" in a KPK MCP story is an MCP zone)."""
    key, label = "predicate", "PREDICATE"
    rule_files = ("predicates.tsv", "grades.tsv", "grade_cues.txt", "ranks.tsv", "ordinals.tsv",
                  "open_labels.tsv", "generic_label_words.txt", *SCHEME_FILES)

    def find(self, doc: Doc, text: str) -> Iterator[Found]:
        sentences = sentence_offsets(doc)
        article_evidence = None
        by_sentence: dict[tuple[int, int], dict[str, int]] = {}
        shared, labelled = [], collections.defaultdict(collections.Counter)
        for found in find_predicates(text, rules=self.rules):
            start, end = found.start, found.end
            sentence = next(((a, b) for a, b in sentences if a <= start < b), (start, end))
            if sentence not in by_sentence:
                by_sentence[sentence] = scheme_evidence(text, *sentence)
            if not by_sentence[sentence] and article_evidence is None:
                article_evidence = scheme_evidence(text)
            if is_shared(text[start:end], found.rule_id, rules=self.rules):
                shared.append((found, sentence))
                continue
            described = describe(text[start:end], found.rule_id, by_sentence[sentence] or article_evidence,
                                 rules=self.rules)
            if described:
                scheme, label, grade = described
                if scheme != OTHER:
                    labelled[sentence][scheme] += 1
                yield Found(start, end, found.rule_id, value=label, scheme=scheme, grade=grade)
        for found, sentence in shared:
            # a rank's or a shared phrase's scheme: the one its sentence names, else that of the sentence's
            # other labels ("peringkat pertama kategori Pelayanan Prima"), else the article's
            evidence = by_sentence[sentence] or dict(labelled[sentence]) or article_evidence
            if found.rule_id.startswith("predicate.rank."):   # its place is read in context ("tepat di bawahnya")
                scheme = rank_scheme(evidence)
                if scheme != OTHER:                            # else a place in a contest or a budget ranking
                    yield Found(found.start, found.end, found.rule_id, value=found.label, scheme=scheme)
            elif described := describe(text[found.start:found.end], found.rule_id, evidence, rules=self.rules):
                yield Found(found.start, found.end, found.rule_id, value=described[1], scheme=described[0],
                            grade=described[2])


class ScoreFinder(RuleComponent):
    key, label, rule_files = "score", "SCORE", ("scores.tsv",)

    def find(self, doc: Doc, text: str) -> Iterator[Found]:
        for score in find_scores(text, rules=self.rules):
            yield Found(score.start, score.end, score.rule_id, value=f"{score.value:g}", value_num=score.value)


class DateFinder(RuleComponent):
    """Dates, resolved against the article's published date (``doc.user_data["extract"]["published"]``)."""
    key, label, rule_files = "date", "DATE", ("dates.tsv",)

    def find(self, doc: Doc, text: str) -> Iterator[Found]:
        published = doc.user_data.get("extract", {}).get("published")
        named = years_named(text) if published is None else ()
        for start, end, rule_id in date_spans(text, rules=self.rules):
            resolved = normalise_candidate(text[start:end], rule_id, published, rules=self.rules, named_years=named)
            if resolved:
                date, precision = resolved
                value = date.isoformat() if precision == "day" else date.isoformat()[:7] if precision == "month" \
                    else str(date.year)
                yield Found(start, end, rule_id, value=value, value_date=date, precision=precision)


class AwarderFinder(RuleComponent):
    key, label, rule_files = "awarder", "AWARDER", ("awarders.tsv",)

    def find(self, doc: Doc, text: str) -> Iterator[Found]:
        for start, end, name in find_awarders(text, rules=self.rules):
            rule_id = "awarder." + name.lower().replace(" ", "_")
            yield Found(start, end, rule_id, value=awarder_of(text[start:end], rules=self.rules))


class QuoteFinder(RuleComponent):
    """Quotes (``value``: the speaker); the candidates in text order are kept for the quote records."""
    key, label = "quote", "QUOTE"
    rule_files = ("people/speech_verbs.tsv", "people/titles.tsv", "people/roles.txt", "people/offices.txt",
                  "people/clause_weekdays.txt", "people/clause_ends.txt", "people/pronouns.txt", "people/connectives.txt",
                  "people/settings.txt", "people/name_openers.tsv")

    def find(self, doc: Doc, text: str) -> Iterator[Found]:
        quotes = find_quotes(text, sentence_offsets(doc))
        doc.user_data.setdefault("extract", {})["quotes"] = quotes
        for quote in quotes:
            rule_id = "quote." + ("direct" if quote.direct else "reported")
            yield Found(quote.start, quote.end, rule_id, value=quote.speaker)


FACTORIES = {"extract_units": UnitFinder, "extract_predicates": PredicateFinder, "extract_scores": ScoreFinder,
             "extract_dates": DateFinder, "extract_awarders": AwarderFinder, "extract_quotes": QuoteFinder}

for _name, _component in FACTORIES.items():
    Language.factory(_name, func=lambda nlp, name, _component=_component: _component(nlp, name))
