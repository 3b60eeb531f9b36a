"""URLs given on the command line, fetched with trafilatura's downloader.

The downloader's settings bound every fetch: ``DOWNLOAD_TIMEOUT`` seconds and
``MAX_FILE_SIZE`` bytes. Fetching from private or loopback addresses is refused
unless the config allows it (``fetch_config(allow_private=True)``).
"""
from __future__ import annotations

import functools
import logging
from configparser import ConfigParser

from trafilatura.downloads import fetch_response
from trafilatura.settings import use_config

from .decode import charset_from_header, decode_html
from ..records import RawDoc
from ..settings import Settings
from ..status import FetchError

log = logging.getLogger(__name__)


@functools.cache
def fetch_config(timeout: int = 30, max_bytes: int = 20_000_000, allow_private: bool = False) -> ConfigParser:
    """trafilatura's downloader settings for these bounds (one per bounds: do not change it)."""
    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(timeout))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max_bytes))
    config.set("DEFAULT", "SLEEP_TIME", "0")
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_private else "on")
    return config


def fetch_url(url: str, settings: Settings = Settings()) -> RawDoc:
    """The page at ``url`` within the settings' fetch limits; a failed download is a ``fetch_error`` row."""
    config = fetch_config(settings.fetch_timeout, settings.download_cap(), settings.allow_private)
    response = fetch_response(url, decode=False, with_headers=True, config=config)
    if response is None or not response.data:
        return RawDoc.failed(FetchError(url, "download failed (timeout, refused, too large or empty)"), url=url)
    if response.status != 200:
        return RawDoc.failed(FetchError(url, f"HTTP {response.status}"), url=url)
    headers = response.headers or {}
    declared = charset_from_header(headers.get("content-type") or headers.get("Content-Type"))
    html, _ = decode_html(response.data, declared=declared)
    return RawDoc(source=url, url=response.url or url, html=html)
