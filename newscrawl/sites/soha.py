"""soha.vn (Soha): the 2012 VCCorp story template (golden case soha_2012_1).

Body ``div#newscontent[itemprop=articleBody]``: a few ``<p>``, photo blocks and an in-body
related box ``div.VCSortableInPreviewMode[type=RelatedNews]``. Under the title,
``span.sub-news2-date2`` holds the credit ("Theo Ngoisao": an agency, not a person) and the
visible date. Section pages are ``/<slug>.htm``.
"""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="soha",
    domains=("soha.vn",),
    home_url="https://soha.vn/",
    article_url=r"-\d{14,}\.htm$",
    sections={"giai-tri": "Giải trí", "xa-hoi": "Xã hội", "the-gioi": "Thế giới", "the-thao": "Thể thao"},
    # Sections and sitemap from the saved page's menu and the usual location: not checked against the live site.
    sitemaps=("https://soha.vn/sitemap.xml",),
    title=("h1.news-title", "div.detail h1[itemprop=title]", "h1"),
    lead=("h2.news-sapo", "h2.description[itemprop=description]", "h2.description"),
    body=("div.detail-content", "div#newscontent"),
    authors=("div.author", "span.sub-news2-date2 span[itemprop=author]"),
    published=("span.news-time", "span.sub-news2-date2 span[itemprop=datePublished]"),
    tags=("ul.tags li a", "div.tags a"),
    section=("ul.ul-submenu-dstin li.menusub_active a",),
    related=("div.VCSortableInPreviewMode[type=RelatedNews]", "div.news-other", "div.dongskct2"),
)
