"""Mining a batch of articles, each step over the whole batch before the next (as spaCy's
``nlp.pipe`` does), so that a step's rules stay in the processor's cache.

annotate (the spaCy components) -> extract (mentions, quotes) -> assemble (claims) -> flag.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import Article, Claim, Mention, Quote
from .claims import assemble_claims
from .consistency import flag_claims
from .extractors import MENTION_KEYS, extract_mentions, extract_quotes, predicate_schemes
from .nlp import annotate_batch, sentence_offsets


def _without_units_in_predicates(mentions: list[Mention]) -> list[Mention]:
    """A unit read inside a predicate's words is part of the predicate ("predikat Badan Publik Informatif")."""
    predicates = [(m.start, m.end) for m in mentions if m.label == "PREDICATE"]
    return [m for m in mentions if m.label != "UNIT" or not any(s <= m.start and m.end <= e for s, e in predicates)]


def annotate(articles: list[Article]) -> list[Doc]:
    """The spaCy components over the articles' texts, each over all of them before the next."""
    return annotate_batch([article.text for article in articles], [article.published for article in articles])


def extract(docs: list[Doc], articles: list[Article]) -> tuple[list[list[Mention]], list[list[Quote]]]:
    """Each article's mentions, in text order, and quotes; each extractor runs over the whole batch in turn."""
    quoted = [extract_quotes(doc, article.article_id) for doc, article in zip(docs, articles)]
    found = [list(officials) for _, officials in quoted]
    for key in MENTION_KEYS:
        for mentions, doc, article in zip(found, docs, articles):
            mentions += extract_mentions(doc, key, article.article_id)
    found = [_without_units_in_predicates(mentions) for mentions in found]
    for mentions in found:
        mentions.sort(key=lambda m: (m.start, m.end, m.label))
    return found, [quotes for quotes, _ in quoted]


def assemble(docs: list[Doc], articles: list[Article], mentions: list[list[Mention]]) -> list[list[Claim]]:
    """Each article's claims, from its sentences and mentions."""
    return [assemble_claims(article.article_id, article.text, sentence_offsets(doc), found,
                            article.published.year if article.published else None, predicate_schemes(doc))
            for doc, article, found in zip(docs, articles, mentions)]


def flag(articles: list[Article], claims: list[list[Claim]]) -> list[list[Claim]]:
    """Each article's claims with their consistency flags."""
    return [flag_claims(made, article.published) for made, article in zip(claims, articles)]


def mine_batch(articles: list[Article]) -> list[tuple[list[Mention], list[Claim], list[Quote]]]:
    """Annotate, extract, assemble and flag, each step over the whole batch before the next.
    Raises if any article fails: the caller mines them one by one."""
    docs = annotate(articles)
    mentions, quotes = extract(docs, articles)
    claims = flag(articles, assemble(docs, articles, mentions))
    return list(zip(mentions, claims, quotes))
