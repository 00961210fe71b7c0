"""The database under stress: a full disk mid-crawl, SIGKILL mid-write, and readers
querying while a crawl writes. Stored data stays whole and the next run resumes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscrawl.fixture_server import FixtureServer
from tests.crawling import EXPECTED, ROOT, copy_demo_site, crawl, crawl_command, rows

STORIES = len(EXPECTED["articles"]) + len(EXPECTED["discovery"]["video_pages"])
# Every text story of the fixture carries related tiles (the video page has none): a row
# without its links would be half an article.
ORPHANS = (
    "SELECT count(*) AS n FROM articles a WHERE a.url NOT LIKE '%/video-%' "
    "AND NOT EXISTS (SELECT 1 FROM related_links r WHERE r.article_url = a.url)"
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[FixtureServer]:
    with FixtureServer(copy_demo_site(tmp_path / "site")) as running:
        yield running


def stored_count(db: Path) -> int:
    """Articles stored so far (0 while the crawl has not created its tables yet)."""
    try:
        return int(rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]) if db.exists() else 0
    except sqlite3.OperationalError:
        return 0


def database_bytes(db: Path) -> int:
    page = rows(db, "PRAGMA page_size")[0]["page_size"]
    return int(rows(db, "PRAGMA page_count")[0]["page_count"]) * int(page)


def test_disk_full_mid_crawl_loses_only_the_failed_batch(server: FixtureServer, tmp_path: Path) -> None:
    scratch = tmp_path / "scratch.sqlite"
    assert crawl(server.base_url, scratch).returncode == 0
    full_size = database_bytes(scratch)

    db = tmp_path / "capped.sqlite"
    capped = crawl(
        server.base_url,
        db,
        settings={"NEWSCRAWL_DB_MAX_MB": str(full_size * 0.6 / 1024 / 1024), "NEWSCRAWL_DB_BATCH_SIZE": "2"},
    )
    assert capped.returncode == 0, capped.log[-3000:]
    assert capped.stat("newscrawl/errors/storage") >= 1
    assert "database or disk is full" in capped.log
    stored = rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]
    assert 0 < stored < STORIES
    assert rows(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    assert rows(db, ORPHANS) == [{"n": 0}]
    assert rows(db, "SELECT status FROM crawl_runs") == [{"status": "failed"}]

    resumed = crawl(server.base_url, db)
    assert resumed.returncode == 0, resumed.log[-3000:]
    assert resumed.stat("newscrawl/articles/new") == STORIES - stored
    assert rows(db, "SELECT count(*) AS n FROM articles")[0]["n"] == STORIES


def test_sigkill_mid_crawl_then_resume_with_the_same_job_directory(tmp_path: Path) -> None:
    db = tmp_path / "news.sqlite"
    jobdir = tmp_path / "job"
    settings = {"JOBDIR": str(jobdir), "NEWSCRAWL_DB_BATCH_SIZE": "1", "CONCURRENT_REQUESTS_PER_DOMAIN": "1"}
    # One article page a second: the crawl is killed while most of the site is still to come.
    with FixtureServer(copy_demo_site(tmp_path / "slow"), delay=1.0) as slow:
        command = crawl_command(slow.base_url, db, settings={**settings, "NEWSCRAWL_WORKERS": "2"})
        process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                if stored_count(db) >= 3:
                    break
                time.sleep(0.05)
            else:
                pytest.fail("the crawl stored nothing in 120 s")
        finally:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
        killed_at = rows(db, "SELECT count(*) AS n FROM articles")[0]["n"]
        assert killed_at < STORIES
        assert rows(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
        assert rows(db, ORPHANS) == [{"n": 0}]
        assert rows(db, "SELECT status FROM crawl_runs") == [{"status": "running"}]

    with FixtureServer(copy_demo_site(tmp_path / "again")) as server:
        resumed = crawl(server.base_url, db, settings=settings)
    assert resumed.returncode == 0, resumed.log[-3000:]
    urls = [r["url"] for r in rows(db, "SELECT url FROM articles")]
    assert len(urls) == len(set(urls)) == STORIES
    assert rows(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]


READER = """
import json, sqlite3, sys, time
path, stop_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
from pathlib import Path
seen = {"queries": 0, "errors": [], "orphans": 0, "max_articles": 0}
while True:
    # One more pass after the stop file appears: the crawl has ended by then, so the last
    # pass sees every article it stored.
    stopping = Path(stop_file).exists()
    try:
        conn = sqlite3.connect(path, timeout=30)
        conn.execute("PRAGMA busy_timeout = 30000")
        with conn:
            n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            orphans = conn.execute(sys.argv[4]).fetchone()[0]
            conn.execute(
                "SELECT url FROM articles_fts JOIN articles a ON a.doc_id = articles_fts.rowid "
                "WHERE articles_fts MATCH 'tet'"
            ).fetchall()
        conn.close()
        seen["queries"] += 1
        seen["orphans"] += orphans
        seen["max_articles"] = max(seen["max_articles"], n)
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            seen["errors"].append(str(exc))
    if stopping:
        break
    time.sleep(0.01)
Path(out).write_text(json.dumps(seen))
"""


def test_reader_querying_during_a_crawl_never_sees_a_lock_or_half_an_article(tmp_path: Path) -> None:
    db = tmp_path / "news.sqlite"
    stop, out = tmp_path / "stop", tmp_path / "reader.json"
    with FixtureServer(copy_demo_site(tmp_path / "site"), delay=0.1) as server:
        orphans = ORPHANS.replace(" AS n", "")
        reader = subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), str(out), orphans])
        try:
            result = crawl(server.base_url, db, settings={"NEWSCRAWL_DB_BATCH_SIZE": "1", "NEWSCRAWL_WORKERS": "2"})
        finally:
            stop.touch()
            reader.wait(timeout=60)
    assert result.returncode == 0, result.log[-3000:]
    seen = json.loads(out.read_text())
    assert seen["errors"] == []
    assert seen["orphans"] == 0
    assert seen["queries"] > 20
    assert seen["max_articles"] == STORIES
