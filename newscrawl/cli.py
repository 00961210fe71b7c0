"""Command line of newscrawl: `python -m newscrawl COMMAND --help` for each.

demo       serve the bundled laodong.vn copy on 127.0.0.1 and crawl it (offline)
nightly    crawl every enabled site in one process: job directories, a log file
extract    one saved page -> the article exactly as it would be stored (JSON)
reextract  run extraction again over the stored pages, fetching nothing
export     stream articles to JSON Lines or CSV
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

DEFAULT_DB = Path("data/newscrawl.sqlite")
DEFAULT_DEMO_DB = Path("data/demo.sqlite")


def _setting(value: str) -> tuple[str, str]:
    name, sep, setting = value.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {value!r}")
    return name, setting


def _day(value: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m newscrawl", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = commands.add_parser("demo", help="crawl the bundled laodong.vn copy, offline")
    demo.add_argument("--db", type=Path, default=DEFAULT_DEMO_DB, help=f"SQLite file (default {DEFAULT_DEMO_DB})")
    demo.add_argument("--workers", type=int, default=None, help="extraction worker processes (default: one per core)")
    demo.add_argument("--log-level", default="WARNING")

    nightly = commands.add_parser("nightly", help="crawl every enabled site: what a cron job runs")
    nightly.add_argument("--db", type=Path, default=None, help="SQLite file (default: NEWSCRAWL_DB_PATH)")
    nightly.add_argument("--sites", help="comma-separated spider names (default: every enabled site)")
    nightly.add_argument("--jobdir", type=Path, default=Path("jobs"), help="resume state per spider (default jobs/)")
    nightly.add_argument("--logdir", type=Path, default=Path("logs"), help="log files (default logs/)")
    nightly.add_argument(
        "-s", "--set", dest="settings", type=_setting, action="append", default=[], metavar="NAME=VALUE"
    )

    extract = commands.add_parser("extract", help="print the article of one saved page, as it would be stored")
    extract.add_argument("page", type=Path, help="an HTML file")
    extract.add_argument("--url", help="the page's URL (chooses the site profile; default: its canonical URL)")

    reextract = commands.add_parser("reextract", help="extract stored pages again after the extractor changed")
    reextract.add_argument("--db", type=Path, default=DEFAULT_DB)
    reextract.add_argument("--site", help="only this site's pages")

    export = commands.add_parser("export", help="write articles as JSON Lines or CSV, streaming")
    export.add_argument("--db", type=Path, default=DEFAULT_DB)
    export.add_argument("--since", type=_day, help="articles published on or after this day (YYYY-MM-DD)")
    export.add_argument("--site", help="only this site's articles")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        return run_demo(args.db, args.workers, args.log_level)
    if args.command == "nightly":
        return run_nightly(args)
    if args.command == "extract":
        return run_extract(args.page, args.url)
    if args.command in ("reextract", "export") and not args.db.exists():
        print(f"no database at {args.db}", file=sys.stderr)
        return 2
    if args.command == "reextract":
        from newscrawl.reextraction import reextract

        return reextract(args.db, site=args.site, progress=_progress_printer())
    if args.command == "export":
        from newscrawl.export import export

        return export(args.db, args.format, args.output, since=args.since, site=args.site, progress=_progress_printer())
    return 2


def _progress_printer() -> Any:
    """Progress on a terminal (standard error), nothing when piped or in cron."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        print(f"\r{done}/{total}", end=end, file=sys.stderr, flush=True)

    return show


def run_demo(db: Path, workers: int | None, log_level: str) -> int:
    from newscrawl.crawl import project_settings, run_spiders
    from newscrawl.fixture_server import FixtureServer

    db.parent.mkdir(parents=True, exist_ok=True)
    with FixtureServer() as server:
        print(f"Serving the laodong.vn demo copy on {server.base_url}; crawling into {db}", flush=True)
        overrides: dict[str, Any] = {
            "NEWSCRAWL_HOST_OVERRIDES": {"laodong.vn": server.base_url, "www.laodong.vn": server.base_url},
            "NEWSCRAWL_DB_PATH": str(db),
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
            "LOG_LEVEL": log_level,
        }
        if workers is not None:
            overrides["NEWSCRAWL_WORKERS"] = workers
        summaries = run_spiders(["laodong"], project_settings(overrides))
    for summary in summaries:
        print(summary.render())
    print(f"Articles are in {db}: sqlite3 {db} 'SELECT url, title FROM articles'")  # noqa: S608 - a hint
    return 1 if any(s.failed for s in summaries) else 0


def run_nightly(args: argparse.Namespace) -> int:
    from newscrawl.crawl import project_settings, run_spiders
    from newscrawl.sites import all_profiles

    enabled = [p.name for p in all_profiles() if p.enabled]
    spiders = [s.strip() for s in args.sites.split(",") if s.strip()] if args.sites else enabled
    unknown = [s for s in spiders if s not in {p.name for p in all_profiles()}]
    if unknown:
        print(
            f"unknown site: {', '.join(unknown)}; known: {', '.join(p.name for p in all_profiles())}", file=sys.stderr
        )
        return 2
    args.logdir.mkdir(parents=True, exist_ok=True)
    log_file = args.logdir / f"nightly-{date.today().isoformat()}.log"  # noqa: DTZ011 - the operator's day
    overrides: dict[str, Any] = {"LOG_FILE": str(log_file), "LOG_FILE_APPEND": True}
    if args.db:
        overrides["NEWSCRAWL_DB_PATH"] = str(args.db)
    overrides.update(dict(args.settings))
    settings = project_settings(overrides)
    db_path = settings.get("NEWSCRAWL_DB_PATH")
    problem = _check_database(Path(db_path))
    if problem:
        print(f"nightly: cannot use {db_path}: {problem}", file=sys.stderr)
        return 1
    print(f"nightly: {', '.join(spiders)} into {db_path}; log in {log_file}", flush=True)
    summaries = run_spiders(spiders, settings, per_spider=lambda name: {"JOBDIR": str(args.jobdir / name)})
    for summary in summaries:
        print(summary.render())
    failed = [s.spider for s in summaries if s.failed]
    if failed or len(summaries) < len(spiders):
        print(f"nightly: failed: {', '.join(failed) or 'a spider did not start'} (see {log_file})", file=sys.stderr)
        return 1
    return 0


def _check_database(path: Path) -> str | None:
    """Why the database file cannot be used, before any crawl starts (None: it can)."""
    import sqlite3

    from newscrawl.db import SchemaTooNew, connect

    try:
        connect(path).close()
    except (sqlite3.Error, SchemaTooNew, OSError) as exc:
        return str(exc)
    return None


def run_extract(page: Path, url: str | None) -> int:
    from newscrawl.extraction import ExtractionError
    from newscrawl.processing import canonical_url_of, process_page

    try:
        body = page.read_bytes()
    except OSError as exc:
        print(f"cannot read {page}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        record = process_page(body, url or canonical_url_of(body) or page.resolve().as_uri())
    except ExtractionError as exc:
        print(f"no article in {page}: {exc}", file=sys.stderr)
        return 1
    record.pop("minhash")
    print(json.dumps(record, ensure_ascii=False, indent=2, sort_keys=True))
    return 0
