import pytest

from newscrawl.middlewares import parse_cookie_challenge

REPORTED = (
    b'<html><body><script>\n  document.cookie="D1N=f285439134a8cf7f29629a33ce23fbd4"+"; expires=Fri, 31 Dec 2099 '
    b'23:59:59 GMT; path=/";\n  window.location.reload(true);\n</script></body></html>'
)


def test_reported_laodong_cookie_page_is_recognised() -> None:
    assert parse_cookie_challenge(REPORTED) == ("D1N", "f285439134a8cf7f29629a33ce23fbd4")


def test_cookie_value_computed_from_string_pieces() -> None:
    page = b"<script>document.cookie = 'D1N=' + 'abc' + \"def\" + '; path=/'; location.reload();</script>"
    assert parse_cookie_challenge(page) == ("D1N", "abcdef")


@pytest.mark.parametrize(
    "page",
    [
        b"<html><body><p>Tin tuc</p></body></html>",
        b"<rss><channel><item><title>document.cookie</title></item></channel></rss>",
        REPORTED + b" " * 5000,  # a real page that happens to mention it
    ],
)
def test_ordinary_pages_are_not_challenges(page: bytes) -> None:
    assert parse_cookie_challenge(page) is None
