"""NewsSpider: discovers a site's article pages from its sitemaps, feeds and section pages.

Everything site-specific comes from the site's profile (newscrawl/sites/). Arguments:
``-a url=`` one article; ``-a section=`` one section (comma-separated for several);
``-a since=YYYY-MM-DD`` skip what the sitemap/feed dates before it; ``-a limit=N`` at most
N article pages; ``-a refresh=1`` fetch stored articles again.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from datetime import date
from functools import cached_property
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit

import scrapy
from lxml import etree
from scrapy.exceptions import IgnoreRequest, UsageError
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from newscrawl.dates import now_iso, parse_date
from newscrawl.incremental import IncrementalFetch
from newscrawl.items import PageItem
from newscrawl.sites import SiteProfile
from newscrawl.urls import normalize_url

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Requests Scrapy's middlewares refused, by the words of their IgnoreRequest.
_IGNORED_KINDS = (
    ("Forbidden by robots.txt", "robots_disallowed"),
    ("max redirections", "redirect_loop"),
    ("redirect to another site", "redirect_offsite"),
    ("DOWNLOAD_MAXSIZE", "too_large"),
    ("max size", "too_large"),
)


def header(response: Response, name: str) -> str:
    """A response header as text ("" when absent)."""
    return (response.headers.get(name) or b"").decode("latin-1")


class NewsSpider(scrapy.Spider):
    profile: ClassVar[SiteProfile]

    def __init__(
        self,
        url: str | None = None,
        section: str | None = None,
        since: str | None = None,
        limit: str | int | None = None,
        refresh: str | bool | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        checked = self.check_arguments(url=url, section=section, since=since, limit=limit, refresh=refresh)
        self.one_url: str | None = checked["url"]
        self.sections: list[str] = checked["section"]
        self.since: str | None = checked["since"]
        self.limit: int | None = checked["limit"]
        self.refresh: bool = checked["refresh"]
        self.allowed_domains = list(self.profile.domains)
        self.scheduled: set[str] = set()  # article URLs requested this run
        self.requested: set[str] = set()  # every URL requested this run
        self.listing_pages = 0

    # Arguments ---------------------------------------------------------------------------

    @classmethod
    def check_arguments(cls, **arguments: Any) -> dict[str, Any]:
        """The spider's arguments, checked: a UsageError names the bad one before any fetch."""
        known = {"url", "section", "since", "limit", "refresh"}
        unknown = sorted(set(arguments) - known - {"_job"})
        if unknown:
            raise UsageError(f"-a {unknown[0]}: unknown argument; known: {', '.join(sorted(known))}", print_help=False)
        return {
            "url": cls._check_url(arguments.get("url")),
            "section": cls._check_sections(arguments.get("section")),
            "since": cls._check_since(arguments.get("since")),
            "limit": cls._check_limit(arguments.get("limit")),
            "refresh": str(arguments.get("refresh") or "").lower() in ("1", "true", "yes", "on"),
        }

    @classmethod
    def _check_url(cls, url: str | None) -> str | None:
        if not url:
            return None
        if not cls.profile.owns(url):
            raise UsageError(f"-a url={url}: not a page of {', '.join(cls.profile.domains)}", print_help=False)
        if not cls.profile.is_article_url(url):
            raise UsageError(f"-a url={url}: not an article URL of {cls.profile.name}", print_help=False)
        return url

    @classmethod
    def _check_sections(cls, section: str | None) -> list[str]:
        if not section:
            return []
        slugs = [s.strip().strip("/") for s in section.split(",") if s.strip()]
        unknown = [s for s in slugs if s not in cls.profile.sections]
        if unknown:
            known = ", ".join(sorted(cls.profile.sections))
            raise UsageError(f"-a section={','.join(unknown)}: unknown section; known: {known}", print_help=False)
        return slugs

    @staticmethod
    def _check_since(since: str | None) -> str | None:
        if not since:
            return None
        try:
            return date.fromisoformat(since).isoformat()
        except ValueError:
            raise UsageError(f"-a since={since}: expected a date as YYYY-MM-DD", print_help=False) from None

    @staticmethod
    def _check_limit(limit: str | int | None) -> int | None:
        if limit is None or limit == "":
            return None
        try:
            value = int(limit)
        except ValueError:
            raise UsageError(f"-a limit={limit}: expected a whole number of articles", print_help=False) from None
        if value < 1:
            raise UsageError(f"-a limit={limit}: must be 1 or more", print_help=False)
        return value

    # Discovery ---------------------------------------------------------------------------
    #
    # Requests are deduplicated here, per run, not by Scrapy's dupefilter (settings.py
    # turns it off): after a SIGKILL, JOBDIR's seen-requests file lists URLs whose requests
    # were lost with the queue, and the dupefilter would never fetch them again. A run
    # started again rediscovers everything; the store skips what is already saved.

    def _follow(
        self,
        url: str,
        callback: Any,
        *,
        priority: int = 0,
        meta: dict[str, Any] | None = None,
        **cb_kwargs: Any,
    ) -> scrapy.Request | None:
        if self._met_before(normalize_url(url)):
            return None
        return self._request(url, callback, priority=priority, meta=meta, **cb_kwargs)

    def _met_before(self, key: str, version: str | None = None) -> bool:
        """Whether this run has requested the URL (normalised) already; marks it requested.
        An article found again with a date (sitemap lastmod, feed pubDate) is new with
        that date: the store decides whether the date means it changed."""
        seen = f"{key} {version or ''}"
        if seen in self.requested:
            return True
        self.requested.add(seen)
        return False

    def _request(
        self, url: str, callback: Any, *, priority: int = 0, meta: dict[str, Any] | None = None, **cb_kwargs: Any
    ) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.request_failed,
            priority=priority,
            meta=meta or {},
            cb_kwargs=cb_kwargs,
        )

    async def start(self) -> AsyncIterator[scrapy.Request]:
        requests: list[scrapy.Request | None]
        if self.one_url:
            requests = list(self._article_requests([(self.one_url, None)], via="argument", force=True))
        elif self.sections:
            requests = [
                self._follow(feed, self.parse_feed, via="rss") for feed in self.profile.feed_urls(self.sections)
            ]
            requests += [
                self._follow(self.profile.section_url(s), self.parse_listing, via="section") for s in self.sections
            ]
        else:
            requests = [self._follow(sitemap, self.parse_sitemap) for sitemap in self.profile.sitemaps]
            robots = urljoin(self.profile.home_url, "/robots.txt")
            requests.append(self._follow(robots, self.parse_robots, priority=-1))
            requests += [self._follow(feed, self.parse_feed, via="rss") for feed in self.profile.feeds]
            requests.append(self._follow(self.profile.home_url, self.parse_listing, via="home"))
        for request in requests:
            if request is not None:
                yield request

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if self.profile.owns(url) and (request := self._follow(url, self.parse_sitemap)):
                yield request

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        body = response.body
        if not body.lstrip().startswith(b"<"):
            self._bad_input("sitemap", response, "not XML")
            return
        try:
            sitemap = Sitemap(body)
            entries = list(sitemap)
        except (etree.XMLSyntaxError, ValueError, AttributeError, TypeError) as exc:
            self._bad_input("sitemap", response, str(exc))
            return
        if sitemap.type == "sitemapindex":
            for entry in entries:
                loc = entry.get("loc")
                fresh = self._fresh(parse_date(entry.get("lastmod")))
                if loc and fresh and self.profile.owns(loc) and (request := self._follow(loc, self.parse_sitemap)):
                    yield request
            return
        found = [(e["loc"], parse_date(e.get("lastmod"))) for e in entries if e.get("loc")]
        if not found:
            self._bad_input("sitemap", response, "no urls")
        yield from self._article_requests(found, via="sitemap")

    def parse_feed(self, response: Response, via: str = "rss") -> Iterator[scrapy.Request]:
        parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
        try:
            root = etree.fromstring(response.body, parser=parser)
        except etree.XMLSyntaxError as exc:
            self._bad_input("feed", response, str(exc))
            return
        if root is None:
            self._bad_input("feed", response, "empty or not XML")
            return
        found = []
        for item in root.iter("item", "{http://www.w3.org/2005/Atom}entry"):
            link = item.findtext("link") or ""
            if not link.strip():
                atom = item.find("{http://www.w3.org/2005/Atom}link")
                link = atom.get("href", "") if atom is not None else ""
            changed = item.findtext("pubDate") or item.findtext("{http://www.w3.org/2005/Atom}updated")
            if link.strip():
                found.append((urljoin(response.url, link.strip()), parse_date(changed)))
        if not found:
            self._bad_input("feed", response, "no items")
        yield from self._article_requests(found, via=via)

    def parse_listing(self, response: Response, via: str = "section") -> Iterator[scrapy.Request]:
        if not self._is_html(response):
            self._bad_input("listing", response, f"not HTML ({header(response, 'Content-Type')})")
            return
        self.listing_pages += 1
        links = [urljoin(response.url, href) for href in response.css("a::attr(href)").getall()]
        yield from self._article_requests([(link, None) for link in links], via=via)
        follow: list[scrapy.Request | None] = []
        if not self.sections:
            # Feed autodiscovery: a listing page names its section's feed in <link rel=alternate>.
            for href in response.css(
                "link[rel~=alternate][type*=rss]::attr(href), link[rel~=alternate][type*=atom]::attr(href)"
            ).getall():
                feed = urljoin(response.url, href)
                if self.profile.owns(feed):
                    follow.append(self._follow(feed, self.parse_feed, via="rss"))
        if via == "home":
            for link in links:
                parts = urlsplit(link)
                if self.profile.owns(link) and parts.path.strip("/") in self.profile.sections and not parts.query:
                    follow.append(self._follow(link, self.parse_listing, via="section"))
        elif self.listing_pages < self.settings.getint("NEWSCRAWL_MAX_LISTING_PAGES", 50):
            for selector in self.profile.pagination:
                for href in response.css(f"{selector}::attr(href)").getall():
                    next_page = urljoin(response.url, href)
                    if self.profile.owns(next_page):
                        follow.append(self._follow(next_page, self.parse_listing, via=via))
        yield from (request for request in follow if request is not None)

    def _article_requests(
        self, found: list[tuple[str, str | None]], via: str, force: bool = False
    ) -> Iterator[scrapy.Request]:
        articles = [
            (url, changed, normalize_url(url))
            for url, changed in found
            if self.profile.is_article_url(url) and self._fresh(changed)
        ]
        # The store's answers for the whole list at once: a sitemap lists thousands of URLs.
        known = self.incremental.fetch_state([key for _, _, key in articles]) if self.incremental else {}
        for url, changed, key in articles:
            if self.limit is not None and len(self.scheduled) >= self.limit:
                return
            if self._met_before(key, changed):
                continue
            refresh = self.refresh or force
            # Stored and unchanged, gone, or fetched already: dropped before it is a request.
            if self.incremental is not None and self.incremental.skip_reason(key, changed, refresh, known.get(key)):
                continue
            meta = {
                "newscrawl_article": True,
                "newscrawl_lastmod": changed,
                "newscrawl_refresh": refresh,
                "newscrawl_via": via,
                "newscrawl_decided": self.incremental is not None,
            }
            self.scheduled.add(key)
            yield self._request(url, self.parse_article, meta=meta)

    @cached_property
    def incremental(self) -> IncrementalFetch | None:
        return IncrementalFetch.for_crawler(self.crawler)

    def _fresh(self, changed: str | None) -> bool:
        return not (self.since and changed and changed[:10] < self.since)

    # Articles ----------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterator[PageItem]:
        self.crawler.stats.inc_value("newscrawl/pages/article_fetched")
        self.crawler.stats.inc_value("newscrawl/seconds/fetch", response.meta.get("download_latency", 0.0))
        if not response.body.strip():
            self._bad_input("article", response, "empty body")
            return
        if not self._is_html(response):
            content_type = header(response, "Content-Type")
            self._bad_input("article", response, f"not HTML ({content_type or 'no Content-Type'})")
            return
        headers = {key.decode("latin-1").lower(): header(response, key.decode("latin-1")) for key in response.headers}
        yield PageItem(
            url=normalize_url(response.request.url if response.request else response.url),
            final_url=response.url,
            status=response.status,
            headers=headers,
            body=response.body,
            fetched_at=now_iso(),
            site=self.profile.name,
            not_before=self.since,
        )

    def request_failed(self, failure: Failure) -> None:
        """One log line and one counter per failed request; the crawl goes on."""
        request: scrapy.Request = failure.request  # type: ignore[attr-defined]  # set by Scrapy
        error = failure.value
        kind: str | None
        if isinstance(error, HttpError):
            status = error.response.status
            kind, reason = f"http_{status}", f"HTTP {status}"
            if status in (404, 410) and request.meta.get("newscrawl_article"):
                reason += " (not asked for again)"
        elif isinstance(error, IgnoreRequest):
            message = str(error)
            kind = next((k for pattern, k in _IGNORED_KINDS if pattern in message), None)
            if kind is None:
                return  # skipped on purpose (already stored, fetched this run): counted where decided
            reason = message
            if kind == "too_large":  # Scrapy has logged it, with the sizes
                self.crawler.stats.inc_value(f"newscrawl/errors/{kind}")
                return
        else:
            kind = type(error).__name__
            reason = f"{kind}: {failure.getErrorMessage()}"
        self.crawler.stats.inc_value(f"newscrawl/errors/{kind}")
        self.logger.warning("could not fetch %s: %s", request.url, reason)

    def _is_html(self, response: Response) -> bool:
        content_type = header(response, "Content-Type").lower()
        if any(t in content_type for t in HTML_TYPES):
            return True
        if content_type:
            return False
        head = response.body[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head

    def _bad_input(self, kind: str, response: Response, reason: str) -> None:
        reason_key = re.sub(r"[^a-z]+", "_", reason.lower().split("(")[0]).strip("_") or "invalid"
        self.crawler.stats.inc_value(f"newscrawl/errors/bad_{kind}/{reason_key}")
        self.logger.warning("bad %s %s: %s", kind, response.url, reason)
