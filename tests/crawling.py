"""Helpers for crawl tests: a fixture site on 127.0.0.1 and `scrapy crawl` against it."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from newscrawl.fixture_server import DEMO_SITE, FixtureSite

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = json.loads((Path(__file__).parent / "fixtures" / "demo_site_expected.json").read_text(encoding="utf-8"))


def copy_demo_site(destination: Path) -> Path:
    """A private copy of the demo site that a test may change (move, edit, break pages)."""
    shutil.copytree(DEMO_SITE, destination, ignore=shutil.ignore_patterns("_src"))
    return destination


@dataclass
class CrawlResult:
    returncode: int
    log: str
    stats: dict[str, Any]
    hits: dict[str, int] = field(default_factory=dict)
    hit_times: dict[str, list[float]] = field(default_factory=dict)

    def stat(self, key: str) -> int:
        return int(self.stats.get(key, 0))


def crawl_command(
    base_url: str, db: Path, *arguments: str, settings: dict[str, Any] | None = None, spider: str = "laodong"
) -> list[str]:
    """The `scrapy crawl` command line for a crawl of the fixture server into `db`."""
    overrides = {
        "NEWSCRAWL_HOST_OVERRIDES": json.dumps({"laodong.vn": base_url, "www.laodong.vn": base_url}),
        "NEWSCRAWL_DB_PATH": str(db),
        "AUTOTHROTTLE_ENABLED": "False",
        "DOWNLOAD_DELAY": "0",
        "NEWSCRAWL_WORKERS": "0",
        "LOG_LEVEL": "INFO",
    }
    overrides.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in (settings or {}).items()})
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for argument in arguments:
        command += ["-a", argument]
    for key, value in overrides.items():
        command += ["-s", f"{key}={value}"]
    return command


def crawl(
    base_url: str,
    db: Path,
    *arguments: str,
    settings: dict[str, Any] | None = None,
    spider: str = "laodong",
    timeout: float = 180,
) -> CrawlResult:
    """`scrapy crawl` in a subprocess against the fixture server; stats from crawl_runs."""
    command = crawl_command(base_url, db, *arguments, settings=settings, spider=spider)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    return CrawlResult(result.returncode, result.stderr, last_run_stats(db))


def last_run_stats(db: Path) -> dict[str, Any]:
    stats: dict[str, Any] = {}
    if db.exists():
        with closing(sqlite3.connect(db)) as conn:
            row = conn.execute("SELECT stats FROM crawl_runs ORDER BY id DESC LIMIT 1").fetchone()
        if row:
            stats = json.loads(row[0])
    return stats


def rows(db: Path, sql: str, parameters: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, parameters)]


def article_route(site: FixtureSite, url: str) -> tuple[str, dict[str, Any]]:
    path = url.removeprefix("https://laodong.vn")
    return path, site.routes[path]


def a_day_ahead() -> str:
    """A sitemap lastmod later than any crawl of the test (+07:00, as the site writes it)."""
    return (datetime.now(timezone(timedelta(hours=7))) + timedelta(days=1)).isoformat(timespec="seconds")


def republish(site: FixtureSite, url: str, new_url: str, *, replace: dict[str, str] | None = None) -> None:
    """Serve a copy of a fixture article at a new URL (its own links rewritten), listed in
    the sitemap with a fresh lastmod; `replace` edits its text."""
    route = article_route(site, url)[1]
    html = (site.folder / route["file"]).read_text(encoding="utf-8").replace(url, new_url)
    for old, new in (replace or {}).items():
        assert old in html, old
        html = html.replace(old, new)
    new_path = new_url.removeprefix("https://laodong.vn")
    new_file = f"articles/republished-{abs(hash(new_path))}.html"
    (site.folder / new_file).write_text(html, encoding="utf-8")
    site.routes[new_path] = {"file": new_file}
    add_to_sitemap(site, new_url, a_day_ahead())


def edit_article(site: FixtureSite, url: str, replace: dict[str, str], lastmod: str) -> None:
    """Change a fixture article's page in place, and say so in the sitemap."""
    route = article_route(site, url)[1]
    page = site.folder / route["file"]
    html = page.read_text(encoding="utf-8")
    for old, new in replace.items():
        assert old in html, old
        html = html.replace(old, new)
    page.write_text(html, encoding="utf-8")
    sitemap = site.folder / "sitemaps" / "news.xml"
    xml = sitemap.read_text(encoding="utf-8")
    start = xml.index(f"<loc>{url}</loc>")
    end = xml.index("</url>", start)
    entry = xml[start:end]
    if "<lastmod>" in entry:
        head, _, rest = entry.partition("<lastmod>")
        entry_new = f"{head}<lastmod>{lastmod}</lastmod>{rest.partition('</lastmod>')[2]}"
    else:
        entry_new = f"{entry}<lastmod>{lastmod}</lastmod>"
    sitemap.write_text(xml[:start] + entry_new + xml[end:], encoding="utf-8")


def add_to_sitemap(site: FixtureSite, url: str, lastmod: str) -> None:
    sitemap = site.folder / "sitemaps" / "news.xml"
    xml = sitemap.read_text(encoding="utf-8")
    entry = f"<url>\n<loc>{url}</loc>\n<lastmod>{lastmod}</lastmod>\n</url>\n</urlset>"
    sitemap.write_text(xml.replace("</urlset>", entry), encoding="utf-8")
