"""A large fixture copy of laodong.vn for bench_throughput.py: N different stories made from
the real article pages (the golden pages and the demo site's articles, cycled).

Each copy is a different story for deduplication. One inserted sentence would not do:
newscrawl folds near-duplicates by MinHash of word 5-shingles (similarity >= 0.8), so copies
that differ by one paragraph are aliases of the first. So, per copy, every run of text in the
page body of 8 words or more (outside script/style) has its inner words shuffled with a seed
of the copy number (first and last word kept, so a sentence still ends like one; a run of
fewer than 12 words gets "#<copy>" among them, as few orders exist), and the longest run is
prefixed with "Bản tin thử nghiệm số <copy>." The markup, the byte size and
the words are those of the real page: only their order changes. Dates and bylines (shorter
runs) stay as they are. The canonical link and og:url name the copy's own URL.

Not collected by pytest (no test_ prefix).
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "fixtures" / "golden"
DEMO_ARTICLES = REPO / "newscrawl" / "demo_site" / "articles"
HOST = "https://laodong.vn"
FIRST_ID = 2_000_000  # 7-digit ids: laodong's article pattern is -\d{5,}\.ldo
URLS_PER_SITEMAP = 1000
MIN_WORDS_TO_SHUFFLE = 8
MARKER = "Bản tin thử nghiệm số {copy}."

_CANONICAL = re.compile(r"<link\b[^>]*\brel\s*=\s*[\"']?canonical\b[^>]*>", re.I)
_OG_URL = re.compile(r"<meta\b[^>]*\bproperty\s*=\s*[\"']og:url[\"'][^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)
_PARTS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_RAW_ELEMENT = re.compile(
    r"(<(?:script|style|noscript|template|textarea)\b.*?</(?:script|style|noscript|template|textarea)\s*>)", re.I | re.S
)


@dataclass(frozen=True)
class Template:
    name: str  # golden case id or demo-<id>
    path: Path


@dataclass(frozen=True)
class SitePage:
    url: str
    path: str  # the route
    file: Path
    template: str
    lastmod: str


def templates() -> list[Template]:
    found = [Template(p.parent.name, p) for p in sorted(GOLDEN.glob("*/page.html"))]
    found += [Template(f"demo-{p.stem}", p) for p in sorted(DEMO_ARTICLES.glob("*.html"))]
    if not found:
        raise SystemExit("no article pages found under tests/fixtures/golden or newscrawl/demo_site/articles")
    return found


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _shuffle_body(html: str, copy: int) -> str:
    match = _BODY.search(html)
    start = match.end() if match else 0
    rng = random.Random(copy)
    # Script/style elements are kept whole; text and tags are split in what is between them.
    pieces = _RAW_ELEMENT.split(html[start:])
    parts: list[str] = []
    is_text: list[bool] = []
    for number, piece in enumerate(pieces):
        if number % 2:
            parts.append(piece)
            is_text.append(False)
            continue
        for index, part in enumerate(_PARTS.split(piece)):
            parts.append(part)
            is_text.append(index % 2 == 0)
    longest = (-1, 0)
    for index, part in enumerate(parts):
        if not is_text[index]:
            continue
        words = part.split()
        if len(words) < MIN_WORDS_TO_SHUFFLE:
            continue
        middle = words[1:-1]
        if len(words) < MIN_WORDS_TO_SHUFFLE + 4:
            middle.append(f"#{copy}")  # few orders of a short run: a copy number makes it unique
        rng.shuffle(middle)
        lead = part[: len(part) - len(part.lstrip())]
        tail = part[len(part.rstrip()) :]
        parts[index] = lead + " ".join([words[0], *middle, words[-1]]) + tail
        if len(words) > longest[1]:
            longest = (index, len(words))
    if longest[0] >= 0:
        index = longest[0]
        text = parts[index]
        lead = text[: len(text) - len(text.lstrip())]
        parts[index] = lead + MARKER.format(copy=copy) + " " + text.lstrip()
    return html[:start] + "".join(parts)


def make_copy(html: str, url: str, copy: int) -> str:
    """The page as copy number `copy`, served at `url`."""
    html = _CANONICAL.sub("", html)
    html = _OG_URL.sub("", html)
    html = _shuffle_body(html, copy)
    own = f'\n<link rel="canonical" href="{url}">\n<meta property="og:url" content="{url}">\n'
    head = _HEAD.search(html)
    if head:
        return html[: head.end()] + own + html[head.end() :]
    return own + html


def build_site(folder: Path, pages: int) -> list[SitePage]:
    """Write the site into `folder` (routes.json and the files it names); the article pages."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "articles").mkdir(exist_ok=True)
    (folder / "sitemaps").mkdir(exist_ok=True)
    sources = [(t, t.path.read_bytes().decode("utf-8", "surrogateescape")) for t in templates()]
    routes: dict[str, dict[str, str]] = {}
    site: list[SitePage] = []
    start = datetime(2025, 1, 1)  # noqa: DTZ001 - written with +07:00
    for copy in range(pages):
        template, html = sources[copy % len(sources)]
        doc_id = FIRST_ID + copy
        path = f"/the-gioi/ban-tin-{_slug(template.name)}-so-{copy}-{doc_id}.ldo"
        url = HOST + path
        file = folder / "articles" / f"{doc_id}.html"
        file.write_bytes(make_copy(html, url, copy).encode("utf-8", "surrogateescape"))
        routes[path] = {"file": f"articles/{doc_id}.html"}
        lastmod = (start + timedelta(minutes=copy)).strftime("%Y-%m-%dT%H:%M:%S+07:00")
        site.append(SitePage(url, path, file, template.name, lastmod))

    index_entries = []
    for number, first in enumerate(range(0, pages, URLS_PER_SITEMAP), start=1):
        chunk = site[first : first + URLS_PER_SITEMAP]
        entries = "".join(f"<url>\n<loc>{escape(p.url)}</loc>\n<lastmod>{p.lastmod}</lastmod>\n</url>\n" for p in chunk)
        xml = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n"
        )
        name = f"sitemaps/articles-{number}.xml"
        (folder / name).write_text(xml, encoding="utf-8")
        routes[f"/{name}"] = {"file": name}
        index_entries.append(
            f"<sitemap>\n<loc>{HOST}/{name}</loc>\n<lastmod>{chunk[-1].lastmod}</lastmod>\n</sitemap>\n"
        )
    (folder / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "".join(index_entries)
        + "</sitemapindex>\n",
        encoding="utf-8",
    )
    routes["/sitemap.xml"] = {"file": "sitemap.xml"}

    (folder / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {HOST}/sitemap.xml\n", encoding="utf-8")
    routes["/robots.txt"] = {"file": "robots.txt"}

    # The spider also reads the home feed and the home page: a few of the same stories each.
    newest = list(reversed(site[-10:]))
    items = "".join(
        f"<item><title>Bản tin {p.template}</title><link>{escape(p.url)}</link>"
        f"<pubDate>{datetime.fromisoformat(p.lastmod).strftime('%a, %d %b %Y %H:%M:%S %z')}</pubDate></item>\n"
        for p in newest
    )
    (folder / "home.rss").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Lao Động</title>\n'
        + items
        + "</channel></rss>\n",
        encoding="utf-8",
    )
    routes["/rss/home.rss"] = {"file": "home.rss"}
    links = "".join(f'<li><a href="{p.path}">Bản tin {p.template}</a></li>\n' for p in newest)
    (folder / "home.html").write_text(
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Báo Lao Động</title></head>\n'
        f"<body><h1>Báo Lao Động</h1><ul>\n{links}</ul></body></html>\n",
        encoding="utf-8",
    )
    routes["/"] = {"file": "home.html"}
    (folder / "routes.json").write_text(json.dumps(routes, ensure_ascii=False, indent=0), encoding="utf-8")
    return site
