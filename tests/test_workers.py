"""The worker pool: pages are extracted in spawned processes that load only what they need."""

from __future__ import annotations

import asyncio
import sys

from scrapy import Request

from newscrawl.workers import WorkerPool
from pipelines.extract import ExtractPipeline

# A question for the worker that any process can answer without importing a test module
# (which would itself import Scrapy): eval is a builtin and pickles by name.
LOADED = "sorted(m for m in __import__('sys').modules if m.split('.')[0] in ('scrapy', 'twisted', 'pytest', '_pytest'))"


def test_workers_do_not_import_the_parents_main_module() -> None:
    """Under `python -m scrapy` (here `python -m pytest`) the spawned workers would import the
    parent's main module and all it imports; they run newscrawl's functions only."""
    main = sys.modules["__main__"]
    spec_before = main.__spec__
    pool = WorkerPool(1)
    try:
        loaded = asyncio.run(pool.run(eval, LOADED))
    finally:
        pool.shutdown()
    assert loaded == []
    assert main.__spec__ is spec_before  # the parent's main module is left as it was


def test_inline_pool_runs_in_this_process() -> None:
    pool = WorkerPool(0)
    assert asyncio.run(pool.run(eval, "__import__('os').getpid()")) == __import__("os").getpid()


def test_started_pool_has_warmed_workers_before_the_first_page() -> None:
    """start() (called when the first article request goes out) loads the workers ahead of
    the first page; each worker freezes what warm_up loaded, so full garbage collections
    skip those objects."""
    pool = WorkerPool(1)
    try:
        pool.start()
        frozen = asyncio.run(pool.run(eval, "__import__('gc').get_freeze_count()"))
    finally:
        pool.shutdown()
    assert frozen > 10_000  # trafilatura, lxml, numpy, langdetect: ~130,000 objects


def test_inline_pool_starts_no_process() -> None:
    pool = WorkerPool(0)
    pool.start()
    assert pool._executor is None


def test_extract_pipeline_starts_the_workers_with_the_first_article_request() -> None:
    """A run that fetches no article page (a nightly run with nothing new) starts no worker;
    the first article request starts them while it downloads."""
    pool = WorkerPool(1)
    pipeline = ExtractPipeline(pool, stats=None)
    try:
        pipeline.request_reached_downloader(Request("https://laodong.vn/sitemap.xml"))
        assert pool._executor is None
        pipeline.request_reached_downloader(
            Request("https://laodong.vn/the-gioi/a-1328243.ldo", meta={"newscrawl_article": True})
        )
        assert pool._executor is not None
    finally:
        pool.shutdown()
