"""One record through every stage: raw -> article -> annotated Doc -> records.

:func:`process` takes one record through them; it never raises for a bad
record: the failure becomes the article's status and error. The runners'
:func:`extract.runner.shards.process_batch` does the same for a batch of records:
trafilatura over each page (:func:`read_page`), then the rest of reading
(:func:`finish_record`) and the mining (:func:`mine_batch`), each stage over
the whole batch as spaCy's ``nlp.pipe`` does, so that a stage's rules stay in
the processor's cache instead of being evicted by the other stages between
records. Articles in a language other than those of
``MINED_LANGUAGES`` are kept with status ``language`` and not mined; a record
repeating an earlier one of its shard (``seen``) is kept with status
``duplicate`` and not mined.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from ..mine import steps
from ..read.clean import Page, extract_page, failed, failed_with, to_article
from ..across.duplicates import Seen, mark_in_shard
from ..read.language import language_name
from ..mine.nlp import build_nlp
from ..records import Article, Claim, Mention, Quote, RawDoc
from ..status import RecordError, Status

log = logging.getLogger(__name__)

MINED_LANGUAGES = ("id", "und")


@dataclass(slots=True)
class Result:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


def mine_batch(articles: list[Article]) -> list[Result]:
    """Mine the articles (:func:`extract.mine.steps.mine_batch`); raises if any fails."""
    return [Result(article, *found) for article, found in zip(articles, steps.mine_batch(articles))]


def mine(article: Article) -> Result:
    """Annotate an article's text and extract its mentions, claims and quotes."""
    return mine_batch([article])[0]


def _check_minable(article: Article) -> None:
    """Turn an ok article that must not be mined into a skipped or failed one, with the reason."""
    if article.status != Status.OK:
        return
    if article.language not in MINED_LANGUAGES:
        article.status = Status.LANGUAGE
        article.error = Status.LANGUAGE.message(article.source, name=language_name(article.language),
                                                code=article.language, mined=", ".join(MINED_LANGUAGES))
        return
    limit = build_nlp().max_length
    if len(article.text) > limit:
        article.status = Status.TOO_LARGE
        article.error = (f"{article.source}: article text of {len(article.text):,} characters, longer than the "
                         f"{limit:,} characters mined at most")


def read_page(raw: RawDoc) -> Page | Article | None:
    """The part of reading a record that may take long: trafilatura over its HTML (None for a record
    without HTML, or one that failed to be read; a failed article when no body was found)."""
    if raw.error or raw.html is None:
        return None
    try:
        return extract_page(raw)
    except RecordError as error:
        return failed_with(raw, error)


def finish_record(raw: RawDoc, page: Page | Article | None, seen: Seen | None = None) -> Article:
    """The rest of reading a record (see :func:`read_record`) after :func:`read_page`."""
    if isinstance(page, Article):
        article = page
    else:
        try:
            article = to_article(raw, page)
        except RecordError as error:
            article = failed_with(raw, error)
    _check_minable(article)
    if seen is not None:
        mark_in_shard(article, seen)
    return article


def read_record(raw: RawDoc, seen: Seen | None = None) -> Article:
    """One raw record -> its article, ready to mine (status ok) or not (with the reason): boilerplate
    removed, language told, and a repeat of an earlier record of ``seen`` marked."""
    return finish_record(raw, read_page(raw), seen)


def process(raw: RawDoc, seen: Seen | None = None) -> Result:
    """One raw record -> its result; failures are recorded, not raised."""
    try:
        article = read_record(raw, seen)
        if article.status != Status.OK:
            result = Result(article)
        else:
            result = mine(article)
    except Exception as exc:  # one bad record must not stop a run of millions
        return crashed(raw, exc)
    if seen is not None:
        seen.add(article)
    return result


def crashed(raw: RawDoc, exc: Exception) -> Result:
    """The result of a record the pipeline failed on: logged with its traceback, status ``error``."""
    log.error("%s: extraction failed", raw.source, exc_info=exc)
    return Result(failed(raw, Status.ERROR, Status.ERROR.message(raw.source, kind=type(exc).__name__, detail=exc)))
