"""nld.com.vn (Người Lao Động): the 2012 story template in shared/corpus."""

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
    title=("h1.detail-title", "h1"),
    lead=("h2.detail-sapo", "h2.sapo", "p.sapo"),
    body=("div.detail-content", "div.contentdetail", "div#divNewsContent"),
    authors=("p.author", "div.author"),
    published=("div.detail-time", "span.date"),
    related=("div.tinlienquan", "div.related-news", "ul.news-relation"),
)
