"""What became of a record: its status, the group the run's summary counts it in, and the errors
that readers and stages raise for a record they cannot use; and :class:`RunError`, the one
error that is no record's but the run's.

Every ``articles`` row has one :class:`Status`; the closing summary counts them in three
groups (:class:`Group`), and inputs = ok + failed + skipped. A status is a ``str``, so the
tables hold its code (``Status.TIMEOUT == "timeout"``).

>>> Status.OK.group, Status.DUPLICATE.group, Status.TIMEOUT.group
(<Group.OK: 'ok'>, <Group.SKIPPED: 'skipped'>, <Group.FAILED: 'failed'>)
>>> group_of("duplicate") == "skipped", group_of("no-such-code") == "failed"
(True, True)
>>> str(NoBody("a.html", "no article body found in the page"))
'a.html: no article body found in the page'
"""
from __future__ import annotations

import enum


class Group(str, enum.Enum):
    """The three groups of the run's summary."""
    OK = "ok"
    SKIPPED = "skipped"
    FAILED = "failed"

    __str__ = str.__str__
    __format__ = str.__format__


class Status(str, enum.Enum):
    """A record's outcome: its code (as written in ``articles.status``), its group, and the
    template of the error after ``source: `` (fields of :meth:`message`)."""

    OK = ("ok", Group.OK, "")
    LANGUAGE = ("language", Group.SKIPPED, "written in {name} ({code}); only {mined} are mined")
    DUPLICATE = ("duplicate", Group.SKIPPED, "{detail}")
    HTTP_STATUS = ("http_status", Group.SKIPPED, "{detail}")
    OFF_TOPIC = ("off_topic", Group.SKIPPED, "names no award scheme, awarder or predicate: not read further "
                 "(--all-pages reads every page)")
    READ_ERROR = ("read_error", Group.FAILED, "{detail}")
    EMPTY = ("empty", Group.FAILED, "{detail}")
    NOT_TEXT = ("not_text", Group.FAILED, "binary content, not a text document")
    UNSUPPORTED = ("unsupported", Group.FAILED, "unsupported file type (expected one of {expected})")
    BAD_JSON = ("bad_json", Group.FAILED, "invalid JSON ({detail})")
    BAD_RECORD = ("bad_record", Group.FAILED, "{detail}")
    FETCH_ERROR = ("fetch_error", Group.FAILED, "{detail}")
    PARSE_ERROR = ("parse_error", Group.FAILED, "HTML could not be parsed ({detail})")
    NO_BODY = ("no_body", Group.FAILED, "{detail}")
    TOO_LARGE = ("too_large", Group.FAILED, "{detail}")
    TOO_LARGE_DECOMPRESSED = ("too_large_decompressed", Group.FAILED, "{detail}")
    TIMEOUT = ("timeout", Group.FAILED, "processing took longer than {seconds:g} s (--doc-timeout)")
    ERROR = ("error", Group.FAILED, "{kind}: {detail}")

    def __new__(cls, code: str, group: Group, template: str) -> "Status":
        member = str.__new__(cls, code)
        member._value_ = code
        member.group = group
        member.template = template
        return member

    __str__ = str.__str__
    __format__ = str.__format__

    def message(self, source: str, **fields) -> str:
        """The readable error of a record with this status: the input's name, then what happened."""
        return f"{source}: {self.template.format(**fields)}"


MAX_DETAIL = 300   # characters of an exception's text a row's error keeps


def describe(exc: BaseException) -> str:
    """An exception as a row's error tells it: its type and its message on one line, cut short, so
    that an error never carries the payload that caused it.

    >>> describe(AttributeError("'NoneType' object has no attribute 'startswith'"))
    "AttributeError: 'NoneType' object has no attribute 'startswith'"
    >>> len(describe(ValueError("x" * 10_000))) == MAX_DETAIL, describe(KeyError())
    (True, 'KeyError')
    """
    text = " ".join(str(exc).split())
    said = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return said if len(said) <= MAX_DETAIL else said[:MAX_DETAIL - 1] + "…"


def group_of(status: str) -> Group:
    """The group of a status code as a table holds it (an unknown code fails)."""
    try:
        return Status(status).group
    except ValueError:
        return Group.FAILED


class RecordError(Exception):
    """A record that cannot be used: raised by a reader or a stage, written as one failed row.

    Carries the input's name (``source``) and the status; ``str()`` is the row's error.
    """

    status: Status = Status.ERROR

    def __init__(self, source: str, detail: str = "", **fields) -> None:
        self.source = source
        super().__init__(self.status.message(source, detail=detail, **fields))


class ReadError(RecordError):
    status = Status.READ_ERROR


class Empty(RecordError):
    status = Status.EMPTY


class NotText(RecordError):
    status = Status.NOT_TEXT


class Unsupported(RecordError):
    status = Status.UNSUPPORTED


class BadJSON(RecordError):
    status = Status.BAD_JSON


class BadRecord(RecordError):
    status = Status.BAD_RECORD


class FetchError(RecordError):
    status = Status.FETCH_ERROR


class ParseError(RecordError):
    status = Status.PARSE_ERROR


class NoBody(RecordError):
    status = Status.NO_BODY


class TooLarge(RecordError):
    status = Status.TOO_LARGE


class TooLargeDecompressed(RecordError):
    status = Status.TOO_LARGE_DECOMPRESSED


class Timeout(RecordError):
    status = Status.TIMEOUT


class HttpStatus(RecordError):
    """An archive's capture of an HTTP error (404, 500): kept, not mined."""
    status = Status.HTTP_STATUS


class Duplicate(RecordError):
    """A record that repeats another (a WARC revisit record): kept, not mined."""
    status = Status.DUPLICATE


class RunError(Exception):
    """A run that cannot go on, through no record's fault (a cluster whose workers do not see the
    inputs): the command line says it in one line and exits with 3."""


class OutputBusy(RunError):
    """Another run is writing to the same output folder: this one starts nothing."""


class UsageError(ValueError):
    """A command given what it cannot work with (an input that does not exist, ``--out`` naming a
    file, a folder with nothing to read, a folder that is not a run's output): the command line
    says it in one line and exits with 2, as for a wrong option."""
