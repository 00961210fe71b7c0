# -*- coding: utf-8 -*-
"""Consistency checks for the demo site fixture and its expected data.

Run:  python newscrawl/demo_site/_src/validate_demo_site.py   (needs lxml)
"""
import datetime as dt
import json
import os
import re
import sys
import unicodedata
import urllib.robotparser
from urllib.parse import urljoin, urlsplit

from lxml import etree, html as lhtml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXPECTED = os.path.join(os.path.dirname(os.path.dirname(ROOT)), "tests", "fixtures", "demo_site_expected.json")
SITE = "https://laodong.vn"
WEEKDAYS = ["Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật"]

errors = []


def err(msg):
    errors.append(msg)


def collapse(s):
    return re.sub(r"\s+", " ", s or "").strip()


def path_of(url):
    p = urlsplit(url)
    return (p.path or "/") + ("?" + p.query if p.query else "")


routes = json.load(open(os.path.join(ROOT, "routes.json"), encoding="utf-8"))
expected = json.load(open(EXPECTED, encoding="utf-8"))

# 1. route files exist; every served file is referenced
referenced = set()
for key, r in routes.items():
    f = os.path.join(ROOT, r["file"])
    referenced.add(os.path.normpath(f))
    if not os.path.isfile(f):
        err("route %s: missing file %s" % (key, r["file"]))
    if not key.startswith("/"):
        err("route key not root-relative: %s" % key)
for dirpath, dirnames, filenames in os.walk(ROOT):
    if os.path.basename(dirpath) == "_src" or "__pycache__" in dirpath:
        continue
    for fn in filenames:
        p = os.path.normpath(os.path.join(dirpath, fn))
        rel = os.path.relpath(p, ROOT)
        if rel in ("routes.json", "SOURCES.md", "challenge.html"):
            continue
        if p not in referenced:
            err("file not referenced by any route: %s" % rel)

# 2. everything parses, is UTF-8 and NFC
docs = {}
for key, r in routes.items():
    p = os.path.join(ROOT, r["file"])
    raw = open(p, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        err("not UTF-8: %s" % r["file"])
        continue
    if unicodedata.normalize("NFC", text) != text:
        err("not NFC: %s" % r["file"])
    if r["file"].endswith((".xml", ".rss")):
        try:
            docs[key] = etree.fromstring(raw)
        except etree.XMLSyntaxError as e:
            err("XML error %s: %s" % (r["file"], e))
    elif r["file"].endswith(".html"):
        try:
            # parse the decoded text: like the real 2024 page, <meta charset> comes late in <head>
            # and libxml2 guesses Latin-1 when given the bytes (the server sends charset=utf-8)
            docs[key] = lhtml.fromstring(text)
        except Exception as e:  # noqa
            err("HTML error %s: %s" % (r["file"], e))
cookie = json.load(open(os.path.join(ROOT, "routes.json")))["/rss/home.rss"]["cookie_challenge"]
ch = open(os.path.join(ROOT, "challenge.html"), encoding="utf-8").read()
if 'document.cookie="%s"' % cookie not in ch:
    err("challenge.html does not set %s" % cookie)
for key, r in routes.items():
    if "cookie_challenge" in r and r["cookie_challenge"] != cookie:
        err("different cookie values in routes.json")

# 3. robots
rp = urllib.robotparser.RobotFileParser()
rp.parse(open(os.path.join(ROOT, "robots.txt"), encoding="utf-8").read().splitlines())


def links(key):
    d = docs[key]
    if routes[key]["file"].endswith((".xml", ".rss")):
        return [el.text.strip() for el in d.iter() if isinstance(el.tag, str)
                and etree.QName(el).localname in ("loc", "link") and el.text]
    return [urljoin(SITE + "/", h) for h in d.xpath("//a/@href") if not h.startswith(("javascript:", "mailto:", "#"))]


LISTINGS = ["/", "/the-gioi", "/the-gioi?page=2", "/xa-hoi", "/thoi-su", "/rss/the-gioi.rss", "/rss/home.rss",
            "/sitemap.xml", "/sitemaps/news.xml"]
disc = expected["discovery"]
dont = set(disc["must_not_follow"]["external"]) | set(disc["must_not_follow"]["disallowed_by_robots"])
for key in LISTINGS:
    for u in links(key):
        host = urlsplit(u).netloc
        if host != "laodong.vn":
            if u not in disc["must_not_follow"]["external"]:
                err("%s: external link not listed in discovery: %s" % (key, u))
            continue
        p = path_of(u)
        if not rp.can_fetch("newscrawl", u):
            if u not in disc["must_not_follow"]["disallowed_by_robots"]:
                err("%s: disallowed link not listed: %s" % (key, u))
            continue
        if p not in routes:
            err("%s: link without route: %s" % (key, u))
for u in disc["must_not_follow"]["disallowed_by_robots"]:
    if rp.can_fetch("newscrawl", u):
        err("robots.txt does not disallow %s" % u)
    if path_of(u) in routes:
        err("disallowed URL has a route: %s" % u)

# 4. reachability: BFS over listing pages only (home, sections incl. pagination, feeds, sitemaps)
art_by_url = {a["url"]: a for a in expected["articles"]}
seen, queue, reached = set(), ["/", "/sitemap.xml", "/rss/the-gioi.rss", "/rss/home.rss"], {}
while queue:
    k = queue.pop(0)
    if k in seen:
        continue
    seen.add(k)
    for u in links(k):
        if urlsplit(u).netloc != "laodong.vn" or not rp.can_fetch("newscrawl", u):
            continue
        p = path_of(u)
        if u in art_by_url:
            reached.setdefault(u, set()).add(k)
        elif p in LISTINGS and p not in seen:
            queue.append(p)
for a in expected["articles"]:
    if a["url"] not in reached:
        err("article not reachable from listings: %s" % a["url"])
SRC = {"/": "home", "/the-gioi": "section", "/xa-hoi": "section", "/thoi-su": "section",
       "/the-gioi?page=2": "section_page2", "/rss/the-gioi.rss": "rss", "/rss/home.rss": "rss",
       "/sitemaps/news.xml": "sitemap"}
for a in expected["articles"]:
    got = sorted({SRC[k] for k in reached.get(a["url"], ())})
    if got != sorted(a["discovered_from"]):
        err("%d discovered_from %s != links %s" % (a["id"], a["discovered_from"], got))
    if len(a["discovered_from"]) == 1 and a["linked_from_story_pages"]:
        err("%d is 'only from %s' but story pages link to it" % (a["id"], a["discovered_from"][0]))
if len(expected["articles"]) < 14:
    err("fewer than 14 articles")


# 5. story pages
def split_sents(text):
    out, start = [], 0
    for m in re.finditer(r'[.!?…]["”]?(\s+)(?=["“]?[A-ZÀ-ỸĐ0-9])', text):
        out.append(text[start:m.start(1)])
        start = m.end(1)
    out.append(text[start:])
    return [collapse(s) for s in out if s.strip()]


for a in expected["articles"]:
    key = path_of(a["url"])
    if key not in routes:
        err("no route for article %s" % a["url"])
        continue
    d = docs[key]
    raw = open(os.path.join(ROOT, routes[key]["file"]), encoding="utf-8").read()
    page_text = collapse(d.text_content())
    aid = a["id"]
    if not re.fullmatch(r"https://laodong\.vn/%s/[a-z0-9-]+-%d\.ldo" % (a["section_slug"], aid), a["url"]):
        err("%d: bad url %s" % (aid, a["url"]))
    if len(str(aid)) != 7:
        err("%d: id not 7 digits" % aid)
    h1 = collapse(d.xpath("string(//article[contains(@class,'article-detail')]//h1[contains(@class,'title')])"))
    if h1 != a["title"]:
        err("%d: h1 %r != %r" % (aid, h1, a["title"]))
    if collapse(d.xpath("string(//title)")) != a["title"]:
        err("%d: <title> differs" % aid)
    lead = collapse(d.xpath("string(//div[contains(@class,'chappeau')][1]/p)"))
    if lead != a["lead"]:
        err("%d: lead %r != %r" % (aid, lead, a["lead"]))
    for prop, val in (("og:url", a["url"]), ("article:published_time", a["published_at"]),
                      ("article:modified_time", a["modified_at"])):
        got = d.xpath("//meta[@property=$p]/@content", p=prop)
        if got != [val]:
            err("%d: meta %s = %s" % (aid, prop, got))
    if d.xpath("//link[@rel='canonical']/@href") != [a["url"]]:
        err("%d: canonical" % aid)
    og_title = d.xpath("//meta[@property='og:title']/@content")
    if og_title != [a["title"]]:
        err("%d: og:title" % aid)
    if not d.xpath("//meta[@property='og:image']/@content")[0].startswith("https://media-cdn-v2.laodong.vn/"):
        err("%d: og:image" % aid)
    if d.xpath("//meta[@property='article:section']/@content") != [a["section_name"]]:
        err("%d: article:section" % aid)
    ld = json.loads(d.xpath("//script[@type='application/ld+json']/text()")[0])
    types = [o["@type"] for o in ld]
    if types != ["BreadcrumbList", "NewsArticle", "Organization"]:
        err("%d: JSON-LD types %s" % (aid, types))
    na = ld[1]
    if (na["headline"], na["datePublished"], na["dateModified"]) != (a["title"], a["published_at"], a["modified_at"]):
        err("%d: JSON-LD headline/dates" % aid)
    if not isinstance(na["author"], list) or na["author"][0]["@type"] != "Person":
        err("%d: JSON-LD author" % aid)
    # byline and time
    byline = collapse(d.xpath("string(//div[contains(@class,'art-info')]//span[contains(@class,'authors')])"))
    if byline != a["byline_raw"]:
        err("%d: byline %r" % (aid, byline))
    names = [collapse(x) for x in re.sub(r"\((Nguồn|Theo):[^)]*\)", "", byline).split(" - ")]
    if names != a["authors"]:
        err("%d: authors %s vs %s" % (aid, names, a["authors"]))
    credit_text = byline + " " + (a["end_byline"] or "")
    if a["source_credit"] and a["source_credit"] not in credit_text:
        err("%d: source credit %s not on page" % (aid, a["source_credit"]))
    t = d.xpath("//div[contains(@class,'art-info')]//span[contains(@class,'time')]/text()")[0]
    m = re.fullmatch(r" (.+), (\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d) \(GMT\+7\) ", t)
    if not m:
        err("%d: time format %r" % (aid, t))
    else:
        day = dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))
        if WEEKDAYS[day.weekday()] != m.group(1):
            err("%d: weekday %s wrong for %s" % (aid, m.group(1), day))
        if "%s-%s-%sT%s:%s" % (m.group(4), m.group(3), m.group(2), m.group(5), m.group(6)) != a["published_at"][:16]:
            err("%d: span.time != published_at" % aid)
    # tags
    tags = [collapse(x.text_content()) for x in d.xpath("//div[contains(@class,'art-footer')]//div[contains(@class,'lst-tags')]//a")]
    if tags != a["tags"]:
        err("%d: tags %s" % (aid, tags))
    # body: story paragraphs = direct <p> children of div.art-body, minus right-aligned byline and "Xem thêm:" lines
    body = d.xpath("//div[contains(@class,'art-body')]")
    if len(body) != 1:
        err("%d: %d div.art-body" % (aid, len(body)))
        continue
    body = body[0]
    paras = []
    for p in body.xpath("./p"):
        txt = collapse(p.text_content())
        if "text-align:right" in (p.get("style") or "") or txt.startswith("Xem thêm:"):
            continue
        paras.append(txt)
    if paras != a["body_paragraphs"]:
        err("%d: body paragraphs differ from expected" % aid)
    body_text = " ".join(a["body_paragraphs"])
    if not a["body_paragraphs"][0].startswith(a["first_sentence"]):
        err("%d: first_sentence is not the start of the body" % aid)
    if not a["body_paragraphs"][-1].endswith(a["last_sentence"]):
        err("%d: last_sentence is not the end of the body" % aid)
    for f in ("title", "lead", "first_sentence", "last_sentence"):
        if collapse(a[f]) not in page_text:
            err("%d: %s not in page text" % (aid, f))
    if not 4 <= len(a["body_paragraphs"]) <= 10:
        err("%d: %d paragraphs" % (aid, len(a["body_paragraphs"])))
    sents = set()
    for ptxt in a["body_paragraphs"] + [a["lead"]]:
        sents.update(split_sents(ptxt))
    # related titles: each is a tile title on the page; none is a sentence of (or contained in) the story
    tile_titles = set()
    for x in d.xpath("//a[contains(@class,'link-title')]//*[self::h2 or self::h3] | //div[contains(@class,'doc-them')]//a"
                     " | //table[contains(@class,'tlq')]//a | //div[contains(@class,'art-body')]/p//a"):
        tile_titles.add(collapse(x.text_content()))
    for rt in a["related_titles"]:
        if rt not in tile_titles:
            err("%d: related title not found as tile: %s" % (aid, rt))
        if rt in sents or rt.rstrip(".") in {s.rstrip(".") for s in sents} or rt in body_text or rt == a["title"]:
            err("%d: related title is story text: %s" % (aid, rt))
    if set(tile_titles) - set(a["related_titles"]):
        err("%d: tiles missing from related_titles: %s" % (aid, set(tile_titles) - set(a["related_titles"])))
    # tile summaries must not be story sentences either
    for s in d.xpath("//p[contains(@class,'chappeau')]"):
        if collapse(s.text_content()) in sents:
            err("%d: tile summary equals a story sentence" % aid)
    # traps present
    for trap in ("Vui lòng cho phép quảng cáo xuất hiện", "Đăng nhập bằng", "ĐĂNG KÝ", "var nextVideo=",
                 "TIN LIÊN QUAN", "blk-tin-lien-quan", "p-lst-category", "box-right-articles", "Nhiều người quan tâm"):
        if trap not in raw:
            err("%d: trap missing: %s" % (aid, trap))
    if raw.rfind("var nextVideo=") < raw.rfind("Vui lòng cho phép quảng cáo"):
        err("%d: nextVideo script not at end" % aid)

# feature counts
inbody = [a["id"] for a in expected["articles"] if a["in_body_related"]]
seealso = [a["id"] for a in expected["articles"] if a["see_also"]]
if len(inbody) != 3 or len(seealso) != 2:
    err("in-body boxes %s, see-also %s" % (inbody, seealso))
nk = [a for a in expected["articles"] if a["title"] == "Triều Tiên lại phóng thử tên lửa tầm ngắn"]
if not nk or nk[0]["source_credit"] != "AFP" or nk[0]["authors"] != ["Anh Vũ"]:
    err("North Korea story missing or wrong byline")

# sitemap / rss formats
for loc_el in docs["/sitemaps/news.xml"].iter("{http://www.sitemaps.org/schemas/sitemap/0.9}lastmod"):
    if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", loc_el.text):
        err("sitemap lastmod %s" % loc_el.text)
for k in ("/rss/the-gioi.rss", "/rss/home.rss"):
    for item in docs[k].iter("item"):
        pd = item.findtext("pubDate")
        try:
            dt.datetime.strptime(pd, "%a, %d %b %Y %H:%M:%S %z")
        except ValueError:
            err("%s pubDate %s" % (k, pd))
        if not pd.endswith("+0700"):
            err("%s pubDate tz %s" % (k, pd))

if errors:
    print("FAILED (%d)" % len(errors))
    print("\n".join(errors))
    sys.exit(1)
print("OK: %d routes, %d articles, %d listing pages reached" % (len(routes), len(expected["articles"]), len(seen)))
for a in expected["articles"]:
    print("  %d %-9s %-42s %s" % (a["id"], a["section_slug"], ",".join(a["discovered_from"]), a["title"][:60]))
