"""Language: tag each story, drop those in languages the settings do not keep."""

from __future__ import annotations

import logging
import time
from typing import Any

from scrapy.crawler import Crawler

from newscrawl.items import PageItem
from newscrawl.language import UNDETERMINED, article_language
from newscrawl.workers import WorkerPool
from pipelines import NotTargetLanguage

logger = logging.getLogger(__name__)


class LanguagePipeline:
    def __init__(self, keep: list[str], pool: WorkerPool, stats: Any) -> None:
        self.keep = set(keep)
        self.pool = pool
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LanguagePipeline:
        keep = crawler.settings.getlist("NEWSCRAWL_LANGUAGES", ["vi", "en"])
        return cls(keep, WorkerPool.for_crawler(crawler), crawler.stats)

    async def process_item(self, item: PageItem) -> PageItem:
        article = item.get("article")
        if not article:
            return item
        if item.get("language") is None:  # not tagged by the extraction worker
            started = time.perf_counter()
            language = await self.pool.run(article_language, article)
            self.stats.inc_value("newscrawl/seconds/language", time.perf_counter() - started)
            item["language"], item["language_score"] = language.code, language.score
        code, score = item["language"], item["language_score"]
        if self.keep and code != UNDETERMINED and code not in self.keep:
            raise NotTargetLanguage(f"language {code} ({score}) not kept: {item['url']}")
        return item
