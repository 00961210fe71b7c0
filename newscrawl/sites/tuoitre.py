"""tuoitre.vn (Tuổi Trẻ): the 2015 desktop and mobile story templates in shared/corpus."""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="tuoitre",
    domains=("tuoitre.vn",),
    home_url="https://tuoitre.vn/",
    article_url=r"(?:-\d{6,}\.htm$|/\d{6,}\.html$)",
    sections={"thoi-su": "Thời sự", "the-gioi": "Thế giới", "phap-luat": "Pháp luật"},
    feed_url_template="https://tuoitre.vn/rss/{section}.rss",
    feeds=("https://tuoitre.vn/rss/tin-moi-nhat.rss",),
    sitemaps=("https://tuoitre.vn/sitemap.xml",),
    title=("h1.detail-title", "h1.article-title", "h1"),
    lead=("h2.detail-sapo", "h2.sapo", "p.sapo", "div.sapo"),
    body=("div.detail-content", "div.fck", "div.content-detail"),
    authors=("div.author", "p.author"),
    published=("div.detail-time", "span.date", "div.date-time"),
    tags=("ul.tags-container a", "div.tags a"),
    related=("div.relate-container", "div.tinlienquan", "ul.list-news-related", "div.related-news"),
    prune=("div.VCSortableInPreviewMode[type=RelatedNewsBox]",),
)
