"""Command line: demo, extract, and the other jobs around a crawl.

python -m newscrawl demo [--db PATH]          crawl the bundled laodong.vn copy offline
python -m newscrawl extract PAGE.html [--url URL]   one page -> the article as stored
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_DEMO_DB = Path("data/demo.sqlite")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawl", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="serve the bundled laodong.vn copy on 127.0.0.1 and crawl it")
    demo.add_argument("--db", type=Path, default=DEFAULT_DEMO_DB, help=f"SQLite file (default {DEFAULT_DEMO_DB})")
    demo.add_argument("--workers", type=int, default=None, help="extraction worker processes (default: cores)")
    demo.add_argument("--log-level", default="WARNING")

    extract = commands.add_parser("extract", help="print the article of one saved page, as it would be stored")
    extract.add_argument("page", type=Path, help="an HTML file")
    extract.add_argument("--url", help="the page's URL (chooses the site profile; default: its canonical URL)")

    args = parser.parse_args(argv)
    if args.command == "demo":
        return run_demo(args.db, args.workers, args.log_level)
    if args.command == "extract":
        return run_extract(args.page, args.url)
    parser.error(f"unknown command {args.command}")
    return 2


def run_demo(db: Path, workers: int | None, log_level: str) -> int:
    from newscrawl.crawl import project_settings, run_spiders
    from newscrawl.fixture_server import FixtureServer

    db.parent.mkdir(parents=True, exist_ok=True)
    with FixtureServer() as server:
        print(f"Serving the laodong.vn demo copy on {server.base_url}; crawling into {db}", flush=True)
        overrides = {
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
    return 1 if any(s.failed for s in summaries) else 0


def run_extract(page: Path, url: str | None) -> int:
    from newscrawl.extraction import ExtractionError, decode_html, extract_article, parse_html
    from newscrawl.fingerprints import content_hash
    from newscrawl.language import detect_language
    from newscrawl.text import clean_article

    try:
        body = page.read_bytes()
    except OSError as exc:
        print(f"cannot read {page}: {exc.strerror}", file=sys.stderr)
        return 2
    if url is None:
        root = parse_html(decode_html(body))
        found = root.xpath("//link[@rel='canonical']/@href") or root.xpath("//meta[@property='og:url']/@content")
        url = str(found[0]) if found else page.resolve().as_uri()
    try:
        article = clean_article(extract_article(body, url).to_dict())
    except ExtractionError as exc:
        print(f"no article in {page}: {exc}", file=sys.stderr)
        return 1
    language = detect_language(str(article["text"]) or f"{article['title']} {article.get('lead') or ''}")
    article.update(
        language=language.code,
        language_score=language.score,
        content_hash=content_hash(str(article["text"]) or str(article.get("lead") or "")),
    )
    print(json.dumps(article, ensure_ascii=False, indent=2, sort_keys=True))
    return 0
