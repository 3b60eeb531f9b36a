"""One record through every stage: raw -> article -> annotated Doc -> records.

:func:`process` is the per-record function every runner uses (one process,
workers, or a cluster); it never raises for a bad record: the failure becomes
the article's status and error. Articles in a language other than those of
``MINED_LANGUAGES`` are kept with status ``language`` and not mined; a record
repeating an earlier one of its shard (``seen``) is kept with status
``duplicate`` and not mined.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from .claims import assemble_claims
from .clean import failed, to_article
from .consistency import flag_claims
from .duplicates import Seen, mark_in_shard
from .extractors import (extract_awarders, extract_dates, extract_predicates, extract_quotes,
                         extract_scores, extract_units)
from .language import language_name
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


def _without_units_in_predicates(mentions: list[Mention]) -> list[Mention]:
    """A unit read inside a predicate's words is part of the predicate ("predikat Badan Publik Informatif")."""
    predicates = [(m.start, m.end) for m in mentions if m.label == "PREDICATE"]
    return [m for m in mentions if m.label != "UNIT" or not any(s <= m.start and m.end <= e for s, e in predicates)]


def mine(article: Article) -> Result:
    """Annotate an article's text and extract its mentions, claims and quotes."""
    doc = build_nlp()(article.text)
    aid = article.article_id
    quotes, officials = extract_quotes(doc, aid)
    mentions = (extract_units(doc, aid) + extract_predicates(doc, aid) + extract_scores(doc, aid)
                + extract_dates(doc, aid, article.published) + extract_awarders(doc, aid) + officials)
    mentions = _without_units_in_predicates(mentions)
    mentions.sort(key=lambda m: (m.start, m.end, m.label))
    claims = assemble_claims(aid, article.text, sentence_offsets(doc), mentions,
                             article.published.year if article.published else None)
    claims = flag_claims(claims, article.published)
    return Result(article, mentions, claims, quotes)


def _check_minable(article: Article) -> None:
    """Turn an ok article that must not be mined into a skipped or failed one, with the reason."""
    if article.status != "ok":
        return
    if article.language not in MINED_LANGUAGES:
        article.status = "language"
        article.error = (f"{article.source}: written in {language_name(article.language)} ({article.language}); "
                         f"only {', '.join(MINED_LANGUAGES)} are mined")
        return
    limit = build_nlp().max_length
    if len(article.text) > limit:
        article.status = "too_large"
        article.error = (f"{article.source}: article text of {len(article.text):,} characters, longer than the "
                         f"{limit:,} characters mined at most")


def process(raw: RawDoc, seen: Seen | None = None) -> Result:
    """One raw record -> its result; failures are recorded, not raised."""
    try:
        article = to_article(raw)
        _check_minable(article)
        if seen is not None:
            mark_in_shard(article, seen)
        if article.status != "ok":
            result = Result(article)
        else:
            result = mine(article)
    except Exception as exc:  # one bad record must not stop a run of millions
        log.exception("%s: extraction failed", raw.source)
        return Result(failed(raw, "error", f"{raw.source}: {type(exc).__name__}: {exc}"))
    if seen is not None:
        seen.add(article)
    return result
