"""vietnamnet.vn: the current story template (a 2021 story in shared/corpus)."""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="vietnamnet",
    domains=("vietnamnet.vn",),
    home_url="https://vietnamnet.vn/",
    article_url=r"-\d{6,}\.html$",
    sections={"thoi-su": "Thời sự", "the-gioi": "Thế giới", "suc-khoe": "Sức khỏe"},
    feed_url_template="https://vietnamnet.vn/rss/{section}.rss",
    feeds=("https://vietnamnet.vn/rss/tin-moi-nhat.rss",),
    sitemaps=("https://vietnamnet.vn/sitemap.xml",),
    title=("h1.content-detail-title", "h1"),
    lead=("div.content-detail-sapo", "h2.content-detail-sapo"),
    body=("div.maincontent#maincontent", "div.maincontent"),
    authors=("div.article-detail-author__info span.name", "p.article-detail-author__info"),
    published=("div.bread-crumb-detail__time", "div.publish-date"),
    tags=("div.tag-cotnent a", "div.tags a"),
    related=("div.related-news", "div.inner-article", "div.article-relate"),
)
