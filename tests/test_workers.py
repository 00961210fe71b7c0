"""The worker pool: pages are extracted in spawned processes that load only what they need."""

from __future__ import annotations

import asyncio
import sys

from newscrawl.workers import WorkerPool

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
