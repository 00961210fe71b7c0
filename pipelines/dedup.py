"""Dedup: the identities of a story (URLs, content hash, MinHash) for the store to match.

The match itself happens in the store's write transaction, where every earlier article
of this run and of past runs is visible.
"""

from __future__ import annotations

from scrapy.crawler import Crawler

from newscrawl.fingerprints import article_fingerprint
from newscrawl.items import PageItem
from newscrawl.urls import normalize_url
from newscrawl.workers import WorkerPool


class DedupPipeline:
    def __init__(self, pool: WorkerPool) -> None:
        self.pool = pool

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupPipeline:
        return cls(WorkerPool.for_crawler(crawler))

    async def process_item(self, item: PageItem) -> PageItem:
        article = item.get("article")
        if not article:
            return item
        item["content_hash"], item["minhash"] = await self.pool.run(article_fingerprint, article)
        seen = {normalize_url(u) for u in (item["url"], item.get("final_url")) if u}
        item["aliases"] = sorted(seen - {article["url"]})
        return item
