"""extract: Indonesian news pages in, tidy tables of public-service award claims out.

The library calls a notebook needs are here; the command line (``extract``) is a
thin layer over them::

    import extract
    summary = extract.run(["corpus"], "outputs")     # limits=extract.Limits(doc_timeout=30) to tighten
    tables = extract.load("outputs")
    scores = extract.evaluate("corpus/gold", "outputs")
    claims = extract.find_claims("outputs", unit="Kemensos", year=2021)
    verdict = extract.check("outputs", "Kemensos meraih predikat Kepatuhan Tinggi tahun 2021")
"""
from __future__ import annotations

import os

# Arrow's default allocator (mimalloc) keeps freed memory per thread for reuse; over a long run
# that shows as resident memory that only grows (reading 2 MB of claims back cost 38 MB of it).
# The C library's allocator gives it back. Read by Arrow when it loads, so set before any import
# of pyarrow; a value the user set is kept.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

from .about import __version__

from .across.crosscheck import crosscheck
from .ask.evaluate import evaluate
from .limits import Limits
from .io.load import load
from .settings import Settings
from .ask.query import find_claims
from .ask.verdicts import check
from .ask.report import write_report
from .runner.runs import run

__all__ = ["run", "load", "evaluate", "crosscheck", "find_claims", "check", "write_report", "Limits", "Settings",
           "__version__"]
