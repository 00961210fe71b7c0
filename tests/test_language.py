import json
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl import language
from newscrawl.extraction import extract_article
from newscrawl.language import SAMPLE_CHARS, _langdetect, article_language, detect_language

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN_CASES = sorted(p for p in (FIXTURES / "golden").iterdir() if p.is_dir())
VIETNAMESE = (
    "Bác sĩ Nguyễn Trung Cấp, Phó Giám đốc kiêm Trưởng Khoa Cấp cứu, Bệnh viện Bệnh nhiệt đới Trung ương "
    "vừa có bài viết chia sẻ về nguy cơ tử vong ở các nhóm bệnh nhân Covid-19."
)
ENGLISH = (
    "On January 14, North Korea tested several short-range ballistic missiles from the eastern region "
    "of the country, according to a statement from the South Korean Joint Chiefs of Staff."
)


def unaccented_story() -> str:
    page = FIXTURES / "golden" / "vnexpress_2023_4683356" / "page.html"
    return extract_article(
        page.read_bytes(), "https://vnexpress.net/thu-tuong-pham-minh-chinh-den-uae-du-cop28-4683356.html"
    ).text


def test_vietnamese_and_english_are_told_apart() -> None:
    assert detect_language(VIETNAMESE).code == "vi"
    assert detect_language(ENGLISH).code == "en"


def test_unaccented_vietnamese_article_is_still_vietnamese() -> None:
    text = unaccented_story()
    assert "Thu tuong" in text  # the page really has no diacritics
    language = detect_language(text)
    assert language.code == "vi"
    assert language.score >= 0.9


def test_text_too_short_to_judge_is_undetermined() -> None:
    assert detect_language("Ha Noi").code == "und"
    assert detect_language("").code == "und"


def test_language_is_the_same_in_every_process() -> None:
    script = (
        "import json, sys; from newscrawl.language import detect_language as d; "
        "print(json.dumps([list(vars(d(t)).values()) for t in json.load(sys.stdin)]))"
    )
    samples = [VIETNAMESE, ENGLISH, unaccented_story(), "Ha Noi mua to, nhieu tuyen pho ngap sau trong chieu nay"]
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], input=json.dumps(samples), capture_output=True, text=True, check=True
        ).stdout
        for _ in range(2)
    ]
    assert runs[0] == runs[1]
    assert json.loads(runs[0])[0][0] == "vi"


def test_vietnamese_letters_shortcut_gives_what_langdetect_gives_on_real_pages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Text written with Vietnamese-only letters is tagged without langdetect: on every real
    page here langdetect itself says the same, with the same rounded probability."""
    asked: list[str] = []
    monkeypatch.setattr(language, "_langdetect", lambda sample: asked.append(sample) or _langdetect(sample))
    for case in GOLDEN_CASES:
        url = json.loads((case / "meta.json").read_text())["url"]
        record = extract_article((case / "page.html").read_bytes(), url).to_dict()
        sample = " ".join(str(record[k]) for k in ("title", "lead", "text") if record[k])[:SAMPLE_CHARS]
        assert article_language(record) == _langdetect(sample), case.name
    # Only the unaccented pages went to langdetect; the shortcut answered for the rest.
    assert len(GOLDEN_CASES) >= 16
    assert 0 < len(asked) <= 3


def test_english_naming_vietnamese_people_and_places_is_still_english() -> None:
    text = (
        "Prime Minister Phạm Minh Chính met officials in Hà Nội and Đà Nẵng on Tuesday to discuss "
        "the new expressway, which will link the northern provinces with the central coast by 2027."
    )
    assert detect_language(text).code == "en"
