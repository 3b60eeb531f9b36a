"""A page's URL, title, site and publication date read cheaply from its ``<head>``, without parsing
it: for the ``articles`` row of a page that is not read further (the relevance gate passed over it).

Each field is the first of its meta tags found in the page's first ``HEAD_CHARS`` characters, as
trafilatura would read them from a full parse: ``og:url`` or the canonical link; ``og:title``,
else ``<title>``; ``og:site_name``; ``article:published_time`` (and its kin), else a ``<time
datetime>``. Entities are decoded; a field the head lacks is None.

>>> meta = read_meta('<html><head><title>Harga &amp; Pasar</title>'
...                  '<link rel="canonical" href="https://a.example/x">'
...                  '<meta property="article:published_time" content="2023-03-09T10:00:00+07:00">')
>>> meta.url, meta.title, meta.published
('https://a.example/x', 'Harga & Pasar', '2023-03-09T10:00:00+07:00')
>>> read_meta("<p>no head</p>")
PageMeta(url=None, title=None, site=None, published=None)
"""
from __future__ import annotations

import html as entities
import re
from dataclasses import dataclass

HEAD_CHARS = 60_000    # the head, and the top of the body where a <time> may stand

_ATTRIBUTES = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_TAG = re.compile(r"<(meta|link)\s([^<>]{0,2000})>", re.IGNORECASE)
_TITLE = re.compile(r"<title[^<>]{0,200}>([^<]{1,500})</title>", re.IGNORECASE)
_TIME = re.compile(r"""<time[^<>]{0,200}?\sdatetime\s*=\s*["']([^"']{4,40})["']""", re.IGNORECASE)
_URL_NAMES = ("og:url",)
_TITLE_NAMES = ("og:title", "twitter:title")
_SITE_NAMES = ("og:site_name",)
_DATE_NAMES = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
               "date", "dc.date", "dc.date.issued", "content_publishdate", "article:published")


@dataclass(slots=True, frozen=True)
class PageMeta:
    url: str | None
    title: str | None
    site: str | None
    published: str | None    # as the page writes it; parsed like any published value


def _attributes(text: str) -> dict[str, str]:
    return {m.group(1).lower(): entities.unescape(next(g for g in m.groups()[1:] if g is not None))
            for m in _ATTRIBUTES.finditer(text)}


def read_meta(page: str) -> PageMeta:
    """The page's URL, title, site name and published value, from its first tags."""
    head = page[:HEAD_CHARS]
    named: dict[str, str] = {}
    canonical = None
    for match in _TAG.finditer(head):
        attributes = _attributes(match.group(2))
        if match.group(1).lower() == "link":
            if canonical is None and "canonical" in attributes.get("rel", "").lower().split():
                canonical = attributes.get("href") or None
            continue
        name = (attributes.get("property") or attributes.get("name") or attributes.get("itemprop") or "").lower()
        value = attributes.get("content", "").strip()
        if name and value:
            named.setdefault(name, value)

    def first(names: tuple[str, ...]) -> str | None:
        return next((named[n] for n in names if n in named), None)

    title = first(_TITLE_NAMES)
    if title is None and (found := _TITLE.search(head)):
        title = " ".join(entities.unescape(found.group(1)).split()) or None
    published = first(_DATE_NAMES)
    if published is None and (found := _TIME.search(head)):
        published = found.group(1)
    return PageMeta(first(_URL_NAMES) or canonical, title, first(_SITE_NAMES), published)
