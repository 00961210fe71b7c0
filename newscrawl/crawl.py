"""Run spiders in this process and summarise what they did (demo, nightly, benchmarks)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

logger = logging.getLogger(__name__)


def project_settings(overrides: dict[str, Any] | None = None) -> Settings:
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newscrawl.settings")
    settings = get_project_settings()
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


@dataclass
class CrawlSummary:
    spider: str
    stats: dict[str, Any]
    elapsed: float
    finish_reason: str = ""

    @property
    def failed(self) -> bool:
        if self.finish_reason not in ("finished", "closespider_itemcount", "closespider_pagecount"):
            return True
        broken = ("newscrawl/errors/pipeline/", "newscrawl/errors/storage")
        return bool(self.stats.get("log_count/CRITICAL")) or any(k.startswith(broken) for k in self.stats)

    def render(self) -> str:
        s = self.stats
        dropped = {k.split("/", 1)[1]: v for k, v in s.items() if k.startswith("item_dropped_reasons_count/")}
        errors = {k.split("/", 2)[2]: v for k, v in s.items() if k.startswith("newscrawl/errors/")}
        lines = [
            f"{self.spider}: {self.finish_reason or 'not finished'} in {self.elapsed:.1f} s",
            f"  pages fetched:    {s.get('downloader/response_count', 0)}"
            f" (article pages: {s.get('newscrawl/pages/article_fetched', 0)},"
            f" skipped as already stored: {s.get('newscrawl/incremental/skipped', 0)})",
            f"  articles stored:  new {s.get('newscrawl/articles/new', 0)},"
            f" updated {s.get('newscrawl/articles/updated', 0)},"
            f" unchanged {s.get('newscrawl/articles/unchanged', 0)},"
            f" duplicate {s.get('newscrawl/articles/duplicate', 0)}",
            "  dropped:          " + (", ".join(f"{k} {v}" for k, v in sorted(dropped.items())) or "none"),
            "  errors:           " + (", ".join(f"{k} {v}" for k, v in sorted(errors.items())) or "none"),
        ]
        if s.get("newscrawl/cookie_challenge/seen"):
            lines.append(
                f"  cookie challenges: {s.get('newscrawl/cookie_challenge/answered', 0)} answered,"
                f" {s.get('newscrawl/cookie_challenge/failed', 0)} failed"
            )
        return "\n".join(lines)


def run_spiders(
    spiders: list[str],
    settings: Settings,
    spider_args: dict[str, Any] | None = None,
    per_spider: Callable[[str], dict[str, Any]] | None = None,
) -> list[CrawlSummary]:
    """Run the named spiders one after another in one process; a summary for each.

    ``per_spider(name)`` gives settings for that spider only (its JOBDIR, say).
    """
    from twisted.internet import defer  # noqa: PLC0415 - imported once the reactor is chosen

    process = CrawlerProcess(settings)
    crawlers: list[Crawler] = []
    timings: list[float] = []
    problems: dict[int, str] = {}

    @defer.inlineCallbacks
    def run_all() -> Any:
        try:
            for name in spiders:
                spidercls = process.spider_loader.load(name)
                if per_spider:
                    # Settings of this spider only: a subclass carrying them as custom_settings.
                    own = {**(spidercls.custom_settings or {}), **per_spider(name)}
                    spidercls = type(spidercls.__name__, (spidercls,), {"custom_settings": own})
                crawler = process.create_crawler(spidercls)
                crawlers.append(crawler)
                started = time.monotonic()
                try:
                    yield process.crawl(crawler, **(spider_args or {}))
                except Exception as exc:
                    problems[len(crawlers) - 1] = f"{type(exc).__name__}: {exc}"
                    logger.error("%s could not run: %s: %s", name, type(exc).__name__, exc)
                timings.append(time.monotonic() - started)
        finally:
            yield process.stop()
            from twisted.internet import reactor  # noqa: PLC0415 - the reactor installed by CrawlerProcess

            running: Any = reactor  # twisted's module-level reactor has no precise type
            if running.running:
                running.stop()

    run_all()
    process.start(stop_after_crawl=False)
    summaries = []
    for index, crawler in enumerate(crawlers):
        stats = crawler.stats.get_stats() if crawler.stats else {}
        summaries.append(
            CrawlSummary(
                spider=crawler.spidercls.name,
                stats=stats,
                elapsed=timings[index] if index < len(timings) else 0.0,
                finish_reason=problems.get(index) or str(stats.get("finish_reason", "")),
            )
        )
    return summaries
