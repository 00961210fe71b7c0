"""The registry of news sites: what newscrawl knows about each one, as data.

One module per site defines one :class:`SiteProfile`; :func:`profile_for_url` finds the
profile of a page, and a page of an unknown site goes through the generic path (None).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from newscrawl.urls import registered_host


@dataclass(frozen=True)
class SiteProfile:
    """Site knowledge: where its stories are, and which parts of a page are not the story.

    Selectors are CSS and match whole class tokens; each list is tried in order, the
    first that matches wins. ``related`` boxes are kept as related links and removed
    from the text; ``prune`` parts are removed without keeping anything. Inside the
    ``body`` container, whatever ``title``, ``lead``, ``authors`` and ``tags`` select is
    removed from the text too. ``section`` takes the last text its selector finds (the most
    specific breadcrumb). A profile with ``tags`` selectors takes tags only from the page's
    tag box, never from ``article:tag`` metas (which several sites fill with categories).
    ``local_time_dates`` says the site's machine-readable dates (JSON-LD, metas) show
    Vietnam wall-clock time whatever offset they state.
    """

    name: str
    domains: tuple[str, ...]
    home_url: str
    article_url: str  # regex searched in the URL
    sections: dict[str, str] = field(default_factory=dict)  # slug -> display name
    feed_url_template: str = ""  # "{section}" is replaced by a section slug
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    pagination: tuple[str, ...] = ("a[rel~=next]",)
    title: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    prune: tuple[str, ...] = ()
    captions_are_text: bool = False  # photo stories whose text lives in <figcaption>
    local_time_dates: bool = False  # machine dates carry Vietnam wall-clock time, offsets ignored
    boilerplate: tuple[str, ...] = ()  # text that marks a paragraph as page chrome
    enabled: bool = True  # crawled by the nightly run

    def is_article_url(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not self.owns(url):
            return False
        return _compiled(self.article_url).search(parts.path) is not None

    def owns(self, url: str) -> bool:
        host = registered_host(urlsplit(url).hostname or "")
        return any(host == domain or host.endswith("." + domain) for domain in self.domains)

    def feed_urls(self, sections: list[str] | None = None) -> list[str]:
        if sections and self.feed_url_template:
            return [self.feed_url_template.format(section=slug) for slug in sections]
        return list(self.feeds)

    def section_url(self, slug: str) -> str:
        return self.home_url.rstrip("/") + "/" + slug


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def all_profiles() -> tuple[SiteProfile, ...]:
    from newscrawl.sites import (  # noqa: PLC0415 - the registry imports its members lazily
        dantri,
        laodong,
        nhandan,
        nld,
        soha,
        thanhnien,
        tienphong,
        tuoitre,
        vietnamnet,
        vnexpress,
        znews,
    )

    modules = (laodong, vnexpress, tuoitre, dantri, vietnamnet, thanhnien, znews, nld, nhandan, tienphong, soha)
    return tuple(module.PROFILE for module in modules)


def get_profile(name: str) -> SiteProfile:
    for profile in all_profiles():
        if profile.name == name:
            return profile
    raise KeyError(name)


def profile_for_url(url: str) -> SiteProfile | None:
    for profile in all_profiles():
        if profile.owns(url):
            return profile
    return None
