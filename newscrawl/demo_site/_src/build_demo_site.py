# -*- coding: utf-8 -*-
"""Generate the laodong.vn demo fixture site into newscrawl/demo_site/ and the
expected-data file tests/fixtures/demo_site_expected.json."""
import datetime as dt
import html
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(__file__))
from content import (ARTICLES, EXT, SECTIONS, COOKIE, VIDEO, VIDEO_NEXT, HOME_COVER,
                     HOME_HIGHLIGHT, HOME_LARGE, HOME_CATEGORY, HOME_MOST_READ, SECTION_PAGES,
                     RSS, SITEMAP, ROOT_RELATIVE, MOST_READ, CATEGORY_BLOCKS)

_HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(_HERE)                      # newscrawl/demo_site
EXPECTED = os.path.join(os.path.dirname(os.path.dirname(ROOT)), "tests", "fixtures", "demo_site_expected.json")
SITE = "https://laodong.vn"
CDN = "https://media-cdn-v2.laodong.vn"
VER = "2.0.0.51"

WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]


def nfc(s):
    return unicodedata.normalize("NFC", s)


def esc(s):
    return html.escape(s, quote=True)


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


def strip_tags(h):
    return collapse(html.unescape(re.sub(r"<[^>]+>", "", h)))


def slugify(title):
    s = title.replace("đ", "d").replace("Đ", "D")
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    s = s.lower()
    s = re.sub(r"[^a-z0-9\s-]", "", s)
    s = re.sub(r"\s+", "-", s.strip())
    return re.sub(r"-{2,}", "-", s)


def iso7(local):  # "2025-01-14T10:32:05" -> "2025-01-14T10:32:05+07:00"
    return local + "+07:00"


def vn_time(local):
    d = dt.datetime.fromisoformat(local)
    return " %s, %s (GMT+7) " % (WEEKDAYS[d.weekday()], d.strftime("%d/%m/%Y %H:%M"))


def rfc822(local):
    d = dt.datetime.fromisoformat(local)
    days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    return "%s, %02d %s %d %s +0700" % (days[d.weekday()], d.day, months[d.month - 1], d.year,
                                        d.strftime("%H:%M:%S"))


def img_dir(local, aid):
    d = dt.datetime.fromisoformat(local)
    return "%s/storage/newsportal/%d/%d/%d/%d" % (CDN, d.year, d.month, d.day, aid)


BY_ID = {a["id"]: a for a in ARTICLES}
for a in ARTICLES:
    a["slug"] = slugify(a["title"])
    a["path"] = "/%s/%s-%d.ldo" % (a["section"], a["slug"], a["id"])
    a["url"] = SITE + a["path"]
    a["lead"] = strip_tags(a["lead_html"])
    a["img"] = "%s/%s" % (img_dir(a["published"], a["id"]), a["image"])

VIDEO["slug"] = slugify(VIDEO["title"])
VIDEO["path"] = "/%s/%s-%d.ldo" % (VIDEO["section"], VIDEO["slug"], VIDEO["id"])
VIDEO["url"] = SITE + VIDEO["path"]


def tile(key):
    """-> dict(title, url, summary, img)"""
    if key.startswith("A:"):
        a = BY_ID[int(key[2:])]
        return dict(title=a["title"], url=a["url"], summary=a["lead"], img=a["img"], key=key)
    sec, tid, title, summary = EXT[key]
    url = "%s/%s/%s-%d.ldo" % (SITE, sec, slugify(title), tid)
    img = "%s/storage/newsportal/2025/%d/%d/%d/Ava.jpg" % (CDN, 4 if tid >= 1480000 else 1, 2 + tid % 12, tid)
    return dict(title=title, url=url, summary=summary, img=img, key=key)


def link_href(page, aid):
    a = BY_ID[aid]
    return a["path"] if (page, aid) in ROOT_RELATIVE else a["url"]


# ---------------------------------------------------------------------------
# shared chunks
# ---------------------------------------------------------------------------
MENU_ITEMS = [("https://laodong.vn/thoi-su", "Thời sự"), ("https://laodong.vn/the-gioi", "Thế giới"),
              ("https://laodong.vn/xa-hoi", "Xã hội")]

FOOTER_V2 = """<footer>
<div class="footer-a">
<div class="wrapper">
<div class="rw-1 text-center">
<div class="socials"><a href="https://www.facebook.com/laodongonline" target="_blank" class="item fa fa-facebook"></a> <a href="https://www.youtube.com/channel/UCr8i-5AIxdiJbI0HdGdUzIA" target="_blank" class="item fa fa-youtube"></a> <a href="mailto:toasoan@laodong.com.vn" class="item fa fa-envelope"></a></div></div>
<div class="rw-2">
<div class="cl1"><a href="https://laodong.vn/" class="logo"> <img src="%(cdn)s/laodong/%(ver)s/images/logo/ldo_red.png" alt="BÁO LAO ĐỘNG" height="60"> </a></div>
<div class="cl2">
<p>Xuất bản số Báo Lao Động đầu tiên vào ngày 14.8.1929
<p><strong>CƠ QUAN CỦA TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM</strong><br> Giấy phép số 34/GP-CBC do Cục Báo Chí - Bộ TTTT cấp ngày 18.08.2022<br> Tổng Biên tập: NGUYỄN NGỌC HIỂN<br> Địa chỉ liên hệ:<br> Số 6 Phạm Văn Bạch, phường Cầu Giấy, Thành phố Hà Nội</div>
<div class="cl3">
<p><b>Thông tin liên hệ:</b><br> Tòa soạn:&nbsp;(+84 24) 38252441 - 35330305<br> Báo điện tử:&nbsp;(+84 24) 38303044<br> Email:&nbsp;media@laodong.vn - toasoan@laodong.com.vn<br> <a href="https://laodong.vn/lien-he">Liên hệ tòa soạn</a></div></div></div>
<div class="power">Báo Lao Động giữ bản quyền nội dung trên website này. Báo điện tử Lao Động được phát triển bởi Lao Động Technologies © {{vm.currentDate | date:'yyyy'}} - Version: %(ver)s.61</div></div></footer>""" % dict(cdn=CDN, ver=VER)

# login/register modal + ad-block overlay: plain text at the end of <body>, as on the real page
TRAPS_END = """<div class="modal fade modal-login" id="modal-login-ld" data-bs-backdrop="static" data-bs-keyboard="false" tabindex="-1" aria-hidden="true">
<div class="modal-dialog">
<div id="modal-dang-nhap" class="modal-content dang-nhap show">
<div class="modal-header"><a href="/" class="logo" title="Báo Lao Động"> <img src="%(cdn)s/laodong/%(ver)s/images/logo/ldo_red.png" alt="BÁO LAO ĐỘNG" class="logo-ld" width="133" height="35"> </a> <a href="javascript:" class="close" data-bs-dismiss="modal" aria-label="Close"> <i class="fa fa-times" aria-hidden="true"></i> </a></div>
<div class="modal-body">
<div class="box-content sign-in">
<div class="p-left">
<div class="local-login">
<p class="text-label">Đăng nhập bằng <span style="display:inline-block">tài khoản Lao Động</span>
<div id="msg-signin" class="alert alert-danger error-msg" role="alert"></div>
<div class="form-content">
<div class="form-group"><lable>Email đăng nhập:</lable> <input id="txt-signin-email" type="text" class="form-control" placeholder="Nhập email"></div>
<div class="form-group"><lable>Mật khẩu:</lable> <input id="txt-signin-password" type="password" class="form-control" placeholder="Nhập mật khẩu"></div>
<div class="forget">
<div class="text-notice"><span>Bạn quên mật khẩu? </span> <a id="btn-quen-mat-khau" href="javascript:">Lấy lại mật khẩu</a></div>
<div class="text-notice"><span>Bạn chưa có tài khoản? </span> <a id="btn-dang-ky" href="javascript:">Đăng ký ngay.</a></div></div></div></div>
<div class="modal-footer"><button type="button" class="btn btn-outline-secondary" data-bs-dismiss="modal"> Đóng </button> <button id="btn-signin" type="button" class="btn btnSubmit btn-primary"> Đăng nhập </button></div></div>
<div class="p-right">
<div class="social-login">
<p class="text-label">Đăng nhập nhanh bằng <span style="display:inline-block">tài khoản mạng xã hội</span>
<div class="social-button"><button id="facebook-sign-in" class="login-btn fb" type="button"><span class="name"> Facebook </span></button> <button id="google-sign-in" class="login-btn gg" type="button"><span class="name"> Google </span></button></div></div></div></div></div></div>
<div id="modal-dang-ky" class="modal-content dang-ky">
<div class="modal-body">
<p class="text-label">ĐĂNG KÝ
<div id="msg-signup-success" class="alert alert-primary success-msg" role="alert">Bạn đã đăng ký thành viên thành công. <br> Để xác nhận việc đăng ký, bạn vui lòng thực hiện thao tác kích hoạt tài khoản theo hướng dẫn đã được gửi vào địa chỉ email dùng để đăng ký tài khoản.</div>
<div class="p-signup">
<div class="box-content sign-up">
<div class="form-group"><lable>Họ và tên:</lable> <input id="txt-signup-fullname" type="text" class="form-control" placeholder="Nhập tên hiển thị"></div>
<div class="form-group"><lable>Email đăng nhập:</lable> <input id="txt-signup-email" type="email" class="form-control" placeholder="Nhập email"></div>
<div class="form-group"><lable>Mật khẩu đăng nhập:</lable> <input id="txtsignup-password" type="password" class="form-control" placeholder="Nhập mật khẩu"></div></div>
<div class="modal-footer"><button type="button" class="btn-cancel-signup btn btnCancel btn-outline-secondary"> Hủy </button> <button id="btn-signup" type="button" class="btn btnSubmit btn-primary"> Tạo tài khoản </button></div></div></div></div>
<div id="modal-quen-mat-khau" class="modal-content quen-mat-khau">
<div class="modal-body">
<p class="text-label">QUÊN MẬT KHẨU
<div id="msg-forgot-password-success" class="alert alert-primary success-msg" role="alert">Một email phục hồi mật khẩu được gửi vào hộp thư của bạn. Vui lòng kiểm tra hộp thư và thực hiện theo hướng dẫn.</div></div></div></div></div>
<div id="ad-detector" class="ads ad adsbox ad-banner adsbygoogle" style="width:1px;height:1px;position:absolute;left:-10000px;top:-10000px;opacity:0;pointer-events:none" aria-hidden="true"></div>
<div id="site-notice-overlay">
<div id="site-notice-modal">
<div class="notice-brand-logo"><img src="/images/logo/ldo_red.png" alt="Báo Lao Động" onerror="this.style.display='none'"></div>
<h2 id="notice-main-title">Vui lòng cho phép quảng cáo xuất hiện</h2>
<p>Có vẻ như bạn đang dùng một trình chặn quảng cáo. Quảng cáo giúp chúng tôi chi trả chi phí vận hành trang web của mình
<div class="notice-btn-group"><button id="btn-allow-ads" type="button" onclick="AdBlockChecker.showGuide()"> Cho phép quảng cáo </button></div></div></div>
<div id="site-guide-overlay">
<div id="site-guide-modal">
<h2 id="notice-guide-title">Hướng dẫn tắt chặn quảng cáo</h2>
<p class="notice-guide-sub">Thực hiện theo các bước sau để tắt tiện ích chặn quảng cáo
<div class="notice-step-list">
<div class="notice-step-item"><span class="step-num">1</span> <span class="step-text">Nhấn vào biểu tượng tiện ích trên thanh trình duyệt (góc trên bên phải)</span></div>
<div class="notice-step-item"><span class="step-num">2</span> <span class="step-text">Tìm tiện ích chặn quảng cáo đang bật (uBlock Origin, AdBlock, AdGuard...)</span></div>
<div class="notice-step-item"><span class="step-num">3</span> <span class="step-text">Chọn <strong>Tắt cho trang này</strong> hoặc nhấn nút nguồn để tắt tiện ích</span></div>
<div class="notice-step-item"><span class="step-num">4</span> <span class="step-text">Tải lại trang để quảng cáo hiển thị bình thường</span></div></div>
<div class="notice-btn-group"><button id="btn-guide-done" type="button" onclick="AdBlockChecker.guideDone()"> Đã tắt tiện ích, tải lại trang </button></div>
<p class="notice-footer-hint">Cảm ơn bạn đã hỗ trợ <strong>Báo Lao Động</strong>!</div></div><style>#site-notice-overlay,#site-guide-overlay{display:none;position:fixed !important;inset:0 !important;z-index:2147483647 !important}#site-notice-overlay.is-visible,#site-guide-overlay.is-visible{display:flex !important}</style>
<script>(function(){'use strict';const STORAGE_KEY='adb_allowed_ts';function showOverlay(id){const el=document.getElementById(id);if(!el)return;el.classList.add('is-visible');}
window.AdBlockChecker={showGuide(){localStorage.setItem(STORAGE_KEY,String(Date.now()));showOverlay('site-guide-overlay');},guideDone(){setTimeout(()=>location.reload(),200);}};})();</script>""" % dict(cdn=CDN, ver=VER)


def head_assets():
    return ("<link href=\"%(cdn)s/laodong/%(ver)s/plugin/plugin-all.min.css?n=%(ver)s\" rel=\"stylesheet\">\n"
            "<script src=\"%(cdn)s/laodong/%(ver)s/plugin/plugin-all.min.js?n=%(ver)s\"></script>\n"
            "<script src=\"%(cdn)s/laodong/%(ver)s/scripts/main.js?n=%(ver)s\"></script>\n"
            "<script>var arfAsync=arfAsync||[];var stopReload=false;</script>\n"
            "<script id=\"arf-core-js\" onerror=\"window.arferrorload=true\" src=\"//media1.admicro.vn/cms/Arf.min.js\" async></script>\n"
            "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-9XPGNV7HPY\"></script>\n"
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}\n"
            "gtag('js',new Date());gtag('config','G-9XPGNV7HPY');</script>\n"
            "<link href=\"%(cdn)s/laodong/%(ver)s/themes/desktop/all.min.css?n=%(ver)s\" rel=\"stylesheet\">\n") % dict(cdn=CDN, ver=VER)


def site_header_v2(active=None):
    items = []
    for href, name in MENU_ITEMS:
        cls = "item active" if href.endswith("/" + (active or "#")) else "item"
        items.append('<li class="%s"><a class="link" href="%s">%s</a>' % (cls, href, name))
    return ("""<header id="site-header">
<div class="bg-head">
<div class="wrapper">
<div class="header-top">
<div class="header-logo"><a class="ldo-logo" href="https://laodong.vn/"> <img src="%(cdn)s/laodong/%(ver)s/images/logo/ldo_red.png" alt="BÁO LAO ĐỘNG" height="65"> </a></div>
<div class="header-content">
<div class="top-link"><a href="https://news.laodong.vn" target="_blank"><span class="flag en"></span> <span>English</span></a> <span>-</span> <a href="https://ko.laodong.vn" target="_blank"><span class="flag ko"></span> <span>Korean</span></a></div></div></div></div></div>
<div id="mainmenutop">
<div class="main-menu">
<div class="wrapper">
<div class="content"><nav>
<ul class="lst-mn">
<li class="menu-home first-item"><a href="/"><i class="fa fa-home" aria-hidden="true"></i></a>
%(items)s</ul></nav>
<div class="nav-right"><div class="account-header"><a href="javascript:" class="item account" data-bs-toggle="modal" data-bs-target="#modal-login-ld"> <span class="name"> Đăng nhập </span> <span class="icon"> <i class="fa fa-user" aria-hidden="true"></i> </span> </a></div></div></div></div></div></div></header>"""
            % dict(cdn=CDN, ver=VER, items="\n".join(items)))


def next_video_script(vid, url, title, chappeau_html, abstract, published, img):
    obj = {"articleId": vid, "url": url, "localUrl": url.replace(SITE, ""), "subTitle": "",
           "title": title, "chappeau": chappeau_html, "abstractText": abstract,
           "publishedDate": iso7(published), "imageThumbnailUrl": img}
    s = json.dumps(obj, ensure_ascii=True, separators=(",", ":"))
    s = (s.replace('\\"', "\\u0022").replace("<", "\\u003C").replace(">", "\\u003E")
         .replace("&", "\\u0026"))
    # \uXXXX upper-case hex as on the real page
    s = re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), s)
    return ("<script>(function(){var nextVideo=%s;var playNext=window.videojs?videojs('video-next'):null;"
            "if(playNext){playNext.ready(function(){if(typeof this.upnext==='function'){this.upnext({timeout:500,headText:'Video tiếp theo',cancelText:'Hủy',getTitle:function(){return nextVideo.title;},next:function(){window.location=nextVideo.url;}});}});}})();</script>" % s)


def video_next_for_articles():
    v = VIDEO
    ch = '<p><a href="https://laodong.vn/tags/cong-doan-1044.ldo" target="_blank" title="Công đoàn">Công đoàn</a> - %s</p>' % esc(v["lead"])
    return next_video_script(v["id"], v["url"], v["title"], ch, v["lead"][:120] + "...", v["published"],
                             "%s/Cho-Tet.jpg" % img_dir(v["published"], v["id"]))


def ld_json(objs):
    return '<script type="application/ld+json">%s</script>' % json.dumps(objs, ensure_ascii=False, separators=(",", ":"))


def truncate_desc(s, n=140):
    if len(s) <= n:
        return s
    cut = s[:n].rsplit(" ", 1)[0]
    return cut + "..."


# ---------------------------------------------------------------------------
# story page
# ---------------------------------------------------------------------------
def render_body_block(b, a, exp):
    kind = b[0]
    if kind == "p":
        exp["body_paragraphs"].append(b[1])
        return "<p>%s</p>" % esc(b[1])
    if kind == "h3":
        exp["subheadings"].append(b[1])
        return "<h3>%s</h3>" % esc(b[1])
    if kind == "figure":
        exp["image_captions"].append(b[1])
        return ('<figure class="insert-center-image"><img src="%s/%s-2.jpg" alt="%s" width="800" height="533">'
                '<figcaption>%s</figcaption></figure>') % (img_dir(a["published"], a["id"]), a["image"][:-4], esc(a["title"]), esc(b[1]))
    if kind == "picture":
        exp["image_captions"].append(b[1])
        return ('<table class="picture" align="center"><tbody><tr><td class="pic"><img data-src="%s/%s-3.jpg" class="lazyload" alt="%s" width="800" height="533"></td></tr>'
                '<tr><td class="pCaption caption">%s</td></tr></tbody></table>') % (img_dir(a["published"], a["id"]), a["image"][:-4], esc(a["title"]), esc(b[1]))
    if kind == "ad":
        zid = "kx%05d" % (a["id"] % 100000)
        return ('<div class="lst-advs" data-key="v2-pc-in-article" data-total="1"><div class="item"><zone id="%s"></zone>'
                '<script>arfAsync.push("%s");</script></div></div>') % (zid, zid)
    if kind == "box":
        _, variant, heading, keys = b
        tiles = [tile(k) for k in keys]
        for t in tiles:
            exp["related_titles"].append(t["title"])
            exp["_inbody_links"].append(t["url"])
        exp["in_body_related"] = dict(heading=heading, titles=[t["title"] for t in tiles])
        if variant == "tlq-inline":
            inner = "\n".join('<article class="tlq-item"><a class="link-title" href="%s"><h3 class="title">%s</h3></a></article>'
                              % (t["url"], esc(t["title"])) for t in tiles)
            return '<div class="box-tlq-inline">\n<div class="tlq-title">%s</div>\n%s</div>' % (esc(heading), inner)
        if variant == "doc-them":
            inner = "".join('<li><a href="%s" title="%s">%s</a></li>' % (t["url"], esc(t["title"]), esc(t["title"])) for t in tiles)
            return '<div class="doc-them"><p class="doc-them-title"><strong>%s</strong></p><ul>%s</ul></div>' % (esc(heading), inner)
        if variant == "table":
            inner = "".join('<p><a href="%s">%s</a></p>' % (t["url"], esc(t["title"])) for t in tiles)
            return ('<table class="tlq" align="center" border="0" cellpadding="4"><tbody><tr><td>'
                    '<p class="tlq-head"><strong>%s</strong></p>%s</td></tr></tbody></table>') % (esc(heading), inner)
        raise ValueError(variant)
    if kind == "xemthem":
        _, variant, key = b
        t = tile(key)
        exp["related_titles"].append(t["title"])
        exp["_inbody_links"].append(t["url"])
        exp["see_also"] = t["title"]
        if variant == "strong":
            return '<p><strong>Xem thêm:</strong> <a href="%s" target="_blank" title="%s">%s</a></p>' % (t["url"], esc(t["title"]), esc(t["title"]))
        return '<p><em>Xem thêm: <a href="%s">%s</a></em></p>' % (t["url"], esc(t["title"]))
    raise ValueError(kind)


def tile_img(t, w, h):
    return ('<figure class="_thumb"><img src="%s?w=22&amp;h=14&amp;crop=auto&amp;scale=both" data-src="%s?w=%d&amp;h=%d&amp;crop=auto&amp;scale=both" '
            'class="lazyload img-art" alt="%s" width="%d" height="%d"></figure>') % (t["img"], t["img"], w, h, esc(t["title"]), w, h)


def article_page(a):
    exp = dict(body_paragraphs=[], subheadings=[], image_captions=[], related_titles=[], _inbody_links=[])
    sec_name = SECTIONS[a["section"]]
    pub, mod = iso7(a["published"]), iso7(a["modified"])
    desc = " %s " % a["lead"]
    kw = ",".join(t for t, _ in a["tags"])
    author_field = a["authors_html"]
    ld = [
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": {"@id": SITE + "/" + a["section"], "name": sec_name}},
            {"@type": "ListItem", "position": 2, "item": {"@id": a["url"], "name": a["title"]}}]},
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
         "description": truncate_desc(a["lead"]),
         "mainEntityOfPage": {"@context": "https://schema.org", "@type": "WebPage", "@id": a["url"]},
         "url": a["url"],
         "publisher": {"@type": "Organization", "name": "Báo Lao Động", "logo": {"@context": "https://schema.org", "@type": "ImageObject", "url": "https://laodong.vn/img/ldo_red.png"}},
         "image": [{"@context": "https://schema.org", "@type": "ImageObject", "caption": a["title"], "url": a["img"]}],
         "datePublished": pub, "dateModified": mod,
         "author": [{"@type": "Person", "name": author_field, "url": "https://laodong.vn"}]},
        {"@context": "https://schema.org", "@type": "Organization", "name": "Báo Lao Động", "url": "https://laodong.vn", "logo": CDN + "/laodong-logo.png"},
    ]
    head = [
        '<!DOCTYPE html><html lang="vi" xmlns:fb="http://www.facebook.com/2008/fbml" xmlns:og="http://ogp.me/ns#" itemscope xmlns:article="http://ogp.me/ns/article#" itemtype="http://schema.org/WebPage"><head prefix="og: http://ogp.me/ns# fb: http://ogp.me/ns/fb# article: http://ogp.me/ns/article#">',
        "<script>var VersionNumber='639265373168082078';var gax=1;var serviceApiUrl='https://services.laodong.vn';</script>",
        '<meta property="article:published_time" content="%s">' % pub,
        '<meta property="article:modified_time" content="%s">' % mod,
        '<meta property="article:section" content="%s">' % esc(sec_name),
        '<meta property="dable:item_id" content="%d">' % a["id"],
        '<meta property="dable:title" content="%s">' % esc(a["title"]),
        '<meta property="dable:image" content="%s?w=800&amp;h=420&amp;crop=auto&amp;scale=both">' % a["img"],
        '<meta property="dable:author" content="%s">' % esc(author_field),
        '<meta charset="utf-8">',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        '<link rel="dns-prefetch" href="%s"><title>%s</title>' % (CDN, esc(a["title"])),
        '<meta name="description" content="%s">' % esc(desc),
        '<meta name="keywords" content="%s">' % esc(kw),
        '<meta name="news_keywords" content="%s">' % esc(kw.replace(",", ", ")),
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
        '<meta name="robots" content="noarchive,index,follow">',
        '<meta property="fb:app_id" content="194889717576327">',
        '<meta property="article:author" content="https://www.facebook.com/laodongonline">',
        '<meta property="article:publisher" content="https://www.facebook.com/laodongonline">',
        '<link rel="shortcut icon" href="/favicon.ico" type="image/x-icon">',
        '<meta property="og:url" content="%s">' % a["url"],
        '<meta property="og:type" content="article">',
        '<meta property="og:title" content="%s">' % esc(a["title"]),
        '<meta property="og:description" content="%s">' % esc(desc),
        '<meta property="og:image" content="%s?w=800&amp;h=420&amp;crop=auto&amp;scale=both">' % a["img"],
        '<meta property="og:image:width" content="800">',
        '<meta property="og:image:height" content="420">',
        '<link rel="canonical" href="%s">' % a["url"],
        '<link rel="amphtml" href="%s">' % a["url"].replace("https://laodong.vn", "https://amp.laodong.vn"),
        ld_json(ld),
        head_assets().rstrip("\n"),
    ]
    # ---- story ----
    h1 = (" %s " % a["title"]) if a.get("h1_pad") else a["title"]
    body_html = "\n".join(render_body_block(b, a, exp) for b in a["body"])
    tail_html = ""
    if a["tail"]:
        name, suffix = a["tail"]
        tail_html = '\n<p style="text-align:right"><strong>%s</strong>%s</p>' % (esc(name), esc(suffix))
    tags_html = " ".join('<a href="/tags/%s-%d.ldo">%s</a>' % (slugify(t), n, esc(t)) for t, n in a["tags"])
    story = """<div class="body-content">
<div class="b-left m-bottom-20">
<div class="sticky-box">
<div class="lst-advs" data-key="v2-pc-float-left" data-total="1">
<div class="item"><zone id="jujibc4d"></zone>
<script>arfAsync.push("jujibc4d");</script></div></div></div></div>
<div class="b-center">
<div ng-controller="ChiTietTinCtrl as vm" articleid="%(id)d" category-key="%(sec)s" itemprop="articleBody" ga-id="UA-43649544-1" class="page-chi-tiet-tin">
<div class="wrapper">
<div class="m-bottom-10 m-top-10">
<div class="lst-advs" data-key="v2-pc-top" data-total="1">
<div class="item"><zone id="k4to0lzm"></zone>
<script>arfAsync.push("k4to0lzm");</script></div></div></div>
<div class="breadcrums"><a class="nav-link" href="https://laodong.vn/%(sec)s"> %(secname)s </a></div>
<div class="blk-c2-01">
<div class="pl">
<article class="article-detail v4">
<h1 class="title">%(h1)s</h1>
<div class="art-info"><i class="fa fa-user-circle-o" aria-hidden="true"></i>
<div class="info">
<span class="authors">%(authors)s</span> 
<span class="time">%(time)s</span></div></div>
<div class="google-news"><a href="https://news.google.com/publications/CAAiEMd7LKx8SFheC7cdYmUKIisqFAgKIhDHeyysfEhYXgu3HWJlCiIr?hl=vi&amp;gl=VN&amp;ceid=VN%%3Avi"> <img src="%(cdn)s/laodong/%(ver)s/images/google-news.png" height="28"> </a></div>
<div class="chappeau">
<p>%(lead)s</div>
<div class="social-sharing"><a class="social-ico zalo" href="https://zalo.me/1953123341318396123" target="_blank"></a> <a class="social-ico facebook" href="https://www.facebook.com/laodongonline" target="_blank"></a> <a class="social-ico youtube" href="https://www.youtube.com/channel/UCr8i-5AIxdiJbI0HdGdUzIA" target="_blank"></a></div>
<div class="art-body">
%(body)s%(tail)s
</div>
<div class="m-bottom-10 m-top-10">
<div class="lst-advs" data-key="v2-pc-after-content" data-total="1">
<div class="item"><zone id="jo8e3l18"></zone>
<script>arfAsync.push("jo8e3l18");</script></div></div></div>
<div class="art-footer">
<div class="lst-tags"><i class="fa fa-tags" aria-hidden="true"></i>
<div class="content">%(tags)s</div></div>
<ul class="lst-share">
<li class="item"><a class="shr shr-facebook" href="javascript:" ng-click="vm.shareFacebook('%(url)s')"> <i class="fa fa-facebook" aria-hidden="true"></i> </a>
<li class="item"><a class="shr shr-mail" href="mailto:toasoan@laodong.com.vn"> <i class="fa fa-envelope" aria-hidden="true"></i> </a>
<li class="item"><a class="shr go-top" href="#top-article" target="_self"> <i class="fa fa-arrow-circle-up" aria-hidden="true"></i> </a></ul></div></article>""" % dict(
        id=a["id"], sec=a["section"], secname=esc(sec_name), h1=esc(h1), authors=esc(a["authors_html"]),
        time=vn_time(a["published"]), cdn=CDN, ver=VER, lead=a["lead_html"], body=body_html, tail=tail_html,
        tags=tags_html, url=a["url"])

    # ---- TIN LIÊN QUAN box (heading) ----
    rel_tiles = []
    for k in a["related"]:
        t = tile(k)
        exp["related_titles"].append(t["title"])
        by = a.get("related_bylines", {}).get(k, "")
        rel_tiles.append("""<article class="v4 m002 item">
<div class="pl"><a class="link-img" href="%(url)s">%(img)s</a></div>
<div class="pr"><a class="link-title" href="%(url)s">
<h2 class="title">%(title)s</h2></a>
<div class="author-time"><span class="authors">%(by)s</span> <span class="sep">|</span></div>
<p class="chappeau">%(sum)s</p></div></article>""" % dict(url=t["url"], img=tile_img(t, 159, 93), title=esc(t["title"]), by=esc(by), sum=esc(t["summary"])))
    tlq = '<div class="box-tin-lien-quan">\n<div class="vinhet-01"><span>TIN LIÊN QUAN</span></div>\n<div class="content">\n%s</div></div>' % "\n".join(rel_tiles)

    comments = """<div class="box-binh-luan">
<div class="form-binh-luan vs">
<div class="head-name">Bình luận:</div>
<div class="form-group">
<div class="form-control vs-noi-dung">Bạn nghĩ gì về nội dung này?</div></div>
<div class="f-cmd">
<div class="vs-note">Bạn cần đăng nhập để gửi bình luận.</div>
<span type="button" class="btn btn btn-primarybld btn-sm"> Gửi bình luận </span></div></div></div>"""

    # ---- blk-tin-lien-quan (no heading) ----
    blk_tiles = []
    bylines = a.get("blk_bylines", {})
    for k in a["blk"]:
        t = tile(k)
        exp["related_titles"].append(t["title"])
        extra = ""
        if k in bylines:
            extra = '\n<div class="author-time"><span class="authors">%s</span> <span class="sep">|</span></div>\n<p class="chappeau">%s</p>' % (esc(bylines[k]), esc(t["summary"]))
        blk_tiles.append("""<article class="v4 nm-media pc3 item">
<div class="p-img"><a class="link-img" href="%(url)s">%(img)s</a></div><a class="link-title" href="%(url)s">
<h2 class="title prefix-icon">%(title)s</h2></a>%(extra)s</article>""" % dict(url=t["url"], img=tile_img(t, 314, 209), title=esc(t["title"]), extra=extra))
    blk = '<div class="blk-tin-lien-quan">\n<div class="content d-flex justify-content-between">\n%s</div></div>' % "\n".join(blk_tiles)

    # ---- p-lst-category ----
    cats = []
    for sec, name, keys in CATEGORY_BLOCKS:
        arts = []
        for i, k in enumerate(keys):
            t = tile(k)
            exp["related_titles"].append(t["title"])
            arts.append("""<article class="v4 nm-media pc3 item n-%(n)d">
<div class="p-img"><a class="link-img" href="%(url)s">%(img)s</a></div><a class="link-title" href="%(url)s">
<h2 class="title prefix-icon">%(title)s</h2></a>
<p class="chappeau">%(sum)s</p></article>""" % dict(n=i + 1, url=t["url"], img=tile_img(t, 314, 209), title=esc(t["title"]), sum=esc(t["summary"])))
        cats.append('<div class="category-item"><a class="vinhet-02" href="https://laodong.vn/%s"> %s </a>\n<div class="art-lst d-flex justify-content-between">\n%s</div></div>'
                    % (sec, esc(name), "\n".join(arts)))
    plst = '<div class="m-bottom-10 m-top-10"></div>\n<div class="p-lst-category">\n%s</div></div>' % "\n".join(cats)

    # ---- sidebar ----
    side = []
    keys = [k for k in MOST_READ if k != "A:%d" % a["id"]][:5]
    for i, k in enumerate(keys):
        t = tile(k)
        exp["related_titles"].append(t["title"])
        side.append("""<article class="v4 p2c m001 n-%(n)d">
<div class="pl"><a class="link-img" href="%(url)s">%(img)s</a></div>
<div class="pr"><a class="link-title" href="%(url)s">
<h2 class="title prefix-icon">%(title)s</h2></a></div></article>""" % dict(n=i + 1, url=t["url"], img=tile_img(t, 159, 93), title=esc(t["title"])))
    sidebar = """<div class="pr">
<div class="box-right-articles">
<div class="vinhet-01"><a href="/doc-nhieu">Nhiều người quan tâm</a></div>
<div class="content">
%s</div></div>
<div class="m-bottom-20">
<div class="lst-advs" data-key="v2-pc-right-01" data-total="1">
<div class="item"><zone id="jo8dh3z8"></zone>
<script>arfAsync.push("jo8dh3z8");</script></div></div></div></div></div></div></div>""" % "\n".join(side)

    page = "\n".join(head) + '<body ng-app="web-app">\n<div ng-controller="MainCtrl as vm">\n' + site_header_v2(a["section"]) + "\n" + \
        story + "\n" + tlq + "\n" + comments + "\n" + blk + "\n" + plst + "\n" + sidebar + \
        '\n<div class="qc-banner-billboard"></div></div></div>\n' + FOOTER_V2 + "</div>\n" + \
        '<div id="fixed-bottom"><button onclick="topFunction()" class="goto-top" title="Về đầu trang"><i class="fa fa-chevron-circle-up fa-3x" aria-hidden="true"></i></button></div>\n' + \
        TRAPS_END + "\n" + video_next_for_articles() + "\n"
    # real page omits </head>, </body>, </html>
    exp["next_video_title"] = VIDEO["title"]
    return nfc(page), exp


# ---------------------------------------------------------------------------
# video page (video template, no text body)
# ---------------------------------------------------------------------------
def video_page():
    v = VIDEO
    pub = iso7(v["published"])
    img = "%s/Cho-Tet.jpg" % img_dir(v["published"], v["id"])
    mp4 = "%s/videos/Cho-Tet-Cong-Doan.mp4" % img_dir(v["published"], v["id"])
    ld = [
        {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": {"@id": "https://laodong.vn/video", "name": "Video"}},
            {"@type": "ListItem", "position": 2, "item": {"@id": "https://laodong.vn/video-xa-hoi", "name": "Xã hội"}},
            {"@type": "ListItem", "position": 3, "item": {"@id": v["url"], "name": v["title"]}}]},
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": v["title"], "description": truncate_desc(v["lead"], 100),
         "url": v["url"], "image": [{"@context": "https://schema.org", "@type": "ImageObject", "caption": v["title"], "url": img}],
         "video": [{"@context": "https://schema.org", "@type": "VideoObject", "name": v["title"], "description": truncate_desc(v["lead"], 100),
                    "thumbnailUrl": [img], "uploadDate": pub, "contentUrl": mp4}],
         "datePublished": pub, "dateModified": pub, "author": [{"@type": "Person", "name": v["authors"], "url": "https://laodong.vn"}]},
        {"@context": "https://schema.org", "@type": "Organization", "name": "Báo Lao Động", "url": "https://laodong.vn", "logo": CDN + "/laodong-logo.png"},
    ]
    nsec, nid, ntitle, nlead = VIDEO_NEXT
    nurl = "%s/%s/%s-%d.ldo" % (SITE, nsec, slugify(ntitle), nid)
    nxt = next_video_script(nid, nurl, ntitle, "<p>%s</p>" % esc(nlead), nlead[:100] + "...", "2025-01-13T20:00:00",
                            "%s/storage/newsportal/2025/1/13/%d/Ava.jpg" % (CDN, nid))
    page = """<!DOCTYPE html><html lang="vi"><head>
<meta property="article:published_time" content="%(pub)s">
<meta property="article:section" content="Xã hội">
<meta charset="utf-8">
<title>%(title)s</title>
<meta name="description" content=" %(lead)s ">
<meta property="og:url" content="%(url)s">
<meta property="og:type" content="article">
<meta property="og:title" content="%(title)s">
<meta property="og:description" content=" %(lead)s ">
<meta property="og:image" content="%(img)s?w=800&amp;h=420&amp;crop=auto&amp;scale=both">
<link rel="canonical" href="%(url)s">
%(ld)s
%(assets)s<body ng-app="web-app">
<div ng-controller="MainCtrl as vm">
%(header)s
<div class="body-content">
<div class="b-center">
<div ng-controller="ChiTietTinCtrl as vm" articleid="%(id)d" category-key="video-xa-hoi" itemprop="articleBody" ga-id="UA-43649544-1" class="page-chi-tiet-tin ctt-video">
<div class="wrapper">
<div class="breadcrums"><a class="nav-link-media" href="/video"> Lao Động TV </a></div>
<div class="video-content">
<div class="video-wrap">
<div class="video-cover stuck-video"><video id="video-%(id)d" class="video-js vjs-default-skin vjs-fluid vjs-16-9" poster="%(img)s?w=924&amp;h=520&amp;crop=auto&amp;scale=both" controls preload="auto"><source src="%(mp4)s" type="video/mp4"></video></div></div></div>
%(next)s
<div class="blk-c2-01">
<div class="pl">
<article class="article-detail v4">
<h1 class="title">%(title)s</h1>
<div class="art-info"><i class="fa fa-user-circle-o" aria-hidden="true"></i>
<div class="info">
<span class="authors">%(authors)s</span> 
<span class="time">%(time)s</span></div></div>
<div class="chappeau">
<p>%(lead)s</div>
<div class="art-footer">
<div class="lst-tags"><i class="fa fa-tags" aria-hidden="true"></i>
<div class="content"><a href="/tags/cong-doan-1044.ldo">Công đoàn</a> <a href="/tags/tet-nguyen-dan-2005.ldo">Tết Nguyên đán</a></div></div></div></article>
</div></div></div></div></div></div>
%(footer)s</div>
%(traps)s
""" % dict(pub=pub, title=esc(v["title"]), lead=esc(v["lead"]), url=v["url"], img=img, mp4=mp4, ld=ld_json(ld),
           assets=head_assets(), header=site_header_v2(), id=v["id"], next=nxt, authors=esc(v["authors"]),
           time=vn_time(v["published"]), footer=FOOTER_V2, traps=TRAPS_END)
    return nfc(page)


# ---------------------------------------------------------------------------
# home page (2021 homepage tile markup)
# ---------------------------------------------------------------------------
def img140(a, w, h):
    return ('<figure class="_thumb">\n<img data-src="%s?w=%d&h=%d&crop=auto&scale=both" class="lazyload"  alt="%s" width="%d" height="%d" '
            'src="data:image/gif;base64,R0lGODlhAwACAIAAAAAAAP///yH5BAEAAAAALAAAAAADAAIAAAIChF8AOw=="><noscript><img src="%s?w=%d&h=%d&crop=auto&scale=both"  alt="%s" width="%d" height="%d" /></noscript>\n</figure>'
            ) % (a["img"], w, h, esc(a["title"]), w, h, a["img"], w, h, esc(a["title"]), w, h)


def article_small(page, aid, w=140, h=93, cls="N2"):
    a = BY_ID[aid]
    href = link_href(page, aid)
    return """<article class="article-small %(cls)s" >
<a href="%(href)s" title="%(t)s">
%(img)s
<header>
<h4 class="">%(t)s</h4>
</header>
</a>
</article>""" % dict(cls=cls, href=href, t=esc(a["title"]), img=img140(a, w, h))


def article_large(page, aid, w=278, h=185):
    a = BY_ID[aid]
    href = link_href(page, aid)
    return """<article class="article-large N2">
<header>
<h4 class=""><a href="%(href)s">%(t)s</a></h4>
<p>%(lead)s</p>
</header>
<a href="%(href)s" title="%(t)s">
%(img)s
</a>
</article>""" % dict(href=href, t=esc(a["title"]), lead=esc(a["lead"]), img=img140(a, w, h))


def article_title_li(page, aid):
    a = BY_ID[aid]
    return """<li>
<article class="article-title N2">
<h6 class="">
<a href="%s" title="%s">
                %s
            </a>
</h6>
</article></li>""" % (link_href(page, aid), esc(a["title"]), esc(a["title"]))


def v1_head(title, canonical, extra=""):
    return """<!doctype html>
<html lang="vi"
      xmlns="http://www.w3.org/1999/xhtml"
      xmlns:fb="http://www.facebook.com/2008/fbml"
      xmlns:og="http://ogp.me/ns#" itemscope="itemscope"
      itemtype="http://schema.org/WebPage"
>
<head prefix="og: http://ogp.me/ns# fb: http://ogp.me/ns/fb# article: http://ogp.me/ns/article#">
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge"/>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
<title>%(title)s</title>
<meta name="description" content="Báo LAO ĐỘNG điện tử - LAODONG.VN cung cấp tin tức 24h thời sự, chính trị, kinh tế, văn hóa, xã hội, công đoàn, người lao động nhanh nhất và tin cậy nhất">
<meta name="viewport" content="width=device-width, initial-scale=1.0"/>
<meta name="robots" content="noarchive,index,follow" />
<meta property="og:url" content="%(canonical)s"/>
<meta property="og:type" content="website"/>
<link rel="canonical" href="%(canonical)s"/>
<link rel="shortcut icon" href="https://laodong.vn/favicon.ico" type="image/x-icon"/>
<link rel="stylesheet" href="https://laodong.vn/min/app.css?v=20200716">
%(extra)s<script>
        BASE_URL = 'https://laodong.vn/';
    </script>
<script type="text/javascript" src="//pagead2.googlesyndication.com/pagead/js/adsbygoogle.js" async></script>
</head>
""" % dict(title=esc(title), canonical=canonical, extra=extra)


def v1_header():
    return """<body>
<header class="header">
<div class="wrapper">
<div class="header-top">
<a class="logo" href="https://laodong.vn/"><img src="https://laodong.vn/img/ldo_red.png" width="250" alt="Báo Lao Động"/></a>
<div class="content-text">Cơ quan của<br />Tổng Liên Đoàn Lao Động Việt Nam<br />Tiếng nói của Công nhân<br />Viên chức lao động Việt Nam</div>
</div>
<div class="clearfix"></div>
</div>
<nav class="menu">
<div class="wrapper">
<div class="menu-container">
<ul>
<li class="menu-home menu-border-home"><a href="https://laodong.vn">Home</a></li>
<li class="menu-item menu-border-3"><a href="https://laodong.vn/thoi-su">Thời sự</a>
</li>
<li class="menu-item menu-border-5"><a href="https://laodong.vn/the-gioi">Thế giới</a>
</li>
<li class="menu-item menu-border-17"><a href="/xa-hoi">Xã hội</a>
</li>
</ul>
</div>
<div class="clearfix"></div>
</div>
</nav>
</header>"""


V1_FOOTER = """<footer class="footer">
<div class="wrapper">
<div class="footer-menu">
<h3 class="footerHeader"><a href="https://laodong.vn/thoi-su">Thời sự</a></h3>
<h3 class="footerHeader"><a href="https://laodong.vn/the-gioi">Thế giới</a></h3>
<h3 class="footerHeader"><a href="https://laodong.vn/xa-hoi">Xã hội</a></h3>
</div>
<div class="footer-info">
<p>Cơ quan của Tổng Liên Đoàn Lao Động Việt Nam</p>
<p>Tòa soạn: Số 6 Phạm Văn Bạch, phường Cầu Giấy, Thành phố Hà Nội</p>
<p><a href="https://laodong.vn/lien-he">Liên hệ</a> - <a href="https://www.facebook.com/laodongonline" target="_blank" rel="nofollow">Facebook Báo Lao Động</a></p>
<p>Báo Lao Động giữ bản quyền nội dung trên website này.</p>
</div>
</div>
</footer>
</body>
</html>
"""


def most_read_list(page):
    lis = "\n".join("<li>\n%s\n</li>" % article_small(page, aid, 100, 66) for aid in HOME_MOST_READ)
    return '<h3 class="heading3">Nhiều người quan tâm</h3>\n<ul class="thumb-news-list ">\n%s\n</ul>' % lis


def home_page():
    cover = BY_ID[HOME_COVER]
    rss_links = ('<link rel="alternate" type="application/rss+xml" title="Báo Lao Động - Trang chủ" href="https://laodong.vn/rss/home.rss">\n'
                 '<link rel="alternate" type="application/rss+xml" title="Báo Lao Động - Thế giới" href="https://laodong.vn/rss/the-gioi.rss">\n')
    ldj = '<script type="application/ld+json">\n            %s\n        </script>\n' % json.dumps(
        {"name": "Lao Động Online | LAODONG.VN - Tin tức mới nhất 24h", "url": "https://laodong.vn/",
         "@context": "https://schema.org/", "@type": "WebSite"}).replace("/", "\\/")
    highlight = "\n".join("<li>\n%s\n</li>" % article_small("home", aid) for aid in HOME_HIGHLIGHT)
    v = VIDEO
    video_tile = """<li>
<article class="article-small M1" >
<a href="%(url)s" title="%(t)s">
<figure class="_thumb">
<img data-src="%(img)s?w=140&h=93&crop=auto&scale=both" class="lazyload"  alt="%(t)s" width="140" height="93">
</figure>
<header>
<h4 class="prefix-icon M1">%(t)s</h4>
</header>
</a>
</article>
</li>""" % dict(url=v["url"], t=esc(v["title"]), img="%s/Cho-Tet.jpg" % img_dir(v["published"], v["id"]))
    cats = []
    for sec, ids in HOME_CATEGORY.items():
        first, rest = ids[0], ids[1:]
        href = "/" + sec if sec == "xa-hoi" else "https://laodong.vn/" + sec
        cats.append("""<section class="category type0 bottom-line">
<header class="header-cat">
<h2 class="big-cat"><a href="%s">%s</a></h2>
</header>
<div  class="left-col">
%s
</div>
<div class="right-col">
<ul class="news-items">
%s
</ul>
</div>
<div class="clear"></div>
</section>""" % (href, esc(SECTIONS[sec]), article_small("home", first, 200, 140), "\n".join(article_title_li("home", i) for i in rest)))
    body = """<div class="wrapper" id="main_content_body">
<div class="main">
<div class="hot-tags"><span class="label">Xu hướng:</span> <a href="https://laodong.vn/tim-kiem?q=trieu+tien">Triều Tiên</a> <a href="https://laodong.vn/thoi-su">Tết Ất Tỵ 2025</a></div>
<section class="container home-section">
<div class="first-section">
<div class="left-col">
<div class="row-first cover-col">
<article class="cover">
<a class="article-title" href="%(cover_url)s">
<figure class="_thumb">
<img src="%(cover_img)s?w=650&h=365&crop=auto&scale=both"  alt="%(cover_t)s" width="650" height="365" />
</figure>
</a>
<div class="cover-cont">
<h2 class="title "><a class="article-title" href="%(cover_url)s">%(cover_t)s</a></h2>
</div>
</article>
<div class="clearfix"></div>
</div>
<div class="row-second cover-col">
<div class="home-highlight">
<ul>
%(highlight)s
%(video)s
<li class="clearfix"></li>
</ul>
</div>
<div class="special">
<div class="name">
<a class="cat-link special-color" href="https://laodong.vn/thoi-su">Tiêu điểm</a>
</div>
<div class="articles-slick">
<div class="article-slick">
%(large)s
</div>
</div>
</div>
</div>
</div>
<div class="right-col">
%(mostread)s
</div>
<div class="clearfix"></div>
<div class="new-page-link">
<a class="tin-moi-link" href="https://www.facebook.com/laodongonline" target="_blank" rel="nofollow"><span class="fb-icon">Theo dõi Báo Lao Động trên Facebook</span></a>
</div>
</div>
</section>
<section class="container home-section section4">
<div class="left-col">
%(cats)s
</div>
</section>
</div>
</div>
""" % dict(cover_url=cover["url"], cover_img=cover["img"], cover_t=esc(cover["title"]), highlight=highlight, video=video_tile,
           large=article_large("home", HOME_LARGE), mostread=most_read_list("home"), cats="\n".join(cats))
    return nfc(v1_head("Lao Động Online | LAODONG.VN - Tin tức mới nhất 24h", "https://laodong.vn/", rss_links + ldj)
               + v1_header() + "\n" + body + V1_FOOTER)


def section_page(key):
    sec = key.split("?")[0]
    page2 = "?page=2" in key
    name = SECTIONS[sec]
    canonical = "https://laodong.vn/" + key
    extra = ""
    if sec == "the-gioi":
        extra += '<link rel="alternate" type="application/rss+xml" title="Báo Lao Động - Thế giới" href="https://laodong.vn/rss/the-gioi.rss">\n'
        extra += ('<link rel="prev" href="https://laodong.vn/the-gioi">\n' if page2 else '<link rel="next" href="https://laodong.vn/the-gioi?page=2">\n')
    tiles = []
    for aid in SECTION_PAGES[key]:
        a = BY_ID[aid]
        href = link_href(key, aid)
        tiles.append("""<article class="article-large N2">
<a href="%(href)s" title="%(t)s">
%(img)s
</a>
<header>
<h4 class=""><a href="%(href)s">%(t)s</a></h4>
<p>%(lead)s</p>
</header>
<div class="clearfix"></div>
</article>""" % dict(href=href, t=esc(a["title"]), img=img140(a, 278, 185), lead=esc(a["lead"])))
    pag = ""
    if sec == "the-gioi":
        if not page2:
            pag = """<div class="pagination">
<ul class="pagination-list">
<li class="page-item active"><span class="page-link">1</span></li>
<li class="page-item"><a class="page-link" href="https://laodong.vn/the-gioi?page=2">2</a></li>
<li class="page-item next"><a class="page-link" rel="next" href="https://laodong.vn/the-gioi?page=2" title="Trang sau">»</a></li>
</ul>
</div>"""
        else:
            pag = """<div class="pagination">
<ul class="pagination-list">
<li class="page-item prev"><a class="page-link" rel="prev" href="https://laodong.vn/the-gioi" title="Trang trước">«</a></li>
<li class="page-item"><a class="page-link" href="https://laodong.vn/the-gioi">1</a></li>
<li class="page-item active"><span class="page-link">2</span></li>
</ul>
</div>"""
    title = "%s | Báo Lao Động" % name + (" - Trang 2" if page2 else "")
    body = """<div class="wrapper" id="main_content_body">
<div class="main">
<section class="container category-page">
<div class="left-col">
<header class="header-cat">
<h1 class="big-cat"><a href="https://laodong.vn/%(sec)s">%(name)s</a></h1>
</header>
<div class="list-main-content">
%(tiles)s
</div>
%(pag)s
</div>
<div class="right-col">
%(mostread)s
</div>
<div class="clearfix"></div>
</section>
</div>
</div>
""" % dict(sec=sec, name=esc(name), tiles="\n".join(tiles), pag=pag, mostread=most_read_list(key))
    return nfc(v1_head(title, canonical, extra) + v1_header() + "\n" + body + V1_FOOTER)


def lien_he_page():
    body = """<div class="wrapper" id="main_content_body">
<div class="main">
<section class="container static-page">
<h1 class="title">Liên hệ</h1>
<div class="content">
<p><strong>BÁO LAO ĐỘNG - CƠ QUAN CỦA TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM</strong></p>
<p>Địa chỉ: Số 6 Phạm Văn Bạch, phường Cầu Giấy, Thành phố Hà Nội</p>
<p>Tòa soạn: (+84 24) 38252441 - 35330305</p>
<p>Báo điện tử: (+84 24) 38303044</p>
<p>Email: toasoan@laodong.com.vn</p>
<p>Bạn đọc có thể gửi thông tin, phản ánh tới đường dây nóng của Báo Lao Động: 096 8383388.</p>
</div>
</section>
</div>
</div>
"""
    return nfc(v1_head("Liên hệ | Báo Lao Động", "https://laodong.vn/lien-he") + v1_header() + "\n" + body + V1_FOOTER)


# ---------------------------------------------------------------------------
# feeds, sitemaps, robots, challenge
# ---------------------------------------------------------------------------
def rss(feed):
    ids = RSS[feed]
    title = "Báo Lao Động - " + ("Trang chủ" if feed == "home" else SECTIONS[feed])
    link = "https://laodong.vn/" + ("" if feed == "home" else feed)
    items = []
    for aid in ids:
        a = BY_ID[aid]
        items.append("""<item>
<title>%(t)s</title>
<link>%(url)s</link>
<description><![CDATA[<a href="%(url)s"><img src="%(img)s?w=660&h=440&crop=auto&scale=both" /></a>%(lead)s]]></description>
<pubDate>%(date)s</pubDate>
<guid isPermaLink="true">%(url)s</guid>
</item>""" % dict(t=esc(a["title"]), url=a["url"], img=a["img"], lead=esc(a["lead"]), date=rfc822(a["published"])))
    newest = max(BY_ID[i]["published"] for i in ids)
    return nfc("""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>%(title)s</title>
<link>%(link)s</link>
<description>Báo Lao Động điện tử - Tiếng nói của công nhân, viên chức, lao động Việt Nam</description>
<language>vi</language>
<copyright>Báo Lao Động</copyright>
<lastBuildDate>%(build)s</lastBuildDate>
<atom:link href="https://laodong.vn/rss/%(feed)s.rss" rel="self" type="application/rss+xml" />
%(items)s
</channel>
</rss>
""" % dict(title=esc(title), link=link, build=rfc822(newest), feed=feed, items="\n".join(items)))


def sitemap_news():
    arts = sorted((BY_ID[i] for i in SITEMAP), key=lambda a: a["modified"], reverse=True)
    urls = "\n".join("<url>\n<loc>%s</loc>\n<lastmod>%s</lastmod>\n</url>" % (a["url"], iso7(a["modified"])) for a in arts)
    return """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
%s
</urlset>
""" % urls, max(a["modified"] for a in arts)


def sitemap_index(lastmod):
    return """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap>
<loc>https://laodong.vn/sitemaps/news.xml</loc>
<lastmod>%s</lastmod>
</sitemap>
</sitemapindex>
""" % iso7(lastmod)


ROBOTS = """User-agent: *
Disallow: /tim-kiem
Disallow: /api/
Allow: /

Sitemap: https://laodong.vn/sitemap.xml
"""

CHALLENGE = ('<html><body><script>document.cookie="%s"+"; expires=Fri, 31 Dec 2099 23:59:59 GMT; path=/";'
             'window.location.reload(true);</script></body></html>\n' % COOKIE)


# ---------------------------------------------------------------------------
def split_sents(text):
    # split after . ! ? (optionally followed by a closing quote) + whitespace + capital/quote
    out, start = [], 0
    for m in re.finditer(r'[.!?…]["”]?(\s+)(?=["“]?[A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ0-9])', text):
        out.append(text[start:m.start(1)])
        start = m.end(1)
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def write(rel, content):
    p = os.path.join(ROOT, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8", newline="\n") as f:
        f.write(content)


def main():
    routes = {}
    routes["/"] = {"file": "home.html"}
    write("home.html", home_page())
    write("robots.txt", ROBOTS)
    routes["/robots.txt"] = {"file": "robots.txt"}
    news, lastmod = sitemap_news()
    write("sitemaps/news.xml", news)
    write("sitemap.xml", sitemap_index(lastmod))
    routes["/sitemap.xml"] = {"file": "sitemap.xml"}
    routes["/sitemaps/news.xml"] = {"file": "sitemaps/news.xml"}
    for feed in RSS:
        write("rss/%s.rss" % feed, rss(feed))
        routes["/rss/%s.rss" % feed] = {"file": "rss/%s.rss" % feed, "cookie_challenge": COOKIE}
    write("challenge.html", CHALLENGE)
    for key in SECTION_PAGES:
        fn = "sections/%s.html" % key.replace("?page=", "-page-")
        write(fn, section_page(key))
        routes["/" + key] = {"file": fn}
    write("pages/lien-he.html", lien_he_page())
    routes["/lien-he"] = {"file": "pages/lien-he.html"}
    write("video/%d.html" % VIDEO["id"], video_page())
    routes[VIDEO["path"]] = {"file": "video/%d.html" % VIDEO["id"]}

    expected = []
    where = discovered_where()
    order = ["home", "section", "section_page2", "rss", "sitemap"]

    for a in ARTICLES:
        page, exp = article_page(a)
        fn = "articles/%d.html" % a["id"]
        write(fn, page)
        routes[a["path"]] = {"file": fn}
        paras = exp["body_paragraphs"]
        first = split_sents(paras[0])[0]
        last = split_sents(paras[-1])[-1]
        rel = []
        for t in exp["related_titles"]:
            if t not in rel:
                rel.append(t)
        e = dict(
            url=a["url"], id=a["id"], section_slug=a["section"], section_name=SECTIONS[a["section"]],
            title=collapse(a["title"]), lead=a["lead"], authors=a["authors"], source_credit=a["credit"],
            byline_raw=a["authors_html"],
            published_at=iso7(a["published"]), modified_at=iso7(a["modified"]),
            tags=[t for t, _ in a["tags"]],
            first_sentence=first, last_sentence=last,
            related_titles=rel,
            discovered_from=[s for s in order if s in where.get(a["id"], set())],
            route_file=fn,
            body_paragraphs=paras, subheadings=exp["subheadings"], image_captions=exp["image_captions"],
            end_byline=(a["tail"][0] + a["tail"][1]) if a["tail"] else None,
            in_body_related=exp.get("in_body_related"), see_also=exp.get("see_also"),
            next_video_title=exp["next_video_title"],
        )
        expected.append(nfc_obj(e))

    routes = dict(sorted(routes.items(), key=lambda kv: (kv[0] != "/", kv[0])))
    with open(os.path.join(ROOT, "routes.json"), "w", encoding="utf-8") as f:
        json.dump(routes, f, ensure_ascii=False, indent=2)
        f.write("\n")

    ext_links = ["https://www.facebook.com/laodongonline"]
    discovery = {
        "start_url": "https://laodong.vn/",
        "robots_txt": "https://laodong.vn/robots.txt",
        "sitemap_index": "https://laodong.vn/sitemap.xml",
        "sitemaps": ["https://laodong.vn/sitemaps/news.xml"],
        "feeds": ["https://laodong.vn/rss/the-gioi.rss", "https://laodong.vn/rss/home.rss"],
        "cookie_challenge": {"cookie": COOKIE, "urls": ["https://laodong.vn/rss/the-gioi.rss", "https://laodong.vn/rss/home.rss"],
                             "challenge_file": "challenge.html"},
        "sections": ["https://laodong.vn/the-gioi", "https://laodong.vn/the-gioi?page=2",
                     "https://laodong.vn/xa-hoi", "https://laodong.vn/thoi-su"],
        "pagination": {"https://laodong.vn/the-gioi": "https://laodong.vn/the-gioi?page=2"},
        "non_article_pages": ["https://laodong.vn/lien-he"],
        "video_pages": [{"url": VIDEO["url"], "title": VIDEO["title"], "lead": VIDEO["lead"],
                         "note": "Lao Động TV video story (div.page-chi-tiet-tin.ctt-video): h1.title, span.authors, span.time and div.chappeau, but no div.art-body; linked from the home page; not one of the text articles"}],
        "must_not_follow": {
            "external": ext_links,
            "disallowed_by_robots": ["https://laodong.vn/tim-kiem?q=trieu+tien"],
        },
        "root_relative_links": sorted("%s -> %s" % (p, BY_ID[i]["path"]) for p, i in ROOT_RELATIVE) + [
            "home, section pages: menu item /xa-hoi"],
        "home_menu_link_without_trailing_slash": "https://laodong.vn",
        "article_count": len(ARTICLES),
        "only_from": {},
    }
    for e in expected:
        if len(e["discovered_from"]) == 1:
            discovery["only_from"].setdefault(e["discovered_from"][0], []).append(e["url"])
    # links found on story pages (article tiles, tags, menus): which fixture stories they reach,
    # and which laodong.vn URLs have no route (the local server answers 404 for them)
    by_url = {a["url"]: a["id"] for a in ARTICLES}
    unrouted = set()
    linked_from = {}
    for a in ARTICLES:
        for u in links_in("articles/%d.html" % a["id"]):
            if not u.startswith("https://laodong.vn"):
                continue
            path = u[len("https://laodong.vn"):] or "/"
            path = path.split("#")[0] or "/"
            if u in by_url and by_url[u] != a["id"]:
                linked_from.setdefault(by_url[u], set()).add(a["id"])
            elif path not in routes:
                unrouted.add(path)
    for e in expected:
        e["linked_from_story_pages"] = sorted(linked_from.get(e["id"], ()))
    discovery["unrouted_links_on_story_pages"] = {
        "note": "laodong.vn links that appear only on story/video pages (related tiles of non-fixture stories, tag pages /tags/<slug>-<n>.ldo which look like article URLs, /doc-nhieu, /video); they have no route and the local server should answer 404",
        "paths": sorted(unrouted)}
    out = {"articles": expected, "discovery": discovery}
    os.makedirs(os.path.dirname(EXPECTED), exist_ok=True)
    with open(EXPECTED, "w", encoding="utf-8") as f:
        json.dump(out, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("routes:", len(routes), "articles:", len(expected))


def links_in(rel):
    """absolute URLs linked from a generated listing/feed/sitemap file"""
    from lxml import etree, html as lhtml
    from urllib.parse import urljoin
    p = os.path.join(ROOT, rel)
    data = open(p, "rb").read()
    if rel.endswith((".xml", ".rss")):
        root = etree.fromstring(data)
        return [el.text.strip() for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname in ("loc", "link") and el.text]
    doc = lhtml.fromstring(data)
    return [urljoin("https://laodong.vn/", h) for h in doc.xpath("//a/@href")]


def discovered_where():
    srcs = {"home": ["home.html"], "section": ["sections/the-gioi.html", "sections/xa-hoi.html", "sections/thoi-su.html"],
            "section_page2": ["sections/the-gioi-page-2.html"], "rss": ["rss/the-gioi.rss", "rss/home.rss"],
            "sitemap": ["sitemaps/news.xml"]}
    by_url = {a["url"]: a["id"] for a in ARTICLES}
    where = {}
    for src, files in srcs.items():
        for f in files:
            for u in links_in(f):
                if u in by_url:
                    where.setdefault(by_url[u], set()).add(src)
    return where


def nfc_obj(o):
    if isinstance(o, str):
        return nfc(o)
    if isinstance(o, list):
        return [nfc_obj(x) for x in o]
    if isinstance(o, dict):
        return {k: nfc_obj(v) for k, v in o.items()}
    return o


if __name__ == "__main__":
    main()
