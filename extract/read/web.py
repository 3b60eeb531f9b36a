"""URLs given on the command line, downloaded within a total time and a byte cap.

One download (redirects, a retry and the body included) has ``fetch_timeout`` seconds in all:
each connection and read waits at most what is left of them, and a watchdog shuts the
connection when they are over, so that a server trickling its page a byte at a time ends as a
``fetch_error`` instead of holding the run. The body counts against the download cap as it is
decompressed. A ``429`` or ``503`` answer with a ``Retry-After`` of at most
:data:`RETRY_AFTER_CAP` seconds (and within the time left) is tried once more after that wait;
any other status than 200 is a ``fetch_error`` with its code. Private and loopback addresses are
refused on every hop (trafilatura's connection pool vets the address each connection reaches)
unless ``Settings(allow_private=True)``.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import functools
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin

import urllib3
from trafilatura.downloads import DEFAULT_HEADERS, create_pool

from .decode import charset_from_header, decode_html
from ..records import RawDoc
from ..settings import Settings
from ..status import FetchError, describe

MAX_REDIRECTS = 3
RETRY_AFTER_CAP = 30          # seconds of a Retry-After honoured (once); a longer wait is a fetch_error
RETRY_STATUSES = (429, 503)
CHUNK = 1 << 16


@dataclass(slots=True)
class Download:
    status: int
    url: str
    headers: urllib3.HTTPHeaderDict     # case-insensitive
    data: bytes


class TooSlow(Exception):
    """The download went past its total time."""


@functools.cache
def _pool(allow_private: bool) -> urllib3.PoolManager:
    import certifi
    return create_pool(ssrf_protection=not allow_private, ca_certs=certifi.where(), cert_reqs="CERT_REQUIRED")


def retry_after(value: str | None, now: dt.datetime | None = None) -> float | None:
    """The seconds a ``Retry-After`` header asks to wait (a number or an HTTP date), or None.

    >>> retry_after("5"), retry_after(" 0 "), retry_after("soon"), retry_after("-3")
    (5.0, 0.0, None, None)
    >>> retry_after("Wed, 21 Oct 2015 07:28:30 GMT", dt.datetime(2015, 10, 21, 7, 28, tzinfo=dt.timezone.utc))
    30.0
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(0.0, (when - (now or dt.datetime.now(dt.timezone.utc))).total_seconds())


def _body(response, cap: int, deadline: float, url: str) -> bytes:
    """The body, read until its end, ``cap`` bytes (+1) or the deadline, whichever comes first."""
    watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), response.shutdown)
    watchdog.daemon = True
    watchdog.start()
    chunks, held = [], 0
    try:
        for chunk in response.stream(CHUNK):
            chunks.append(chunk)
            held += len(chunk)
            if held > cap:
                raise FetchError(url, f"download over the page limit of {cap:,} bytes (--max-page-bytes)")
            if time.monotonic() > deadline:
                raise TooSlow
    except (urllib3.exceptions.HTTPError, OSError):
        if time.monotonic() >= deadline:
            raise TooSlow from None
        raise
    finally:
        watchdog.cancel()
        response.release_conn()
    return b"".join(chunks)


def _download(url: str, settings: Settings, deadline: float) -> Download:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TooSlow
    response = _pool(settings.allow_private).request(
        "GET", url, headers=DEFAULT_HEADERS, preload_content=False,
        retries=urllib3.util.Retry(total=MAX_REDIRECTS, redirect=MAX_REDIRECTS, connect=0, read=0, status=0,
                                   raise_on_status=False),
        timeout=urllib3.Timeout(connect=left, read=left))
    data = _body(response, settings.download_cap(), deadline, url)
    return Download(response.status, urljoin(url, response.geturl() or url), response.headers, data)


def _fetch(url: str, settings: Settings) -> Download:
    """The download, with one retry after a ``Retry-After`` wait the cap and the time left allow."""
    deadline = time.monotonic() + settings.fetch_timeout
    download = _download(url, settings, deadline)
    if download.status in RETRY_STATUSES:
        wait = retry_after(download.headers.get("Retry-After"))
        if wait is not None and wait <= RETRY_AFTER_CAP and time.monotonic() + wait < deadline:
            time.sleep(wait)
            download = _download(url, settings, deadline)
    return download


def fetch_url(url: str, settings: Settings = Settings()) -> RawDoc:
    """The page at ``url`` within the settings' fetch limits; a failed download is a ``fetch_error`` row."""
    try:
        download = _fetch(url, settings)
    except FetchError as error:
        return RawDoc.failed(error, url=url)
    except TooSlow:
        return RawDoc.failed(FetchError(url, f"download took longer than {settings.fetch_timeout:g} s (--timeout)"),
                             url=url)
    except (urllib3.exceptions.HTTPError, OSError, ValueError) as exc:   # refused, unreachable, a bad URL
        return RawDoc.failed(FetchError(url, f"download failed ({describe(exc)})"), url=url)
    if download.status != 200:
        wait = download.headers.get("Retry-After") if download.status in RETRY_STATUSES else None
        said = f"; Retry-After {' '.join(wait.split())[:40]} is over the cap or the time left" if wait else ""
        return RawDoc.failed(FetchError(url, f"HTTP {download.status}{said}"), url=url)
    if not download.data:
        return RawDoc.failed(FetchError(url, "the download is empty"), url=url)
    declared = charset_from_header(download.headers.get("Content-Type") or download.headers.get("content-type"))
    html, _ = decode_html(download.data, declared=declared)
    return RawDoc(source=url, url=download.url, html=html)
