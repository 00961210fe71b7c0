"""laodong.vn (Báo Lao Động).

Markup from the real 2024 story page and 2021 homepage in shared/corpus/laodong.vn; the
text-story body container `div.art-body` is the form other scrapers reported, kept as the
first body selector, with the video-story container as the second.
"""

from newscrawl.sites import SiteProfile

PROFILE = SiteProfile(
    name="laodong",
    domains=("laodong.vn",),
    home_url="https://laodong.vn/",
    article_url=r"-\d{5,}\.ldo$",
    sections={
        "thoi-su": "Thời sự",
        "xa-hoi": "Xã hội",
        "the-gioi": "Thế giới",
        "kinh-doanh": "Kinh doanh",
        "phap-luat": "Pháp luật",
        "cong-doan": "Công đoàn",
        "van-hoa-giai-tri": "Văn hóa - Giải trí",
        "the-thao": "Thể thao",
        "suc-khoe": "Sức khỏe",
        "bat-dong-san": "Bất động sản",
        "cong-nghe": "Công nghệ",
        "giao-duc": "Giáo dục",
        "ban-doc": "Bạn đọc",
        "xe": "Xe",
    },
    feed_url_template="https://laodong.vn/rss/{section}.rss",
    feeds=("https://laodong.vn/rss/home.rss",),  # section feeds: named by each page's <link rel=alternate>
    sitemaps=("https://laodong.vn/sitemap.xml",),
    pagination=("a[rel~=next]", ".pagination a.next", "ul.pagination li.next a"),
    title=("article.article-detail h1.title", "h1.title", "h1"),
    lead=("div.chappeau",),
    body=("div.art-body", "div.page-chi-tiet-tin[itemprop=articleBody]"),
    authors=("div.art-info span.authors", "span.authors"),
    published=("div.art-info span.time", "span.time"),
    tags=("div.art-footer div.lst-tags a", "div.lst-tags a"),
    section=(),
    related=(
        "div.blk-tin-lien-quan",
        "div.p-lst-category",
        "div.box-right-articles",
        "div.box-tin-lien-quan",
        "div.related-news",
    ),
    prune=(
        "div.art-info",
        "div.art-footer",
        "div.modal",
        "div.login-modal",
        "div.box-comment",
        "div.ads",
    ),
    boilerplate=(
        "Vui lòng cho phép quảng cáo xuất hiện",
        "Đăng nhập",
        "Đăng ký tài khoản",
        "Quên mật khẩu",
    ),
)
