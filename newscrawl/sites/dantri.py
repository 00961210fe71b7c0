"""dantri.com.vn (Dân trí): the current template's selectors first, then the 2012 ASP.NET one.

2012 (golden case dantri_2012_677792): title ``h1.fon31``, lead ``h2.fon33`` (ending with an
inline ">>" link to another story), body ``div.fon34`` of leaf DIV/P blocks with centred
image + caption DIVs and a right-aligned byline, dateline in ``div.box26 span.fon7``.
"""

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
    title=("h1.title-page", "h1.e-magazine__title", "h1.fon31", "h1"),
    lead=("h2.singular-sapo", "h2.sapo", "div.sapo", "h2.fon33"),
    body=("div.singular-content", "div#divNewsContent", "div.detail-content", "div.fon34"),
    authors=("div.author-name", "p.author"),
    published=("time.author-time", "span.time", "span.date", "div.box26 span.fon7"),
    tags=("ul.tags-wrap a", "span.news-tags-item a"),
    section=("ul.dt-breadcrumb li a", "div.box26 div.breadcrumb a"),
    related=(
        "div.news-relation",
        "div.article-related",
        "ul.listcungchuyenmuc",
        "div.tincungchuyenmuc",
        "div.newest-of-cat",
        "div#ctl00_IDContent_divTinMoi",
        "div#ctl00_IDContent_divTinDaDang",
    ),
    prune=("div.emailprint", "div.neo-dtcontent"),
)
