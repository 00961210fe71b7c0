"""Extract: the fetched page becomes an article (in the worker pool)."""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy.crawler import Crawler

from newscrawl.extraction import extract_record
from newscrawl.items import PageItem
from newscrawl.workers import WorkerPool
from pipelines import ArticleTooOld

logger = logging.getLogger(__name__)


class ExtractPipeline:
    def __init__(self, pool: WorkerPool, stats: Any) -> None:
        self.pool = pool
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExtractPipeline:
        return cls(WorkerPool.for_crawler(crawler), crawler.stats)

    async def process_item(self, item: PageItem) -> PageItem:
        content_type = (item.get("headers") or {}).get("content-type")
        started = time.perf_counter()
        result = await self.pool.run(extract_record, item["body"], item["final_url"] or item["url"], content_type)
        self.stats.inc_value("newscrawl/seconds/extract", time.perf_counter() - started)
        if "error" in result:
            item["extraction_error"] = result["error"]
            return item
        article = result["article"]
        not_before = item.get("not_before")
        if not_before and article.get("published_at") and article["published_at"][:10] < not_before:
            raise ArticleTooOld(f"published {article['published_at']}, before {not_before}: {item['url']}")
        item["article"] = article
        self.stats.inc_value("newscrawl/articles/extracted")
        return item
