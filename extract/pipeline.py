"""One record through every stage: raw -> article -> annotated Doc -> records.

:func:`process` is the per-record function every runner uses (one process,
workers, or a cluster); it never raises for a bad record: the failure becomes
the article's status and error.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .claims import assemble_claims
from .clean import failed, to_article
from .consistency import flag_claims
from .extractors import (extract_awarders, extract_dates, extract_predicates, extract_quotes,
                         extract_scores, extract_units)
from .nlp import build_nlp, sentence_offsets
from .records import Article, Claim, Mention, Quote, RawDoc

log = logging.getLogger(__name__)

MINED_LANGUAGES = ("id", "und")


@dataclass(slots=True)
class Result:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def mine(article: Article) -> Result:
    """Annotate an article's text and extract its mentions, claims and quotes."""
    doc = build_nlp()(article.text)
    aid = article.article_id
    quotes, officials = extract_quotes(doc, aid)
    mentions = (extract_units(doc, aid) + extract_predicates(doc, aid) + extract_scores(doc, aid)
                + extract_dates(doc, aid, article.published) + extract_awarders(doc, aid) + officials)
    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    claims = assemble_claims(aid, article.text, sentence_offsets(doc), mentions,
                             article.published.year if article.published else None)
    claims = flag_claims(claims, article.published)
    return Result(article, mentions, claims, quotes)


def process(raw: RawDoc) -> Result:
    """One raw record -> its result; failures are recorded, not raised."""
    try:
        article = to_article(raw)
        if article.status != "ok" or article.language not in MINED_LANGUAGES:
            return Result(article)
        return mine(article)
    except Exception as exc:  # one bad record must not stop a run of millions
        log.exception("%s: extraction failed", raw.source)
        return Result(failed(raw, "error", f"{raw.source}: {type(exc).__name__}: {exc}"))
