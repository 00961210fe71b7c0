"""Articles out of SQLite for tools that do not read it: JSON Lines or CSV, streamed."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from newscrawl.db import ARTICLE_COLUMNS, JSON_COLUMNS, connect, row_to_article

# Export columns: every stored article field, then its related links.
EXPORT_COLUMNS = (*ARTICLE_COLUMNS, "related")


def iter_articles(db_path: Path, *, since: str | None = None, site: str | None = None) -> Iterator[dict[str, Any]]:
    """Stored articles with their related links, oldest first, one row in memory at a time."""
    db = connect(db_path)
    clauses, parameters = [], []
    if since:
        clauses.append("published_at >= ?")
        parameters.append(since)
    if site:
        clauses.append("site = ?")
        parameters.append(site)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    columns = ", ".join(ARTICLE_COLUMNS)
    try:
        cursor = db.conn.execute(f"SELECT {columns} FROM articles{where} ORDER BY published_at, url", parameters)
        for values in cursor:
            article = row_to_article(dict(zip(ARTICLE_COLUMNS, values, strict=True)))
            links = db.conn.execute(
                "SELECT position, url, title FROM related_links WHERE article_url = ? ORDER BY position",
                [article["url"]],
            ).fetchall()
            article["related"] = [{"position": p, "url": u, "title": t} for p, u, t in links]
            yield article
    finally:
        db.close()


def count_articles(db_path: Path, *, since: str | None = None, site: str | None = None) -> int:
    db = connect(db_path)
    try:
        sql = "SELECT count(*) FROM articles WHERE (? IS NULL OR published_at >= ?) AND (? IS NULL OR site = ?)"
        return int(db.conn.execute(sql, [since, since, site, site]).fetchone()[0])
    finally:
        db.close()


@contextmanager
def _opened(output: Path | None) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8", newline="") as handle:
        yield handle


def export(
    db_path: Path,
    fmt: str,
    output: Path | None,
    *,
    since: str | None = None,
    site: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    total = count_articles(db_path, since=since, site=site)
    written = 0
    with _opened(output) as handle:
        writer = csv.DictWriter(handle, fieldnames=EXPORT_COLUMNS) if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for article in iter_articles(db_path, since=since, site=site):
            if writer:
                row = dict(article)
                for column in (*JSON_COLUMNS, "related"):
                    row[column] = json.dumps(row[column], ensure_ascii=False)
                writer.writerow(row)
            else:
                handle.write(json.dumps(article, ensure_ascii=False) + "\n")
            written += 1
            if progress and (written % 200 == 0 or written == total):
                progress(written, total)
    if output is not None:
        print(f"exported {written} articles to {output}", file=sys.stderr)
    return 0


def read_csv_article(row: dict[str, str]) -> dict[str, Any]:
    """A CSV export row back to an article (JSON columns decoded, numbers typed)."""
    article: dict[str, Any] = {k: (v if v != "" else None) for k, v in row.items()}
    for column in (*JSON_COLUMNS, "related"):
        article[column] = json.loads(row[column])
    article["word_count"] = int(row["word_count"])
    article["language_score"] = float(row["language_score"]) if row["language_score"] else None
    return article
