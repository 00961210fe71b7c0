"""znews.vn (Znews, formerly news.zing.vn): the 2026 story template and 2012 pages."""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="znews",
    domains=("znews.vn", "zingnews.vn", "news.zing.vn"),
    home_url="https://znews.vn/",
    article_url=r"(?:-post\d{5,}\.html$|/[\w-]+/a\d{5,}\.html$)",
    sections={"thoi-su": "Thời sự", "the-gioi": "Thế giới", "the-thao": "Thể thao"},
    feeds=(),
    sitemaps=("https://znews.vn/sitemap.xml",),
    title=("h1.the-article-title", "h1"),
    lead=("p.the-article-summary",),
    body=("div.the-article-body",),
    authors=("div.the-article-credit p.author", "p.the-article-author"),
    published=("li.the-article-publish",),
    tags=("p.the-article-tags a",),
    section=("p.the-article-category a",),
    related=("section.sidebar", "section.recommendation", "#article-nextreads", "div.inner-article"),
)
