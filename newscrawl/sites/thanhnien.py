"""thanhnien.vn (Thanh Niên): the 2025 story template, then the 2012 SharePoint one.

2012 (thanhnien.com.vn, golden case thanhnien_2012_1): ``div#print-news`` holds
``h1.mainTitle`` and ``span.date-line``; the lead is the first ``h2`` INSIDE the body
``div.article-content`` (the next ``p`` has the same editor class but is story text); the
story ends with a right-aligned byline and a left-aligned paragraph of ">>" related links.
"""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="thanhnien",
    domains=("thanhnien.vn", "thanhnien.com.vn"),
    home_url="https://thanhnien.vn/",
    article_url=r"(?:-\d{6,}\.htm$|/pages/\d{8}/[\w-]+\.aspx$)",
    sections={"thoi-su": "Thời sự", "the-gioi": "Thế giới", "doi-song": "Đời sống"},
    feed_url_template="https://thanhnien.vn/rss/{section}.rss",
    feeds=("https://thanhnien.vn/rss/home.rss",),
    sitemaps=("https://thanhnien.vn/sitemap.xml",),
    title=("h1.detail-title span[data-role=title]", "h1.detail-title", "div#print-news h1.mainTitle", "h1"),
    lead=(
        "div.detail-sapo[data-role=sapo]",
        "div.detail-sapo",
        "div.article-content > h2.ms-rteElement-H2:first-child",
    ),
    body=("div.detail-content[data-role=content]", "div.detail-content", "div#print-news div.article-content"),
    authors=("div.detail-author a.name", "div.author-info a.name"),
    published=(
        "div.detail-time time[data-role=publishdate]",
        "div.detail-time",
        "div.article-header > span.date-line",
    ),
    tags=("div.detail-tab a", "div.hienthiTags div.tags a"),
    section=("div.detail-cate a[data-role=cate-name]", "div.categories1 > span[title]"),
    related=("div.detail__related", "div.box-relate", "div.Relate-News", "div.CumCD"),
    prune=(".configHidden",),
)
