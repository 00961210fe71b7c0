"""thanhnien.vn (Thanh Niên): the 2025 story template and the 2012 one in shared/corpus."""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="thanhnien",
    domains=("thanhnien.vn", "thanhnien.com.vn"),
    home_url="https://thanhnien.vn/",
    article_url=r"-\d{6,}\.htm$",
    sections={"thoi-su": "Thời sự", "the-gioi": "Thế giới", "doi-song": "Đời sống"},
    feed_url_template="https://thanhnien.vn/rss/{section}.rss",
    feeds=("https://thanhnien.vn/rss/home.rss",),
    sitemaps=("https://thanhnien.vn/sitemap.xml",),
    title=("h1.detail-title span[data-role=title]", "h1.detail-title", "h1"),
    lead=("div.detail-sapo[data-role=sapo]", "div.detail-sapo"),
    body=("div.detail-content[data-role=content]", "div.detail-content"),
    authors=("div.detail-author a.name", "div.author-info a.name"),
    published=("div.detail-time time[data-role=publishdate]", "div.detail-time"),
    tags=("div.detail-tab a",),
    related=("div.detail__related", "div.box-relate"),
    prune=(".configHidden",),
)
