"""The command line: thin commands over the library (``extract --help``).

Every mistake a user can make on it is one line on stderr and an exit status (the README's
"Exit status"); none is a traceback. Exit status of ``extract run``: 0 when every record is
``ok`` or skipped, 1 when some records failed (the run finished; see their rows), 3 when the run
itself failed (its tables are marked incomplete), 130 or 143 when Ctrl-C or SIGTERM stopped it,
and 2 for a usage error: a wrong option, an input that does not exist, ``--out`` naming a file, a
folder with nothing to read, a folder that is not a run's output (``check`` says 7 there); 3 too
when another run holds the output folder. What it prints is made safe by :mod:`extract.terminal`.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys

from .about import __version__
from .limits import Limits
from .settings import FETCH_TIMEOUT, FILES_PER_SHARD, TABLE_BATCH_SIZE, Settings
from .status import OutputBusy, RunError, UsageError, describe
from .terminal import PrintableFormatter, say as _say

log = logging.getLogger("extract")

EXIT_OK = 0               # every record ok or skipped
EXIT_RECORDS_FAILED = 1   # the run finished, and some records failed
EXIT_USAGE = 2            # argparse's: a wrong option, or arguments the command cannot work with
EXIT_RUN_FAILED = 3       # the run (or another command) itself failed: a run's tables are marked incomplete
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE    # the reader of the output went away (`| head`), as other tools exit


def _stopped_status(signum: int) -> int:
    """A run stopped by a signal exits as the shell reports a process it killed: 130 for Ctrl-C
    (SIGINT), 143 for SIGTERM."""
    return 128 + signum


USAGE = """\
Indonesian news pages in, tables of public-service award claims out.

commands:
  run         read pages (HTML, WARC, JSONL, text files, URLs) into parquet tables
  claims      print a run's claims that match filters, with their evidence
  check       is a statement supported or contradicted by a run's records?
  report      write one self-contained HTML page of a run
  evaluate    precision, recall and F1 of a run against gold annotations
  crosscheck  recompute a run's support and conflicts tables

example:
  extract run crawl.warc.gz pages/ --out results
  extract claims results --unit "Disdukcapil Ngawi" --year 2021
  extract report results -o results/report.html

exit status: 0 done, 1 some records failed, 2 wrong usage, 3 the run failed, 130/143 stopped
(Ctrl-C/SIGTERM); `extract check` gives its verdict (see `extract check --help`).
`extract COMMAND --help` shows a command's options.
"""


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error in one line (the command and what is wrong), exit status 2."""

    def error(self, message: str):
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")

    def parse_args(self, args=None, namespace=None):
        """As argparse's, with unknown options named by the command they were given to."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            prog = f"{self.prog} {parsed.command}" if getattr(parsed, "command", None) else self.prog
            self.exit(EXIT_USAGE, f"{prog}: unrecognized arguments: {' '.join(extras)} (see {prog} --help)\n")
        return parsed


def _count(value: str) -> int:
    """A whole number of 1 or more (workers, files per shard, rows per batch)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {value}")
    return number


def _positive_or_off(value: str) -> float | None:
    """A limit's value: a positive number, or 0 / "none" for no limit."""
    if value.lower() in ("0", "none", "off"):
        return None
    number = float(value)
    if number <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number or 0 for no limit, got {value}")
    return number


def _settings(args: argparse.Namespace) -> Settings:
    """The one Settings of a run, from its options."""
    as_int = lambda value: None if value is None else int(value)  # noqa: E731
    limits = Limits(max_page_bytes=as_int(args.max_page_bytes), max_decompressed_bytes=as_int(args.max_decompressed_bytes),
                    doc_timeout=args.doc_timeout)
    return Settings(limits=limits, files_per_shard=args.files_per_shard, table_batch_size=args.batch_size,
                    fetch_timeout=args.timeout, all_pages=args.all_pages)


def _run(args: argparse.Namespace) -> int:
    from .runner.runs import run
    from .runner.stopping import Stopped, stop_on_signals
    try:
        with stop_on_signals():
            summary = run(args.inputs or None, args.out, _settings(args), workers=args.workers,
                          scheduler=args.scheduler, progress=False if args.quiet else None)
    except Stopped as stop:
        _say(f"extract run: stopped by {stop.name}; the shards finished are kept in {args.out}: rerun the same "
              "command to go on", file=sys.stderr)
        return _stopped_status(stop.signum)
    except (UsageError, BrokenPipeError):
        raise
    except OutputBusy as exc:   # the other run's tables are its own: nothing to say of them
        _say(f"extract run: {exc}", file=sys.stderr)
        return EXIT_RUN_FAILED
    except RunError as exc:
        return _run_failed(args, str(exc))
    except Exception as exc:   # the run itself failed (a lost cluster, a full disk): one line, and its status
        log.info("the run failed", exc_info=exc)
        return _run_failed(args, describe(exc))
    _say("\n".join(summary.lines()))
    return EXIT_RECORDS_FAILED if summary.failed else EXIT_OK


def _run_failed(args: argparse.Namespace, why: str) -> int:
    from .io.tables import INCOMPLETE, incomplete
    _say(f"extract run: failed: {why}", file=sys.stderr)
    if incomplete(args.out):
        _say(f"the tables in {args.out} are incomplete ({args.out}/{INCOMPLETE}); rerun the same command "
              "to finish them", file=sys.stderr)
    else:
        _say(f"nothing was written to {args.out}", file=sys.stderr)
    return EXIT_RUN_FAILED


def _evaluate(args: argparse.Namespace) -> int:
    from .ask.evaluate import evaluate
    report = evaluate(args.gold, args.pred)
    if not report.found:
        raise UsageError(f"coverage 0 of {len(report.articles)}: no gold article of {args.gold} is in the run in "
                         f"{args.pred} (by URL or file name); give --pred the output of a run over them")
    if args.json:
        _say(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
        return 0
    if not args.quiet:
        errors = report.errors()
        if errors:
            _say(errors, end="\n\n")
    _say(report.table())
    return 0


def _claims(args: argparse.Namespace) -> int:
    from .ask.query import evidence_lines, find_claims, for_csv
    found = find_claims(args.out_dir, unit=args.unit, year=args.year, scheme=args.scheme, predicate=args.predicate)
    if args.csv:
        _say(for_csv(found).to_csv(index=False), end="")
        return 0
    for row in found.to_dict("records"):
        _say("\n".join(evidence_lines(row)))
    _say(f"{len(found)} claim{'s' if len(found) != 1 else ''}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from .ask.verdicts import ERROR_EXIT, check
    try:
        result = check(args.out_dir, args.statement)
    except (OSError, ValueError) as error:
        _say(f"extract check: {error}", file=sys.stderr)
        return ERROR_EXIT
    if args.json:
        _say(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        _say("\n".join(result.lines()))
    return result.exit_code


def _crosscheck(args: argparse.Namespace) -> int:
    from .across.crosscheck import crosscheck
    result = crosscheck(args.out_dir)
    conflicts = len({side.conflict_id for side in result.conflicts})
    _say(f"results {len(result.support)} ({sum(s.articles > 1 for s in result.support)} stated by more than one "
          f"article); conflicts {conflicts} ({len(result.conflicts)} claims)")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .ask.report import write_report
    _say(write_report(args.out_dir, args.output, title=args.title))
    return 0


def _verbosity(common: bool) -> argparse.ArgumentParser:
    """-v and -q, taken before the command or after it (``extract run -q``, ``extract -q run``)."""
    parser = argparse.ArgumentParser(add_help=False)
    hidden = {} if common else {"default": argparse.SUPPRESS}   # after the command, they keep what came before
    parser.add_argument("-v", "--verbose", action="count", help="more log output (-vv for debug)",
                        **(hidden or {"default": 0}))
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, warnings or notes; "
                        "errors and results only", **hidden)
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="extract", description=USAGE, usage="extract [-v | -q] COMMAND ...",
                     formatter_class=argparse.RawDescriptionHelpFormatter, parents=[_verbosity(True)])
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", help=argparse.SUPPRESS,
                                     prog="extract")
    options = [_verbosity(False)]

    run = commands.add_parser("run", parents=options, help="extract tables from news pages, WARC, JSONL, text files or URLs")
    run.add_argument("inputs", nargs="*", metavar="INPUT",
                     help="files, directories (searched recursively) or http(s) URLs; default: corpus/")
    run.add_argument("--out", default="outputs", help="directory for the parquet tables (default: outputs/)")
    run.add_argument("--workers", type=_count, default=None,
                     help="worker processes on this machine (default: all cores)")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="run the shards on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786)")
    run.add_argument("--files-per-shard", type=_count, default=FILES_PER_SHARD,
                     help="HTML/text files per shard (each WARC or JSONL file is a shard of its own)")
    run.add_argument("--batch-size", type=_count, default=TABLE_BATCH_SIZE, help="rows buffered per table before a write")
    run.add_argument("--all-pages", action="store_true",
                     help="read and mine every page, also those that name no award scheme, awarder or predicate "
                          "(by default they are kept as off_topic rows, unread)")
    run.add_argument("--timeout", type=_count, default=FETCH_TIMEOUT, help="seconds allowed per URL download, in all (redirects, a retry and the body included)")
    defaults = Limits()
    run.add_argument("--max-page-bytes", "--max-bytes", type=_positive_or_off, default=defaults.max_page_bytes,
                     metavar="N", help="largest page, text file, JSON line, WARC record or download, in bytes "
                                       f"(default {defaults.max_page_bytes:,}; 0 for none)")
    run.add_argument("--max-decompressed-bytes", type=_positive_or_off, default=defaults.max_decompressed_bytes,
                     metavar="N", help="most bytes read out of one .gz file or WARC archive "
                                       f"(default {defaults.max_decompressed_bytes:,}; 0 for none)")
    run.add_argument("--doc-timeout", type=_positive_or_off, default=defaults.doc_timeout, metavar="SECONDS",
                     help=f"most time spent on one record (default {defaults.doc_timeout:g}; 0 for none)")
    run.epilog = ("exit status: 0 every record ok or skipped, 1 some records failed, 2 wrong usage, 3 the run failed "
                  "(its tables are marked incomplete), 130/143 stopped by Ctrl-C/SIGTERM (rerun to go on)")
    run.set_defaults(func=_run)

    ev = commands.add_parser("evaluate", parents=options,
                             help="precision, recall and F1 per field against gold annotations")
    ev.add_argument("--gold", required=True, help="directory of gold JSON files")
    ev.add_argument("--pred", required=True, help="output directory of a run")
    ev.add_argument("--json", action="store_true", help="print the full report as JSON")
    ev.epilog = "-q prints only the table of scores"
    ev.set_defaults(func=_evaluate)

    claims = commands.add_parser("claims", parents=options,
                                 help="print the claims of a run that match filters, with their evidence")
    claims.add_argument("out_dir", metavar="OUTDIR", help="output directory of a run")
    claims.add_argument("--unit", help="any name of the unit, or part of one (Kemensos, Disdukcapil Ngawi)")
    claims.add_argument("--year", type=int, help="evaluation or award year")
    claims.add_argument("--scheme", help="scheme id or part of its name (PEKPPP, KEPATUHAN, zona integritas)")
    claims.add_argument("--predicate", help="predicate label or part of it (Pelayanan Prima, informatif)")
    claims.add_argument("--csv", action="store_true", help="write the matching rows as CSV instead")
    claims.set_defaults(func=_claims)

    check = commands.add_parser("check", parents=options,
                                help="is a statement supported or contradicted by a run's records?")
    check.add_argument("out_dir", metavar="OUTDIR", help="output directory of a run")
    check.add_argument("statement", help='in Indonesian, e.g. "Kemensos meraih predikat Kepatuhan Tinggi dengan '
                                         'nilai 81,05 tahun 2021 dari Ombudsman RI"')
    check.add_argument("--json", action="store_true", help="print the verdict, the statement as read and each "
                                                            "record with its parts, evidence and source as JSON")
    check.epilog = ("exit status: 0 supported, 3 contradicted, 4 disputed, 5 not found, 6 not understood, "
                    "7 the run could not be read, 2 wrong usage")
    check.set_defaults(func=_check)

    cross = commands.add_parser("crosscheck", parents=options,
                                help="recompute a run's support and conflicts tables (a run does this at its end)")
    cross.add_argument("out_dir", metavar="OUTDIR", help="output directory of a run")
    cross.set_defaults(func=_crosscheck)

    report = commands.add_parser("report", parents=options, help="write a self-contained HTML page of a run's claims")
    report.add_argument("out_dir", metavar="OUTDIR", help="output directory of a run")
    report.add_argument("-o", "--output", default=None,
                        help="the HTML file (default: OUTDIR/report.html; its folder is made when missing)")
    report.add_argument("--title", default=None, help="the page's title")
    report.set_defaults(func=_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    level = logging.ERROR if args.quiet else [logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrintableFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler])
    try:
        return _command(args)
    except UsageError as error:
        _say(f"extract {args.command}: {error}", file=sys.stderr)
        return _not_a_run_status(args) if isinstance(error, NotARun) else EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as error:   # a file that cannot be read or written: its name and why, in one line
        _say(f"extract {args.command}: failed: {describe(error)}", file=sys.stderr)
        return EXIT_RUN_FAILED


def _command(args: argparse.Namespace) -> int:
    """The command, once the run folder it reads (if any) is known to be one."""
    from .io.tables import require_run
    out_dir = getattr(args, "out_dir", None) or getattr(args, "pred", None)
    if out_dir is not None:
        try:
            require_run(out_dir)
        except UsageError as error:
            raise NotARun(str(error)) from None
        _warn_if_incomplete(out_dir)
    status = args.func(args)
    sys.stdout.flush()      # a closed pipe is found here, not at exit
    return status


class NotARun(UsageError):
    """The folder a command reads is not a run's output."""


def _not_a_run_status(args: argparse.Namespace) -> int:
    """``check`` has its own status for a folder it cannot read (its others are verdicts)."""
    if args.command == "check":
        from .ask.verdicts import ERROR_EXIT
        return ERROR_EXIT
    return EXIT_USAGE


def _silence_stdout() -> None:
    """After the reader of stdout went away, point stdout at /dev/null so that the flush at exit
    does not fail again (Python's advice for SIGPIPE)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _warn_if_incomplete(out_dir: str) -> None:
    """A command reading a run's tables says so when that run has not finished."""
    from .io.tables import incomplete
    if incomplete(out_dir):
        _say(f"warning: the run that wrote {out_dir} has not finished: its tables are incomplete", file=sys.stderr)
