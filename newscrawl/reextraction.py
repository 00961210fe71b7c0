"""Run extraction again over the stored pages, after the extractor or a profile improved.

Nothing is fetched: the raw HTML of every stored article (and of every page that failed
extraction) is in `raw_pages`. Each article is rewritten only if a field changed.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from newscrawl.db import ArticleStore, raw_page_html
from newscrawl.extraction import ExtractionError
from newscrawl.processing import process_page

logger = logging.getLogger(__name__)


def reextract(db_path: Path, *, site: str | None = None, progress: Callable[[int, int], None] | None = None) -> int:
    """Re-extract stored pages; print what changed. Returns a process exit status."""
    store = ArticleStore.open(db_path)
    counts = {"changed": 0, "unchanged": 0, "recovered": 0, "still_failing": 0, "now_failing": 0}
    try:
        where = " WHERE coalesce(a.site, f.site) = ?" if site else ""
        sql = (
            "SELECT r.url, r.fetched_url, r.content_type, r.html_zlib, a.url IS NOT NULL AS stored "
            "FROM raw_pages r LEFT JOIN articles a ON a.url = r.url "
            "LEFT JOIN extraction_failures f ON f.url = r.url" + where
        )
        total = store.db.execute(f"SELECT count(*) FROM ({sql})", [site] if site else []).fetchone()[0]
        # Read all keys first: the loop writes to the same tables.
        pages = store.db.execute(sql, [site] if site else []).fetchall()
        for done, (url, fetched_url, content_type, blob, stored) in enumerate(pages, start=1):
            _reextract_one(store, url, fetched_url, content_type, raw_page_html(blob), bool(stored), counts)
            if progress:
                progress(done, total)
    except sqlite3.Error as exc:
        logger.error("re-extraction stopped: %s", exc)
        print(f"re-extraction stopped: {exc}")
        return 1
    finally:
        store.close()
    print(
        f"re-extracted {sum(counts.values())} pages: {counts['changed']} articles changed, "
        f"{counts['unchanged']} unchanged, {counts['recovered']} failed pages now extracted, "
        f"{counts['still_failing']} still failing, "
        f"{counts['now_failing']} articles no longer extract (kept as they were)"
    )
    return 0


def _reextract_one(
    store: ArticleStore,
    url: str,
    fetched_url: str,
    content_type: str | None,
    html: bytes,
    stored: bool,
    counts: dict[str, int],
) -> None:
    try:
        record = process_page(html, fetched_url or url, content_type)
    except ExtractionError as exc:
        if stored:
            # A stored article is never replaced by nothing: the extractor regressed on it.
            logger.warning("no longer extracts (%s), kept as stored: %s", exc, url)
            counts["now_failing"] += 1
        else:
            counts["still_failing"] += 1
        return
    if stored:
        changed = store.replace_extraction(url, record)
        counts["changed" if changed else "unchanged"] += 1
        return
    record.update(raw_html=html, fetched_url=fetched_url, content_type=content_type)
    store.save_batch([record])
    counts["recovered"] += 1
