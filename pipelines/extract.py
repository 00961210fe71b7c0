"""Extract: the fetched page becomes an article (in the worker pool).

The worker also tags the language and computes the fingerprints of the cleaned article
(newscrawl.processing.analyse_page): one round trip per page. The language and dedup
pipelines still decide what to keep and how to match; they compute these values
themselves for an item that comes without them.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.signalmanager import SignalManager

from newscrawl.items import PageItem
from newscrawl.processing import analyse_page
from newscrawl.workers import WorkerPool
from pipelines import ArticleTooOld

logger = logging.getLogger(__name__)


class ExtractPipeline:
    def __init__(self, pool: WorkerPool, stats: Any) -> None:
        self.pool = pool
        self.stats = stats
        self.signals: SignalManager | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        pipeline = cls(WorkerPool.for_crawler(crawler), crawler.stats)
        pipeline.signals = crawler.signals
        crawler.signals.connect(pipeline.request_reached_downloader, signal=signals.request_reached_downloader)
        return pipeline

    def request_reached_downloader(self, request: Request) -> None:
        """The first article request on its way: start the workers while it downloads (they
        take a second or two to load). A run that fetches no article page (nothing new
        since the last run) starts none."""
        if request.meta.get("newscrawl_article"):
            self.pool.start()
            if self.signals is not None:
                self.signals.disconnect(self.request_reached_downloader, signal=signals.request_reached_downloader)

    async def process_item(self, item: PageItem) -> PageItem:
        content_type = (item.get("headers") or {}).get("content-type")
        started = time.perf_counter()
        result = await self.pool.run(analyse_page, item["body"], item["final_url"] or item["url"], content_type)
        self.stats.inc_value("newscrawl/seconds/extract", time.perf_counter() - started)
        if "error" in result:
            item["extraction_error"] = result["error"]
            return item
        record = result["record"]
        item["language"], item["language_score"] = record.pop("language"), record.pop("language_score")
        item["content_hash"], item["minhash"] = record.pop("content_hash"), record.pop("minhash")
        article = record
        item["cleaned"] = True  # analyse_page cleans before tagging and fingerprinting
        not_before = item.get("not_before")
        if not_before and article.get("published_at") and article["published_at"][:10] < not_before:
            raise ArticleTooOld(f"published {article['published_at']}, before {not_before}: {item['url']}")
        item["article"] = article
        self.stats.inc_value("newscrawl/articles/extracted")
        return item
