"""Language of a story, the same answer on every run (langdetect, seeded)."""

from __future__ import annotations

from dataclasses import dataclass

from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

# langdetect samples at random: without a fixed seed, a text can change language between runs.
DetectorFactory.seed = 0

UNDETERMINED = "und"
# Under this many letters, langdetect guesses (unaccented headlines: wrong half the time).
MIN_LETTERS = 40
# langdetect reads every character of what it is given, in Python: ~10 ms for a whole
# article, ~2.3 ms for its first 1,000 characters, ~1.2 ms for 400. On the 229 real pages
# of the corpus, the demo site and the extraction benchmark (9 languages), 400 and 1,000
# characters give the same language for every page.
SAMPLE_CHARS = 400


@dataclass(frozen=True)
class Language:
    code: str
    score: float


def detect_language(text: str) -> Language:
    """ISO 639-1 code and probability, or ``und`` when the text is too short to judge."""
    sample = (text or "")[:SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return Language(UNDETERMINED, 0.0)
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return Language(UNDETERMINED, 0.0)
    return Language(best.lang, round(best.prob, 4))


def article_language(article: dict[str, object]) -> Language:
    """The language of an article: title and lead first, so a video story's line of text still
    comes with enough words to judge."""
    parts = (article.get("title"), article.get("lead"), article.get("text"))
    return detect_language(" ".join(str(p) for p in parts if p))
