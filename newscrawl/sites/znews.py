"""znews.vn (Znews, formerly news.zing.vn): the 2026 story template, then the 2012 one.

2012 (news.zing.vn, golden case zing_2012_1): title and lead appear twice, in
``div#content_head`` and again atop the body ``div#content_document``; the body ends with
``p.pAuthor`` (the byline) and ``p.pSource`` ("Theo Infonet", the agency credit).
"""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="znews",
    domains=("znews.vn", "zingnews.vn", "news.zing.vn"),
    home_url="https://znews.vn/",
    article_url=r"(?:-post\d{5,}\.html$|/[\w-]+/a\d{5,}\.html$)",
    sections={"thoi-su": "Thời sự", "the-gioi": "Thế giới", "the-thao": "Thể thao"},
    feeds=(),
    sitemaps=("https://znews.vn/sitemap.xml",),
    title=("h1.the-article-title", "div#content_head h1.pTitle", "h1"),
    lead=("p.the-article-summary", "div#content_head h2.pHead"),
    body=("div.the-article-body", "div#content_document"),
    authors=("div.the-article-credit p.author", "p.the-article-author", "p.pAuthor"),
    published=("li.the-article-publish", "div.subheader > span.timestamp"),
    tags=("p.the-article-tags > strong, p.the-article-tags > span, p.the-article-tags > a", "div.tags a"),
    section=("p.the-article-category a", "div.subheader a.sub_cate"),
    related=(
        "section.sidebar",
        "section.recommendation",
        "#article-nextreads",
        "div.inner-article",
        "div#detail_sidebar",
        "div.more_news",
        "div.discover_articles",
        "div.znews_rightcol",
    ),
    prune=("h1.pTitle", "h2.pHead"),
)
