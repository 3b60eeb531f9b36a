"""Limits on what one record may cost: bytes read, bytes decompressed, seconds of processing.

A record over a limit becomes an ``articles`` row whose status names the limit
(``too_large``, ``too_large_decompressed``, ``timeout``) and whose error names
the input and the limit; the run goes on.

The time limit interrupts Python code only: an alarm signal (``SIGALRM`` with
``setitimer``) on the main thread of a process, which covers a single-process
run and local ``--workers``; elsewhere (a Dask worker runs tasks in threads) a
watchdog thread raises the timeout in the worker's thread. Either way a single
long call into C (one lxml parse, one regular-expression match) finishes
before the timeout is raised, and the alarm repeats every half second until the
record's code notices it.
"""
from __future__ import annotations

import contextlib
import ctypes
import signal
import threading
from dataclasses import dataclass
from typing import Iterator

MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-record caps; ``None`` switches one off."""

    max_page_bytes: int | None = 10 * MB                 # one page, text file, JSON line or WARC record
    max_decompressed_bytes: int | None = 20_000 * MB      # read out of one .gz file (a gzip bomb stops here)
    doc_timeout: float | None = 60.0                     # seconds to process one record


class DocumentTimeout(BaseException):
    """Raised inside a record's processing when its time is up.

    A ``BaseException``, so that the ``except Exception`` of libraries in the way
    does not swallow it.
    """


_REPEAT = 0.5   # seconds between repeated alarms, should code in the way catch one


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` in this thread if the block runs longer than ``seconds``."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds):
            yield
    else:
        with _watchdog(seconds):
            yield


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    armed = True

    def on_alarm(signum, frame):
        if armed:
            raise DocumentTimeout()

    def disarm():
        nonlocal armed
        armed = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT)
    try:
        yield
    finally:
        _surely(disarm)


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


@contextlib.contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    stop = threading.Event()
    state = {"armed": True}

    def watch():
        if stop.wait(seconds):
            return
        while True:
            with lock:
                if not state["armed"]:
                    return
                _raise_in(target, DocumentTimeout)
            if stop.wait(_REPEAT):
                return

    def disarm():
        with lock:
            state["armed"] = False
            stop.set()
        _raise_in(target, None)    # withdraw a timeout raised too late to land inside the block

    watcher = threading.Thread(target=watch, name="extract-doc-timeout", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        _surely(disarm)
        watcher.join()


def _surely(disarm) -> None:
    """Run ``disarm`` to its end even if a last timeout lands while it runs (the block is over)."""
    while True:
        try:
            disarm()
            return
        except DocumentTimeout:
            continue
