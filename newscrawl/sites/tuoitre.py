"""tuoitre.vn (Tuổi Trẻ): the current template's selectors first, then the 2015 desktop one.

2015 (golden case tuoitre_2015_724115): ``div.block-feature`` holds ``h1.title-2`` and the
lead ``p.txt-head``; the body ``div.fck`` ends with the byline ``div.wrapper-qt > strong``;
tags in ``ul.block-key`` (its first item is the label "Từ khóa", not a link).
"""

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
    title=("h1.detail-title", "h1.article-title", "div.block-feature h1.title-2", "h1"),
    lead=("h2.detail-sapo", "h2.sapo", "p.sapo", "div.sapo", "div.block-feature > p.txt-head"),
    body=("div.detail-content", "div.fck", "div.content-detail"),
    authors=("div.author", "p.author", "div.wrapper-qt > strong"),
    published=("div.detail-time", "span.date", "div.date-time"),
    tags=("ul.tags-container a", "div.tags a", "ul.block-key li a"),
    section=("div.detail-cate a", "ul.breadcrumb li.active a"),
    related=(
        "div.relate-container",
        "div.tinlienquan",
        "ul.list-news-related",
        "div.related-news",
        "div.right-side",
        "div.highlight",
    ),
    prune=("div.VCSortableInPreviewMode[type=RelatedNewsBox]", "ul.block-key"),
)
