"""dantri.com.vn (Dân trí): the 2012 story template in shared/corpus."""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="dantri",
    domains=("dantri.com.vn",),
    home_url="https://dantri.com.vn/",
    article_url=r"-\d{6,}\.htm$",
    sections={"xa-hoi": "Xã hội", "the-gioi": "Thế giới", "kinh-doanh": "Kinh doanh"},
    feed_url_template="https://dantri.com.vn/rss/{section}.rss",
    feeds=("https://dantri.com.vn/rss/home.rss",),
    sitemaps=("https://dantri.com.vn/sitemap.xml",),
    title=("h1.title-page", "h1.e-magazine__title", "h1"),
    lead=("h2.singular-sapo", "h2.sapo", "div.sapo"),
    body=("div.singular-content", "div#divNewsContent", "div.detail-content"),
    authors=("div.author-name", "p.author"),
    published=("time.author-time", "span.time", "span.date"),
    tags=("ul.tags-wrap a", "span.news-tags-item a"),
    related=("div.news-relation", "div.article-related", "ul.listcungchuyenmuc", "div.tincungchuyenmuc"),
)
