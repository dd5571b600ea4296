"""Command line: `briefings extract|check|build|serve` (also `python -m generator ...`)."""

from __future__ import annotations

import argparse
import logging
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__
from generator.config import Settings

log = logging.getLogger(__name__)
# Where the command's messages go: every module logs under `generator` (one logger each).
ROOT_LOGGER = "generator"

if TYPE_CHECKING:
    from generator.extract_folder import BriefingExtractor


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand (the CI workflow's commands are checked with it)."""
    # -q/-v before or after the command: `briefings -q build` and `briefings build -q` both work.
    verbosity = argparse.ArgumentParser(add_help=False)
    loudness = verbosity.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                          help="print only problems (warnings and errors)")
    loudness.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                          help="also print what was reused or skipped, progress, and MkDocs' details")
    parser = argparse.ArgumentParser(
        prog="briefings", parents=[verbosity],
        description="Turn news articles into YAML briefings and a searchable MkDocs site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="(re)write the briefings of a folder of articles",
                         parents=[verbosity])
    ext.add_argument("articles", nargs="?", type=Path, help="articles folder (default: content/articles)")
    ext.add_argument("--out", type=Path, help="briefings folder (default: content/briefings)")
    ext.add_argument("--model", help="spaCy pipeline to use (default from mkdocs.yml or built in)")
    ext.add_argument("--jobs", type=int, default=1, help="processes for parsing (default 1)")
    ext.add_argument("--shard", default="1/1", help="extract only slice K of N, e.g. 2/4")
    ext.add_argument("--export", type=Path, metavar="DIR",
                     help="also copy this shard's briefings to DIR (for merging CI matrix jobs)")
    ext.add_argument("--force", action="store_true", help="re-extract even unchanged articles")
    ext.add_argument("--strict", action="store_true", help="exit non-zero on any bad article")
    ext.add_argument("--scheduler", metavar="ADDRESS",
                     help="parse on a Dask cluster: its scheduler (tcp://host:8786), or local:N worker "
                     "processes started for the run (needs the `distributed` extra)")

    chk = sub.add_parser("check", help="validate every briefing against the schema", parents=[verbosity])
    chk.add_argument("briefings", nargs="?", type=Path, help="briefings folder")

    bld = sub.add_parser("build", help="extract, then build the site with MkDocs", parents=[verbosity])
    bld.add_argument("--strict", action="store_true", help="fail on any warning or bad input")
    bld.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))

    exp = sub.add_parser("export", parents=[verbosity],
                         help="write the site's pages, downloads and assets into DOCS, and an mkdocs.yml "
                              "beside it that builds them without this plugin (MkDocs, ProperDocs)")
    exp.add_argument("docs", type=Path, help="the folder to write, e.g. build/export/docs")
    exp.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    exp.add_argument("--strict", action="store_true", help="exit non-zero on any bad article or briefing")

    srv = sub.add_parser("serve", help="extract, build and serve the site, rebuilding on changes",
                         parents=[verbosity])
    srv.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; return the process exit code (0 ok, 1 failed, 2 bad usage)."""
    args = build_parser().parse_args(argv)
    args.quiet, args.verbose = getattr(args, "quiet", False), getattr(args, "verbose", False)
    setup_logging(quiet=args.quiet, verbose=args.verbose)
    if args.command == "extract":
        return _extract(args)
    if args.command == "check":
        return _check(args)
    if args.command == "export":
        return _export(args)
    loudness = ["-q"] if args.quiet else ["-v"] if args.verbose else []
    if args.command == "build":
        strict = ["--strict"] if args.strict else []
        return _mkdocs(["build", "-f", str(args.config_file), *loudness, *strict])
    return _mkdocs(["serve", "-f", str(args.config_file), *loudness])


class _CommandLineFormatter(logging.Formatter):
    """`warning: ...` and `error: ...` for problems, the bare message for the rest."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if record.levelno >= logging.ERROR:
            return f"error: {text}"
        return f"warning: {text}" if record.levelno >= logging.WARNING else text


class _Handler(logging.StreamHandler):
    """The command's handler: to the stderr of the moment (one per process, replaced on each run)."""


def setup_logging(quiet: bool = False, verbose: bool = False) -> None:
    """Send the `generator` loggers' records to stderr: -q warnings and errors only, -v debug too."""
    logger = logging.getLogger(ROOT_LOGGER)
    for old in [h for h in logger.handlers if isinstance(h, _Handler)]:
        logger.removeHandler(old)
    handler = _Handler(sys.stderr)
    handler.setFormatter(_CommandLineFormatter("%(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)


def _extract(args: argparse.Namespace) -> int:
    """`extract`: bring the briefings up to date; with `--strict`, any bad input fails."""
    from generator.extract_folder import Shard, export_briefings, extract_folder, log_report
    from generator.progress import progress_bar

    settings = Settings.from_mkdocs_yml(Path("mkdocs.yml"))
    articles = Path(args.articles or settings.articles_dir)
    # An explicit articles folder gets its briefings next to it, not in the project's.
    default_out = settings.briefings_dir if args.articles is None else articles.parent / "briefings"
    out = Path(args.out or default_out)
    if not articles.is_dir():
        log.error("%s: no such folder of articles", articles)
        return 2
    try:
        shard = Shard.parse(args.shard)
    except ValueError as err:
        log.error("%s", err)
        return 2
    try:
        model = args.model or settings.model
        with progress_bar("extracting") as advance, _cluster(args.scheduler, model) as extractor:
            report = extract_folder(
                articles, out, model=model, jobs=args.jobs,
                shard=shard, force=args.force, progress=advance, extractor=extractor,
            )
    except RuntimeError as err:  # the spaCy model is missing: the message says how to install it
        log.error("%s", err)
        return 1
    if args.export:
        export_briefings(report, out, args.export)
    log_report(report)
    return 1 if report.failed and args.strict else 0


def _cluster(scheduler: str | None, model: str) -> AbstractContextManager[BriefingExtractor | None]:
    """`extract --scheduler`: the parse on a Dask cluster (generator/distributed.py); else None,
    and `extract_folder` parses in this process."""
    if not scheduler:
        return nullcontext()
    try:
        from generator.distributed import cluster_extractor
    except ImportError as err:
        raise RuntimeError(f"--scheduler needs the `distributed` extra ({err}): "
                           "pip install 'briefing-site-generator[distributed]'") from None
    return cluster_extractor(scheduler, model)


def _check(args: argparse.Namespace) -> int:
    """Print `file:line: problem` for every bad briefing (the build logs the same lines).

    These lines are the command's result, on stdout (`briefings check > problems.txt`); the
    count after them is a message like any other, on stderr."""
    from generator.briefing.store import load_briefings

    settings = Settings.from_mkdocs_yml(Path("mkdocs.yml"))
    folder = args.briefings or settings.briefings_dir
    if not Path(folder).is_dir():
        log.error("%s: no such folder of briefings", folder)
        return 2
    briefings, errors = load_briefings(Path(folder))
    for error in errors:
        print(error)
    files = len({e.path for e in errors}) + len(briefings)
    log.info("checked %d briefings: %d problems", files, len(errors))
    return 1 if errors else 0


def _export(args: argparse.Namespace) -> int:
    """`export`: the site as plain MkDocs input (generator/export.py)."""
    from jinja2 import TemplateError
    from mkdocs.exceptions import ConfigurationError

    from generator.errors import GeneratorError
    from generator.export import export_site

    try:
        result = export_site(args.config_file, args.docs)
    except (GeneratorError, ConfigurationError, TemplateError, OSError) as err:
        log.error("%s", err)
        return 1
    return 1 if result.problems and args.strict else 0


def _mkdocs(argv: list[str]) -> int:
    from mkdocs.__main__ import cli

    try:
        cli.main(args=argv, prog_name="mkdocs", standalone_mode=False)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except Exception as err:  # click/MkDocs abort: the message is already user-facing
        log.error("%s", err)
        return 1
    return 0


def console() -> None:
    """The `briefings` console command."""
    sys.exit(main())
