"""Stopping a run cleanly: Ctrl-C (SIGINT, sent to the whole process group) and SIGTERM (sent to
the main process alone, as ``timeout``, a batch scheduler or systemd do) both raise
:class:`Stopped` in the main process; the runners then cancel the shards not started and end
their workers (:mod:`extract.runner.local`). The shards finished are kept, so the rerun
resumes. Workers ignore SIGINT: the main process, not each worker, decides how the run stops.
"""
from __future__ import annotations

import contextlib
import signal
import threading
from typing import Iterator

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Stopped(KeyboardInterrupt):
    """The run was stopped by a signal (a ``KeyboardInterrupt``, so that code which lets Ctrl-C
    through lets SIGTERM through too)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
        self.name = signal.Signals(signum).name


def _raise(signum: int, frame) -> None:
    raise Stopped(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within it, SIGINT and SIGTERM raise :class:`Stopped` in the main thread; the handlers
    before it are restored after. Off the main thread it changes nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = {signum: signal.signal(signum, _raise) for signum in SIGNALS}
    try:
        yield
    finally:
        for signum, handler in before.items():
            signal.signal(signum, handler)


def as_worker() -> None:
    """In a worker process: SIGINT ignored (Ctrl-C reaches every process of the group, and the main
    process stops the run), SIGTERM ends it (the main process's way to stop it)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
