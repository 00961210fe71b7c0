"""vnexpress.net (VnExpress): 2012, 2019, 2021 and 2023 story templates in shared/corpus."""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="vnexpress",
    domains=("vnexpress.net",),
    home_url="https://vnexpress.net/",
    article_url=r"-\d{6,}\.html$",
    sections={"thoi-su": "Thời sự", "the-gioi": "Thế giới", "kinh-doanh": "Kinh doanh", "doi-song": "Đời sống"},
    feed_url_template="https://vnexpress.net/rss/{section}.rss",
    feeds=("https://vnexpress.net/rss/tin-moi-nhat.rss",),
    sitemaps=("https://vnexpress.net/sitemap.xml",),
    title=("h1.title-detail", "h1.title_news_detail", "div.title_news h1", "h1"),
    lead=("p.description", "h2.description", "div.short_intro", "h2.lead_detail"),
    body=("article.fck_detail", "div.fck_detail", "div#article_content"),
    authors=("p.author_mail strong", "p.author strong", "article.fck_detail > p[style*='right'] strong"),
    published=("span.date", "div.block_timer"),
    tags=("div.tags h4 a", "div.block_tag a"),
    related=(
        "p.related_news",
        "div[data-component-type=tin_xemthem]",
        "div.box_tinlienquan",
        "div.box-tinlienquan",
        "ul.list-news",
        "div.width_common.box-tinlienquan",
        "div.block_tinlienquan",
    ),
    prune=("div.footer-content", "div.box-tags", "div.block_tag", "p.Image", "div.social_pin"),
)
