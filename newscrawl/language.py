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


# Letters that only Vietnamese writes (breve, horn, hook above, dot below, tilde on i/u/y/e,
# circumflex with a tone, đ); à, é, ô, ã and the like are left out: French, Portuguese, …
# use them too. In Vietnamese prose 12-20% of the letters are among these; in the other
# languages of the corpus and the extraction benchmark, none.
_VIETNAMESE_LOWER = "ăắằẳẵặấầẩẫậđẻẽẹếềểễệỉĩịỏọốồổỗộơớờởỡợủũụưứừửữựỳỷỹỵảạ"
_VIETNAMESE_ONLY = frozenset(_VIETNAMESE_LOWER + _VIETNAMESE_LOWER.upper())
# At least this share of the letters among them: Vietnamese, without asking langdetect.
VIETNAMESE_SHARE = 0.05


def detect_language(text: str) -> Language:
    """ISO 639-1 code and probability, or ``und`` when the text is too short to judge.

    Text written with Vietnamese letters is ``vi`` at once: langdetect gives such text "vi"
    with probability 1.0 (rounded) on every such page of the corpus, after ~1.5 ms of
    Python per article; it still decides everything else, unaccented Vietnamese included.
    """
    sample = (text or "")[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        return Language(UNDETERMINED, 0.0)
    if sum(ch in _VIETNAMESE_ONLY for ch in sample) >= VIETNAMESE_SHARE * letters:
        return Language("vi", 1.0)
    return _langdetect(sample)


def _langdetect(sample: str) -> Language:
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
