"""CrawlRunExtension: one `crawl_runs` row per crawl, with its outcome and counts."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler

from newscrawl.dates import now_iso
from newscrawl.db import ArticleStore

logger = logging.getLogger(__name__)

# Scrapy's finish reasons, as a run status.
_STATUS = {"finished": "finished", "shutdown": "interrupted", "cancelled": "interrupted"}


def run_counts(stats: dict[str, Any]) -> dict[str, Any]:
    """The crawl_runs columns, read from Scrapy's stats."""

    def prefixed(prefix: str) -> dict[str, int]:
        return {k[len(prefix) :]: int(v) for k, v in stats.items() if k.startswith(prefix)}

    dropped = prefixed("item_dropped_reasons_count/")
    errors = prefixed("newscrawl/errors/")
    errors.update({f"spider_exception/{k}": v for k, v in prefixed("spider_exceptions/").items()})
    return {
        "pages_fetched": int(stats.get("downloader/response_count", 0)),
        "articles_new": int(stats.get("newscrawl/articles/new", 0)),
        "articles_updated": int(stats.get("newscrawl/articles/updated", 0)),
        "articles_unchanged": int(stats.get("newscrawl/articles/unchanged", 0)),
        "articles_duplicate": int(stats.get("newscrawl/articles/duplicate", 0)),
        "dropped": dropped,
        "errors": errors,
    }


class CrawlRunExtension:
    def __init__(self, path: str, crawler: Crawler) -> None:
        self.path = path
        self.crawler = crawler
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlRunExtension:
        extension = cls(crawler.settings.get("NEWSCRAWL_DB_PATH"), crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        # After the pipelines closed (they flush on close), so the counts are final.
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.item_error, signal=signals.item_error)
        return extension

    def item_error(self, item: Any, response: Any, spider: Spider, failure: Any) -> None:
        # A pipeline raised (a bug, not bad input): count it so the run is marked failed.
        self.crawler.stats.inc_value(f"newscrawl/errors/pipeline/{type(failure.value).__name__}")

    def spider_opened(self, spider: Spider) -> None:
        self.reason = "finished"
        try:
            store = ArticleStore.open(self.path)
            self.run_id = store.start_run(spider.name, now_iso())
            store.db.close()
        except sqlite3.Error as exc:
            logger.error("could not record the start of this run in %s: %s", self.path, exc)

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self.reason = reason

    def engine_stopped(self) -> None:
        if self.run_id is None:
            return
        stats = self.crawler.stats.get_stats()
        failed = (
            int(stats.get("log_count/CRITICAL", 0)) > 0
            or bool(stats.get("newscrawl/errors/storage"))
            or any(key.startswith("newscrawl/errors/pipeline/") for key in stats)
        )
        status = (
            "failed"
            if failed
            else _STATUS.get(self.reason, "finished" if self.reason.startswith("closespider") else "failed")
        )
        values = run_counts(stats)
        values.update(finished_at=now_iso(), status=status, finish_reason=self.reason, stats=stats)
        try:
            store = ArticleStore.open(self.path)
            store.finish_run(self.run_id, values)
            store.db.close()
        except sqlite3.Error as exc:
            logger.error("could not record the end of this run in %s: %s", self.path, exc)
