import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils

from newscrawl import db as schema
from newscrawl.db import ArticleStore, SchemaTooNew, connect, search
from newscrawl.fingerprints import content_hash, minhash_signature

STORY = (
    "Chiều 14/1, Triều Tiên phóng thử một số tên lửa đạn đạo tầm ngắn từ khu vực phía đông nước này. "
    "Các tên lửa được phóng từ Kanggye, tỉnh Jagang, gần biên giới với Trung Quốc, vào khoảng 9h30 sáng "
    "theo giờ địa phương, theo thông báo của Bộ Tổng Tham mưu Liên quân Hàn Quốc. Tên lửa bay khoảng "
    "250 km trước khi rơi xuống biển. Hàn Quốc lập tức lên án vụ phóng, gọi đây là hành động khiêu khích "
    "nghiêm trọng đe dọa hòa bình và ổn định trên Bán đảo Triều Tiên."
)


def record(
    url: str, text: str = STORY, title: str = "Triều Tiên lại phóng thử tên lửa tầm ngắn", **extra: Any
) -> dict[str, Any]:
    values = {
        "url": url,
        "site": "laodong",
        "title": title,
        "lead": "Điện Hà Nội thông báo",
        "text": text,
        "authors": ["Anh Vũ"],
        "tags": ["Triều Tiên"],
        "content_hash": content_hash(text),
        "minhash": minhash_signature(text),
        "related": [{"position": 1, "url": "https://laodong.vn/x-1234567.ldo", "title": "Tin khác"}],
        "crawled_at": "2025-01-14T10:00:00+07:00",
    }
    values.update(extra)
    return values


@pytest.fixture
def store(tmp_path: Path) -> ArticleStore:
    opened = ArticleStore.open(tmp_path / "news.sqlite")
    yield opened
    opened.close()


def test_new_file_is_wal_at_current_schema_version(tmp_path: Path) -> None:
    db = connect(tmp_path / "a.sqlite")
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert schema.schema_version(db) == schema.SCHEMA_VERSION
    assert {"articles", "related_links", "article_aliases", "article_versions", "crawl_runs", "raw_pages"} <= set(
        db.table_names()
    )


def test_storing_the_same_story_twice_keeps_one_row(store: ArticleStore) -> None:
    first = store.save_batch([record("https://laodong.vn/the-gioi/a-1450101.ldo")])
    again = store.save_batch(
        [record("https://laodong.vn/the-gioi/a-1450101.ldo", crawled_at="2025-01-15T10:00:00+07:00")]
    )
    assert [o.outcome for o in first + again] == ["new", "unchanged"]
    rows = list(store.db["articles"].rows)
    assert len(rows) == 1
    assert rows[0]["first_seen_at"] == "2025-01-14T10:00:00+07:00"
    assert rows[0]["last_crawled_at"] == "2025-01-15T10:00:00+07:00"
    assert store.db["related_links"].count == 1


def test_same_text_under_another_url_becomes_an_alias(store: ArticleStore) -> None:
    store.save_batch([record("https://laodong.vn/the-gioi/a-1450101.ldo")])
    outcome = store.save_batch([record("https://laodong.vn/thoi-su/b-1450999.ldo")])[0]
    assert (outcome.outcome, outcome.article_url) == ("duplicate", "https://laodong.vn/the-gioi/a-1450101.ldo")
    assert store.db["articles"].count == 1
    assert store.resolve("https://laodong.vn/thoi-su/b-1450999.ldo") == "https://laodong.vn/the-gioi/a-1450101.ldo"


def test_republished_with_new_headline_and_small_edits_is_a_near_duplicate(store: ArticleStore) -> None:
    store.save_batch([record("https://laodong.vn/the-gioi/a-1450101.ldo")])
    edited = STORY.replace("lập tức", "ngay lập tức").replace("khoảng 9h30", "khoảng 9h31")
    outcome = store.save_batch(
        [record("https://laodong.vn/the-gioi/c-1450555.ldo", text=edited, title="Triều Tiên phóng tên lửa")]
    )[0]
    assert outcome.outcome == "duplicate"
    assert outcome.similarity is not None
    assert 0.8 <= outcome.similarity < 1
    assert store.db["articles"].count == 1


def test_changed_text_updates_in_place_and_keeps_the_old_version(store: ArticleStore) -> None:
    url = "https://laodong.vn/the-gioi/a-1450101.ldo"
    store.save_batch([record(url)])
    changed = STORY + " Nhật Bản cũng đã lên tiếng."
    outcome = store.save_batch([record(url, text=changed, crawled_at="2025-01-15T08:00:00+07:00")])[0]
    assert outcome.outcome == "updated"
    row = store.db["articles"].get(url)
    assert row["text"] == changed
    assert row["updated_at"] == "2025-01-15T08:00:00+07:00"
    versions = list(store.db["article_versions"].rows)
    assert [(v["text"], v["replaced_at"]) for v in versions] == [(STORY, "2025-01-15T08:00:00+07:00")]


def test_full_text_search_with_and_without_diacritics(store: ArticleStore) -> None:
    store.save_batch([record("https://laodong.vn/the-gioi/a-1450101.ldo")])
    for query in ("Triều Tiên", "Trieu Tien", "hoa binh", "hòa bình", "dien", "Điện", "de doa"):
        assert [r["url"] for r in search(store.db, query)] == ["https://laodong.vn/the-gioi/a-1450101.ldo"], query
    assert search(store.db, "Nhật Bản") == []
    assert search(store.db, '"Triều" - (Tiên') != []  # punctuation is not query syntax
    assert search(store.db, "  ") == []


def test_search_index_follows_updates(store: ArticleStore) -> None:
    url = "https://laodong.vn/the-gioi/a-1450101.ldo"
    store.save_batch([record(url)])
    store.save_batch([record(url, text=STORY.replace("Hàn Quốc", "Nhật Bản"))])
    assert [r["url"] for r in search(store.db, "Nhat Ban")] == [url]
    assert search(store.db, "Han Quoc") == []


def test_file_of_previous_schema_version_is_upgraded_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    old = sqlite_utils.Database(sqlite3.connect(path))
    schema.MIGRATIONS[0](old)
    old.conn.execute("PRAGMA user_version = 1")
    old["articles"].insert(
        {
            "url": "https://laodong.vn/a-1450101.ldo",
            "site": "laodong",
            "title": "Điện lực Hà Nội",
            "text": STORY,
            "content_hash": content_hash(STORY),
            "first_seen_at": "2024-01-01T00:00:00+07:00",
            "last_crawled_at": "2024-01-01T00:00:00+07:00",
        }
    )
    old.conn.commit()
    old.close()

    upgraded = connect(path)
    assert schema.schema_version(upgraded) == schema.SCHEMA_VERSION
    assert upgraded["articles"].count == 1
    assert [r["url"] for r in search(upgraded, "dien luc")] == ["https://laodong.vn/a-1450101.ldo"]


def test_file_of_a_newer_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew, match="newer than this newscrawl supports"):
        connect(path)


def test_fetch_state_answers_many_urls_as_the_one_url_questions_do(store: ArticleStore) -> None:
    """A sitemap's URLs are asked about at once: whether each answered 404/410 before, and
    when the story stored under it (or under the URL it is an alias of) was last crawled."""
    article = "https://laodong.vn/the-gioi/a-1450101.ldo"
    alias = "https://laodong.vn/the-gioi/a-1450101-amp.ldo"
    store.save_batch([record(article, aliases=[alias])])
    store.mark_gone("https://laodong.vn/xa-hoi/b-1450102.ldo", 404)
    # More URLs than one query takes, with the known ones at both ends and one twice.
    unknown = [f"https://laodong.vn/the-gioi/c-{n}.ldo" for n in range(1000)]
    urls = [article, *unknown[:500], "https://laodong.vn/xa-hoi/b-1450102.ldo", *unknown[500:], alias, article]

    state = store.fetch_state(urls)

    expected = {url: (False, None) for url in unknown}
    expected[article] = expected[alias] = (False, "2025-01-14T10:00:00+07:00")
    expected["https://laodong.vn/xa-hoi/b-1450102.ldo"] = (True, None)
    assert state == expected
