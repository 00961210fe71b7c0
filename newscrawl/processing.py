"""One page to one stored record, in one process: what `extract` prints and `reextract`
stores. The crawl runs the same steps as separate pipelines (extract, clean, language,
dedup), each calling the function used here."""

from __future__ import annotations

import gc
import os
from typing import Any

from newscrawl.extraction import ExtractionError, decode_html, extract_article, parse_html
from newscrawl.fingerprints import article_fingerprint
from newscrawl.language import article_language
from newscrawl.text import clean_article


def process_page(body: bytes, url: str, content_type: str | None = None) -> dict[str, Any]:
    """The article of a page with its language and fingerprints. Raises ExtractionError."""
    record = clean_article(extract_article(body, url, content_type=content_type).to_dict())
    language = article_language(record)
    record["language"] = language.code
    record["language_score"] = language.score
    record["content_hash"], record["minhash"] = article_fingerprint(record)
    return record


def analyse_page(body: bytes, url: str, content_type: str | None = None) -> dict[str, Any]:
    """process_page as plain data for one worker round trip: {"record": …} or {"error": …}.

    Extraction, cleaning, language and fingerprints of a page cost ~30 ms of CPU together,
    the language and fingerprint parts ~5 ms: one call per page instead of three keeps the
    pool's queue and the pickling to one round trip.
    """
    try:
        return {"record": process_page(body, url, content_type)}
    except ExtractionError as exc:
        return {"error": str(exc)}


def warm_up() -> int:
    """Load, before a worker's first page, what its first page would load: langdetect's
    profiles and the fingerprints' folding table (the heavy modules came with this one).
    Then freeze what is loaded: the ~130,000 objects of trafilatura, lxml, numpy and
    langdetect live as long as the worker, and every full garbage collection would walk
    them again (0.5 ms a page, measured). The worker's pid."""
    # English: Vietnamese text is told without langdetect, which would then load on a later page.
    sample: dict[str, object] = {"text": "Loading the language profiles and tables before the first page."}
    article_language(sample)
    article_fingerprint(sample)
    gc.collect()
    gc.freeze()
    return os.getpid()


def canonical_url_of(body: bytes) -> str | None:
    """The URL a saved page names for itself (canonical link or og:url), if any."""
    try:
        root = parse_html(decode_html(body))
    except ExtractionError:
        return None
    found = root.xpath("//link[@rel='canonical']/@href") or root.xpath("//meta[@property='og:url']/@content")
    return str(found[0]).strip() if found else None
