"""Text cleanup for Vietnamese news: Unicode, whitespace, mojibake, search folding.

Pure functions only: every stage of the pipeline and the tests call them directly.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata

import ftfy

# Characters that carry no text but break matching and hashing.
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Horizontal spaces other than the plain one, non-breaking ones included.
_WIDE_SPACE_CHARS = "\u00a0\u2000-\u200a\u202f\u205f\u3000"
_CONTROL_CHARS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SPACES = re.compile(f"[ \t{_WIDE_SPACE_CHARS}]+")
_CONTROL = re.compile(f"[{_CONTROL_CHARS}]")
# Anything clean_line would change inside a line: the three classes above, tabs and line
# breaks, a double space.
_NEEDS_CLEANING = re.compile(f"[{_INVISIBLE_CHARS}{_WIDE_SPACE_CHARS}{_CONTROL_CHARS}\t\n\r]|  ")
# What needs more than joining the words with single spaces: the three classes, and the
# other characters str.split() breaks on.
_NEEDS_FULL_CLEANING = re.compile(f"[{_INVISIBLE_CHARS}{_WIDE_SPACE_CHARS}{_CONTROL_CHARS}\x85\u1680\u2028\u2029]")
# Marks of UTF-8 read as cp1252/latin-1: "Ä‘" for "đ", "Ã¡" for "á", "áº" for the
# precomposed Vietnamese block.
_MOJIBAKE_MARK = re.compile("(?:Ã[\u0080-\u00bf]|Ä[\u0080-\u00bf]|Æ[\u0080-\u00bf]|á[º»][\u0080-\u00bf])")
# Every mark above starts with one of these.
_MOJIBAKE_LEADS = ("Ã", "Ä", "Æ", "áº", "á»")
_VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]",
    re.IGNORECASE,
)

# Tone marks placed on a different vowel ("hoà" / "hòa", "thuỷ" / "thủy"):
# the same word, two spellings. Mapped to the modern placement before hashing.
_OLD_TONE_PLACEMENT = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE_LOWER_RE = re.compile("|".join(_OLD_TONE_PLACEMENT))  # the keys are lower case
_PUNCTUATION_RE = re.compile(r"[^\w\s]")


def looks_like_mojibake(text: str) -> bool:
    """True when UTF-8 bytes were decoded as a single-byte charset somewhere upstream."""
    if not text or not any(lead in text for lead in _MOJIBAKE_LEADS):
        return False  # one fast scan per lead character; the regex below is the slow one
    marks = len(_MOJIBAKE_MARK.findall(text))
    if marks < 3:
        return False
    letters = len(_VIETNAMESE_LETTERS.findall(text))
    return marks * 2 >= letters


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was encoded twice (real laodong.vn pages were committed so).

    Only text that looks broken is touched: correct Vietnamese is returned as is.
    """
    if not looks_like_mojibake(text):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    fixed = ftfy.fix_encoding(text)
    return fixed if not looks_like_mojibake(fixed) else text


def clean_line(text: str) -> str:
    """One paragraph or field: NFC, no invisible or control characters, single spaces.

    NFC comes last: removing a zero-width space can join a letter to the combining mark
    that followed it ("A\u200b\u0301" must end as "Á").
    """
    # Most lines of a page are clean already: one scan and an NFC check (both in C)
    # instead of four substitutions. Extraction calls this hundreds of times per page.
    if (
        text
        and not _NEEDS_CLEANING.search(text)
        and not text[0].isspace()
        and not text[-1].isspace()
        and unicodedata.is_normalized("NFC", text)
    ):
        return text
    # Most of the rest only has line breaks, tabs or runs of spaces (markup indentation).
    if not _NEEDS_FULL_CLEANING.search(text) and unicodedata.is_normalized("NFC", text):
        return " ".join(text.split())
    return _clean_line(text)


def _clean_line(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = re.sub(r"\s*\n\s*", " ", text)
    return unicodedata.normalize("NFC", text.strip())


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a stored text (separated by blank lines)."""
    return [p for p in (clean_line(part) for part in re.split(r"\n\s*\n", text or "")) if p]


def join_paragraphs(paragraphs: list[str]) -> str:
    """Stored form of a story: cleaned paragraphs, blank line between, no repeats."""
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        line = clean_line(paragraph)
        key = line.casefold()
        if not line or key in seen:
            continue
        seen.add(key)
        kept.append(line)
    return "\n\n".join(kept)


def fold_diacritics(text: str) -> str:
    """Lower-case ASCII-ish folding for search: "Điện Hà Nội" -> "dien ha noi".

    FTS5's unicode61 tokenizer removes tone marks but keeps "đ"; this folds both.
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    if not decomposed.isascii():
        decomposed = decomposed.translate(_combining_marks())
    return unicodedata.normalize("NFC", decomposed).casefold()


@functools.cache
def _combining_marks() -> dict[int, None]:
    """str.translate table deleting every combining character (a Python loop per character
    of a story cost more than the rest of its fingerprint). Built once per process, ~0.1 s."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}


def normalize_for_hash(text: str) -> str:
    """The text as compared for identity: tone placement unified, case and punctuation gone."""
    # Case folded first: the tone pairs are then matched in lower case only (a case-blind
    # alternation of fifteen pairs scanned a story several times slower).
    text = unicodedata.normalize("NFC", text).casefold()
    text = _OLD_TONE_LOWER_RE.sub(lambda m: _OLD_TONE_PLACEMENT[m.group(0)], text)
    text = _PUNCTUATION_RE.sub(" ", text)
    return " ".join(text.split())


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text or ""))


def clean_article(article: dict[str, object]) -> dict[str, object]:
    """Every text field of an article dict, cleaned; lists de-duplicated. Returns a new dict."""
    cleaned = dict(article)
    for key in ("title", "lead", "source_credit", "section"):
        value = cleaned.get(key)
        if isinstance(value, str):
            cleaned[key] = clean_line(value) or None
    if isinstance(cleaned.get("text"), str):
        cleaned["text"] = join_paragraphs(split_paragraphs(str(cleaned["text"])))
    for key in ("authors", "tags"):
        values = cleaned.get(key) or []
        seen: set[str] = set()
        kept = []
        for value in values if isinstance(values, list) else []:
            line = clean_line(str(value))
            if line and line.casefold() not in seen:
                seen.add(line.casefold())
                kept.append(line)
        cleaned[key] = kept
    return cleaned
