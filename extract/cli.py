"""The command line: thin commands over the library (``extract --help``).

Exit status of ``extract run``: 0 when every record is ``ok`` or skipped, 1 when some records
failed (the run finished; see their rows), 3 when the run itself failed (its tables are marked
incomplete), and 2 for a usage error (argparse's).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys

from .about import __version__
from .limits import Limits
from .settings import FETCH_TIMEOUT, FILES_PER_SHARD, TABLE_BATCH_SIZE, Settings
from .status import RunError, describe

log = logging.getLogger("extract")

EXIT_OK = 0               # every record ok or skipped
EXIT_RECORDS_FAILED = 1   # the run finished, and some records failed
EXIT_USAGE = 2            # argparse's
EXIT_RUN_FAILED = 3       # the run itself failed: its tables are marked incomplete


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
    try:
        summary = run(args.inputs or None, args.out, _settings(args), workers=args.workers, scheduler=args.scheduler)
    except RunError as exc:
        return _run_failed(args, str(exc))
    except Exception as exc:   # the run itself failed (a lost cluster, a full disk): one line, and its status
        log.info("the run failed", exc_info=exc)
        return _run_failed(args, describe(exc))
    print("\n".join(summary.lines()))
    return EXIT_RECORDS_FAILED if summary.failed else EXIT_OK


def _run_failed(args: argparse.Namespace, why: str) -> int:
    from .io.tables import INCOMPLETE, incomplete
    print(f"extract run: failed: {why}", file=sys.stderr)
    if incomplete(args.out):
        print(f"the tables in {args.out} are incomplete ({args.out}/{INCOMPLETE}); rerun the same command "
              "to finish them", file=sys.stderr)
    else:
        print(f"nothing was written to {args.out}", file=sys.stderr)
    return EXIT_RUN_FAILED


def _evaluate(args: argparse.Namespace) -> int:
    from .ask.evaluate import evaluate
    report = evaluate(args.gold, args.pred)
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
        return 0
    if not args.quiet:
        errors = report.errors()
        if errors:
            print(errors, end="\n\n")
    print(report.table())
    return 0


def _claims(args: argparse.Namespace) -> int:
    from .ask.query import evidence_lines, find_claims, for_csv
    found = find_claims(args.out_dir, unit=args.unit, year=args.year, scheme=args.scheme, predicate=args.predicate)
    if args.csv:
        for_csv(found).to_csv(sys.stdout, index=False)
        return 0
    for row in found.to_dict("records"):
        print("\n".join(evidence_lines(row)))
    print(f"{len(found)} claim{'s' if len(found) != 1 else ''}")
    return 0


def _check(args: argparse.Namespace) -> int:
    from .ask.verdicts import ERROR_EXIT, check
    try:
        result = check(args.out_dir, args.statement)
    except (OSError, ValueError) as error:
        print(f"extract check: {error}", file=sys.stderr)
        return ERROR_EXIT
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        print("\n".join(result.lines()))
    return result.exit_code


def _crosscheck(args: argparse.Namespace) -> int:
    from .across.crosscheck import crosscheck
    result = crosscheck(args.out_dir)
    conflicts = len({side.conflict_id for side in result.conflicts})
    print(f"results {len(result.support)} ({sum(s.articles > 1 for s in result.support)} stated by more than one "
          f"article); conflicts {conflicts} ({len(result.conflicts)} claims)")
    return 0


def _report(args: argparse.Namespace) -> int:
    from .ask.report import write_report
    print(write_report(args.out_dir, args.output, title=args.title))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extract", description=__doc__)
    parser.add_argument("--version", action="version", version=f"extract {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="extract tables from news pages, WARC, JSONL, text files or URLs")
    run.add_argument("inputs", nargs="*", metavar="INPUT",
                     help="files, directories (searched recursively) or http(s) URLs; default: corpus/")
    run.add_argument("--out", default="outputs", help="directory for the parquet tables (default: outputs/)")
    run.add_argument("--workers", type=int, default=None, help="worker processes on this machine (default: all cores)")
    run.add_argument("--scheduler", default=None, metavar="ADDRESS",
                     help="run the shards on the Dask cluster whose scheduler is at ADDRESS (tcp://host:8786)")
    run.add_argument("--files-per-shard", type=int, default=FILES_PER_SHARD,
                     help="HTML/text files per shard (each WARC or JSONL file is a shard of its own)")
    run.add_argument("--batch-size", type=int, default=TABLE_BATCH_SIZE, help="rows buffered per table before a write")
    run.add_argument("--all-pages", action="store_true",
                     help="read and mine every page, also those that name no award scheme, awarder or predicate "
                          "(by default they are kept as off_topic rows, unread)")
    run.add_argument("--timeout", type=int, default=FETCH_TIMEOUT, help="seconds allowed per URL download")
    defaults = Limits()
    run.add_argument("--max-page-bytes", "--max-bytes", type=_positive_or_off, default=defaults.max_page_bytes,
                     metavar="N", help="largest page, text file, JSON line, WARC record or download, in bytes "
                                       f"(default {defaults.max_page_bytes:,}; 0 for none)")
    run.add_argument("--max-decompressed-bytes", type=_positive_or_off, default=defaults.max_decompressed_bytes,
                     metavar="N", help="most bytes read out of one .gz file or WARC archive "
                                       f"(default {defaults.max_decompressed_bytes:,}; 0 for none)")
    run.add_argument("--doc-timeout", type=_positive_or_off, default=defaults.doc_timeout, metavar="SECONDS",
                     help=f"most time spent on one record (default {defaults.doc_timeout:g}; 0 for none)")
    run.set_defaults(func=_run)

    ev = commands.add_parser("evaluate", help="precision, recall and F1 per field against gold annotations")
    ev.add_argument("--gold", required=True, help="directory of gold JSON files")
    ev.add_argument("--pred", required=True, help="output directory of a run")
    ev.add_argument("--json", action="store_true", help="print the full report as JSON")
    ev.add_argument("-q", "--quiet", action="store_true", help="only the table of scores")
    ev.set_defaults(func=_evaluate)

    claims = commands.add_parser("claims", help="print the claims of a run that match filters, with their evidence")
    claims.add_argument("out_dir", metavar="OUTDIR", help="output directory of a run")
    claims.add_argument("--unit", help="any name of the unit, or part of one (Kemensos, Disdukcapil Ngawi)")
    claims.add_argument("--year", type=int, help="evaluation or award year")
    claims.add_argument("--scheme", help="scheme id or part of its name (PEKPPP, KEPATUHAN, zona integritas)")
    claims.add_argument("--predicate", help="predicate label or part of it (Pelayanan Prima, informatif)")
    claims.add_argument("--csv", action="store_true", help="write the matching rows as CSV instead")
    claims.set_defaults(func=_claims)

    check = commands.add_parser("check", help="is a statement supported or contradicted by a run's records?")
    check.add_argument("out_dir", metavar="OUTDIR", help="output directory of a run")
    check.add_argument("statement", help='in Indonesian, e.g. "Kemensos meraih predikat Kepatuhan Tinggi dengan '
                                         'nilai 81,05 tahun 2021 dari Ombudsman RI"')
    check.add_argument("--json", action="store_true", help="print the verdict, the statement as read and each "
                                                            "record with its parts, evidence and source as JSON")
    check.epilog = ("exit status: 0 supported, 3 contradicted, 4 disputed, 5 not found, 6 not understood, "
                    "7 the run could not be read, 2 wrong usage")
    check.set_defaults(func=_check)

    cross = commands.add_parser("crosscheck", help="recompute a run's support and conflicts tables (a run does this at its end)")
    cross.add_argument("out_dir", metavar="OUTDIR", help="output directory of a run")
    cross.set_defaults(func=_crosscheck)

    report = commands.add_parser("report", help="write a self-contained HTML page of a run's claims")
    report.add_argument("out_dir", metavar="OUTDIR", help="output directory of a run")
    report.add_argument("-o", "--output", default=None, help="the HTML file (default: OUTDIR/report.html)")
    report.add_argument("--title", default=None, help="the page's title")
    report.set_defaults(func=_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(args.verbose, 2)]
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    _warn_if_incomplete(getattr(args, "out_dir", None) or getattr(args, "pred", None))
    return args.func(args)


def _warn_if_incomplete(out_dir: str | None) -> None:
    """A command reading a run's tables says so when that run has not finished."""
    from .io.tables import incomplete
    if out_dir is not None and incomplete(out_dir):
        print(f"warning: the run that wrote {out_dir} has not finished: its tables are incomplete", file=sys.stderr)
