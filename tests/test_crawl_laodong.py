"""End to end: the real `laodong` spider crawls the fixture copy of laodong.vn served on
127.0.0.1, through every pipeline, into a SQLite file; assertions read the rows."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.fixture_server import FixtureServer
from tests.crawling import EXPECTED, CrawlResult, copy_demo_site, crawl, rows

ARTICLES = {a["url"]: a for a in EXPECTED["articles"]}
VIDEO_PAGES = {v["url"]: v for v in EXPECTED["discovery"]["video_pages"]}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FixtureServer]:
    with FixtureServer(copy_demo_site(tmp_path_factory.mktemp("site") / "laodong.vn")) as running:
        yield running


@pytest.fixture(scope="module")
def first_crawl(server: FixtureServer, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CrawlResult]:
    db = tmp_path_factory.mktemp("db") / "news.sqlite"
    # The default worker pool (2 processes here), as a user runs it.
    earlier = dict(server.site.hits)
    result = crawl(server.base_url, db, settings={"NEWSCRAWL_WORKERS": "2"})
    assert result.returncode == 0, result.log[-3000:]
    # What the server saw in this crawl alone (other tests crawl the same server).
    result.hits = {path: hits - earlier.get(path, 0) for path, hits in server.site.hits.items()}
    result.hits = {path: hits for path, hits in result.hits.items() if hits}
    return db, result


def test_every_fixture_article_is_stored_once(first_crawl: tuple[Path, CrawlResult]) -> None:
    db, _ = first_crawl
    stored = [r["url"] for r in rows(db, "SELECT url FROM articles")]
    assert len(stored) == len(set(stored))
    assert set(stored) == set(ARTICLES) | set(VIDEO_PAGES)


def test_titles_dates_and_bylines_are_right(first_crawl: tuple[Path, CrawlResult]) -> None:
    db, _ = first_crawl
    for row in rows(db, "SELECT * FROM articles"):
        expected = ARTICLES.get(row["url"]) or VIDEO_PAGES[row["url"]]
        assert row["title"] == expected["title"], row["url"]
        assert row["lead"] == expected["lead"], row["url"]
        if row["url"] in ARTICLES:
            assert row["published_at"] == expected["published_at"], row["url"]
            assert row["modified_at"] == expected["modified_at"], row["url"]
            assert row["authors"] == __import__("json").dumps(expected["authors"], ensure_ascii=False), row["url"]
            assert row["source_credit"] == expected["source_credit"], row["url"]
            assert row["language"] == "vi"
            assert row["site"] == "laodong"


def test_text_is_the_story_from_first_to_last_sentence(first_crawl: tuple[Path, CrawlResult]) -> None:
    db, _ = first_crawl
    for row in rows(db, "SELECT url, text FROM articles"):
        if row["url"] not in ARTICLES:
            continue
        expected = ARTICLES[row["url"]]
        assert row["text"].startswith(expected["first_sentence"]), row["url"]
        assert row["text"].endswith(expected["last_sentence"]), row["url"]
        assert expected["lead"] not in row["text"]


def test_no_related_tile_title_reaches_text(first_crawl: tuple[Path, CrawlResult]) -> None:
    db, _ = first_crawl
    every_tile = {title for article in ARTICLES.values() for title in article["related_titles"]}
    assert every_tile
    for row in rows(db, "SELECT url, text FROM articles"):
        leaked = [title for title in every_tile if title in row["text"]]
        assert leaked == [], row["url"]


def test_related_tiles_are_kept_as_links(first_crawl: tuple[Path, CrawlResult]) -> None:
    db, _ = first_crawl
    story = next(a for a in ARTICLES.values() if a["id"] == 1450101)
    links = rows(
        db, "SELECT position, url, title FROM related_links WHERE article_url = ? ORDER BY position", (story["url"],)
    )
    titles = [link["title"] for link in links]
    assert "Cận cảnh vụ phóng tên lửa siêu vượt âm mới nhất của Triều Tiên" in titles
    assert [link["position"] for link in links] == list(range(1, len(links) + 1))
    assert all(link["url"].startswith("https://laodong.vn/") for link in links)


def test_cookie_page_on_the_feeds_is_passed(first_crawl: tuple[Path, CrawlResult]) -> None:
    db, result = first_crawl
    # Once the cookie is set it rides along on later requests: feeds fetched at the same
    # moment may each meet the challenge, feeds fetched after do not.
    feeds = len(EXPECTED["discovery"]["cookie_challenge"]["urls"])
    assert 1 <= result.stat("newscrawl/cookie_challenge/answered") <= feeds
    assert result.stat("newscrawl/cookie_challenge/failed") == 0
    rss_only = [a["url"] for a in ARTICLES.values() if a["discovered_from"] == ["rss"]]
    assert len(rss_only) == 2  # one in home.rss, one in the-gioi.rss
    stored = {r["url"] for r in rows(db, "SELECT url FROM articles")}
    assert set(rss_only) <= stored


def test_only_article_and_listing_pages_are_fetched(first_crawl: tuple[Path, CrawlResult]) -> None:
    _, result = first_crawl
    disallowed = "/tim-kiem?q=trieu+tien"
    assert result.hits.get(disallowed, 0) == 0
    assert result.hits.get("/lien-he", 0) == 0  # not an article, not a section: never fetched
    article_hits = {path: hits for path, hits in result.hits.items() if path.endswith(".ldo")}
    assert len(article_hits) == len(ARTICLES) + len(VIDEO_PAGES)
    assert set(article_hits.values()) == {1}, article_hits


def test_crawl_is_recorded_in_crawl_runs(first_crawl: tuple[Path, CrawlResult]) -> None:
    db, _ = first_crawl
    run = rows(db, "SELECT * FROM crawl_runs ORDER BY id")[0]
    assert run["spider"] == "laodong"
    assert run["status"] == "finished"
    assert run["articles_new"] == len(ARTICLES) + len(VIDEO_PAGES)
    assert run["finished_at"] >= run["started_at"]


def repeated_requests(result: CrawlResult) -> int:
    """Requests scheduled again for a URL already scheduled: a feed fetched again with the
    challenge cookie (one or two, as the feeds race the first answer), or a retry."""
    return result.stat("newscrawl/cookie_challenge/answered") + result.stat("retry/count")


def test_second_crawl_of_an_unchanged_site_fetches_no_article(
    server: FixtureServer, first_crawl: tuple[Path, CrawlResult], tmp_path: Path
) -> None:
    db, first = first_crawl
    second_db = tmp_path / "again.sqlite"
    second_db.write_bytes(db.read_bytes())
    before = rows(second_db, "SELECT url, title, text, content_hash, first_seen_at FROM articles ORDER BY url")
    again = crawl(server.base_url, second_db)
    assert again.returncode == 0, again.log[-3000:]
    assert again.stat("newscrawl/pages/article_fetched") == 0
    assert again.stat("newscrawl/incremental/skipped") == len(ARTICLES) + len(VIDEO_PAGES)
    # The spider drops stored pages as it finds them: they never become requests. Scrapy
    # schedules the sitemaps, feeds and listing pages the first run did, and nothing else.
    assert again.stat("scheduler/enqueued") - repeated_requests(again) == (
        first.stat("scheduler/enqueued") - repeated_requests(first) - first.stat("newscrawl/pages/article_fetched")
    )
    after = rows(second_db, "SELECT url, title, text, content_hash, first_seen_at FROM articles ORDER BY url")
    assert after == before
    runs = rows(second_db, "SELECT status, articles_new FROM crawl_runs ORDER BY id")
    assert runs == [{"status": "finished", "articles_new": len(before)}, {"status": "finished", "articles_new": 0}]


def test_one_article_by_url(server: FixtureServer, tmp_path: Path) -> None:
    story = next(a for a in ARTICLES.values() if a["id"] == 1450101)
    db = tmp_path / "one.sqlite"
    result = crawl(server.base_url, db, f"url={story['url']}")
    assert result.returncode == 0, result.log[-3000:]
    assert [r["url"] for r in rows(db, "SELECT url FROM articles")] == [story["url"]]
    assert result.stat("newscrawl/pages/article_fetched") == 1


def test_section_and_limit(server: FixtureServer, tmp_path: Path) -> None:
    db = tmp_path / "section.sqlite"
    result = crawl(server.base_url, db, "section=xa-hoi", "limit=2")
    assert result.returncode == 0, result.log[-3000:]
    stored = [r["url"] for r in rows(db, "SELECT url FROM articles")]
    assert len(stored) == 2
    assert all("/xa-hoi/" in url for url in stored)


def test_limit_counts_the_articles_fetched_not_those_already_stored(server: FixtureServer, tmp_path: Path) -> None:
    db = tmp_path / "limit.sqlite"
    first = crawl(server.base_url, db, "section=xa-hoi", "limit=2")
    assert first.returncode == 0, first.log[-3000:]
    second = crawl(server.base_url, db, "section=xa-hoi", "limit=2")
    assert second.returncode == 0, second.log[-3000:]
    assert first.stat("newscrawl/pages/article_fetched") == second.stat("newscrawl/pages/article_fetched") == 2
    stored = [r["url"] for r in rows(db, "SELECT url FROM articles")]
    assert len(stored) == len(set(stored)) == 4


def test_worker_pool_stores_what_inline_extraction_stores(
    server: FixtureServer, first_crawl: tuple[Path, CrawlResult], tmp_path: Path
) -> None:
    pooled_db, _ = first_crawl  # crawled with NEWSCRAWL_WORKERS=2
    inline_db = tmp_path / "inline.sqlite"
    assert crawl(server.base_url, inline_db, settings={"NEWSCRAWL_WORKERS": "0"}).returncode == 0
    columns = (
        "url, site, title, lead, text, authors, source_credit, published_at, modified_at, section, tags, "
        "image_url, canonical_url, language, language_score, word_count, content_hash"
    )
    query = f"SELECT {columns} FROM articles ORDER BY url"
    assert rows(inline_db, query) == rows(pooled_db, query)
    links = "SELECT article_url, position, url, title FROM related_links ORDER BY article_url, position"
    assert rows(inline_db, links) == rows(pooled_db, links)


def test_cookie_page_that_comes_back_is_an_error_for_that_url_only(tmp_path: Path) -> None:
    folder = copy_demo_site(tmp_path / "site")
    with FixtureServer(folder) as server:
        # The server now wants a cookie the challenge page never gives.
        for route in server.site.routes.values():
            if "cookie_challenge" in route:
                route["cookie_challenge"] = "D1N=another-value"
        db = tmp_path / "news.sqlite"
        result = crawl(server.base_url, db)
    assert result.returncode == 0, result.log[-3000:]
    feeds = EXPECTED["discovery"]["cookie_challenge"]["urls"]
    assert result.stat("newscrawl/cookie_challenge/failed") == len(feeds)
    for feed in feeds:
        errors = [line for line in result.log.splitlines() if "ERROR" in line and feed in line]
        assert len(errors) == 1
        assert "cookie challenge repeated" in errors[0]
    # Everything the sitemap and the sections list is still stored.
    reachable = [a["url"] for a in ARTICLES.values() if set(a["discovered_from"]) - {"rss"}]
    stored = {r["url"] for r in rows(db, "SELECT url FROM articles")}
    assert set(reachable) <= stored
