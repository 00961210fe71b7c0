"""Nightly runs against the fixture site: fetch only what is new or changed, store each
story once, keep moved and republished stories as aliases and edits as versions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.fixture_server import FixtureServer
from tests.crawling import EXPECTED, CrawlResult, a_day_ahead, copy_demo_site, crawl, edit_article, republish, rows

STORY = next(a for a in EXPECTED["articles"] if a["id"] == 1450101)
STORED_PAGES = len(EXPECTED["articles"]) + len(EXPECTED["discovery"]["video_pages"])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FixtureServer]:
    with FixtureServer(copy_demo_site(tmp_path / "site")) as running:
        yield running


@pytest.fixture
def crawled(server: FixtureServer, tmp_path: Path) -> Path:
    db = tmp_path / "news.sqlite"
    first = crawl(server.base_url, db)
    assert first.returncode == 0, first.log[-3000:]
    assert first.stat("newscrawl/articles/new") == STORED_PAGES
    return db


def recrawl(server: FixtureServer, db: Path, *arguments: str) -> CrawlResult:
    result = crawl(server.base_url, db, *arguments)
    assert result.returncode == 0, result.log[-3000:]
    return result


def test_story_moved_to_a_new_url_becomes_an_alias(server: FixtureServer, crawled: Path) -> None:
    moved = STORY["url"].replace("-1450101.ldo", "-1450301.ldo")
    republish(server.site, STORY["url"], moved)
    result = recrawl(server, crawled)
    assert result.stat("newscrawl/pages/article_fetched") == 1
    assert result.stat("newscrawl/articles/duplicate") == 1
    assert len(rows(crawled, "SELECT url FROM articles")) == STORED_PAGES
    alias = rows(crawled, "SELECT * FROM article_aliases WHERE alias_url = ?", (moved,))
    assert [(a["article_url"], a["reason"]) for a in alias] == [(STORY["url"], "same_content")]


def test_republished_with_new_headline_and_small_edits_becomes_an_alias(server: FixtureServer, crawled: Path) -> None:
    again = STORY["url"].replace(
        "trieu-tien-lai-phong-thu-ten-lua-tam-ngan-1450101", "trieu-tien-phong-ten-lua-1450302"
    )
    republish(
        server.site,
        STORY["url"],
        again,
        replace={
            STORY["title"]: "Triều Tiên bắn tên lửa đạn đạo ra biển",
            "khoảng 9h30 sáng": "khoảng 9 giờ 30 sáng",
            "250km": "khoảng 250km",
        },
    )
    result = recrawl(server, crawled)
    assert result.stat("newscrawl/articles/duplicate") == 1
    assert result.stat("newscrawl/articles/new") == 0
    alias = rows(crawled, "SELECT article_url, reason, similarity FROM article_aliases WHERE alias_url = ?", (again,))
    assert len(alias) == 1
    assert alias[0]["article_url"] == STORY["url"]
    assert alias[0]["reason"] == "near_duplicate"
    assert 0.8 <= alias[0]["similarity"] < 1


def test_edited_story_is_updated_and_its_old_text_kept(server: FixtureServer, crawled: Path) -> None:
    before = rows(crawled, "SELECT text, first_seen_at FROM articles WHERE url = ?", (STORY["url"],))[0]
    edit_article(
        server.site,
        STORY["url"],
        {STORY["first_sentence"]: STORY["first_sentence"] + " Nhật Bản cũng lên án vụ phóng."},
        lastmod=a_day_ahead(),
    )
    result = recrawl(server, crawled)
    assert result.stat("newscrawl/pages/article_fetched") == 1
    assert result.stat("newscrawl/incremental/changed") == 1
    assert result.stat("newscrawl/articles/updated") == 1
    after = rows(crawled, "SELECT text, first_seen_at, updated_at FROM articles WHERE url = ?", (STORY["url"],))[0]
    assert "(JCS). Nhật Bản cũng lên án vụ phóng." in after["text"]
    assert after["first_seen_at"] == before["first_seen_at"]
    assert after["updated_at"] is not None
    versions = rows(crawled, "SELECT text, replaced_at FROM article_versions WHERE article_url = ?", (STORY["url"],))
    assert [v["text"] for v in versions] == [before["text"]]
    assert versions[0]["replaced_at"] == after["updated_at"]


def test_refresh_fetches_stored_articles_again_and_changes_nothing(server: FixtureServer, crawled: Path) -> None:
    before = rows(crawled, "SELECT url, text, content_hash FROM articles ORDER BY url")
    result = recrawl(server, crawled, "refresh=1")
    assert result.stat("newscrawl/pages/article_fetched") == STORED_PAGES
    assert result.stat("newscrawl/articles/unchanged") == STORED_PAGES
    assert rows(crawled, "SELECT url, text, content_hash FROM articles ORDER BY url") == before
    assert rows(crawled, "SELECT count(*) AS n FROM article_versions") == [{"n": 0}]


SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "laodong-scrape-example.txt"


def english_story(server: FixtureServer) -> str:
    """The seed scrape's English story, served as a laodong.vn article page (the site also
    publishes in English): the Vietnamese page's body replaced by the English paragraphs."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").split("\n\n")]
    story = [line for line in lines[2:12] if len(line) > 80]
    url = "https://laodong.vn/the-gioi/north-korea-test-fires-short-range-missiles-again-1450401.ldo"
    republish(server.site, STORY["url"], url)
    path = url.removeprefix("https://laodong.vn")
    page = server.site.folder / server.site.routes[path]["file"]
    html = page.read_text(encoding="utf-8")
    start = html.index('<div class="art-body">')
    end = html.index("</div>", start)
    body = "".join(f"<p>{paragraph}</p>" for paragraph in story)
    html = html[:start] + f'<div class="art-body">{body}' + html[end:]
    html = html.replace(STORY["title"], lines[0]).replace(STORY["lead"], story[0])  # metas, JSON-LD
    # The shown lead has a link inside: its whole block is replaced.
    lead_start = html.index('<div class="chappeau">')
    lead_end = html.index("</div>", lead_start)
    html = html[:lead_start] + f'<div class="chappeau"><p>{story[0]}</p>' + html[lead_end:]
    page.write_text(html, encoding="utf-8")
    return url


def test_english_story_is_kept_and_tagged_en_by_default(server: FixtureServer, crawled: Path) -> None:
    url = english_story(server)
    recrawl(server, crawled)
    stored = rows(crawled, "SELECT language, language_score FROM articles WHERE url = ?", (url,))
    assert len(stored) == 1
    assert stored[0]["language"] == "en"
    assert stored[0]["language_score"] > 0.9


def test_story_in_a_language_not_kept_is_dropped_with_a_reason(server: FixtureServer, crawled: Path) -> None:
    url = english_story(server)
    result = crawl(server.base_url, crawled, settings={"NEWSCRAWL_LANGUAGES": '["vi"]'})
    assert result.returncode == 0, result.log[-3000:]
    assert rows(crawled, "SELECT url FROM articles WHERE url = ?", (url,)) == []
    assert result.stat("item_dropped_reasons_count/NotTargetLanguage") == 1
    assert [line for line in result.log.splitlines() if "language en" in line and url in line]
    run = rows(crawled, "SELECT dropped FROM crawl_runs ORDER BY id DESC LIMIT 1")[0]
    assert json.loads(run["dropped"]) == {"NotTargetLanguage": 1}
