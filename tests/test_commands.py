"""The commands around a crawl: demo, nightly, extract, reextract, export."""

from __future__ import annotations

import csv
import dataclasses
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl import export as exporting
from newscrawl.db import ARTICLE_COLUMNS
from newscrawl.fixture_server import FixtureServer
from newscrawl.reextraction import reextract
from newscrawl.sites import laodong
from tests.crawling import EXPECTED, ROOT, copy_demo_site, crawl, rows

STORIES = len(EXPECTED["articles"]) + len(EXPECTED["discovery"]["video_pages"])


def run(*arguments: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newscrawl", *arguments], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("site")
    with FixtureServer(copy_demo_site(folder / "laodong.vn")) as server:
        db = tmp_path_factory.mktemp("db") / "news.sqlite"
        assert crawl(server.base_url, db).returncode == 0
        yield db


def test_demo_twice_second_run_fetches_no_article(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite"
    first = run("demo", "--db", str(db), "--workers", "0")
    assert first.returncode == 0, first.stderr[-3000:]
    assert f"new {STORIES}," in first.stdout
    second = run("demo", "--db", str(db), "--workers", "0")
    assert second.returncode == 0, second.stderr[-3000:]
    assert "(article pages: 0," in second.stdout
    assert "new 0," in second.stdout
    assert rows(db, "SELECT count(*) AS n FROM articles") == [{"n": STORIES}]
    runs = rows(db, "SELECT status, articles_new FROM crawl_runs ORDER BY id")
    assert runs == [{"status": "finished", "articles_new": STORIES}, {"status": "finished", "articles_new": 0}]


def test_nightly_writes_a_log_and_a_run_per_site(tmp_path: Path) -> None:
    db, logs = tmp_path / "nightly.sqlite", tmp_path / "logs"
    with FixtureServer(copy_demo_site(tmp_path / "site")) as server:
        overrides = json.dumps({"laodong.vn": server.base_url})
        result = run(
            "nightly", "--sites", "laodong", "--db", str(db), "--jobdir", str(tmp_path / "jobs"),
            "--logdir", str(logs), "-s", f"NEWSCRAWL_HOST_OVERRIDES={overrides}", "-s", "NEWSCRAWL_WORKERS=0",
            "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
        )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "laodong: finished" in result.stdout
    log_files = list(logs.glob("nightly-*.log"))
    assert len(log_files) == 1
    assert "Spider closed (finished)" in log_files[0].read_text()
    assert rows(db, "SELECT spider, status FROM crawl_runs") == [{"spider": "laodong", "status": "finished"}]
    assert (tmp_path / "jobs" / "laodong").is_dir()


def test_nightly_exits_non_zero_when_a_spider_fails(tmp_path: Path) -> None:
    not_a_database = tmp_path / "folder.sqlite"
    not_a_database.write_bytes(b"this is not an SQLite file at all" * 100)
    result = run("nightly", "--sites", "laodong", "--db", str(not_a_database), "--logdir", str(tmp_path / "logs"))
    assert result.returncode == 1
    assert "cannot use" in result.stderr
    assert "file is not a database" in result.stderr
    assert "Traceback" not in result.stderr


def test_nightly_refuses_an_unknown_site(tmp_path: Path) -> None:
    result = run("nightly", "--sites", "laodong,khong-co", "--logdir", str(tmp_path))
    assert result.returncode == 2
    assert "unknown site: khong-co" in result.stderr


def test_extract_prints_the_article_as_stored() -> None:
    story = next(a for a in EXPECTED["articles"] if a["id"] == 1450101)
    result = run("extract", "newscrawl/demo_site/articles/1450101.html")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["url"] == story["url"]
    assert article["title"] == story["title"]
    assert article["authors"] == story["authors"]
    assert article["source_credit"] == story["source_credit"]
    assert article["language"] == "vi"
    assert {link["title"] for link in article["related"]} >= {
        "Cận cảnh vụ phóng tên lửa siêu vượt âm mới nhất của Triều Tiên"
    }
    assert set(article) >= {"text", "lead", "published_at", "modified_at", "tags", "content_hash", "word_count"}


def test_extract_says_why_when_there_is_no_article(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_bytes(b"")
    result = run("extract", str(page), "--url", "https://laodong.vn/x-1450999.ldo")
    assert result.returncode == 1
    assert "no article in" in result.stderr
    assert run("extract", str(tmp_path / "missing.html")).returncode == 2


def test_reextract_after_a_changed_profile_updates_only_the_affected_rows(
    crawled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "copy.sqlite"
    db.write_bytes(crawled.read_bytes())
    before = {r["url"]: r for r in rows(db, "SELECT url, title, text, lead FROM articles")}

    assert reextract(db) == 0
    assert "0 articles changed" in capsys.readouterr().out
    assert {r["url"]: r for r in rows(db, "SELECT url, title, text, lead FROM articles")} == before

    # A profile change: subheadings inside the story body are now pruned.
    changed = dataclasses.replace(laodong.PROFILE, prune=(*laodong.PROFILE.prune, "div.art-body h3"))
    monkeypatch.setattr(laodong, "PROFILE", changed)
    with_subheads = {a["url"] for a in EXPECTED["articles"] if a.get("subheadings")}
    assert with_subheads
    assert reextract(db) == 0
    assert f"{len(with_subheads)} articles changed" in capsys.readouterr().out
    after = {r["url"]: r for r in rows(db, "SELECT url, title, text, lead FROM articles")}
    assert {url for url in after if after[url] != before[url]} == with_subheads
    links = "SELECT count(*) AS n FROM related_links"
    assert rows(db, links) == rows(crawled, links)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_round_trips_every_stored_field(crawled: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"articles.{fmt}"
    assert exporting.export(crawled, fmt, out) == 0
    if fmt == "jsonl":
        exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        with out.open(encoding="utf-8", newline="") as handle:
            exported = [exporting.read_csv_article(row) for row in csv.DictReader(handle)]
    # What the file holds, read with plain SQL (not through the export code).
    stored = []
    for row in rows(crawled, f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles ORDER BY published_at, url"):
        row["authors"], row["tags"] = json.loads(row["authors"]), json.loads(row["tags"])
        links = "SELECT position, url, title FROM related_links WHERE article_url = ? ORDER BY position"
        row["related"] = rows(crawled, links, (row["url"],))
        stored.append(row)
    assert len(exported) == STORIES
    assert exported == stored
    first = next(a for a in exported if a["url"].endswith("-1450101.ldo"))
    assert first["authors"] == ["Anh Vũ"]
    assert first["related"][0]["position"] == 1
    assert set(first) == set(exporting.EXPORT_COLUMNS)


def test_export_since_keeps_later_articles_only(crawled: Path, tmp_path: Path) -> None:
    out = tmp_path / "since.jsonl"
    assert run("export", "--db", str(crawled), "--since", "2025-01-13", "-o", str(out)).returncode == 0
    exported = {json.loads(line)["url"] for line in out.read_text(encoding="utf-8").splitlines()}
    later = {a["url"] for a in EXPECTED["articles"] if a["published_at"] >= "2025-01-13"}
    earlier = {a["url"] for a in EXPECTED["articles"]} - later
    assert later
    assert earlier
    assert later <= exported
    assert not exported & earlier
