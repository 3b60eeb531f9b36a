"""Turn the bytes of a page into text before trafilatura sees it.

Order of evidence: a byte-order mark, the charset the transport declared (HTTP
header), the page's own ``<meta charset>`` / ``http-equiv`` declaration, then a
detector (charset-normalizer) and, last, UTF-8 with replacement characters.

A declared label counts as a browser would take it (the WHATWG Encoding standard, by
``webencodings``): ``latin1`` and ``ascii`` are windows-1252, a label browsers do not know
(``cp037``, ``rot13``, a typo) is no declaration and the bytes are sniffed, and a meta tag
naming UTF-16 means UTF-8 (a meta tag the ASCII scan found is not UTF-16 text); so does a
transport's UTF-16 on bytes with no NUL in their head.

>>> decode_html(b'\\xef\\xbb\\xbf<p>Hal\\xc3\\xb3</p>')
('<p>Haló</p>', 'utf-8-sig')
>>> decode_html(b'<meta charset="windows-1252"><p>\\x93Prima\\x94</p>')[0][-11:]
'“Prima”</p>'
>>> decode_html(b'<p>plain</p>', declared='iso-8859-1')
('<p>plain</p>', 'cp1252')
>>> decode_html('<meta charset="utf-16"><p>Haló</p>'.encode())     # a meta tag's UTF-16 is UTF-8
('<meta charset="utf-16"><p>Haló</p>', 'utf-8')
"""
from __future__ import annotations

import codecs
import logging

import charset_normalizer
import regex
import webencodings

log = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = regex.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", regex.IGNORECASE
)
_HEADER_CHARSET = regex.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", regex.IGNORECASE)
_NOT_TEXT = ("replacement",)                   # WHATWG's labels of encodings that decode to nothing
_UTF16 = ("utf-16le", "utf-16be")


def charset_from_header(content_type: str | None) -> str | None:
    """The charset of an HTTP Content-Type value, if it names one.

    >>> charset_from_header('text/html; charset=ISO-8859-1')
    'ISO-8859-1'
    """
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def browser_encoding(label: str | None, head: bytes = b"", from_meta: bool = False) -> str | None:
    """The Python codec a browser decodes a page with, given a declared ``label``; None when
    browsers do not know the label (then the bytes are sniffed).

    >>> [browser_encoding(label) for label in ("ISO-8859-1", " utf8 ", "gbk", "cp037", "x-bogus")]
    ['cp1252', 'utf-8', 'gbk', None, None]
    >>> browser_encoding("utf-16", b"<meta charset=utf-16>", from_meta=True), browser_encoding("utf-16", b"<\\x00p\\x00")
    ('utf-8', 'utf-16-le')
    """
    if not label:
        return None
    encoding = webencodings.lookup(label)
    if encoding is None or encoding.name in _NOT_TEXT:
        return None
    if encoding.name in _UTF16 and (from_meta or b"\x00" not in head[:4096]):
        return "utf-8"
    if encoding.name == "x-user-defined":
        return "cp1252"
    return encoding.codec_info.name


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeError:   # UnicodeError, not only its decode error: some codecs raise it
        return None


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a stray windows-1252 quote pasted in): decoded with replacements.

    The page counts as UTF-8 when its valid multi-byte characters are at least as many as its
    broken bytes; text in a single-byte encoding has almost no valid multi-byte sequences.

    >>> _mostly_utf8("“Déwa” ".encode() + b"\\x92")
    '“Déwa” \\ufffd'
    >>> _mostly_utf8("Déwa".encode("cp1252")) is None
    True
    """
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for char in text if char > "\x7f") - broken
    return text if valid >= broken else None


def decode_html(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes; return the text and the encoding that was used."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    head = data[:4096]
    meta = _META_CHARSET.search(head)
    candidates = [browser_encoding(declared, head),
                  browser_encoding(meta.group(1).decode("ascii", "ignore"), head, from_meta=True) if meta else None]
    for encoding in candidates:
        if encoding:
            text = _try(data, encoding)
            if text is not None:
                return text, encoding
            log.debug("declared charset %s does not decode the page", encoding)
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = _mostly_utf8(data)
    if text is not None:
        return text, "utf-8"
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace"), best.encoding
    return data.decode("utf-8", errors="replace"), "utf-8"


_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13, 27})   # bytes no text document is made of
_CONTROL_SHARE = 0.02


def looks_binary(data: bytes) -> bool:
    """True when bytes are clearly not a text document: file magic, NULs, or control bytes.

    >>> looks_binary(b'%PDF-1.7 ...'), looks_binary(b'<html></html>'), looks_binary(bytes(range(256)) * 4)
    (True, False, True)
    """
    head = data[:4096]
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    control = len(head) - len(head.translate(None, _CONTROL))
    return control > _CONTROL_SHARE * len(head)
