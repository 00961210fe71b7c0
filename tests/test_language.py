import json
import subprocess
import sys
from pathlib import Path

from newscrawl.extraction import extract_article
from newscrawl.language import detect_language

FIXTURES = Path(__file__).parent / "fixtures"
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
