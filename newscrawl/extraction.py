"""From one news page's HTML to one clean article: the main story and its metadata.

trafilatura finds the story; around it, site profiles and generic Vietnamese rules remove
what trafilatura keeps (related-news tiles, "Xem thêm" one-liners, captions, bylines,
page chrome) and read the metadata (JSON-LD, meta tags, the visible byline and date).
Pure functions: no Scrapy, no database.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from lxml.cssselect import CSSSelector
from w3lib.encoding import html_to_unicode

from newscrawl.dates import parse_date
from newscrawl.sites import SiteProfile, profile_for_url
from newscrawl.text import clean_line, join_paragraphs, repair_mojibake, split_paragraphs, word_count
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
    """Bytes to text by header, BOM or meta charset; doubly encoded UTF-8 repaired."""
    if isinstance(body, str):
        text = body
    else:
        _, text = html_to_unicode(content_type or "", body)
    text = text.replace("\x00", "")
    return repair_mojibake(text)


def parse_html(text: str) -> lxml.html.HtmlElement:
    if len(text) > MAX_HTML_CHARS:
        text = text[:MAX_HTML_CHARS]
    # Drop an XML declaration with an encoding: lxml refuses it on str input.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as exc:
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
    for element in _select(root, ("script[type='application/ld+json']",)):
        element.set("data-newscrawl-keep", "1")
    meta = _read_metadata(root, url, profile)
    title = meta["title"]
    if not title:
        raise ExtractionError("no title")

    for selector in ("script:not([data-newscrawl-keep])", "style", "noscript", "template"):
        _remove_all(_select(root, (selector,)))
    related = _take_related(root, url, profile)
    body_root = _main_container(root, profile)
    _prune(body_root, profile)
    signed, signed_credit = _take_signature(body_root)
    if not meta["authors"]:
        meta["authors"] = signed
    meta["source_credit"] = meta["source_credit"] or signed_credit
    paragraphs = _story_paragraphs(body_root, profile)
    if paragraphs and len(paragraphs[-1]) < 80 and (theo := _CREDIT_THEO_RE.match(paragraphs[-1])):
        paragraphs.pop()
        meta["source_credit"] = meta["source_credit"] or theo.group(1)
    paragraphs = _drop_non_story(paragraphs, title=title, lead=meta["lead"], authors=meta["authors"], related=related, profile=profile)
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


def _read_metadata(root: lxml.html.HtmlElement, url: str, profile: SiteProfile | None) -> dict[str, Any]:
    metas = _meta_tags(root)
    ld = _json_ld_article(root)
    sel = profile or _NO_PROFILE

    title = _first_text(root, sel.title) or _clean(ld.get("headline")) or metas.get("og:title")
    if not title:
        title = _first_text(root, ("h1",)) or _first_text(root, ("title",))

    lead = _first_text(root, sel.lead) or _first_text(root, _GENERIC_LEAD)
    if not lead:
        description = metas.get("og:description") or metas.get("description") or _clean(ld.get("description"))
        if description and not description.endswith(("...", "…")):
            lead = description

    if lead and ">>" in lead:
        lead = lead.split(">>", 1)[0].strip() or None

    byline = _first_text(root, sel.authors, joiner=" - ") or ""
    if not byline:
        byline = _first_text(root, _GENERIC_BYLINE, joiner=" - ") or ""
    authors, credit = parse_byline(byline)
    if not authors:
        authors = _json_ld_authors(ld)

    published = (
        parse_date(_clean(ld.get("datePublished")))
        or parse_date(metas.get("article:published_time"))
        or parse_date(metas.get("pubdate") or metas.get("publishdate") or metas.get("date"))
        or parse_date(_first_attr(root, sel.published, "datetime") or _first_text(root, sel.published))
        or parse_date(_first_attr(root, ("time[datetime]", "[itemprop=datePublished]"), "datetime"))
        or parse_date(_first_attr(root, ("[itemprop=datePublished]",), "content"))
        or parse_date(_first_text(root, _GENERIC_DATES))
    )
    modified = parse_date(_clean(ld.get("dateModified"))) or parse_date(metas.get("article:modified_time"))

    section = _first_text(root, sel.section) or _first_item(metas.get("article:section")) or _first_item(_clean(ld.get("articleSection")))
    if not section and profile:
        slug = urlsplit(url).path.strip("/").split("/")[0]
        section = profile.sections.get(slug)

    tags = [t.lstrip("#").strip() for t in _texts(root, sel.tags)]
    if not tags:
        tags = [t.strip() for value in metas.get_all("article:tag") for t in value.split(",") if t.strip()]
    image = metas.get("og:image") or _json_ld_image(ld)
    canonical = _first_attr(root, ("link[rel~=canonical]",), "href") or metas.get("og:url")
    return {
        "title": title,
        "lead": lead,
        "authors": authors,
        "source_credit": credit,
        "published_at": published,
        "modified_at": modified,
        "section": section,
        "tags": _unique(tags),
        "image_url": urljoin(url, image) if image else None,
        "canonical_url": urljoin(url, canonical) if canonical else None,
    }


def _first_item(value: str | None) -> str | None:
    """First entry of a comma-separated meta value ("Thể thao,World Cup 2026")."""
    if not value:
        return None
    return value.split(",")[0].strip() or None


def parse_byline(byline: str) -> tuple[list[str], str | None]:
    """"Anh Vũ (Nguồn: AFP)" -> (["Anh Vũ"], "AFP"); "AN AN - VŨ LINH" -> two authors."""
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
    byline = re.sub(r"^(?:bài|bài và ảnh|tin và ảnh|tin, ảnh|bài, ảnh|ảnh|tác giả|phóng viên|pv)\s*[:\-]\s*", "", byline, flags=re.I)
    names = []
    for part in re.split(r"\s+-\s+|\s*,\s*|\s+và\s+|\s*/\s*|\s*\|\s*", byline):
        name = part.strip(" .-–|:()")
        if name and len(name) <= 60 and name.casefold() not in _AUTHOR_PLACEHOLDERS and not name.isdigit():
            names.append(name)
    return _unique(names), credit


class _Metas(dict[str, str]):
    def __init__(self) -> None:
        super().__init__()
        self.multi: dict[str, list[str]] = {}

    def get_all(self, key: str) -> list[str]:
        return self.multi.get(key, [])


def _meta_tags(root: lxml.html.HtmlElement) -> _Metas:
    metas = _Metas()
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        value = clean_line(element.get("content") or "")
        if key and value:
            metas.setdefault(key, value)
            metas.multi.setdefault(key, []).append(value)
    return metas


def _json_ld_article(root: lxml.html.HtmlElement) -> dict[str, Any]:
    found: list[dict[str, Any]] = []
    for script in root.xpath("//script[@type='application/ld+json']"):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                kinds = node.get("@type")
                kinds = set(kinds) if isinstance(kinds, list) else {kinds}
                if kinds & _ARTICLE_TYPES and node.get("@type") != "WebPage":
                    found.append(node)
                if "@graph" in node:
                    stack.append(node["@graph"])
    return found[0] if found else {}


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


def _take_related(root: lxml.html.HtmlElement, url: str, profile: SiteProfile | None) -> list[RelatedLink]:
    """Record the links of every related-news box, then remove the boxes from the tree."""
    boxes = list(_select(root, profile.related)) if profile else []
    boxes.extend(_boxes_by_heading(root))
    boxes.extend(_read_more_lines(root))
    boxes = _outermost(boxes)
    links: list[RelatedLink] = []
    seen = {normalize_url(url)}
    for box in boxes:
        for anchor in box.iter("a"):
            href = (anchor.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            target = urljoin(url, href)
            title = clean_line(anchor.text_content()) or clean_line(anchor.get("title") or "")
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


def _is_story_link(url: str, title: str, profile: SiteProfile | None) -> bool:
    if profile and profile.owns(url):
        return profile.is_article_url(url)
    return urlsplit(url).scheme in ("http", "https") and len(title.split()) >= 4


def _boxes_by_heading(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Boxes announced by a related-news heading ("TIN LIÊN QUAN", "Đọc thêm", …)."""
    boxes = []
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "a"):
            continue
        own = clean_line(element.text or "")
        if not own or len(own) > 40 or not _RELATED_HEADING_RE.match(own):
            continue
        if len(clean_line(element.text_content())) > len(own) + 3 and element.tag not in _HEADING_TAGS:
            # A container whose own text is the heading: the box itself, if it is mostly links.
            box = element if _link_density(element) >= 0.4 else None
        else:
            box = _climb_to_box(element)
        if box is not None:
            boxes.append(box)
    return boxes


def _climb_to_box(heading: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The smallest ancestor of a heading that holds links and little else."""
    node = heading
    for _ in range(4):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html", "article", "main"):
            break
        node = parent
        if node.xpath(".//a[@href]") and _link_density(node) >= 0.5:
            return node
    # A bare heading followed by a list of links in the same parent.
    following = heading.getnext()
    if following is not None and following.xpath(".//a[@href]") and _link_density(following) >= 0.5:
        wrapper = heading
        wrapper.tail = None
        following.set("data-newscrawl-related", "1")
        return _group(heading, following)
    return None


def _group(*elements: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """Move sibling elements into one <div> in place, so they are removed together."""
    first = elements[0]
    parent = first.getparent()
    wrapper = lxml.html.Element("div")
    parent.insert(parent.index(first), wrapper)
    for element in elements:
        wrapper.append(element)
    return wrapper


def _read_more_lines(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """One-line "Xem thêm: <a>…</a>" paragraphs: links, not story text."""
    found = []
    for element in root.iter("p", "div", "li", "h3", "h4", "strong", "em"):
        text = clean_line(element.text_content())
        if text and len(text) < 300 and _READ_MORE_RE.match(text) and element.xpath(".//a[@href]"):
            found.append(element)
    return found


def _link_density(element: lxml.html.HtmlElement) -> float:
    total = len(clean_line(element.text_content()))
    if not total:
        return 0.0
    linked = sum(len(clean_line(a.text_content())) for a in element.iter("a"))
    return linked / total


def _outermost(elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    chosen: list[lxml.html.HtmlElement] = []
    ids = {id(e) for e in elements}
    for element in elements:
        if id(element) in {id(c) for c in chosen}:
            continue
        if any(id(ancestor) in ids for ancestor in element.iterancestors()):
            continue
        chosen.append(element)
    chosen.sort(key=_document_order(elements))
    return chosen


def _document_order(elements: list[lxml.html.HtmlElement]) -> Any:
    if not elements:
        return lambda e: 0
    order = {id(e): i for i, e in enumerate(elements[0].getroottree().getroot().iter())}
    return lambda e: order.get(id(e), 0)


# --- the story ---------------------------------------------------------------------------


def _main_container(root: lxml.html.HtmlElement, profile: SiteProfile | None) -> lxml.html.HtmlElement:
    if profile:
        for element in _select(root, profile.body):
            if clean_line(element.text_content()):
                return element
    return root


def _prune(container: lxml.html.HtmlElement, profile: SiteProfile | None) -> None:
    selectors = list(_GENERIC_PRUNE)
    if profile:
        selectors.extend(profile.prune)
        selectors.extend(profile.lead)
        selectors.extend(profile.title)
        selectors.extend(profile.tags)
    _remove_all(_select(container, tuple(selectors)))
    if profile and profile.captions_are_text:
        return
    captions = _outermost(_select(container, _GENERIC_CAPTIONS))
    caption_chars = sum(len(clean_line(c.text_content())) for c in captions)
    other_chars = len(clean_line(container.text_content())) - caption_chars
    # A photo story tells its story in the captions: keep them when there is little else.
    if caption_chars < 200 or other_chars >= caption_chars / 2:
        _remove_all(captions)


_BLOCK_TAGS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6", "section", "li", "blockquote", "table", "ul", "ol", "figure"})


def _take_signature(container: lxml.html.HtmlElement) -> tuple[list[str], str | None]:
    """A byline signed at the end of the body (right-aligned or bold-only): out of the text.

    Returns the authors and agency credit it names.
    """
    blocks = [
        e
        for e in container.iter("p", "div")
        if not any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in e) and clean_line(e.text_content())
    ]
    authors: list[str] = []
    credit = None
    for element in reversed(blocks[-3:]):
        text = clean_line(element.text_content())
        style = (element.get("style") or "").replace(" ", "").lower()
        right = "text-align:right" in style or (element.get("align") or "").lower() == "right"
        strong = " ".join(clean_line(b.text_content()) for b in element.iter("strong", "b"))
        bold_only = bool(strong) and len(strong) >= len(text) - 2
        if not (right and len(text) <= 80) and not (bold_only and len(text.split()) <= 6):
            break
        names, found_credit = parse_byline(strong if strong and not found_credit_only(text) else text)
        if not names and not found_credit:
            break
        authors = names + authors
        credit = credit or found_credit or parse_byline(text)[1]
        _remove_all([element])
    return _unique(authors), credit


def found_credit_only(text: str) -> bool:
    return bool(_CREDIT_THEO_RE.match(text))


def _story_paragraphs(container: lxml.html.HtmlElement, profile: SiteProfile | None) -> list[str]:
    """trafilatura's paragraphs of the (pruned) story container."""
    if container.tag == "html":
        document = container
    else:
        document = lxml.html.document_fromstring("<html><body></body></html>")
        article = etree.SubElement(document.body, "article")
        article.append(copy.deepcopy(container))
    extracted = trafilatura.bare_extraction(
        document,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=False,
        favor_recall=container.tag != "html",
    )
    paragraphs = []
    if extracted is not None and extracted.body is not None:
        paragraphs = _blocks(extracted.body)
    if not paragraphs and container.tag != "html":
        paragraphs = _blocks(container)
    return paragraphs


# Elements that start a paragraph, in trafilatura's output tree and in HTML (the fallback).
_PARAGRAPH_TAGS = frozenset(
    {"p", "head", "quote", "list", "item", "table", "code", "pre", "fw", "h1", "h2", "h3", "h4", "h5", "h6"}
    | {"div", "section", "article", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption"}
    | {"header", "footer", "aside", "main", "form", "center", "address", "hr"}
)
_ROW_TAGS = frozenset({"row", "tr"})
_BREAK_TAGS = frozenset({"lb", "br"})


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
        elif tag in _ROW_TAGS:
            flush()
            cells = [clean_line(etree.tostring(c, method="text", encoding=str, with_tail=False)) for c in element]
            line.append(" | ".join(c for c in cells if c))
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
    kept = []
    for index, paragraph in enumerate(paragraphs):
        key = paragraph.casefold()
        short = len(paragraph) < 200
        if key in (title_key, lead_key) or key in related_titles:
            continue
        if index == 0 and lead_key and (lead_key.startswith(key) or key.startswith(lead_key)) and short:
            continue
        if short and (_RELATED_HEADING_RE.match(paragraph) or _READ_MORE_RE.match(paragraph)):
            continue
        if short and _CAPTION_RE.match(paragraph):
            continue
        if short and boilerplate and any(key.startswith(b) or b in key for b in boilerplate):
            continue
        if short and _is_byline(paragraph, author_keys):
            continue
        kept.append(paragraph)
    return kept


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


def _compile(selector: str) -> CSSSelector:
    return _SELECTORS.get(selector) or _SELECTORS.setdefault(selector, CSSSelector(selector))


_SELECTORS: dict[str, CSSSelector] = {}


def _select(root: etree._Element, selectors: tuple[str, ...]) -> list[lxml.html.HtmlElement]:
    found = []
    for selector in selectors:
        found.extend(_compile(selector)(root))
    return found


def _first_text(root: etree._Element, selectors: tuple[str, ...], joiner: str = " ") -> str | None:
    for selector in selectors:
        elements = _compile(selector)(root)
        texts = [clean_line(e.text_content()) for e in elements]
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


def _texts(root: etree._Element, selectors: tuple[str, ...]) -> list[str]:
    for selector in selectors:
        texts = [clean_line(e.text_content()) for e in _compile(selector)(root)]
        texts = [t for t in texts if t]
        if texts:
            return texts
    return []


def _remove_all(elements: list[lxml.html.HtmlElement]) -> None:
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


def extract_record(body: bytes, url: str, content_type: str | None = None) -> dict[str, Any]:
    """extract_article as plain data for another process: {"article": …} or {"error": …}."""
    try:
        article = extract_article(body, url, content_type=content_type)
    except ExtractionError as exc:
        return {"error": str(exc)}
    return {"article": article.to_dict()}
