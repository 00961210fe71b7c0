"""Downloader middlewares: the cookie challenge, incremental fetching, host overrides."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from tldextract import TLDExtract

from newscrawl.incremental import IncrementalFetch
from newscrawl.urls import normalize_url, same_site

logger = logging.getLogger(__name__)

# A small script page that sets a cookie and reloads instead of serving the content
# (reported for laodong.vn RSS URLs: document.cookie="D1N=…"+"; path=/"; reload()).
_COOKIE_ASSIGNMENT = re.compile(r"document\.cookie\s*=\s*(?P<expr>[^;]+(?:;[^;\n]*?[\"'])*?)\s*;", re.S)
_STRING_LITERAL = re.compile(r"\"((?:[^\"\\]|\\.)*)\"|'((?:[^'\\]|\\.)*)'")
CHALLENGE_MAX_BYTES = 4096


def parse_cookie_challenge(body: bytes) -> tuple[str, str] | None:
    """(name, value) of the cookie a challenge page sets, or None for a real page."""
    if len(body) > CHALLENGE_MAX_BYTES or b"document.cookie" not in body:
        return None
    text = body.decode("utf-8", "replace")
    if "reload" not in text and "location" not in text:
        return None
    match = _COOKIE_ASSIGNMENT.search(text)
    if not match:
        return None
    # The value may be computed as a concatenation of string literals: join them.
    literals = [a or b for a, b in _STRING_LITERAL.findall(match.group("expr"))]
    assignment = "".join(literals).split(";", 1)[0]
    name, sep, value = assignment.partition("=")
    if not sep or not name.strip():
        return None
    return name.strip(), value.strip()


def use_bundled_public_suffix_list() -> None:
    """Keep Scrapy's cookie domains offline: use tldextract's bundled suffix list.

    Scrapy's CookiesMiddleware splits domains with a default TLDExtract, which downloads
    the public suffix list on first use; without internet that logs a traceback per
    process. The snapshot shipped inside tldextract is enough for cookie domains.
    """
    from scrapy.downloadermiddlewares import cookies  # noqa: PLC0415 - patched once, at start

    cookies._split_domain = TLDExtract(suffix_list_urls=(), include_psl_private_domains=True)


class CookieChallengeMiddleware:
    """Answer a cookie challenge once: set the cookie, fetch again; log if it repeats."""

    def __init__(self, stats: Any) -> None:
        self.stats = stats
        use_bundled_public_suffix_list()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CookieChallengeMiddleware:
        if not crawler.settings.getbool("NEWSCRAWL_COOKIE_CHALLENGE_ENABLED", True):
            raise NotConfigured
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        challenge = parse_cookie_challenge(response.body)
        if challenge is None:
            return response
        name, value = challenge
        self.stats.inc_value("newscrawl/cookie_challenge/seen")
        if request.meta.get("newscrawl_challenge_answered"):
            self.stats.inc_value("newscrawl/cookie_challenge/failed")
            logger.error("cookie challenge repeated after setting %s: giving up on %s", name, request.url)
            raise IgnoreRequest(f"cookie challenge not passed: {request.url}")
        logger.info("cookie challenge on %s: setting %s and fetching again", request.url, name)
        cookies = dict(request.cookies) if isinstance(request.cookies, dict) else {}
        cookies[name] = value
        retry = request.replace(cookies=cookies, dont_filter=True)
        retry.meta["newscrawl_challenge_answered"] = True
        self.stats.inc_value("newscrawl/cookie_challenge/answered")
        return retry


class IncrementalFetchMiddleware:
    """Skip article pages already stored, unless the sitemap or feed says they changed.

    The SQLite file is the crawl state (JOBDIR does not survive SIGKILL): a run started
    from scratch rediscovers the site and downloads only what is new or changed. The
    spider decides for the article URLs it finds (newscrawl.incremental); this decides for
    any other article request, and records the article URLs that answer 404 or 410.
    """

    def __init__(self, incremental: IncrementalFetch) -> None:
        self.incremental = incremental

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalFetchMiddleware:
        incremental = IncrementalFetch.for_crawler(crawler)
        if incremental is None:
            raise NotConfigured
        return cls(incremental)

    def process_request(self, request: Request) -> None:
        # Retries and redirects come through again with the same meta: decided already.
        if not request.meta.get("newscrawl_article") or request.meta.get("newscrawl_decided"):
            return
        meta = request.meta
        reason = self.incremental.skip_reason(
            normalize_url(request.url), meta.get("newscrawl_lastmod"), bool(meta.get("newscrawl_refresh"))
        )
        if reason is not None:
            raise IgnoreRequest(f"{reason}: {request.url}")
        request.meta["newscrawl_decided"] = True

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("newscrawl_article") and response.status in (404, 410):
            self.incremental.mark_gone(normalize_url(request.url), response.status)
        return response


class OffsiteRedirectMiddleware:
    """Refuse a redirect to another site, with a reason the spider logs and counts.

    Scrapy's offsite filter drops such a redirect at scheduling time, silently.
    """

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        if response.status in (301, 302, 303, 307, 308) and location:
            target = urljoin(request.url, location.decode("latin-1"))
            if not same_site(target, request.url):
                raise IgnoreRequest(f"redirect to another site: {target}")
        return response


class RetryAfterMiddleware:
    """Honour `Retry-After` on 429 and 503 before Scrapy's RetryMiddleware retries.

    Scrapy retries these codes at once and ignores the header (scrapy issue 3849). This
    waits as long as the server asks, up to NEWSCRAWL_MAX_RETRY_AFTER seconds; a longer
    wait is not honoured and the retry budget (RETRY_TIMES) bounds the attempts. The last
    attempt's answer is not waited on: no retry follows it.
    """

    def __init__(self, max_wait: float, retry_times: int, retry_codes: set[int], stats: Any) -> None:
        self.max_wait = max_wait
        self.retry_times = retry_times
        self.retry_codes = retry_codes
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RetryAfterMiddleware:
        settings = crawler.settings
        retry_times = settings.getint("RETRY_TIMES") if settings.getbool("RETRY_ENABLED") else 0
        retry_codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        return cls(settings.getfloat("NEWSCRAWL_MAX_RETRY_AFTER", 600), retry_times, retry_codes, crawler.stats)

    def _retried_after(self, request: Request, response: Response) -> bool:
        """Whether Scrapy's RetryMiddleware will ask for this request again."""
        if request.meta.get("dont_retry") or response.status not in self.retry_codes:
            return False
        budget = request.meta.get("max_retry_times", self.retry_times)
        return int(request.meta.get("retry_times", 0)) < int(budget)

    async def process_response(self, request: Request, response: Response) -> Response:
        if response.status not in (429, 503):
            return response
        wait = parse_retry_after((response.headers.get("Retry-After") or b"").decode("latin-1"))
        if wait is None:
            return response
        if not self._retried_after(request, response):
            self.stats.inc_value("newscrawl/retry_after/no_retry_left")
            logger.info("HTTP %d on %s: no retry left, not waiting %.0f s", response.status, request.url, wait)
            return response
        if wait > self.max_wait:
            self.stats.inc_value("newscrawl/retry_after/too_long")
            logger.warning("%s asks to retry after %.0f s (over %.0f s): not waiting", request.url, wait, self.max_wait)
            return response
        self.stats.inc_value("newscrawl/retry_after/honoured")
        logger.info("HTTP %d on %s: waiting %.1f s as Retry-After asks", response.status, request.url, wait)
        await asyncio.sleep(wait)
        return response


def parse_retry_after(value: str) -> float | None:
    """Seconds to wait from a Retry-After value: delta-seconds or an HTTP date."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class HostOverrideMiddleware:
    """Send requests for a site to another address (a mirror, or a local fixture server).

    NEWSCRAWL_HOST_OVERRIDES = {"laodong.vn": "http://127.0.0.1:8123"}: the spider, the
    cookies and the pipelines keep seeing laodong.vn URLs; only the connection goes to
    the other address. Used by `python -m newscrawl demo`, the tests and the benchmarks.
    """

    def __init__(self, overrides: dict[str, str]) -> None:
        self.overrides = {host.lower(): urlsplit(base) for host, base in overrides.items()}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> HostOverrideMiddleware:
        overrides = crawler.settings.getdict("NEWSCRAWL_HOST_OVERRIDES")
        if not overrides:
            raise NotConfigured
        return cls(overrides)

    def _target(self, url: str) -> str | None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        base = self.overrides.get(host)
        if base is None and host.startswith("www."):
            base = self.overrides.get(host[4:])
        if base is None:
            return None
        return urlunsplit((base.scheme, base.netloc, parts.path or "/", parts.query, ""))

    def process_request(self, request: Request) -> None:
        target = self._target(request.url)
        if target is None:
            return
        request.meta["newscrawl_original_url"] = request.url
        request._set_url(target)  # the download goes to the mirror; restored on response

    def process_response(self, request: Request, response: Response) -> Response:
        original = request.meta.pop("newscrawl_original_url", None)
        if original is None:
            return response
        request._set_url(original)
        return response.replace(url=original)

    def process_exception(self, request: Request, exception: Exception) -> None:
        original = request.meta.pop("newscrawl_original_url", None)
        if original is not None:
            request._set_url(original)
