"""Property-based: the text cleanup and the extraction entry point on arbitrary input.

No exception escapes but ExtractionError (the documented "no story here"), and every
text that comes out is NFC, without control or invisible characters.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscrawl import extraction
from newscrawl.extraction import ExtractionError
from newscrawl.processing import analyse_page, process_page
from newscrawl.text import (
    _clean_line,
    clean_article,
    clean_line,
    join_paragraphs,
    normalize_for_hash,
    repair_mojibake,
)

# The properties say what must hold, not how fast: a loaded CI machine can stall one example
# past Hypothesis's 200 ms default deadline, and that is no failure of the code.
settings.register_profile("newscrawl", deadline=None)
settings.load_profile("newscrawl")

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
# Punctuation, markup characters, invisible and combining characters (decomposed letters).
ODD = [*".,:;!?()\"'-–\n\t<>&", "\u00a0", "\u200b", "\ufeff", "\u0301", "\u0303"]
VIETNAMESE = st.text(alphabet=st.sampled_from([*LETTERS, *ODD]), max_size=400)
TAGS = st.sampled_from(
    ["p", "div", "h1", "h2", "span", "a", "table", "td", "figure", "figcaption", "article", "script", "b"]
)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Random HTML: nested tags with random attributes and Vietnamese-ish text, often malformed."""
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(TAGS)
        attribute = draw(
            st.sampled_from(["", ' class="chappeau"', ' class="art-body"', ' style="text-align:right"', " id=x"])
        )
        parts.append(f"<{tag}{attribute}>{draw(VIETNAMESE)}")
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    head = draw(
        st.sampled_from(
            [
                "",
                "<html><head><title>Tin</title></head><body>",
                "<!doctype html><body>",
                "<?xml version='1.0' encoding='latin-1'?>",
            ]
        )
    )
    return head + "".join(parts)


def assert_clean(value: str) -> None:
    assert unicodedata.is_normalized("NFC", value)
    assert not any(ch in value for ch in "\u200b\ufeff\x00")


SPACES_OF_ALL_KINDS = st.text(alphabet=st.sampled_from([*" \t\n\r\x0b\x0c\x1c\x85\u2028\u00a0\u200b", *"aé\u0301"]))


@given(st.one_of(VIETNAMESE, st.text(max_size=200), SPACES_OF_ALL_KINDS))
def test_clean_line_shortcut_for_clean_lines_changes_nothing(text: str) -> None:
    """clean_line takes shortcuts (a clean line as it is, a line with only plain whitespace to
    collapse by split/join): the full cleanup must agree, on Vietnamese-ish text, on every
    kind of whitespace and on any Unicode at all."""
    assert clean_line(text) == _clean_line(text)


@given(VIETNAMESE)
def test_clean_line_always_gives_clean_nfc_text(text: str) -> None:
    cleaned = clean_line(text)
    assert_clean(cleaned)
    assert "\n" not in cleaned
    assert cleaned == cleaned.strip()
    assert clean_line(cleaned) == cleaned


@given(st.lists(VIETNAMESE, max_size=8))
def test_join_paragraphs_is_clean_and_stable(paragraphs: list[str]) -> None:
    text = join_paragraphs(paragraphs)
    assert_clean(text)
    assert "\n\n\n" not in text
    assert join_paragraphs(text.split("\n\n")) == text


@given(st.text(max_size=300))
def test_repair_and_hash_normalisation_never_fail(text: str) -> None:
    assert isinstance(repair_mojibake(text), str)
    assert isinstance(normalize_for_hash(text), str)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_extraction_on_arbitrary_bytes_fails_only_cleanly(body: bytes) -> None:
    result = analyse_page(body, "https://laodong.vn/the-gioi/bai-viet-1450999.ldo")
    assert set(result) in ({"error"}, {"record"})
    if "record" in result:
        for field in ("title", "text"):
            assert_clean(clean_article(result["record"])[field])


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(html_pages(), st.sampled_from(["https://laodong.vn/the-gioi/a-1450999.ldo", "https://example.com/tin/1.html"]))
def test_extraction_on_arbitrary_html_gives_clean_nfc_or_a_clean_failure(page: str, url: str) -> None:
    try:
        record = process_page(page.encode("utf-8"), url)
    except ExtractionError:
        return
    for field in ("title", "text", "lead"):
        if record[field]:
            assert_clean(record[field])
    assert record["title"]
    assert record["text"] or record["lead"]


# Letters that start the related-news words and headings, arrows, other letters, marks.
STARTS = st.lists(
    st.sampled_from(
        [*"xXđĐmMtTbBcCnNaAhHzZ_9 .:[(\u200b\u00a0\u0301", *">»›→", "Xem thêm", "Tin liên quan", "Đọc tiếp"]
    ),
    max_size=8,
).map("".join)


@given(STARTS, st.text(max_size=20))
def test_read_more_prefilter_never_rejects_a_match(head: str, rest: str) -> None:
    """The cheap test on an element's own first text only rejects starts the full pattern
    would reject too, whatever follows in its children."""
    if not extraction._may_start_read_more(head):
        assert not extraction._READ_MORE_START_RE.match(head + rest)


@given(st.one_of(STARTS, VIETNAMESE))
def test_heading_prefilter_never_rejects_a_heading(raw: str) -> None:
    if not extraction._HEADING_FIRST_RE.match(extraction._first_word_char(raw)):
        assert not extraction._RELATED_HEADING_RE.match(clean_line(raw))
