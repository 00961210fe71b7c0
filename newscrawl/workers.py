"""A pool of worker processes for the CPU-bound work of each page.

trafilatura and lxml hold the GIL; in Scrapy's reactor thread they stall downloading,
deduplication and storage. Pipelines hand their pure functions to this pool and await
the result. One pool per crawler, sized by NEWSCRAWL_WORKERS (0: run inline).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl import extraction, fingerprints, language  # noqa: F401 - imported for the workers

logger = logging.getLogger(__name__)
T = TypeVar("T")


def _warm_up() -> int:
    """Load langdetect's profiles once per worker, before the first page arrives (the
    heavy modules were imported with this one)."""
    language.detect_language("Khởi động bộ nhận dạng ngôn ngữ cho tiến trình này.")
    return os.getpid()


class WorkerPool:
    """Runs a pure function in a worker process (or inline when size is 0)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._executor: ProcessPoolExecutor | None = None

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> WorkerPool:
        pool: WorkerPool | None = getattr(crawler, "_newscrawl_worker_pool", None)
        if pool is None:
            size = crawler.settings.getint("NEWSCRAWL_WORKERS", -1)
            if size < 0:
                size = os.cpu_count() or 1
            pool = cls(size)
            crawler._newscrawl_worker_pool = pool  # type: ignore[attr-defined]
            crawler.signals.connect(pool.shutdown, signal=signals.engine_stopped)
        return pool

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # "spawn": a fork of the reactor's process would copy its threads and sockets.
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(max_workers=self.size, mp_context=context)
            for _ in range(self.size):
                self._executor.submit(_warm_up)
        return self._executor

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        if self.size == 0:
            return function(*args)
        try:
            future = self._start().submit(function, *args)
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:
            # A worker died (killed, out of memory): start a fresh pool, run this page inline.
            logger.error("worker process died; restarting the pool")
            self._executor = None
            return function(*args)

    def shutdown(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
