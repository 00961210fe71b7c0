"""From one news page's HTML to one clean article: the main story and its metadata.

trafilatura finds the story; around it, site profiles and generic Vietnamese rules remove
what trafilatura keeps (related-news tiles, "Xem thêm" one-liners, captions, bylines,
page chrome) and read the metadata (JSON-LD, meta tags, the visible byline and date).
Pure functions: no Scrapy, no database.
"""

from __future__ import annotations

import contextlib
import copy
import json
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import cssselect
import lxml.html
import trafilatura
from lxml import etree
from lxml.cssselect import CSSSelector
from w3lib.encoding import html_to_unicode

from newscrawl.dates import has_clock, parse_date, parse_wall_clock
from newscrawl.sites import SiteProfile, profile_for_url
from newscrawl.text import clean_line, join_paragraphs, repair_mojibake, word_count
from newscrawl.urls import normalize_url, same_site

# Bigger pages are cut before parsing: trafilatura took 119 s on a 28 MB page.
MAX_HTML_CHARS = 3_000_000

RELATED_HEADINGS = (
    "tin liên quan",
    "bài liên quan",
    "tin khác",
    "tin cùng chuyên mục",
    "cùng chuyên mục",
    "xem thêm",
    "đọc thêm",
    "đọc tiếp",
    "có thể bạn quan tâm",
    "bạn có thể quan tâm",
    "tin mới",
    "tin mới nhất",
    "tin nổi bật",
    "tin đọc nhiều",
    "đọc nhiều",
    "xem nhiều",
    "nhiều người quan tâm",
    "tin bài liên quan",
    "tin tức liên quan",
    "các tin khác",
    "tin cũ hơn",
    "bài viết liên quan",
    "bài viết khác",
    "tin bài khác",
    "tin tức gần đây",
    "các bài mới",
    "các bài đã đăng",
    "các tin đã đưa",
)
_RELATED_HEADING_RE = re.compile(
    r"^\W*(?:" + "|".join(re.escape(h) for h in RELATED_HEADINGS) + r")\W*$", re.IGNORECASE
)
# "Xem thêm: <link>" / ">> Đọc thêm:" one-liners inside a body.
_READ_MORE_RE = re.compile(r"^\W{0,3}(?:xem thêm|đọc thêm|xem tiếp|mời xem|tin liên quan|đọc tiếp)\s*[:>»\-–]", re.I)
_CAPTION_RE = re.compile(
    r"(?:^\(?\s*(?:ảnh|ảnh minh họa|ảnh minh hoạ|ảnh chụp màn hình|video|clip|nguồn ảnh|đồ họa)\s*[:\-–]"
    r"|[.\-–)]\s*\(?(?:ảnh|video|clip|đồ họa|nguồn ảnh)\s*:\s*[^.]{1,60}\)?$)",
    re.I,
)
# How a read-more line or an arrow list can start, tested on raw text before cleaning it.
_READ_MORE_WORDS = ("xem", "đọc", "mời", "tin liên")
_ARROWS = frozenset(">»›→")
_READ_MORE_START_RE = re.compile(r"^[\W_]{0,6}(?:" + "|".join((*_READ_MORE_WORDS, *sorted(_ARROWS))) + ")", re.I)
# The first letters of the words above, and of the headings: a text whose first word
# character is none of them cannot match (checked before cleaning, with the same regex
# engine's case folding; a decomposed first letter is tested by its base letter too).
_READ_MORE_FIRST_RE = re.compile("[" + "".join(sorted({w[0] for w in _READ_MORE_WORDS})) + "]", re.I)
_HEADING_FIRST_RE = re.compile(
    "["
    + "".join(sorted({h[0] for h in RELATED_HEADINGS} | {unicodedata.normalize("NFD", h)[0] for h in RELATED_HEADINGS}))
    + "]",
    re.I,
)
# A link list marked with arrows: ">> Other story", "» Other story".
_ARROW_RE = re.compile(r"^\s*(?:>>|»|›|→)\s*")
# A place or agency stamp set in its own inline element at the start of a lead.
_INLINE_STAMP_TAGS = frozenset({"span", "strong", "b", "em", "i"})
_ROLE_LABEL_RE = re.compile(
    r"^(?:bài|bài và ảnh|tin và ảnh|tin, ảnh|tin - ảnh|bài, ảnh|bài - ảnh|ảnh|tác giả|phóng viên|pv)\s*[:\-]\s*", re.I
)
# A photo or video credit inside a signature: "Ảnh: Misso".
_PHOTO_CREDIT_RE = re.compile(r"(?:^|\s)(?:ảnh|video|clip|đồ họa|đồ hoạ)\s*:", re.I)
# Class names of a lead block, case-insensitive: "Lead", "sapo", "article-summary", "chapeau".
_LEAD_CLASS_RE = re.compile(r"lead|sapo|summary|chap+eau|intro|standfirst|description|excerpt", re.I)
_AUTHOR_CLASS_RE = re.compile(r"author|byline", re.I)
# Page chrome that trafilatura keeps as one-line paragraphs: back links, share and comment prompts.
_CHROME_LINE_RE = re.compile(
    r"^\W*(?:quay lại|trở lại|trở về|về đầu trang|lên đầu trang|về trang chủ|in bài(?: viết)?|bản in"
    r"|gửi bài(?: viết)?|gửi cho bạn bè|chia sẻ(?: bài viết)?|bình luận|gửi bình luận|viết bình luận"
    r"|xem thêm bình luận|ý kiến bạn đọc|ý kiến của bạn|gửi ý kiến|bạn nghĩ gì về nội dung này"
    r"|bạn cần đăng nhập để (?:gửi )?bình luận|đăng nhập để bình luận|copy link(?: thành công)?"
    r"|sao chép liên kết|xem tất cả)\W*(?:\(\d+\))?\W*$",
    re.I,
)
_DATELINE_WORDS_RE = re.compile(
    r"thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|\bngày\b|cập nhật|đăng lúc|\blúc\b|\bgmt\b|\bsáng\b|\bchiều\b"
    r"|\btối\b|\bam\b|\bpm\b|\bthứ\b|\bcn\b|\bt[2-7]\b"
)
_TILE_DATE_RE = re.compile(r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)$")
_DISPLAY_NONE_RE = re.compile(r"display\s*:\s*none", re.I)
_CREDIT_PAREN_RE = re.compile(r"\(\s*(?:nguồn|theo)\s*[:\-]?\s*([^)]+)\)", re.I)
_CREDIT_THEO_RE = re.compile(r"^\s*(?:theo|nguồn)\s*[:\-]?\s+(.{2,60}?)\s*\.?$", re.I)
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_GENERIC_LEAD = (
    ".sapo",
    ".chappeau",
    ".article__sapo",
    ".detail-sapo",
    ".article-sapo",
    ".lead",
    "p.description",
    "h2.description",
)
_GENERIC_BYLINE = (".author", ".authors", ".byline", ".article__author", "[rel~=author]", ".author-name")
_GENERIC_CAPTIONS = (
    "figcaption",
    ".caption",
    ".image-caption",
    ".pCaption",
    ".PhotoCMS_Caption",
    ".expNoEdit",
    "p.Image",
)
_GENERIC_PRUNE = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "button",
    "nav",
    "footer",
    "[hidden]",
    "[aria-hidden=true]",
    ".hide",
    ".hidden",
)
_GENERIC_DATES = (
    "[itemprop=datePublished]",
    "time",
    ".date",
    ".time",
    ".timestamp",
    ".date-line",
    ".publish-date",
    ".post-date",
)
_AUTHOR_PLACEHOLDERS = {"tác giả", "admin", "author", "biên tập viên", "ban biên tập"}
_ARTICLE_TYPES = {
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "VideoObject",
    "WebPage",
}


_WESTERN_SINGLE_BYTE = frozenset({"cp1252", "latin-1", "latin_1", "iso8859-1", "iso-8859-1", "ascii"})


class ExtractionError(ValueError):
    """The page holds no story newscrawl can store."""


@dataclass
class RelatedLink:
    url: str
    title: str
    position: int


@dataclass
class Article:
    """An article as stored: every field a downstream tool reads."""

    url: str
    site: str
    title: str
    lead: str | None
    text: str
    authors: list[str]
    source_credit: str | None
    published_at: str | None
    modified_at: str | None
    section: str | None
    tags: list[str]
    image_url: str | None
    canonical_url: str | None
    word_count: int
    related: list[RelatedLink] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def decode_html(body: bytes | str, content_type: str | None = None) -> str:
    """Bytes to text by header, BOM or meta charset; doubly encoded UTF-8 repaired.

    A page that declares a Western single-byte charset (servers default to ISO-8859-1) but
    whose bytes are valid UTF-8 is UTF-8: Vietnamese in cp1252 is never valid UTF-8 by chance.
    """
    if isinstance(body, str):
        text = body
    else:
        encoding, text = html_to_unicode(content_type or "", body)
        if encoding in _WESTERN_SINGLE_BYTE and not body.isascii():
            with contextlib.suppress(UnicodeDecodeError):
                text = body.decode("utf-8")
    text = text.replace("\x00", "")
    return repair_mojibake(text)


# Compiled once: an element's .xpath("…") compiles its expression on every call.
_JSON_LD_SCRIPTS = etree.XPath("//script[@type='application/ld+json']")
_HAS_LINK = etree.XPath("boolean(.//a[@href])")
_LINK_OR_HAS_LINK = etree.XPath("boolean(descendant-or-self::a[@href])")
_ROWS = etree.XPath(".//tr")
_HAS_IMAGE = etree.XPath("boolean(.//img)")
_HAS_IMAGE_OR_LINK = etree.XPath("boolean(.//img | .//a[@href])")
_IS_OR_HAS_IMAGE = etree.XPath("boolean(descendant-or-self::img)")
# lxml.html's parser gives every element a Python class looked up per proxy (a Python call
# for each element an iteration touches); the plain HTML parser builds the same tree
# without it. trafilatura, which accepts only lxml.html trees, gets a copy of that kind.
_HTML_PARSER = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
# An element's text as lxml.html's text_content() reads it (XPath string()), in C.
_text: Callable[[etree._Element], str] = etree.XPath("string()", smart_strings=False)


def parse_html(text: str) -> etree._Element:
    if len(text) > MAX_HTML_CHARS:
        text = text[:MAX_HTML_CHARS]
    # Drop an XML declaration with an encoding: lxml refuses it on str input.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = etree.fromstring(text, parser=_HTML_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractionError(f"unparseable HTML: {exc}") from exc
    if root is None:
        raise ExtractionError("empty document")
    return root


def extract_article(
    body: bytes | str,
    url: str,
    *,
    content_type: str | None = None,
    profile: SiteProfile | None = None,
) -> Article:
    """The article in a page. Raises ExtractionError when there is no story to store."""
    if profile is None:
        profile = profile_for_url(url)
    text = decode_html(body, content_type)
    if not text.strip():
        raise ExtractionError("empty page")
    root = parse_html(text)
    with _selecting_in(root):
        return _extract(root, url, profile)


def _extract(root: etree._Element, url: str, profile: SiteProfile | None) -> Article:
    meta = _read_metadata(root, url, profile)
    title = meta["title"]
    if not title:
        raise ExtractionError("no title")

    _remove_all(_select(root, ("script", "style", "noscript", "template")))
    body_root = _main_container(root, profile)
    related = _take_related(root, url, profile, keep=body_root)
    captions = _prune(body_root, profile)
    if body_root.tag != "html":  # a whole page ends with its footer: its signature is found by _take_tail
        signed, signed_credit = _take_signature(body_root)
        meta["authors"] = meta["authors"] or signed
        meta["source_credit"] = meta["source_credit"] or signed_credit
    paragraphs = _drop_captions(_story_paragraphs(body_root), captions)
    paragraphs, signed, signed_credit = _take_tail(body_root, paragraphs)
    meta["authors"] = meta["authors"] or signed
    meta["source_credit"] = meta["source_credit"] or signed_credit
    # A lead shown in its own element is not repeated in the text; a description read from the
    # metas is often the story's first paragraph, which stays (AEB pages lost it otherwise).
    shown_lead = meta["lead"] if meta["lead_shown"] else None
    paragraphs = _drop_non_story(
        paragraphs, title=title, lead=shown_lead, authors=meta["authors"], related=related, profile=profile
    )
    story = join_paragraphs(paragraphs)
    if not story and not meta["lead"]:
        raise ExtractionError("no story text found")

    canonical = meta["canonical_url"]
    stored_url = normalize_url(canonical if canonical and same_site(canonical, url) else url)
    host = urlsplit(stored_url).hostname or ""
    return Article(
        url=stored_url,
        site=profile.name if profile else host,
        title=title,
        lead=meta["lead"],
        text=story,
        authors=meta["authors"],
        source_credit=meta["source_credit"],
        published_at=meta["published_at"],
        modified_at=meta["modified_at"],
        section=meta["section"],
        tags=meta["tags"],
        image_url=meta["image_url"],
        canonical_url=canonical,
        word_count=word_count(story),
        related=related,
    )


# --- metadata -------------------------------------------------------------------------


def _read_metadata(root: etree._Element, url: str, profile: SiteProfile | None) -> dict[str, Any]:
    metas = _meta_tags(root)
    nodes = _json_ld_nodes(root)
    ld = _json_ld_article(nodes)
    sel = profile or _NO_PROFILE

    title = _first_text(root, sel.title) or _clean(ld.get("headline")) or metas.get("og:title")
    if not title:
        title = _first_text(root, ("h1",)) or _first_text(root, ("title",))

    lead = _lead_text(root, sel.lead) or _lead_text(root, _GENERIC_LEAD)
    lead_shown = lead is not None
    if not lead:
        description = metas.get("og:description") or metas.get("description") or _clean(ld.get("description"))
        if description and not description.endswith(("...", "…")):
            lead = description
            lead_shown = _shown_as_lead(root, description)
    if lead and ">>" in lead:
        lead = lead.split(">>", 1)[0].strip() or None

    byline = _first_text(root, sel.authors, joiner=" - ") or ""
    if not byline:
        byline = _first_text(root, _GENERIC_BYLINE, joiner=" - ") or ""
    authors, credit = parse_byline(byline)
    if not authors:
        authors = _json_ld_authors(ld)

    # Machine-readable dates first; a site whose offsets are wrong has its wall clock read as Vietnam time.
    read_machine = parse_wall_clock if profile and profile.local_time_dates else parse_date
    # The page's own date elements are only searched when the metas give no date with a time.
    published = _best_date(
        [
            (read_machine, lambda: _clean(ld.get("datePublished"))),
            (read_machine, lambda: metas.get("article:published_time")),
            (read_machine, lambda: metas.get("pubdate") or metas.get("publishdate") or metas.get("date")),
            (read_machine, lambda: metas.get("datepublished")),
            (parse_date, lambda: _first_attr(root, sel.published, "datetime") or _first_text(root, sel.published)),
            (parse_date, lambda: _first_attr(root, ("time[datetime]", "[itemprop=datePublished]"), "datetime")),
            (parse_date, lambda: _first_text(root, _GENERIC_DATES)),
        ]
    )
    modified = _best_date(
        [
            (read_machine, lambda: _clean(ld.get("dateModified"))),
            (read_machine, lambda: metas.get("article:modified_time")),
            (read_machine, lambda: metas.get("og:updated_time")),
            (read_machine, lambda: metas.get("datemodified")),
        ]
    )

    section = (
        _last_text(root, sel.section)
        or _first_item(_clean(_first_value(ld.get("articleSection"))))
        or _json_ld_breadcrumb(nodes, title or "")
        or _first_item(metas.get("article:section"))
    )
    if not section and profile:
        slug = urlsplit(url).path.strip("/").split("/")[0]
        section = profile.sections.get(slug)

    # A site that shows its tags says so with selectors; its meta keywords are often categories.
    tags = [t.lstrip("#").strip() for t in _texts(root, sel.tags)]
    if not sel.tags:
        tags = [t.strip() for value in metas.get_all("article:tag") for t in value.split(",") if t.strip()]
    image = metas.get("og:image") or _json_ld_image(ld)
    canonical = _first_attr(root, ("link[rel~=canonical]",), "href")
    return {
        "title": title,
        "lead": lead,
        "lead_shown": lead_shown,
        "authors": authors,
        "source_credit": credit,
        "published_at": published,
        "modified_at": modified,
        "section": section,
        "tags": _unique([t for t in tags if t]),
        "image_url": urljoin(url, image) if image else None,
        "canonical_url": urljoin(url, canonical) if canonical else None,
    }


def _shown_as_lead(root: etree._Element, description: str) -> bool:
    """True when the page shows the meta description as a lead of its own (a heading or a
    block named like a sapo), not as the first paragraph of the story."""
    key = description.casefold()
    for element in root.iter("h2", "h3", "h4", "p", "div"):
        own = _text(element)
        if len(own) > 2 * len(description) + 200 or clean_line(own).casefold() != key:
            continue
        if element.tag in _HEADING_TAGS or _LEAD_CLASS_RE.search(element.get("class") or ""):
            return True
    return False


def _best_date(candidates: list[tuple[Callable[[str | None], str | None], Callable[[], str | None]]]) -> str | None:
    """The first readable date; a day without a time gives way to a later reading of that day with one.

    dantri 2012 has a date-only ``datePublished`` and the minute in its visible dateline.
    Candidates are read in order, and no further once the first readable one has a time.
    """
    readings: list[tuple[str, str]] = []
    for reader, read_value in candidates:
        value = read_value()
        if value and (iso := reader(value)):
            if not readings and has_clock(value):
                return iso
            readings.append((iso, value))
    if not readings:
        return None
    first, written = readings[0]
    if not has_clock(written):
        for later, later_written in readings[1:]:
            if later[:10] == first[:10] and has_clock(later_written):
                return later
    return first


def _lead_text(root: etree._Element, selectors: tuple[str, ...]) -> str | None:
    """The lead's own words: an inline related link (">> …") left out, a glued place stamp spaced.

    dantri 2012 ends its lead with ``<br><a>>> other story</a>``; vnexpress starts it with
    ``<span class="location-stamp">TP HCM</span>Huy động…`` (the dash is drawn by CSS).
    """
    for selector in selectors:
        for element in _compile(selector)(root):
            lead = copy.deepcopy(element)
            lead.tail = None
            _remove_all([a for a in lead.iter("a") if _ARROW_RE.match(clean_line(_text(a)))])
            first = lead[0] if len(lead) and not clean_line(lead.text or "") else None
            if first is not None and isinstance(first.tag, str) and first.tag in _INLINE_STAMP_TAGS:
                stamp, rest = clean_line(_text(first)), first.tail or ""
                if stamp and stamp[-1].isalpha() and rest[:1].isupper():
                    first.tail = " " + rest
            text = clean_line(_text(lead))
            if text:
                return text
    return None


def _first_item(value: str | None) -> str | None:
    """First entry of a comma-separated meta value ("Thể thao,World Cup 2026")."""
    if not value:
        return None
    return value.split(",")[0].strip() or None


def _first_value(value: Any) -> Any:
    if isinstance(value, list):
        return value[0] if value else None
    return value


def parse_byline(byline: str) -> tuple[list[str], str | None]:
    """ "Anh Vũ (Nguồn: AFP)" -> (["Anh Vũ"], "AFP"); "AN AN - VŨ LINH" -> two authors."""
    byline = clean_line(byline)
    credit = None
    match = _CREDIT_PAREN_RE.search(byline)
    if match:
        credit = clean_line(match.group(1))
        byline = (byline[: match.start()] + byline[match.end() :]).strip()
    theo = re.search(r"(?:^|[\s(,-])(?:theo|nguồn)\s*[:\-]?\s+(.+)$", byline, re.IGNORECASE)
    if theo:
        credit = credit or clean_line(theo.group(1)).rstrip(")")
        byline = byline[: theo.start()].strip()
    byline = _ROLE_LABEL_RE.sub("", byline)
    names = []
    for part in re.split(r"\s+-\s+|\s*,\s*|\s+và\s+|\s*/\s*|\s*\|\s*", byline):
        name = part.strip(" -–|:()")
        if not re.search(r"(?:^|[\s.])\w\.$", name):  # keep the dot of an initial: "H.V."
            name = name.rstrip(" .")
        if name and len(name) <= 60 and name.casefold() not in _AUTHOR_PLACEHOLDERS and not name.isdigit():
            names.append(name)
    return _unique(names), credit


class _Metas(dict[str, str]):
    def __init__(self) -> None:
        super().__init__()
        self.multi: dict[str, list[str]] = {}

    def get_all(self, key: str) -> list[str]:
        return self.multi.get(key, [])


def _meta_tags(root: etree._Element) -> _Metas:
    """Meta values by property, name and itemprop (one tag may carry all three)."""
    metas = _Metas()
    for element in root.iter("meta"):
        value = clean_line(element.get("content") or "")
        if not value:
            continue
        keys = {(element.get(a) or "").strip().lower() for a in ("property", "name", "itemprop")}
        for key in keys - {""}:
            metas.setdefault(key, value)
            metas.multi.setdefault(key, []).append(value)
    return metas


def _json_ld_nodes(root: etree._Element) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, @graph members and array items included."""
    found: list[dict[str, Any]] = []
    for script in _JSON_LD_SCRIPTS(root):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop(0)
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                found.append(node)
                if "@graph" in node:
                    stack.append(node["@graph"])
    return found


def _types(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type")
    return {k for k in kinds if isinstance(k, str)} if isinstance(kinds, list) else {str(kinds)}


def _json_ld_article(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    for node in nodes:
        if _types(node) & _ARTICLE_TYPES and node.get("@type") != "WebPage":
            return node
    return {}


def _json_ld_breadcrumb(nodes: list[dict[str, Any]], title: str) -> str | None:
    """The last crumb of a BreadcrumbList (the story's own title, when listed, skipped)."""
    for node in nodes:
        if "BreadcrumbList" not in _types(node):
            continue
        items = node.get("itemListElement")
        if not isinstance(items, list):
            continue
        names = []
        for item in sorted((i for i in items if isinstance(i, dict)), key=lambda i: _position(i.get("position"))):
            name = item.get("name")
            if name is None and isinstance(item.get("item"), dict):
                name = item["item"].get("name")
            if (cleaned := _clean(name)) and cleaned.casefold() != title.casefold():
                names.append(cleaned)
        if names:
            return names[-1]
    return None


def _position(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _json_ld_authors(ld: dict[str, Any]) -> list[str]:
    authors = ld.get("author") or []
    if not isinstance(authors, list):
        authors = [authors]
    names = []
    for author in authors:
        if isinstance(author, dict):
            if author.get("@type") not in (None, "Person"):
                continue
            author = author.get("name")
        name = _clean(author)
        if name and name.casefold() not in _AUTHOR_PLACEHOLDERS:
            names.append(name)
    return _unique(names)


def _json_ld_image(ld: dict[str, Any]) -> str | None:
    image = ld.get("image")
    if isinstance(image, list):
        image = image[0] if image else None
    if isinstance(image, dict):
        image = image.get("url")
    return _clean(image)


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return clean_line(value) or None


# --- related boxes ----------------------------------------------------------------------


def _take_related(
    root: etree._Element, url: str, profile: SiteProfile | None, *, keep: etree._Element
) -> list[RelatedLink]:
    """Record the links of every related-news box, then remove the boxes from the tree.

    A box that holds the story container (``keep``) is never removed: a heading climb or a
    loose site selector must not take the story with it.
    """
    boxes = list(_select(root, profile.related)) if profile else []
    boxes.extend(_boxes_by_heading(root))
    boxes.extend(_read_more_lines(root))
    holders = {id(keep), *(id(a) for a in keep.iterancestors())}
    boxes = [box for box in _outermost(boxes) if id(box) not in holders]
    links: list[RelatedLink] = []
    seen = {normalize_url(url)}
    for box in boxes:
        for anchor in box.iter("a"):
            href = (anchor.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            target = urljoin(url, href)
            title = _link_title(anchor)
            key = normalize_url(target)
            if not title or key in seen:
                if title and links and links[-1].url == target and len(title) > len(links[-1].title):
                    links[-1].title = title
                continue
            if not _is_story_link(target, title, profile):
                continue
            seen.add(key)
            links.append(RelatedLink(url=target, title=title, position=len(links) + 1))
    _remove_all(boxes)
    return links


def _link_title(anchor: etree._Element) -> str:
    """A tile's title: its text without a leading ">>", or its ``title`` attribute when the text
    only adds to it (tuoitre 2015 tiles end with their comment count: "… Sở Xây dựng 107")."""
    text = _ARROW_RE.sub("", clean_line(_text(anchor)))
    named = clean_line(anchor.get("title") or "")
    if named and (not text or (text.startswith(named) and len(text) > len(named))):
        return named
    return text


def _is_story_link(url: str, title: str, profile: SiteProfile | None) -> bool:
    if profile and profile.owns(url):
        return profile.is_article_url(url)
    return urlsplit(url).scheme in ("http", "https") and len(title.split()) >= 4


def _boxes_by_heading(root: etree._Element) -> list[etree._Element]:
    """Boxes announced by a related-news heading ("TIN LIÊN QUAN", "Đọc thêm", …)."""
    boxes = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "a"):
            continue
        raw = element.text
        if not raw or len(raw) > 200 or not _HEADING_FIRST_RE.match(_first_word_char(raw)):
            continue  # cheap tests first: most elements have no own text, a long one or another first letter
        own = clean_line(raw)
        if not own or len(own) > 40 or not _RELATED_HEADING_RE.match(own):
            continue
        if len(clean_line(_text(element))) > len(own) + 3 and element.tag not in _HEADING_TAGS:
            # A container whose own text is the heading: the box itself, if it is mostly links.
            box = element if _link_density(element) >= 0.4 else None
        else:
            box = _climb_to_box(element)
        if box is not None:
            boxes.append(box)
    return boxes


def _climb_to_box(heading: etree._Element) -> etree._Element | None:
    """The smallest ancestor of a heading that holds links and little else."""
    node = heading
    for _ in range(4):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "article", "main"):
            break
        node = parent
        if _HAS_LINK(node) and _link_density(node) >= 0.5:
            return node
    # A bare heading followed by a list of links in the same parent.
    following = heading.getnext()
    if following is not None and _HAS_LINK(following) and _link_density(following) >= 0.5:
        wrapper = heading
        wrapper.tail = None
        following.set("data-newscrawl-related", "1")
        return _group(heading, following)
    return None


def _group(*elements: etree._Element) -> etree._Element:
    """Move sibling elements into one <div> in place, so they are removed together."""
    first = elements[0]
    parent = first.getparent()
    wrapper = etree.Element("div")
    parent.insert(parent.index(first), wrapper)
    for element in elements:
        wrapper.append(element)
    return wrapper


def _read_more_lines(root: etree._Element) -> list[etree._Element]:
    """Links to other stories inside a body: "Xem thêm: <a>…</a>" lines and ">> <a>…</a>" lists."""
    found = []
    for element in root.iter("p", "div", "li", "h3", "h4", "strong", "em", "b", "a"):
        if not _may_start_read_more(element.text) or not _READ_MORE_START_RE.match(_text_start(element)):
            continue  # cheap tests first: most blocks of a page start otherwise
        raw = _text(element)
        if len(raw) > 3000:
            continue
        text = clean_line(raw)
        if not text or len(text) > 2000 or not _LINK_OR_HAS_LINK(element):
            continue
        read_more = len(text) < 300 and _READ_MORE_RE.match(text) is not None
        if read_more or (_ARROW_RE.match(text) and _link_density(element) >= 0.7):
            found.append(element)
    return found


def _first_word_char(text: str) -> str:
    for char in text:
        if char.isalnum() or char == "_":  # what \w matches
            return char
    return ""


def _may_start_read_more(head: str | None) -> bool:
    """False when an element's own first text rules out _READ_MORE_START_RE: its first word
    character is not one a read-more keyword starts with, and no arrow comes before it."""
    for char in head or "":
        if char in _ARROWS:
            return True
        if char.isalnum():
            return _READ_MORE_FIRST_RE.match(char) is not None
    return True  # no word character of its own: the start is in a child's text


def _text_start(element: etree._Element, chars: int = 24) -> str:
    """The first characters of an element's text, as ``_text`` would begin, without building
    all of it: a page's outer blocks hold the whole page's text."""
    start = ""
    for piece in element.itertext():
        start += piece
        if len(start) >= chars:
            break
    return start


def _link_density(element: etree._Element) -> float:
    total = len(clean_line(_text(element)))
    if not total:
        return 0.0
    linked = sum(len(clean_line(_text(a))) for a in element.iter("a"))
    return linked / total


def _outermost(elements: list[etree._Element]) -> list[etree._Element]:
    chosen: list[etree._Element] = []
    ids = {id(e) for e in elements}
    for element in elements:
        if id(element) in {id(c) for c in chosen}:
            continue
        if any(id(ancestor) in ids for ancestor in element.iterancestors()):
            continue
        chosen.append(element)
    chosen.sort(key=_tree_path)
    return chosen


def _tree_path(element: etree._Element) -> list[int]:
    """Document-order sort key: the element's child indexes from the root (a few elements
    per page are sorted, cheaper than numbering the whole tree)."""
    indexes = []
    parent = element.getparent()
    while parent is not None:
        indexes.append(parent.index(element))
        element, parent = parent, parent.getparent()
    return indexes[::-1]


# --- the story ---------------------------------------------------------------------------


def _main_container(root: etree._Element, profile: SiteProfile | None) -> etree._Element:
    if profile:
        for element in _select(root, profile.body):
            if clean_line(_text(element)):
                return element
    return root


def _prune(container: etree._Element, profile: SiteProfile | None) -> set[str]:
    """Remove what is never story text; return the word keys of the photo captions.

    Captions stay in the tree, so that trafilatura sees the page as it is, and are taken
    out of its paragraphs afterwards by :func:`_drop_captions` unless they tell the story.
    """
    selectors = list(_GENERIC_PRUNE)
    if profile:
        selectors.extend(profile.prune)
        selectors.extend(profile.lead)
        selectors.extend(profile.title)
        selectors.extend(profile.tags)
        selectors.extend(profile.authors)
    _remove_all(_outermost(_select(container, tuple(selectors)) + _hidden(container)))
    if profile and profile.captions_are_text:
        return set()
    captions = _outermost(_select(container, _GENERIC_CAPTIONS) + _photo_boxes(container, centred=profile is not None))
    keys = set()
    for caption in captions:
        for text in [_text(caption), *_blocks(caption)]:
            if words := _words(text):
                keys.add(words)
    return keys


def _drop_captions(paragraphs: list[str], captions: set[str]) -> list[str]:
    """Paragraphs without the photo captions, unless the captions are most of the story.

    A photo story (tienphong, ngoisao 2012) tells its story under its pictures: when the
    caption paragraphs make at least 2/3 of the extracted text, they are the text.
    """
    if not captions:
        return paragraphs
    is_caption = [_words(p) in captions for p in paragraphs]
    caption_chars = sum(len(p) for p, c in zip(paragraphs, is_caption, strict=True) if c)
    other_chars = sum(len(p) for p, c in zip(paragraphs, is_caption, strict=True) if not c)
    if caption_chars >= 200 and other_chars < caption_chars / 2:
        return paragraphs
    return [p for p, c in zip(paragraphs, is_caption, strict=True) if not c]


def _hidden(container: etree._Element) -> list[etree._Element]:
    """Elements hidden by an inline style: copies of the text kept for scripts, not for readers."""
    return [
        e
        for e in container.iter()
        if isinstance(e.tag, str) and e.get("style") and _DISPLAY_NONE_RE.search(e.get("style") or "")
    ]


def _photo_boxes(container: etree._Element, *, centred: bool) -> list[etree._Element]:
    """Photos laid out by hand in old CMS markup, with their captions.

    A small table holding an image and a line of text (zing, tuoitre, thanhnien,
    vietnamnet); with ``centred``, also a centred short line right after a block that is
    only an image (dantri and nld 2012: ``<div align=center><img></div><div
    align=center>caption</div>``). That second form is only safe inside a site's own story
    container: blogs centre quotes and prose under their pictures too.
    """
    found = []
    for table in container.iter("table"):
        small = len(_ROWS(table)) <= 4 and len(clean_line(_text(table))) <= 300
        if small and _HAS_IMAGE(table):
            found.append(table)
    if not centred:
        return found
    for element in container.iter("div", "p", "td", "center"):
        if not _is_centred(element) or _HAS_IMAGE_OR_LINK(element):
            continue
        text = clean_line(_text(element))
        if not text or len(text) > 250:
            continue
        previous = element.getprevious()
        if previous is not None and _IS_OR_HAS_IMAGE(previous) and not clean_line(_text(previous)):
            found.append(element)
    return found


def _is_centred(element: etree._Element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.tag == "center" or (element.get("align") or "").lower() == "center" or "text-align:center" in style


_BLOCK_TAGS = frozenset(
    {"p", "div", "h2", "h3", "h4", "h5", "h6", "section", "li", "blockquote", "table", "ul", "ol", "figure"}
)


def _take_signature(container: etree._Element) -> tuple[list[str], str | None]:
    """A byline signed at the end of the body (right-aligned or bold-only): out of the text.

    Returns the authors and agency credit it names.
    """
    blocks = [
        e
        for e in container.iter("p", "div")
        if not any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in e) and clean_line(_text(e))
    ]
    authors: list[str] = []
    credit = None
    for element in reversed(blocks[-3:]):
        signed = _signature(element)
        if signed is None:
            break
        authors = signed[0] + authors
        credit = credit or signed[1]
        _remove_all([element])
    return _unique(authors), credit


def _take_tail(container: etree._Element, paragraphs: list[str]) -> tuple[list[str], list[str], str | None]:
    """What ends a story without being story: page chrome ("[Quay lại]"), an agency credit
    ("Theo Infonet") and signatures, found back in the page from trafilatura's last paragraphs
    (on a whole page, the page's own last blocks are its footer, not the story's end).

    Returns the paragraphs left, the authors signed and the credit named.
    """
    kept = list(paragraphs)
    authors: list[str] = []
    credit = None
    elements = _tail_elements(container, kept[-4:])
    for _ in range(4):
        if not kept:
            break
        last = kept[-1]
        if len(last) < 80 and _CHROME_LINE_RE.match(last):
            kept.pop()
            continue
        if len(last) < 80 and (theo := _CREDIT_THEO_RE.match(last)):
            kept.pop()
            credit = credit or theo.group(1)
            continue
        signed = _signature(elements[last]) if last in elements else None
        if signed is None:
            break
        kept.pop()
        authors = signed[0] + authors
        credit = credit or signed[1]
    return kept, _unique(authors), credit


def _tail_elements(container: etree._Element, paragraphs: list[str]) -> dict[str, etree._Element]:
    """The leaf blocks of the page that show these (short) paragraphs, by paragraph."""
    wanted = {p for p in paragraphs if len(p) <= 80}
    found: dict[str, etree._Element] = {}
    if not wanted:
        return found
    for element in container.iter("p", "div"):
        if len(_text(element)) > 400 or any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in element):
            continue
        lines = _blocks(element)
        if len(" ".join(lines)) > 120:
            continue
        for paragraph in wanted:
            # trafilatura may split a signature at its <br>: "H.V." <br> "Ảnh: Misso".
            if paragraph in lines or paragraph == " ".join(lines):
                found[paragraph] = element
    return found


def _signature(element: etree._Element) -> tuple[list[str], str | None] | None:
    """Authors and credit of a signature block: right-aligned and short, or all bold and a few words.

    A photo credit after the names ("H.V. <br> Ảnh: Misso") is not an author.
    """
    text = " ".join(_blocks(element))  # lines apart: "H.V.<br>Ảnh: Misso"
    style = (element.get("style") or "").replace(" ", "").lower()
    right = "text-align:right" in style or (element.get("align") or "").lower() == "right"
    right = right or bool(_AUTHOR_CLASS_RE.search(element.get("class") or ""))  # zing 2012 "p.pAuthor"
    bold = [clean_line(_text(b)) for b in element.iter("strong", "b")]
    bold = [b for b in bold if b]
    strong = " ".join(bold)
    bold_only = bool(strong) and len(strong) >= len(text) - 2
    if not (right and len(text) <= 80) and not (bold_only and len(text.split()) <= 6):
        return None
    text = _ROLE_LABEL_RE.sub("", text)
    photo = _PHOTO_CREDIT_RE.search(text)
    if photo and photo.start() > 0:
        text = text[: photo.start()].strip()
        bold = [b for b in bold if b in text]
        strong = " ".join(bold)
    names, credit = parse_byline(strong if strong and not found_credit_only(text) else text)
    if not names and not credit:
        return None
    return names, credit or parse_byline(text)[1]


def found_credit_only(text: str) -> bool:
    return bool(_CREDIT_THEO_RE.match(text))


def _story_paragraphs(container: etree._Element) -> list[str]:
    """trafilatura's paragraphs of the (pruned) story container.

    Inside a site's own body container, prose paragraphs trafilatura passed over are put
    back in place: it skips bare ``<div>`` paragraphs of old CMS markup (dantri 2012).

    trafilatura's fallback extractors (readability, jusText), which it otherwise runs on
    every page to compare, cost a third of its time; they are asked only when the fast
    reading looks wrong. In a site's container: when it merged the container's paragraphs
    (tienphong 2026: nine ``<p>`` as one). On a whole page: when it found little of the
    page's paragraph text (old vnexpress and tienphong markup without their profile: next
    to nothing). Against always comparing, measured: AEB F1 0.9642 vs 0.9638; the golden
    pages read without their profiles 0.970 vs 0.958.
    """
    if container.tag == "html":  # no container found: the whole page
        paragraphs = _trafilatura_paragraphs(container, favor_recall=False, fast=True)
        found = sum(len(p) for p in paragraphs)
        if found < _FAST_MIN_CHARS or found < _FAST_MIN_SHARE * sum(len(_text(p)) for p in container.iter("p")):
            paragraphs = _trafilatura_paragraphs(container, favor_recall=False, fast=False)
        return paragraphs
    own = _blocks(container)
    paragraphs = _trafilatura_paragraphs(container, favor_recall=True, fast=True)
    if 2 * len(paragraphs) < sum(_is_prose(p) for p in own):
        paragraphs = _trafilatura_paragraphs(container, favor_recall=True, fast=False)
    return _recover_prose(own, paragraphs)


# A fast whole-page reading with less than this is checked against trafilatura's fallbacks.
_FAST_MIN_CHARS = 300
_FAST_MIN_SHARE = 0.2


def _trafilatura_paragraphs(container: etree._Element, *, favor_recall: bool, fast: bool) -> list[str]:
    extracted = trafilatura.bare_extraction(
        _trafilatura_document(container),
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        favor_recall=favor_recall,
        fast=fast,
    )
    body = getattr(extracted, "body", None)  # a Document, or None when trafilatura found nothing
    return _blocks(body) if body is not None else []


def _trafilatura_document(container: etree._Element) -> lxml.html.HtmlElement:
    """A copy of the page (or of its story container, inside ``<article>``) as the
    lxml.html tree trafilatura accepts: it refuses plain lxml elements."""
    document = lxml.html.document_fromstring("<html><body></body></html>")
    if container.tag == "html":
        document.remove(document.body)
        document.attrib.update(container.attrib)
        for child in container:
            document.append(copy.deepcopy(child))
        return document
    article = etree.SubElement(document.body, "article")
    copied = copy.deepcopy(container)
    copied.tail = None
    article.append(copied)
    return document


def _recover_prose(own: list[str], kept: list[str]) -> list[str]:
    """``kept`` plus the prose paragraphs of ``own`` it lacks, each before its next kept neighbour."""
    if not kept:
        return own
    kept_words = " " + " ".join(_words(p) for p in kept) + " "
    result = list(kept)
    position = {_words(p): i for i, p in enumerate(kept)}
    pending: list[str] = []
    inserted = 0
    for paragraph in own:
        words = _words(paragraph)
        if not words:
            continue
        if f" {words} " in kept_words:
            if pending and words in position:
                at = position[words] + inserted
                result[at:at] = pending
                inserted += len(pending)
                pending = []
            continue
        if _is_prose(paragraph):
            pending.append(paragraph)
    return result + pending


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _is_prose(paragraph: str) -> bool:
    """A paragraph of sentences: long enough, and ending like one."""
    return len(paragraph) >= 80 and len(paragraph.split()) >= 12 and paragraph.rstrip()[-1:] in _SENTENCE_ENDS


_SENTENCE_ENDS = frozenset('.!?…"”»)')


# Elements that start a paragraph, in trafilatura's output tree and in HTML (the fallback).
_PARAGRAPH_TAGS = frozenset(
    {"p", "head", "quote", "list", "item", "table", "code", "pre", "fw", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"div", "section", "article", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption"}
    | {"header", "footer", "aside", "main", "form", "center", "address", "hr"}
)
_ROW_TAGS = frozenset({"row", "tr"})
_BREAK_TAGS = frozenset({"lb", "br"})
_CELL_TAGS = frozenset({"cell", "td", "th"})


def _has_blocks(row: etree._Element) -> bool:
    """True when a table row's cells hold paragraphs or line breaks, not just a value each."""
    return any(
        isinstance(e.tag, str) and (e.tag in _PARAGRAPH_TAGS or e.tag in _BREAK_TAGS)
        for cell in row
        for e in cell.iterdescendants()
    )


def _blocks(body: etree._Element) -> list[str]:
    """Paragraphs of a tree, in order: one per block element, per line and per table row.

    Loose text between blocks (trafilatura leaves a paragraph as a tail after a heading)
    is a paragraph too; a table row is one paragraph with its cells joined, so rows of
    repeated numbers are not folded into one by the de-duplication of paragraphs.
    """
    paragraphs: list[str] = []
    line: list[str] = []

    def flush() -> None:
        text = clean_line("".join(line))
        line.clear()
        if text:
            paragraphs.append(text)

    def walk(element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _BREAK_TAGS:
            flush()
        elif tag in _ROW_TAGS and not _has_blocks(element):
            flush()
            cells = [clean_line(etree.tostring(c, method="text", encoding=str, with_tail=False)) for c in element]
            line.append(" | ".join(c for c in cells if c))
            flush()
        elif tag in _ROW_TAGS or tag in _CELL_TAGS:
            # A layout cell holding paragraphs (a boxed aside): its paragraphs, one by one.
            flush()
            line.append(element.text or "")
            for child in element:
                walk(child)
            flush()
        elif tag in _PARAGRAPH_TAGS:
            flush()
            line.append(element.text or "")
            for child in element:
                walk(child)
            flush()
        elif tag:
            line.append(element.text or "")
            for child in element:
                walk(child)
        line.append(element.tail or "")

    line.append(body.text or "")
    for child in body:
        walk(child)
    flush()
    return paragraphs


def _drop_non_story(
    paragraphs: list[str],
    *,
    title: str,
    lead: str | None,
    authors: list[str],
    related: list[RelatedLink],
    profile: SiteProfile | None,
) -> list[str]:
    """Paragraphs trafilatura keeps that are not the story: repeats, bylines, captions, tiles."""
    related_titles = {link.title.casefold() for link in related}
    author_keys = {a.casefold() for a in authors}
    boilerplate = tuple(b.casefold() for b in (profile.boilerplate if profile else ()))
    title_key = title.casefold()
    lead_key = (lead or "").casefold()
    # Tiles of a list of other stories, each title stamped with its day: "Hai Lúa ế vợ (26/12)".
    stamped = {p for p in paragraphs if len(p) < 160 and _TILE_DATE_RE.search(p)}
    if len(stamped) < 2:
        stamped = set()
    kept = []
    for index, paragraph in enumerate(paragraphs):
        key = paragraph.casefold()
        short = len(paragraph) < 200
        if key in (title_key, lead_key) or key in related_titles or paragraph in stamped:
            continue
        if index == 0 and lead_key and (lead_key.startswith(key) or key.startswith(lead_key)) and short:
            continue
        if short and (_RELATED_HEADING_RE.match(paragraph) or _READ_MORE_RE.match(paragraph)):
            continue
        if short and _CAPTION_RE.search(paragraph):
            continue
        if len(paragraph) < 80 and (_CHROME_LINE_RE.match(paragraph) or _is_dateline(paragraph)):
            continue
        if short and boilerplate and any(key.startswith(b) or b in key for b in boilerplate):
            continue
        if short and _is_byline(paragraph, author_keys):
            continue
        kept.append(paragraph)
    return kept


def _is_dateline(paragraph: str) -> bool:
    """A line that is only a date: "Thứ tư, 17/04/2024 06:23 (GMT+7)", "Cập nhật: 20/5/2021"."""
    if not parse_date(paragraph):
        return False
    rest = _DATELINE_WORDS_RE.sub(" ", paragraph.casefold())
    return not re.search(r"[^\W\d_]", rest)


def _is_byline(paragraph: str, author_keys: set[str]) -> bool:
    names, credit = parse_byline(paragraph)
    if not names:
        return bool(credit) and len(paragraph) < 60
    if author_keys and {n.casefold() for n in names} <= author_keys:
        return True
    return bool(credit) and len(paragraph) < 60 and _CREDIT_PAREN_RE.search(paragraph) is not None


# --- selection helpers ---------------------------------------------------------------


@dataclass(frozen=True)
class _NoProfile:
    title: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    published: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    section: tuple[str, ...] = ()


_NO_PROFILE = _NoProfile()


class _Selector:
    """A compiled CSS selector that skips its XPath when the page lacks a class or id it needs.

    Each selector is an XPath over the whole tree, with string functions per element for a
    class test; a profile and the generic rules ask ~30 of them per page, most naming
    classes the page does not have (another site's, another year's markup).
    """

    def __init__(self, css: str) -> None:
        self._xpath = CSSSelector(css)
        # One set of required tokens per comma-separated alternative.
        self._needs = [frozenset(_required_tokens(parsed.parsed_tree)) for parsed in cssselect.parse(css)]

    def __call__(self, root: etree._Element) -> list[etree._Element]:
        present = _PAGE_TOKENS.get()
        if present is not None and all(not needs <= present for needs in self._needs):
            return []
        return self._xpath(root)  # type: ignore[no-any-return]


def _required_tokens(node: Any) -> set[str]:
    """Classes (".x") and ids ("#x") an element must carry, or have around it, to match.

    Only what every match needs: a ``:not()`` argument and unknown constructs add nothing.
    """
    tokens: set[str] = set()
    while node is not None:
        if isinstance(node, cssselect.parser.Class):
            tokens.add("." + node.class_name)
        elif isinstance(node, cssselect.parser.Hash):
            tokens.add("#" + node.id)
        elif isinstance(node, cssselect.parser.CombinedSelector):
            tokens |= _required_tokens(node.subselector)
        elif not isinstance(
            node,
            (cssselect.parser.Element, cssselect.parser.Attrib, cssselect.parser.Pseudo, cssselect.parser.Negation),
        ):
            break  # e.g. :has(), :is(): add nothing more
        node = getattr(node, "selector", None)
    return tokens


def _compile(selector: str) -> _Selector:
    return _SELECTORS.get(selector) or _SELECTORS.setdefault(selector, _Selector(selector))


_SELECTORS: dict[str, _Selector] = {}
# The classes and ids of the page being extracted (None: outside extract_article, no skipping).
# Every tree queried during an extraction is the page or a part or copy of it, so the set
# holds every token any of them has (removed elements only make it a superset).
_PAGE_TOKENS: ContextVar[frozenset[str] | None] = ContextVar("_PAGE_TOKENS", default=None)
_CLASS_VALUES = etree.XPath("//@class", smart_strings=False)
_ID_VALUES = etree.XPath("//@id", smart_strings=False)
_XML_SPACE_RE = re.compile(r"[ \t\n\r]+")


@contextlib.contextmanager
def _selecting_in(root: etree._Element) -> Iterator[None]:
    classes = _XML_SPACE_RE.split(" ".join(_CLASS_VALUES(root)))
    tokens = {"." + name for name in classes if name}
    tokens.update("#" + value for value in _ID_VALUES(root))
    reset = _PAGE_TOKENS.set(frozenset(tokens))
    try:
        yield
    finally:
        _PAGE_TOKENS.reset(reset)


def _select(root: etree._Element, selectors: tuple[str, ...]) -> list[etree._Element]:
    found = []
    for selector in selectors:
        found.extend(_compile(selector)(root))
    return found


def _first_text(root: etree._Element, selectors: tuple[str, ...], joiner: str = " ") -> str | None:
    for selector in selectors:
        elements = _compile(selector)(root)
        texts = [clean_line(_text(e)) for e in elements]
        texts = [t for t in texts if t]
        if texts:
            return texts[0] if joiner == " " else joiner.join(_unique(texts))
    return None


def _first_attr(root: etree._Element, selectors: tuple[str, ...], attribute: str) -> str | None:
    for selector in selectors:
        for element in _compile(selector)(root):
            value = clean_line(element.get(attribute) or "")
            if value:
                return value
    return None


def _last_text(root: etree._Element, selectors: tuple[str, ...]) -> str | None:
    """The last text the first matching selector finds: the most specific breadcrumb."""
    texts = _texts(root, selectors)
    return texts[-1] if texts else None


def _texts(root: etree._Element, selectors: tuple[str, ...]) -> list[str]:
    for selector in selectors:
        texts = [clean_line(_text(e)) for e in _compile(selector)(root)]
        texts = [t for t in texts if t]
        if texts:
            return texts
    return []


def _remove_all(elements: list[etree._Element]) -> None:
    for element in elements:
        parent = element.getparent()
        if parent is None:
            continue
        tail = element.tail
        if tail and tail.strip():
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + tail
            else:
                parent.text = (parent.text or "") + tail
        parent.remove(element)


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for value in values:
        key = value.casefold()
        if key not in seen:
            seen.add(key)
            out.append(value)
    return out
