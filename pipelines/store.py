"""Store: articles into the SQLite file, in short batched transactions.

A batch is written when it is full, when it is older than NEWSCRAWL_DB_FLUSH_SECONDS, when
the crawl goes idle and when it closes. Each article's row, related links, aliases,
fingerprints and raw page go in together: a reader never sees half an article.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from twisted.internet import task

from newscrawl.db import ArticleStore
from newscrawl.items import PageItem
from pipelines import ExtractionFailed

logger = logging.getLogger(__name__)


class StorePipeline:
    def __init__(
        self, path: str, batch_size: int, flush_seconds: float, keep_raw: bool, stats: Any, max_mb: float = 0
    ) -> None:
        self.path = path
        self.max_bytes = int(max_mb * 1024 * 1024) or None
        self.batch_size = max(1, batch_size)
        self.flush_seconds = flush_seconds
        self.keep_raw = keep_raw
        self.stats = stats
        self.store: ArticleStore | None = None
        self.pending: list[dict[str, Any]] = []
        self.oldest_pending = 0.0
        self._timer: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        settings = crawler.settings
        pipeline = cls(
            path=settings.get("NEWSCRAWL_DB_PATH"),
            batch_size=settings.getint("NEWSCRAWL_DB_BATCH_SIZE", 50),
            flush_seconds=settings.getfloat("NEWSCRAWL_DB_FLUSH_SECONDS", 2.0),
            keep_raw=settings.getbool("NEWSCRAWL_STORE_RAW_PAGES", True),
            stats=crawler.stats,
            max_mb=settings.getfloat("NEWSCRAWL_DB_MAX_MB", 0),
        )
        crawler.signals.connect(pipeline.flush, signal=signals.spider_idle)
        return pipeline

    def open_spider(self) -> None:
        self.store = ArticleStore.open(self.path, self.max_bytes)
        self._timer = task.LoopingCall(self._flush_if_old)
        self._timer.start(max(self.flush_seconds / 2, 0.2), now=False)

    def close_spider(self) -> None:
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        self.flush()
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_item(self, item: PageItem) -> PageItem:
        assert self.store is not None
        if item.get("extraction_error"):
            self._record_failure(item)
            raise ExtractionFailed(f"{item['extraction_error']}: {item['url']}")
        self.pending.append(self._record(item))
        if len(self.pending) == 1:
            self.oldest_pending = time.monotonic()
        if len(self.pending) >= self.batch_size:
            self.flush()
        return item

    def _record(self, item: PageItem) -> dict[str, Any]:
        article = item["article"]
        record = dict(article)
        record.update(
            language=item.get("language"),
            language_score=item.get("language_score"),
            content_hash=item["content_hash"],
            minhash=item.get("minhash"),
            aliases=item.get("aliases") or [],
            related=article.get("related") or [],
            crawled_at=item.get("fetched_at"),
            fetched_url=item.get("final_url") or item["url"],
            status=item.get("status"),
            content_type=(item.get("headers") or {}).get("content-type"),
            fetched_at=item.get("fetched_at"),
            raw_html=item["body"] if self.keep_raw else None,
        )
        return record

    def _flush_if_old(self) -> None:
        if self.pending and time.monotonic() - self.oldest_pending >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        if not self.pending or self.store is None:
            return
        batch, self.pending = self.pending, []
        started = time.perf_counter()
        try:
            outcomes = self.store.save_batch(batch)
        except sqlite3.Error as exc:
            # The transaction rolled back: nothing of this batch is half-written.
            logger.error("could not store %d articles (%s); they will be fetched again next run", len(batch), exc)
            self.stats.inc_value("newscrawl/errors/storage", len(batch))
            return
        finally:
            self.stats.inc_value("newscrawl/seconds/store", time.perf_counter() - started)
        for record, outcome in zip(batch, outcomes, strict=True):
            self.stats.inc_value(f"newscrawl/articles/{outcome.outcome}")
            if outcome.outcome == "duplicate":
                logger.info(
                    "duplicate of %s (similarity %.2f): %s", outcome.article_url, outcome.similarity or 1, record["url"]
                )

    def _record_failure(self, item: PageItem) -> None:
        assert self.store is not None
        logger.warning("no story extracted (%s): %s", item["extraction_error"], item["url"])
        raw = None
        if self.keep_raw:
            raw = {
                "body": item["body"],
                "fetched_url": item.get("final_url"),
                "status": item.get("status"),
                "content_type": (item.get("headers") or {}).get("content-type"),
                "fetched_at": item.get("fetched_at"),
            }
        try:
            self.store.record_failure(item["url"], item.get("site"), item["extraction_error"], raw)
        except sqlite3.Error as exc:
            logger.error("could not record the extraction failure of %s: %s", item["url"], exc)
