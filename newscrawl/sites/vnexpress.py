"""vnexpress.net (VnExpress): 2012, 2019, 2021 and 2023 story templates (golden cases).

Its JSON-LD dates show Vietnam wall-clock time but in 2019 said "+08:00" (the epoch metas
``its_publication`` / ``article_updatetime`` prove it): ``local_time_dates``. The 2012
template (``div.cxtLeft``) writes the whole story as one ``P.Normal`` split by ``<br><br>``;
photo stories (2021) keep their text in ``div.desc_cation`` with a hidden duplicate per slide.
"""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="vnexpress",
    domains=("vnexpress.net",),
    home_url="https://vnexpress.net/",
    article_url=r"(?:-\d{6,}\.html$|^/gl/[\w/-]+/\d{4}/\d{2}/[\w-]+/?$)",
    sections={"thoi-su": "Thời sự", "the-gioi": "Thế giới", "kinh-doanh": "Kinh doanh", "doi-song": "Đời sống"},
    feed_url_template="https://vnexpress.net/rss/{section}.rss",
    feeds=("https://vnexpress.net/rss/tin-moi-nhat.rss",),
    sitemaps=("https://vnexpress.net/sitemap.xml",),
    title=("h1.title-detail", "h1.title_news_detail", "div.title_news h1", "div.cxtLeft > h1.Title", "h1"),
    lead=("p.description", "h2.description", "div.short_intro", "h2.lead_detail", "div.cxtLeft > h2.Lead"),
    body=("article.fck_detail", "div.fck_detail", "div#article_content", "div.cxtLeft"),
    authors=(
        "p.author_mail strong",
        "p.author strong",
        "article.fck_detail p[style*='right'] strong",
        "div.cxtLeft > p[align=right] strong",
    ),
    published=("span.date", "div.block_timer", "span.spanTime"),
    tags=("div.tags h4 a", "div.block_tag a", "div.tag-parent div.tag-pos a"),
    section=("div.header-content ul.breadcrumb li a", "ul.breadcrumb li a", "div.breadCrumb div.link1 a"),
    local_time_dates=True,
    related=(
        "p.related_news",
        "div[data-component-type=tin_xemthem]",
        "div.box_tinlienquan",
        "div.box-tinlienquan",
        "ul.list-news",
        "div.width_common.box-tinlienquan",
        "div.block_tinlienquan",
        "div.wrap_xemthem",
        "div.box_bottom_detail",
        "div.Div_OtherNews",
        "div.TSHome",
    ),
    prune=(
        "div.footer-content",
        "div.box-tags",
        "div.block_tag",
        "p.Image",
        "div.social_pin",
        "div.wrap_video",
        "div.email-print",
        "div.likesubject",
    ),
)
