"""nld.com.vn (Người Lao Động): the current template's selectors first, then the 2012 one.

2012 (golden case nld_2012_thieu-tien): everything sits in ``div.detail div.box10``: ``h1``
(the header has an empty logo ``h1`` too), ``p.time``, the lead ``h3``, the body
``div.content`` and, after it, a right-aligned bold ``div`` signing the story.
"""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="nld",
    domains=("nld.com.vn",),
    home_url="https://nld.com.vn/",
    article_url=r"(?:-\d{9,}\.htm$|/\d{14,}p\w+/[\w-]+\.htm$)",
    sections={"thoi-su": "Thời sự", "quoc-te": "Quốc tế", "phap-luat": "Pháp luật"},
    feed_url_template="https://nld.com.vn/rss/{section}.rss",
    feeds=("https://nld.com.vn/rss/home.rss",),
    sitemaps=("https://nld.com.vn/sitemap.xml",),
    title=("h1.detail-title", "div.box10 > h1", "h1"),
    lead=("h2.detail-sapo", "h2.sapo", "p.sapo", "div.box10 > h3"),
    body=("div.detail-content", "div.contentdetail", "div#divNewsContent", "div.box10 > div.content"),
    authors=("p.author", "div.author", "div.box10 > div.content + div[style]"),
    published=("div.detail-time", "span.date", "div.box10 > p.time"),
    tags=("div.detail-tab a", "div.tags > a"),
    section=("div.detail-cate a", "div.box10 > div.caption h2 a"),
    related=(
        "div.tinlienquan",
        "div.related-news",
        "ul.news-relation",
        "div.older-news",
        "div.slideHighlight",
        "div.most-view-comment",
    ),
    prune=("a.goback",),
)
