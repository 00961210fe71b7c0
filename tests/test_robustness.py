"""A hostile web: one crawl of the fixture site with every fault served beside the good
pages. For each fault: the crawl goes on, one log line names the URL and the reason, a stats
counter (also in the run's crawl_runs row) counts it, and every good page is stored."""

from __future__ import annotations

import gzip
import json
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newscrawl.fixture_server import FixtureServer
from tests.crawling import EXPECTED, CrawlResult, add_to_sitemap, copy_demo_site, crawl, rows

BASE = "https://laodong.vn/the-gioi/"
GOOD = {a["url"]: a for a in EXPECTED["articles"]}
VIDEO = {v["url"] for v in EXPECTED["discovery"]["video_pages"]}


def fault_url(slug: str, number: int) -> str:
    return f"{BASE}{slug}-{1450900 + number}.ldo"


@contextmanager
def refusing_port() -> Iterator[int]:
    """A port on 127.0.0.1 bound but not listening: connections to it are refused, and no
    other process can take it while the crawl runs."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield int(sock.getsockname()[1])


def page_of(folder: Path, article_id: int) -> str:
    return (folder / "articles" / f"{article_id}.html").read_text(encoding="utf-8")


def article(article_id: int) -> dict[str, Any]:
    return next(a for a in EXPECTED["articles"] if a["id"] == article_id)


# The faults, by the URL that serves each one.
URLS = {
    "missing": fault_url("bai-da-xoa", 1),
    "gone": fault_url("bai-da-go", 2),
    "error_500": fault_url("loi-may-chu", 3),
    "refused": "https://refused.laodong.vn/the-gioi/khong-ket-noi-1450904.ldo",
    "timeout": fault_url("may-chu-cham", 5),
    "drip": fault_url("nho-giot", 6),
    "cut_short": fault_url("cat-ngang", 7),
    "redirect_loop": fault_url("chuyen-huong-vong", 8),
    "redirect_offsite": fault_url("chuyen-sang-trang-khac", 9),
    "robots": fault_url("cam-thu-thap", 10),
    "empty": fault_url("trang-rong", 11),
    "pdf": fault_url("tai-lieu-pdf", 12),
    "image": fault_url("anh-jpg", 13),
    "huge": fault_url("trang-50-mb", 14),
    "gzip_bomb": fault_url("bom-gzip", 15),
    "no_story": fault_url("giao-dien-moi", 16),
    "malformed": fault_url("html-hong", 17),
    "windows_1258": fault_url("bang-ma-1258", 18),
    "wrong_charset": fault_url("khai-bao-sai-bang-ma", 19),
    "no_charset": fault_url("khong-khai-bao-bang-ma", 20),
    "double_utf8": fault_url("ma-hoa-hai-lan", 21),
}
# Good pages served with a fault that newscrawl gets past: stored in the end.
THROTTLED = {"429": article(1450112)["url"], "503": article(1450114)["url"]}
# A page that keeps answering 503 with Retry-After: 2 s (RETRY_TIMES=1 in this crawl).
STILL_BUSY = fault_url("van-qua-tai", 22)
# Pages with bad bytes that are still stories: (fault, source article id).
RECOVERED = {"malformed": 1450116, "windows_1258": 1450110, "wrong_charset": 1450111, "double_utf8": 1450105}
RECOVERED["no_charset"] = 1450113


def path_of(url: str) -> str:
    return re.sub(r"^https://[^/]+", "", url)


def build_site(folder: Path, refused_port: int) -> dict[str, Any]:
    """The demo site plus a route for every fault; returns the routes to add."""
    routes: dict[str, Any] = {
        path_of(URLS["gone"]): {"body": "<html><body>Gone</body></html>", "status": 410},
        path_of(URLS["error_500"]): {"body": "<html><body>Error</body></html>", "status": 500},
        path_of(URLS["timeout"]): {"file": "articles/1450102.html", "sleep": 12},
        path_of(URLS["drip"]): {"file": "articles/1450102.html", "drip": 0.5},
        path_of(URLS["cut_short"]): {"file": "articles/1450102.html", "truncate": True},
        path_of(URLS["redirect_loop"]): {"body": "", "status": 302, "headers": {"Location": URLS["redirect_loop"]}},
        path_of(URLS["redirect_offsite"]): {
            "body": "",
            "status": 301,
            "headers": {"Location": "https://example.com/khong-phai-laodong"},
        },
        path_of(URLS["robots"]): {"file": "articles/1450102.html"},
        path_of(URLS["empty"]): {"body": "", "content_type": "text/html; charset=utf-8"},
        path_of(URLS["pdf"]): {
            "body": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
            "content_type": "application/pdf",
        },
        path_of(URLS["image"]): {"body": b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(2000), "content_type": "image/jpeg"},
        path_of(URLS["huge"]): {"body": "<html><body>" + "<p>chữ</p>" * 5_000_000 + "</body></html>"},
        path_of(URLS["gzip_bomb"]): {"body": gzip.compress(bytes(60 * 1024 * 1024), 9), "content_type": "text/html"},
        path_of(URLS["no_story"]): {
            "body": "<html><head><title>Lao Động</title></head><body><nav><a href='/'>Trang chủ</a></nav>"
            "<div class='app-root' data-v2='1'></div></body></html>"
        },
    }
    # The gzip bomb is served pre-compressed, with the header that says so.
    routes[path_of(URLS["gzip_bomb"])]["headers"] = {"Content-Encoding": "gzip"}

    source = page_of(folder, 1450116)
    broken = source[: int(len(source) * 0.7)] + "<div><p>đoạn <b>hỏng <table><tr><td>"
    routes[path_of(URLS["malformed"])] = {"body": broken.replace(article(1450116)["url"], URLS["malformed"])}

    vn = page_of(folder, 1450110).replace(article(1450110)["url"], URLS["windows_1258"])
    vn = vn.replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
    routes[path_of(URLS["windows_1258"])] = {
        "body": _cp1258(vn),
        "content_type": "text/html; charset=windows-1258",
    }
    wrong = page_of(folder, 1450111).replace(article(1450111)["url"], URLS["wrong_charset"])
    routes[path_of(URLS["wrong_charset"])] = {
        "body": wrong.encode("utf-8"),
        "content_type": "text/html; charset=iso-8859-1",
    }
    bare = page_of(folder, 1450113).replace(article(1450113)["url"], URLS["no_charset"])
    routes[path_of(URLS["no_charset"])] = {
        "body": bare.replace('<meta charset="utf-8">', "").encode("utf-8"),
        "content_type": "text/html",
    }
    twice = page_of(folder, 1450105).replace(article(1450105)["url"], URLS["double_utf8"])
    routes[path_of(URLS["double_utf8"])] = {
        "body": twice.encode("utf-8").decode("latin-1").encode("utf-8"),
        "content_type": "text/html; charset=utf-8",
    }
    # Throttled good pages: the first answer asks to come back in a second.
    for status, url in THROTTLED.items():
        routes[path_of(url)] = {
            "file": f"articles/{url.rsplit('-', 1)[1].removesuffix('.ldo')}.html",
            "fail_first": 1,
            "fail_status": int(status),
            "fail_headers": {"Retry-After": "1"},
        }
    routes[path_of(STILL_BUSY)] = {
        "body": "<html><body>Busy</body></html>",
        "status": 503,
        "headers": {"Retry-After": "2"},
    }
    robots = folder / "robots.txt"
    robots.write_text(
        robots.read_text().replace("Disallow: /tim-kiem", f"Disallow: /tim-kiem\nDisallow: {path_of(URLS['robots'])}")
    )
    # A feed and a sitemap that are not what they say.
    home = folder / "home.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace(
            "</head>",
            '<link rel="alternate" type="application/rss+xml" href="https://laodong.vn/rss/hong.rss"></head>',
            1,
        ),
        encoding="utf-8",
    )
    routes["/rss/hong.rss"] = {
        "body": "<rss><channel><item><title>Tin <b>hỏng</title>",
        "content_type": "application/rss+xml",
    }
    index = folder / "sitemap.xml"
    index.write_text(
        index.read_text().replace(
            "</sitemapindex>", "<sitemap><loc>https://laodong.vn/sitemaps/hong.xml</loc></sitemap></sitemapindex>"
        )
    )
    routes["/sitemaps/hong.xml"] = {
        "body": "<html><body>503 Service Unavailable</body></html>",
        "content_type": "text/xml",
    }
    return routes


def _cp1258(text: str) -> bytes:
    """Vietnamese in windows-1258: precomposed letters become base letter + combining tone."""
    import unicodedata  # noqa: PLC0415 - only this helper needs it

    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            out += unicodedata.normalize("NFD", char).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FixtureServer, Path, CrawlResult]]:
    folder = copy_demo_site(tmp_path_factory.mktemp("hostile") / "laodong.vn")
    with refusing_port() as refused_port:
        routes = build_site(folder, refused_port)
        yield from _crawl_hostile_site(folder, routes, refused_port, tmp_path_factory)


def _crawl_hostile_site(
    folder: Path, routes: dict[str, Any], refused_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[FixtureServer, Path, CrawlResult]]:
    with FixtureServer(folder) as server:
        server.site.routes.update(routes)
        for url in [*URLS.values(), STILL_BUSY]:
            add_to_sitemap(server.site, url, "2025-01-15T08:00:00+07:00")
        db = tmp_path_factory.mktemp("db") / "news.sqlite"
        result = crawl(
            server.base_url,
            db,
            settings={
                "NEWSCRAWL_HOST_OVERRIDES": {
                    "laodong.vn": server.base_url,
                    "refused.laodong.vn": f"http://127.0.0.1:{refused_port}",
                },
                # Well above the worst answer time of a loaded 2-core machine (about 1 s),
                # well below the planted slow pages (12 s, and 0.5 s per KiB).
                "DOWNLOAD_TIMEOUT": "5",
                "RETRY_TIMES": "1",
                "NEWSCRAWL_MAX_RETRY_AFTER": "5",
            },
            timeout=300,
        )
        assert result.returncode == 0, result.log[-4000:]
        # What the server saw in this crawl (later tests crawl the same server again).
        result.hits = dict(server.site.hits)
        result.hit_times = {path: list(times) for path, times in server.site.hit_times.items()}
        yield server, db, result


def logged(result: CrawlResult, url: str, reason: str) -> list[str]:
    return [line for line in result.log.splitlines() if url in line and reason in line]


def test_every_good_page_is_stored_despite_the_faults(hostile: tuple[FixtureServer, Path, CrawlResult]) -> None:
    _, db, result = hostile
    stored = {r["url"] for r in rows(db, "SELECT url FROM articles UNION SELECT alias_url FROM article_aliases")}
    assert set(GOOD) | VIDEO <= stored
    assert rows(db, "PRAGMA integrity_check") == [{"integrity_check": "ok"}]
    run = rows(db, "SELECT status, errors FROM crawl_runs")[-1]
    assert run["status"] == "finished"
    assert json.loads(run["errors"]) == {
        k.removeprefix("newscrawl/errors/"): v for k, v in result.stats.items() if k.startswith("newscrawl/errors/")
    }


@pytest.mark.parametrize(
    ("fault", "stat", "reason"),
    [
        ("missing", "newscrawl/errors/http_404", "HTTP 404 (not asked for again)"),
        ("gone", "newscrawl/errors/http_410", "HTTP 410 (not asked for again)"),
        ("error_500", "newscrawl/errors/http_500", "HTTP 500"),
        ("refused", "newscrawl/errors/DownloadConnectionRefusedError", "DownloadConnectionRefusedError"),
        ("timeout", "newscrawl/errors/DownloadTimeoutError", "DownloadTimeoutError"),
        ("drip", "newscrawl/errors/DownloadTimeoutError", "DownloadTimeoutError"),
        ("cut_short", "newscrawl/errors/ResponseDataLossError", "ResponseDataLossError"),
        ("redirect_loop", "newscrawl/errors/redirect_loop", "max redirections reached"),
        ("redirect_offsite", "newscrawl/errors/redirect_offsite", "redirect to another site: https://example.com/"),
        ("robots", "newscrawl/errors/robots_disallowed", "Forbidden by robots.txt"),
        ("empty", "newscrawl/errors/bad_article/empty_body", "empty body"),
        ("pdf", "newscrawl/errors/bad_article/not_html", "not HTML (application/pdf)"),
        ("image", "newscrawl/errors/bad_article/not_html", "not HTML (image/jpeg)"),
        ("huge", "newscrawl/errors/DownloadCancelledError", "larger than download max size"),
        ("gzip_bomb", "newscrawl/errors/too_large", "DOWNLOAD_MAXSIZE"),
    ],
)
def test_fault_is_logged_counted_and_skipped(
    hostile: tuple[FixtureServer, Path, CrawlResult], fault: str, stat: str, reason: str
) -> None:
    _, db, result = hostile
    url = URLS[fault]
    assert result.stat(stat) >= 1
    assert len(logged(result, url, reason)) == 1, [line for line in result.log.splitlines() if url in line]
    assert rows(db, "SELECT url FROM articles WHERE url = ?", (url,)) == []


def test_404_and_410_are_not_asked_for_again(hostile: tuple[FixtureServer, Path, CrawlResult], tmp_path: Path) -> None:
    server, db, _ = hostile
    gone = {r["url"]: r["status"] for r in rows(db, "SELECT url, status FROM gone_urls")}
    assert gone == {URLS["missing"]: 404, URLS["gone"]: 410}
    second_db = tmp_path / "second.sqlite"
    second_db.write_bytes(db.read_bytes())
    before = {path: server.site.hits.get(path, 0) for path in (path_of(URLS["missing"]), path_of(URLS["gone"]))}
    again = crawl(server.base_url, second_db, settings={"DOWNLOAD_TIMEOUT": "2", "RETRY_TIMES": "0"}, timeout=300)
    assert again.stat("newscrawl/incremental/gone") == 2
    assert {path: server.site.hits.get(path, 0) for path in before} == before


@pytest.mark.parametrize("status", ["429", "503"])
def test_retry_after_is_honoured_and_the_page_stored(
    hostile: tuple[FixtureServer, Path, CrawlResult], status: str
) -> None:
    _, db, result = hostile
    url = THROTTLED[status]
    times = result.hit_times[path_of(url)]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.9  # waited as asked, not retried at once
    # One wait for each throttled page, one for the first answer of the page still busy.
    assert result.stat("newscrawl/retry_after/honoured") == 3
    assert logged(result, url, f"HTTP {status}")
    assert rows(db, "SELECT url FROM articles WHERE url = ?", (url,)) == [{"url": url}]


def test_the_last_attempt_is_not_waited_on(hostile: tuple[FixtureServer, Path, CrawlResult]) -> None:
    _, db, result = hostile
    times = result.hit_times[path_of(STILL_BUSY)]
    assert len(times) == 2  # RETRY_TIMES=1
    assert times[1] - times[0] >= 1.9  # the first answer was waited on
    # The second answer is the last attempt: nothing follows it, so it is given up at once.
    assert result.stat("newscrawl/retry_after/no_retry_left") == 1
    assert logged(result, STILL_BUSY, "no retry left, not waiting 2 s")
    assert result.stat("newscrawl/errors/http_503") == 1
    assert rows(db, "SELECT url FROM articles WHERE url = ?", (STILL_BUSY,)) == []


def test_500_is_retried_a_bounded_number_of_times(hostile: tuple[FixtureServer, Path, CrawlResult]) -> None:
    _, _, result = hostile
    assert result.hits[path_of(URLS["error_500"])] == 2  # RETRY_TIMES=1 in this crawl


@pytest.mark.parametrize("fault", sorted(RECOVERED))
def test_bad_bytes_still_give_the_right_article(hostile: tuple[FixtureServer, Path, CrawlResult], fault: str) -> None:
    _, db, _ = hostile
    source = article(RECOVERED[fault])
    # The page and its clean source are one story: whichever came first is the row, the
    # other its alias; either way the row must read right.
    story = rows(
        db,
        "SELECT title, lead, text FROM articles WHERE url IN (?, ?) "
        "OR url IN (SELECT article_url FROM article_aliases WHERE alias_url IN (?, ?))",
        (URLS[fault], source["url"], URLS[fault], source["url"]),
    )
    assert len(story) == 1, fault
    assert story[0]["title"] == source["title"]
    assert story[0]["lead"] == source["lead"]
    assert source["first_sentence"] in story[0]["text"]
    assert "\ufffd" not in story[0]["text"]


def test_page_whose_markup_changed_is_an_extraction_failure_with_its_page_kept(
    hostile: tuple[FixtureServer, Path, CrawlResult],
) -> None:
    _, db, result = hostile
    url = URLS["no_story"]
    assert rows(db, "SELECT url FROM articles WHERE url = ?", (url,)) == []
    failure = rows(db, "SELECT reason FROM extraction_failures WHERE url = ?", (url,))
    assert len(failure) == 1
    assert rows(db, "SELECT count(*) AS n FROM raw_pages WHERE url = ?", (url,)) == [{"n": 1}]
    assert result.stat("item_dropped_reasons_count/ExtractionFailed") == 1
    assert len(logged(result, url, "no story extracted")) == 1


@pytest.mark.parametrize(
    ("kind", "url"), [("feed", "https://laodong.vn/rss/hong.rss"), ("sitemap", "https://laodong.vn/sitemaps/hong.xml")]
)
def test_malformed_feed_and_sitemap_are_reported(
    hostile: tuple[FixtureServer, Path, CrawlResult], kind: str, url: str
) -> None:
    _, _, result = hostile
    assert any(k.startswith(f"newscrawl/errors/bad_{kind}/") for k in result.stats), result.stats
    assert len(logged(result, url, f"bad {kind}")) == 1
