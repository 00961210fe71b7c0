import unicodedata
from pathlib import Path

from newscrawl.text import (
    clean_article,
    clean_line,
    fold_diacritics,
    join_paragraphs,
    looks_like_mojibake,
    normalize_for_hash,
    repair_mojibake,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FIXTURES = Path(__file__).parent / "fixtures"


def test_clean_line_gives_nfc_single_spaced_visible_text() -> None:
    decomposed = unicodedata.normalize("NFD", "Hà Nội")
    assert clean_line(f"  {decomposed}\u00a0\u200b mưa\t\n to \ufeff") == "Hà Nội mưa to"
    assert unicodedata.is_normalized("NFC", clean_line(decomposed))


def test_join_paragraphs_drops_repeats_and_blank_lines() -> None:
    text = join_paragraphs(["Một.", "  ", "Hai.", "một.", "Ba."])
    assert text == "Một.\n\nHai.\n\nBa."


def test_fold_diacritics_folds_d_stroke_too() -> None:
    assert fold_diacritics("Điện lực Hà Nội") == "dien luc ha noi"


def test_tone_mark_placement_does_not_change_identity() -> None:
    assert normalize_for_hash("Hoà bình, thuỷ lợi.") == normalize_for_hash("hòa bình thủy lợi")


def test_double_encoded_utf8_is_repaired() -> None:
    broken = "Lao Động".encode().decode("latin-1")
    assert looks_like_mojibake(broken * 3)
    assert repair_mojibake(broken * 3) == "Lao Động" * 3
    assert repair_mojibake("Lao Động đưa tin") == "Lao Động đưa tin"


def test_real_double_encoded_laodong_page_is_repaired() -> None:
    raw = (FIXTURES / "laodong_home_2021_double-encoded.html").read_bytes().decode("utf-8")
    fixed = (FIXTURES / "laodong_home_2021_mojibake-fixed.html").read_bytes().decode("utf-8")
    assert looks_like_mojibake(raw)
    assert repair_mojibake(raw) == fixed


def test_clean_article_cleans_every_text_field() -> None:
    article = {
        "title": " Tin\u00a0nóng ",
        "lead": "",
        "text": "A.\n\n\n\nA.\n\nB.",
        "authors": ["Anh Vũ", "anh vũ", " "],
        "tags": ["x", "x"],
        "section": None,
        "source_credit": None,
    }
    cleaned = clean_article(article)
    assert cleaned["title"] == "Tin nóng"
    assert cleaned["lead"] is None
    assert cleaned["text"] == "A.\n\nB."
    assert cleaned["authors"] == ["Anh Vũ"]
    assert cleaned["tags"] == ["x"]
