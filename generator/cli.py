"""Command line: `python -m generator extract|check|build|serve`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.config import Settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Turn news articles into YAML briefings and a searchable MkDocs site.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="(re)write the briefings of a folder of articles")
    ext.add_argument("articles", nargs="?", type=Path, help="articles folder (default: content/articles)")
    ext.add_argument("--out", type=Path, help="briefings folder (default: content/briefings)")
    ext.add_argument("--model", help="spaCy pipeline to use (default from mkdocs.yml or built in)")
    ext.add_argument("--jobs", type=int, default=1, help="processes for parsing (default 1)")
    ext.add_argument("--shard", default="1/1", help="extract only slice K of N, e.g. 2/4")
    ext.add_argument("--force", action="store_true", help="re-extract even unchanged articles")
    ext.add_argument("--strict", action="store_true", help="exit non-zero on any bad article")

    chk = sub.add_parser("check", help="validate every briefing against the schema")
    chk.add_argument("briefings", nargs="?", type=Path, help="briefings folder")

    bld = sub.add_parser("build", help="extract, then build the site with MkDocs")
    bld.add_argument("--strict", action="store_true", help="fail on any warning or bad input")
    bld.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))

    srv = sub.add_parser("serve", help="extract, build and serve the site, rebuilding on changes")
    srv.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"))

    args = parser.parse_args(argv)
    if args.command == "extract":
        return _extract(args)
    if args.command == "check":
        return _check(args)
    if args.command == "build":
        return _mkdocs(["build", "-f", str(args.config_file)] + (["--strict"] if args.strict else []))
    return _mkdocs(["serve", "-f", str(args.config_file)])


def _extract(args: argparse.Namespace) -> int:
    from generator.extract_folder import Shard, extract_folder, print_report
    from generator.progress import progress_bar

    settings = Settings.from_mkdocs_yml(Path("mkdocs.yml"))
    articles = args.articles or settings.articles_dir
    out = args.out or (settings.briefings_dir if args.articles is None else articles.parent / "briefings")
    if not Path(articles).is_dir():
        print(f"error: {articles}: no such folder of articles", file=sys.stderr)
        return 2
    try:
        shard = Shard.parse(args.shard)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    with progress_bar("extracting") as advance:
        report = extract_folder(
            Path(articles),
            Path(out),
            model=args.model or settings.model,
            jobs=args.jobs,
            shard=shard,
            force=args.force,
            progress=advance,
        )
    print_report(report)
    return 1 if report.errors and args.strict else 0


def _check(args: argparse.Namespace) -> int:
    from generator.briefing.store import validation_errors

    settings = Settings.from_mkdocs_yml(Path("mkdocs.yml"))
    folder = args.briefings or settings.briefings_dir
    problems = 0
    files = sorted(Path(folder).glob("*.yaml"))
    for path in files:
        for error in validation_errors(path, path.read_text(encoding="utf-8", errors="replace")):
            print(error)
            problems += 1
    print(f"checked {len(files)} briefings: {problems} problems", file=sys.stderr)
    return 1 if problems else 0


def _mkdocs(argv: list[str]) -> int:
    from mkdocs.__main__ import cli

    try:
        cli.main(args=argv, prog_name="mkdocs", standalone_mode=False)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    except Exception as err:  # click/MkDocs abort: the message is already user-facing
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0
