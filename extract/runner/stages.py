"""A batch of records through every stage: raw -> page -> article -> annotated Doc -> records.

The stages, in order (:data:`STAGES`), each ``Batch -> Batch`` over the whole batch as spaCy's
``nlp.pipe`` does, so that a stage's rules stay in the processor's cache instead of being
evicted by the other stages between records:

1. :func:`read`: the relevance gate (:mod:`extract.read.relevance`) over each page or text, unless
   the batch reads ``all_pages``, then trafilatura over each page it passes;
2. :func:`finish`: the rest of reading (debris, title, date, language, the too-long check) and
   the records repeating an earlier one of the shard (``seen``), in record order;
3. :func:`annotate`, 4. :func:`extract`, 5. :func:`assemble`, 6. :func:`flag`: the mining
   (:mod:`extract.mine.steps`) of the records still ``ok``.

A record the gate passes over is kept with status ``off_topic`` (its URL, title and date read from
the page's head) and not read further. Articles in a language other than those of
``MINED_LANGUAGES`` are kept with status ``language`` and not mined; a record repeating an earlier
one is kept as a ``duplicate``.
A reader or stage raises a :class:`~extract.status.RecordError` for a record it cannot use;
:mod:`extract.runner.batches` applies the stages and turns every failure into a row.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Callable

from ..across.duplicates import Seen, mark_in_shard
from ..mine import steps
from ..mine.nlp import build_nlp
from ..read.clean import Page, extract_page, failed_with, off_topic, to_article
from ..read.language import language_name
from ..read.relevance import relevant
from ..records import Article, Claim, Mention, Quote, RawDoc
from ..status import RecordError, Status

MINED_LANGUAGES = ("id", "und")


@dataclass(slots=True)
class Result:
    article: Article
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass(slots=True)
class Batch:
    """Records on their way through the stages; every list but ``raws`` is per record, in order."""
    raws: list[RawDoc]
    seen: Seen | None = None
    all_pages: bool = False          # read every record: no relevance gate
    pages: list[Page | None] = field(default_factory=list)
    articles: list[Article | None] = field(default_factory=list)
    docs: list = field(default_factory=list)
    mentions: list[list[Mention]] = field(default_factory=list)
    claims: list[list[Claim]] = field(default_factory=list)
    quotes: list[list[Quote]] = field(default_factory=list)

    def __post_init__(self) -> None:
        for name in _PER_RECORD:
            if not getattr(self, name):
                setattr(self, name, [None if name in ("pages", "articles", "docs") else [] for _ in self.raws])

    def minable(self) -> list[int]:
        """The records still to mine: read, and ``ok``."""
        return [i for i, article in enumerate(self.articles) if article is not None and article.status == Status.OK]

    def fail(self, index: int, error: RecordError) -> None:
        self.articles[index] = failed_with(self.raws[index], error)

    def take(self, index: int, one: "Batch") -> None:
        """Record ``index`` as a batch of one left it."""
        for name in _PER_RECORD:
            getattr(self, name)[index] = getattr(one, name)[0]

    def results(self) -> list[Result]:
        return [Result(article, mentions, claims, quotes)
                for article, mentions, claims, quotes in zip(self.articles, self.mentions, self.claims, self.quotes)]


_PER_RECORD = tuple(f.name for f in fields(Batch) if f.name not in ("raws", "seen", "all_pages"))


def read_page(raw: RawDoc) -> Page | None:
    """trafilatura over a record's HTML (None for a record without HTML, or one a reader failed)."""
    if raw.error or raw.html is None:
        return None
    return extract_page(raw)


def _gated_out(raw: RawDoc, all_pages: bool) -> bool:
    """Whether the relevance gate passes over a readable record's page or text."""
    if all_pages or raw.error:
        return False
    page = raw.html if raw.html is not None else raw.text
    return page is not None and not relevant(page)


def read(batch: Batch) -> Batch:
    """1. The relevance gate, then the part of reading a record that may take long: trafilatura over its page."""
    for i, raw in enumerate(batch.raws):
        if batch.articles[i] is None and _gated_out(raw, batch.all_pages):
            batch.articles[i] = off_topic(raw)
        elif batch.articles[i] is None:
            try:
                batch.pages[i] = read_page(raw)
            except RecordError as error:
                batch.fail(i, error)
    return batch


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


def finish(batch: Batch) -> Batch:
    """2. The rest of reading, record by record in order: a repeat of an earlier record is marked."""
    for i, raw in enumerate(batch.raws):
        if batch.articles[i] is None:
            try:
                batch.articles[i] = to_article(raw, batch.pages[i])
            except RecordError as error:
                batch.fail(i, error)
        article = batch.articles[i]
        _check_minable(article)
        if batch.seen is not None:
            mark_in_shard(article, batch.seen)
            batch.seen.add(article)
    return batch


def _mining(step: Callable[[Batch, list[int], list[Article]], None]) -> Callable[[Batch], Batch]:
    """A mining step over the records still ``ok`` (none: nothing to do)."""
    def stage(batch: Batch) -> Batch:
        todo = batch.minable()
        if todo:
            step(batch, todo, [batch.articles[i] for i in todo])
        return batch
    stage.__name__, stage.__doc__ = step.__name__, step.__doc__
    return stage


def _put(batch: Batch, name: str, todo: list[int], values: list) -> None:
    column = getattr(batch, name)
    for i, value in zip(todo, values):
        column[i] = value


@_mining
def annotate(batch: Batch, todo: list[int], articles: list[Article]) -> None:
    """3. The spaCy components over the texts."""
    _put(batch, "docs", todo, steps.annotate(articles))


@_mining
def extract(batch: Batch, todo: list[int], articles: list[Article]) -> None:
    """4. Mentions and quotes."""
    mentions, quotes = steps.extract([batch.docs[i] for i in todo], articles)
    _put(batch, "mentions", todo, mentions)
    _put(batch, "quotes", todo, quotes)


@_mining
def assemble(batch: Batch, todo: list[int], articles: list[Article]) -> None:
    """5. Claims, from the sentences and mentions."""
    claims = steps.assemble([batch.docs[i] for i in todo], articles, [batch.mentions[i] for i in todo])
    _put(batch, "claims", todo, claims)


@_mining
def flag(batch: Batch, todo: list[int], articles: list[Article]) -> None:
    """6. The claims' consistency flags."""
    _put(batch, "claims", todo, steps.flag(articles, [batch.claims[i] for i in todo]))


STAGES: tuple[Callable[[Batch], Batch], ...] = (read, finish, annotate, extract, assemble, flag)


def mine(article: Article) -> Result:
    """Annotate an article's text and extract its mentions, claims and quotes: the mining stages
    over a batch of one; raises if a stage fails."""
    batch = Batch([RawDoc(source=article.source)], articles=[article])
    for stage in STAGES[STAGES.index(annotate):]:
        batch = stage(batch)
    return batch.results()[0]
