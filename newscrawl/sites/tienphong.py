"""tienphong.vn (Tiền Phong): the 2026 story template (golden case tienphong_2026_1874068).

The same CMS as nhandan.vn. A photo story tells its story in the ``figcaption`` of each
``div.layout-image-2``; the body also holds related tiles ``div.article-relate`` (removed
first, so the captions are most of what is left and the photo-story rule keeps them).
Tags are shown with a leading "#". Discovery relies on the sitemap and the home page.
"""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="tienphong",
    domains=("tienphong.vn",),
    home_url="https://tienphong.vn/",
    article_url=r"-post\d{5,}\.tpo$",
    sections={
        "xa-hoi": "Xã hội",
        "the-gioi": "Thế giới",
        "giai-tri": "Giải trí",
        "phap-luat": "Pháp luật",
        "suc-khoe": "Sức khỏe",
        "giao-duc": "Giáo dục",
        "chinh-tri": "Chính trị",
    },
    # Sections and sitemap from the saved page's menu and the usual location: not checked against the live site.
    sitemaps=("https://tienphong.vn/sitemap.xml",),
    title=("div.article__header h1.article__title", "h1.article__title", "h1"),
    lead=("div.article__sapo",),
    body=("div.article__body",),
    authors=("div.article__author span.name", "div.article__meta div.author"),
    published=("div.article__meta time.time",),
    tags=("div.article__tag a",),
    section=("div.breadcrumb-detail h2.main a.active", "div.breadcrumb-detail h2.main a"),
    related=("div.article-relate", "div.related-news", "div.basic-box-9", "div.box-default"),
    prune=("div.sda_middle", "div.article__social"),
)
