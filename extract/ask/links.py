"""Links to a record's source in pages made from scraped data: only to web addresses.

A scraped URL is data, not to be trusted: ``javascript:``, ``data:`` or ``vbscript:`` in an
``href`` runs in the reader's browser on a click. A URL becomes a link only when a browser would
read it as ``http`` or ``https``: after character references are decoded (``&#106;avascript:``),
leading and trailing controls and spaces stripped and tabs and line breaks removed (as the URL
parser does), its scheme, in any case, is one of the two. Anything else is shown as text.
"""
from __future__ import annotations

import html

import regex

_EDGES = regex.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_DROPPED = regex.compile(r"[\t\n\r]")
_WEB = regex.compile(r"https?://[^/?#\\]", regex.IGNORECASE)


def web_url(url: object) -> str | None:
    """``url`` as a browser reads it, when that is an http(s) address; else None.

    >>> web_url("https://warta.example.id/a?b=1&amp;c=2"), web_url(" HTTP://x.id/ ")
    ('https://warta.example.id/a?b=1&c=2', 'HTTP://x.id/')
    >>> [web_url(u) for u in ("javascript:alert(1)", " JaVa\\tScRiPt:alert(1)", "&#106;avascript:alert(1)",
    ...                      "data:text/html,<script>", "vbscript:msgbox", "//evil.example", "/berita/1", None)]
    [None, None, None, None, None, None, None, None]
    """
    if not isinstance(url, str):
        return None
    read = _DROPPED.sub("", _EDGES.sub("", html.unescape(url)))
    return read if _WEB.match(read) else None


def source_link(url: object, label: str) -> str:
    """An ``<a>`` to ``url`` with the (escaped) ``label``, or, for a URL that is no web address, the URL
    as text (escaped); ``label`` alone when there is no URL."""
    target = web_url(url)
    if target is not None:
        return f'<a href="{html.escape(target, quote=True)}" rel="noopener noreferrer">{label}</a>'
    if isinstance(url, str) and url.strip():
        return f'{label} <span class="muted">({html.escape(url)})</span>'
    return label
