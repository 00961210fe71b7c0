"""A pool of worker processes for the CPU-bound work of each page.

trafilatura and lxml hold the GIL; in Scrapy's reactor thread they stall downloading,
deduplication and storage. Pipelines hand their pure functions to this pool and await
the result. One pool per crawler, sized by NEWSCRAWL_WORKERS (0: run inline).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from scrapy import signals
from scrapy.crawler import Crawler

from newscrawl.processing import warm_up

logger = logging.getLogger(__name__)
T = TypeVar("T")


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start workers without the parent's ``__main__``.

    A spawned process first imports the parent's main module, for functions defined there.
    Under ``python -m scrapy`` that is Scrapy's command line with all it imports, ~20 MB per
    worker for nothing: the workers only run functions of newscrawl's own modules.
    """
    main = sys.modules["__main__"]
    saved: dict[str, Any] = {name: main.__dict__[name] for name in ("__spec__", "__file__") if name in main.__dict__}
    main.__spec__ = None
    main.__dict__.pop("__file__", None)
    try:
        yield
    finally:
        main.__dict__.update(saved)


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

    def start(self) -> None:
        """Start the workers now (they take a second or two to import trafilatura and its
        kin): the extract pipeline calls this when the first article request goes out, so
        that they load while it downloads, not while it waits for them."""
        if self.size > 0:
            self._start()

    def _start(self) -> ProcessPoolExecutor:
        if self._executor is None:
            # "spawn": a fork of the reactor's process would copy its threads and sockets.
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(max_workers=self.size, mp_context=context)
            with _main_module_hidden():
                for _ in range(self.size):  # each submit to an idle-less pool starts a worker
                    self._executor.submit(warm_up)
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
