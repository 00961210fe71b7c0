import subprocess
import sys
from pathlib import Path

import pytest
from scrapy.exceptions import UsageError

from newscrawl.spiders.laodong import LaodongSpider

ROOT = Path(__file__).resolve().parents[1]


def test_arguments_users_expect_are_read() -> None:
    spider = LaodongSpider(section="the-gioi,xa-hoi", since="2025-01-01", limit="5", refresh="1")
    assert spider.sections == ["the-gioi", "xa-hoi"]
    assert spider.since == "2025-01-01"
    assert spider.limit == 5
    assert spider.refresh is True
    one = LaodongSpider(url="https://laodong.vn/the-gioi/trieu-tien-lai-phong-thu-ten-lua-1450101.ldo")
    assert one.one_url.endswith("-1450101.ldo")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"since": "2025-13-45"}, "-a since=2025-13-45: expected a date as YYYY-MM-DD"),
        ({"limit": "-3"}, "-a limit=-3: must be 1 or more"),
        ({"limit": "many"}, "-a limit=many: expected a whole number"),
        ({"section": "khong-co"}, "-a section=khong-co: unknown section"),
        ({"url": "https://vnexpress.net/a-4683356.html"}, "not a page of laodong.vn"),
        ({"url": "https://laodong.vn/the-gioi"}, "not an article URL of laodong"),
        ({"colour": "red"}, "-a colour: unknown argument"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(arguments: dict[str, str], message: str) -> None:
    with pytest.raises(UsageError, match=message.replace("(", r"\(").replace("?", r"\?")):
        LaodongSpider.check_arguments(**arguments)


def test_scrapy_crawl_refuses_a_bad_argument_before_fetching(tmp_path: Path) -> None:
    db = tmp_path / "never.sqlite"
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "laodong", "-a", "since=2025-13-45", "-s", f"NEWSCRAWL_DB_PATH={db}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "error: -a since=2025-13-45: expected a date as YYYY-MM-DD" in result.stderr
    assert "Traceback" not in result.stderr
    assert "Spider opened" not in result.stderr
    assert not db.exists()
