"""Which article pages a run fetches: the store's answer, asked once per article URL.

The spider asks when it finds an article URL (sitemap, feed, listing), so a page already
stored and unchanged never becomes a request: a nightly run over a sitemap of thousands of
stored stories costs a query each, not a trip through Scrapy's scheduler and downloader.
IncrementalFetchMiddleware asks for any article request the spider did not decide
(retries and redirects carry the decision with them).
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Sequence
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl.db import ArticleStore

logger = logging.getLogger(__name__)


class IncrementalFetch:
    """One per crawler (``for_crawler``); reads the store through its own connection."""

    def __init__(self, path: str, stats: Any) -> None:
        self.path = path
        self.stats = stats
        self.store: ArticleStore | None = None
        self.closed = False
        self.fetched_this_run: set[str] = set()
        self.skipped_this_run: set[str] = set()

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> IncrementalFetch | None:
        """The crawler's instance, or None when NEWSCRAWL_INCREMENTAL is off."""
        if not crawler.settings.getbool("NEWSCRAWL_INCREMENTAL", True):
            return None
        found: IncrementalFetch | None = getattr(crawler, "_newscrawl_incremental", None)
        if found is None:
            found = cls(crawler.settings.get("NEWSCRAWL_DB_PATH"), crawler.stats)
            crawler._newscrawl_incremental = found  # type: ignore[attr-defined]
            crawler.signals.connect(found.open, signal=signals.spider_opened)
            crawler.signals.connect(found.close, signal=signals.spider_closed)
        return found

    def open(self) -> None:
        """At spider_opened; or on first use, for an instance made after that signal."""
        if self.store is None and not self.closed:
            self.store = ArticleStore.open(self.path)

    def close(self) -> None:
        self.closed = True
        if self.store is not None:
            self.store.db.close()
            self.store = None

    def fetch_state(self, keys: Sequence[str]) -> dict[str, tuple[bool, str | None]]:
        """What the store knows of many URLs at once (a sitemap's worth), for skip_reason:
        a few queries instead of two per URL. Empty when the store cannot answer."""
        self.open()
        if self.store is None or not keys:
            return {}
        try:
            return self.store.fetch_state(keys)
        except sqlite3.Error as exc:
            logger.warning("could not ask the store about %d URLs (%s): fetching them", len(keys), exc)
            return {}

    def skip_reason(
        self, key: str, lastmod: str | None, refresh: bool, known: tuple[bool, str | None] | None = None
    ) -> str | None:
        """Why the article at `key` (a normalised URL) is not fetched, or None to fetch it
        (then it counts as fetched in this run). `lastmod` is the date its sitemap or feed
        gives; `refresh` fetches a stored article whatever its date; `known` is the store's
        (gone, last crawled) from fetch_state, asked here when not given (a store that cannot
        answer: fetch it)."""
        self.open()
        if self.store is None:
            return None
        gone, crawled = known or self.fetch_state([key]).get(key, (False, None))
        if gone:
            self.stats.inc_value("newscrawl/incremental/gone")
            return "answered 404/410 before, not asked again"
        if key in self.fetched_this_run:
            # Found again (in the sitemap after the home page, say): this run has it already.
            return "already fetched in this run"
        if crawled is not None and not refresh:
            if not (lastmod and lastmod > crawled):
                if key not in self.skipped_this_run:
                    self.skipped_this_run.add(key)
                    self.stats.inc_value("newscrawl/incremental/skipped")
                return f"already stored, unchanged since {crawled}"
            self.stats.inc_value("newscrawl/incremental/changed")
        self.fetched_this_run.add(key)
        return None

    def mark_gone(self, key: str, status: int) -> None:
        self.open()
        if self.store is None:
            return
        try:
            self.store.mark_gone(key, status)
        except sqlite3.Error as exc:
            logger.warning("could not record %s as gone: %s", key, exc)
