"""Dedup: the identities of a story (URLs, content hash, MinHash) for the store to match.

The match itself happens in the store's write transaction, where every earlier article
of this run and of past runs is visible.
"""

from __future__ import annotations

import time
from typing import Any

from scrapy.crawler import Crawler

from newscrawl.fingerprints import article_fingerprint
from newscrawl.items import PageItem
from newscrawl.urls import normalize_url
from newscrawl.workers import WorkerPool


class DedupPipeline:
    def __init__(self, pool: WorkerPool, stats: Any) -> None:
        self.pool = pool
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        return cls(WorkerPool.for_crawler(crawler), crawler.stats)

    async def process_item(self, item: PageItem) -> PageItem:
        article = item.get("article")
        if not article:
            return item
        if item.get("content_hash") is None:  # not computed by the extraction worker
            started = time.perf_counter()
            item["content_hash"], item["minhash"] = await self.pool.run(article_fingerprint, article)
            self.stats.inc_value("newscrawl/seconds/dedup", time.perf_counter() - started)
        seen = {normalize_url(u) for u in (item["url"], item.get("final_url")) if u}
        item["aliases"] = sorted(seen - {article["url"]})
        return item
