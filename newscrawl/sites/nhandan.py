"""nhandan.vn (Nhân Dân): the 2026 story template (golden case nhandan_2026_976641).

The same CMS as tienphong.vn: ``div.article__header`` (title, sapo), ``div.article__meta``
(``time.time[datetime]``), body ``div.article__body`` with ad slots ``div.sda_middle`` and,
on match reports, a ``div.notebox`` of goals and line-ups (a data box, not story prose).
Inline ``a.cms-relate`` links are words of a sentence and stay. Section slugs are those of
the site menu; discovery relies on the sitemap and the home page (no feed is known).
"""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="nhandan",
    domains=("nhandan.vn",),
    home_url="https://nhandan.vn/",
    article_url=r"-post\d{5,}\.html$",
    sections={"chinhtri": "Chính trị", "kinhte": "Kinh tế", "xahoi": "Xã hội", "thegioi": "Thế giới"},
    # Sections and sitemap from the saved page's menu and the usual location: not checked against the live site.
    sitemaps=("https://nhandan.vn/sitemap.xml",),
    title=("div.article__header h1.article__title", "h1.article__title", "h1"),
    lead=("div.article__sapo",),
    body=("div.article__body",),
    authors=("div.article__author p.name", "div.article__author span.name"),
    published=("div.article__meta time.time",),
    tags=("div.article__tag a",),
    section=("div.breadcrumb-detail h2.main a",),
    related=("div.related-news", "div.article-relate", "div.trending", "div.many-pack"),
    prune=("div.notebox", "div.sda_middle", "div.article__social"),
)
