"""Raw records -> articles: boilerplate removal, metadata, a stable id.

HTML goes through trafilatura with metadata, favouring precision (a related
headline left in the body becomes a false claim downstream) and in its fast mode
(no fallback extractors: the same text on every page measured, a third less
time; ``bench/trafilatura_options.py``); its output and
plain text alike then pass the debris rules of ``patterns/debris.tsv``.
``published`` comes from the page metadata, the record's own field, or a
dateline in the text, in that order (:mod:`extract.read.published`). The article's title, when known and not
already its first line, is the first line of ``text`` so that a claim in a
title has offsets like any other.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

import regex
from lxml.etree import ParserError, XMLSyntaxError
from trafilatura import bare_extraction

from .debris import clean_text, normalise_text
from ..across.duplicates import fingerprint
from .language import detect_language
from .page_meta import read_meta
from .published import dateline_date, parse_published
from ..records import Article, RawDoc
from ..status import NoBody, ParseError, RecordError, Status

log = logging.getLogger(__name__)

TRAFILATURA_OPTIONS = dict(
    with_metadata=True,
    favor_precision=True,
    fast=True,
    include_comments=False,
    include_tables=True,
    include_images=False,
    include_links=False,
    deduplicate=False,
)
MIN_BODY_CHARS = 100   # less than this left of a page is navigation, not an article
_TITLE_LINE = regex.compile(r"^[^\n]{5,200}$")
_BREADCRUMB = regex.compile(r"\s[>»›]\s")


def article_id(url: str | None, text: str) -> str:
    """A stable id: a hash of the URL, else of the content.

    >>> article_id("https://a.example/x", "")
    '95fb0b3e578c9f95'
    >>> article_id(None, "Isi") == article_id(None, "Isi")
    True
    """
    key = ("url:" + url.strip()) if url else ("text:" + text)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def site_of(url: str | None) -> str | None:
    """The host of a URL without ``www.``.

    >>> site_of("https://www.suara.com/news/1")
    'suara.com'
    """
    if not url or "://" not in url:
        return None
    host = urlsplit(url).hostname or ""
    return host[4:] if host.startswith("www.") else (host or None)


def first_line_title(text: str, blank_after: bool = False) -> str | None:
    r"""The first line of a text, when it looks like a title: short, not closed by a period, colon or
    quote mark, not a site's breadcrumb trail ("Home > Berita"), with more text after it (and, with
    ``blank_after``, a blank line between).

    >>> first_line_title("Bantaeng Dinobatkan Kabupaten Terinovatif\nLaporan: Andi\nBANTAENG - ...")
    'Bantaeng Dinobatkan Kabupaten Terinovatif'
    >>> first_line_title("Bantaeng dinobatkan kabupaten terinovatif.\nIsi berita."), first_line_title("Judul saja")
    (None, None)
    >>> first_line_title("Home > Pemerintahan > Riau\nInspektorat Riau Raih Predikat Informatif")
    >>> first_line_title("Judul Berita\nIsi berita.", blank_after=True)
    """
    lines = text.lstrip().split("\n", 2)
    first = lines[0].strip()
    if len(lines) < 2 or not _TITLE_LINE.match(first) or first.endswith((".", ":", "”", '"')) \
            or _BREADCRUMB.search(first):
        return None
    if blank_after and (len(lines) < 3 or lines[1].strip()):
        return None
    return first


def _with_title(title: str | None, body: str) -> str:
    if not title or not _TITLE_LINE.match(title.strip()):
        return body
    title = title.strip()
    first = body.split("\n", 1)[0].strip()
    if first.lower() == title.lower():
        return body
    return f"{title}\n{body}"


def failed(raw: RawDoc, status: Status, error: str) -> Article:
    """The article of a record that cannot be mined: its metadata, no text, the status and error."""
    return Article(article_id=article_id(raw.url, raw.source), source=raw.source, url=raw.url,
                   title=raw.title, site=raw.site or site_of(raw.url), author=raw.author,
                   published=parse_published(raw.published), language=None, text="",
                   status=status, error=error,
                   duplicate_of=article_id(raw.refers_to, "") if raw.refers_to else None)


def off_topic(raw: RawDoc) -> Article:
    """The row of a record the relevance gate passed over: its URL, title, site and published date
    (from the record, else read cheaply from the page's head), no text, status ``off_topic``."""
    meta = read_meta(raw.html) if raw.html is not None else None
    url = raw.url or (meta and meta.url)
    title = raw.title or (meta and meta.title)
    title = normalise_text(title).strip() or None if title else None
    published = parse_published(meta and meta.published) or parse_published(raw.published)
    return Article(article_id=article_id(url, raw.source), source=raw.source, url=url, title=title,
                   site=raw.site or (meta and meta.site) or site_of(url), author=raw.author, published=published,
                   language=None, text="", status=Status.OFF_TOPIC, error=Status.OFF_TOPIC.message(raw.source))


@dataclass(slots=True, frozen=True)
class Page:
    """What trafilatura found in a page: its text and metadata, without the parsed tree."""
    text: str
    title: str | None
    date: str | None
    sitename: str | None
    author: str | None
    url: str | None


def failed_with(raw: RawDoc, error: RecordError) -> Article:
    """The failed article of a record a reader or a stage raised ``error`` for."""
    return failed(raw, error.status, str(error))


def extract_page(raw: RawDoc) -> Page:
    """trafilatura over a record's HTML; raises :class:`~extract.status.ParseError` or
    :class:`~extract.status.NoBody` when it gives no article."""
    try:
        doc = bare_extraction(raw.html, url=raw.url, **TRAFILATURA_OPTIONS)
    except (ParserError, XMLSyntaxError, ValueError) as exc:
        raise ParseError(raw.source, f"{exc}") from exc
    if doc is None or len((doc.text or "").strip()) < MIN_BODY_CHARS:
        raise NoBody(raw.source, "no article body found in the page")
    return Page(doc.text, doc.title, doc.date, doc.sitename, doc.author, doc.url)


def from_page(raw: RawDoc, page: Page) -> Article:
    """A page's article: debris removed, title first, published date, language and fingerprint."""
    url = raw.url or page.url  # a WARC target URI or a record's url, else the page's canonical URL
    body = clean_text(page.text)
    title = normalise_text(raw.title or page.title or "").strip() or None
    text = _with_title(title, body)
    published = parse_published(page.date, body) or parse_published(raw.published, body) or dateline_date(body)
    return Article(article_id=article_id(url, text), source=raw.source, url=url, title=title,
                   site=raw.site or page.sitename or site_of(url), author=raw.author or page.author,
                   published=published, language=detect_language(text), text=text,
                   fingerprint=fingerprint(text))


def _from_text(raw: RawDoc) -> Article:
    body = clean_text(raw.text or "")
    if not body.strip():
        raise NoBody(raw.source, "nothing left after removing debris")
    title = raw.title if raw.title is not None else first_line_title(raw.text or "", blank_after=True)
    title = normalise_text(title).strip() or None if title else None
    text = _with_title(title, body)
    published = parse_published(raw.published, body) or dateline_date(body)
    return Article(article_id=article_id(raw.url, text), source=raw.source, url=raw.url, title=title,
                   site=raw.site or site_of(raw.url), author=raw.author, published=published,
                   language=detect_language(text), text=text, fingerprint=fingerprint(text))


def to_article(raw: RawDoc, page: Page | None = None) -> Article:
    """One raw record (and its page, when trafilatura read its HTML) -> one article: status ok, or the
    row of a record a reader could not read; raises a :class:`~extract.status.RecordError` when
    nothing is left to mine."""
    if raw.error:
        return failed(raw, raw.status if raw.status != Status.OK else Status.READ_ERROR, raw.error)
    if raw.html is not None:
        return from_page(raw, page if page is not None else extract_page(raw))
    return _from_text(raw)
