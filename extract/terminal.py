"""What the command line prints, made safe for a terminal: scraped data (a claim's sentence, a
title, a file name) may hold control characters that retitle, clear or drive it. C0 and C1
controls, but newline and tab, are escaped as ``\\u001b``, which keeps printed JSON valid."""
from __future__ import annotations

import logging
import re
import sys

_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""``text`` with its control characters but newline and tab escaped, for a terminal.

    >>> printable("Pemkot\x1b]0;pwned\x07 raih\x9b2J WBK\n\tya\r")
    'Pemkot\\u001b]0;pwned\\u0007 raih\\u009b2J WBK\n\tya\\u000d'
    """
    return _CONTROLS.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def say(text: object = "", file=None, end: str = "\n") -> None:
    """print, with :func:`printable`: what the commands print comes from scraped data."""
    (file or sys.stdout).write(printable(str(text)) + end)


class PrintableFormatter(logging.Formatter):
    """A log line as :func:`printable` makes it: a record's error may quote a file name or a page."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))
