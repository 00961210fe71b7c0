import pytest

from newscrawl.sites import get_profile, profile_for_url
from newscrawl.urls import normalize_url, registered_host, same_site


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("http://www.laodong.vn/the-gioi/a-1234567.ldo", "https://laodong.vn/the-gioi/a-1234567.ldo"),
        ("https://LAODONG.VN/the-gioi/a-1234567.ldo#binh-luan", "https://laodong.vn/the-gioi/a-1234567.ldo"),
        ("https://amp.laodong.vn/the-gioi/a-1234567.ldo", "https://laodong.vn/the-gioi/a-1234567.ldo"),
        (
            "https://m.laodong.vn/the-gioi/a-1234567.ldo?utm_source=fb&utm_medium=x",
            "https://laodong.vn/the-gioi/a-1234567.ldo",
        ),
        ("https://vnexpress.net/a-4683356.html?fbclid=abc&page=2", "https://vnexpress.net/a-4683356.html?page=2"),
    ],
)
def test_variants_of_a_story_url_normalise_to_one_key(variant: str, canonical: str) -> None:
    assert normalize_url(variant) == canonical


def test_registered_host_keeps_real_subdomains() -> None:
    assert registered_host("www.laodong.vn") == "laodong.vn"
    assert registered_host("e.vnexpress.net") == "e.vnexpress.net"
    assert same_site("https://amp.laodong.vn/x", "https://laodong.vn/y")
    assert not same_site("https://laodong.vn/x", "https://vnexpress.net/y")


@pytest.mark.parametrize(
    ("url", "is_article"),
    [
        ("https://laodong.vn/video-xa-hoi/giat-minh-voi-nhung-tac-hai-1328243.ldo", True),
        ("https://laodong.vn/the-gioi/trieu-tien-lai-phong-thu-ten-lua-1450101.ldo", True),
        ("https://www.laodong.vn/the-gioi/trieu-tien-1450101.ldo", True),
        ("https://laodong.vn/the-gioi", False),
        ("https://laodong.vn/the-gioi?page=2", False),
        ("https://laodong.vn/rss/the-gioi.rss", False),
        ("https://laodong.vn/tags/trieu-tien-123.ldo", False),
        ("https://vnexpress.net/trieu-tien-1450101.ldo", False),
        ("ftp://laodong.vn/the-gioi/a-1450101.ldo", False),
    ],
)
def test_laodong_article_urls_end_in_id_ldo(url: str, is_article: bool) -> None:
    assert get_profile("laodong").is_article_url(url) is is_article


def test_pages_of_unknown_sites_have_no_profile() -> None:
    assert profile_for_url("https://example.com/news/1.html") is None
    assert profile_for_url("https://amp.laodong.vn/x-1.ldo").name == "laodong"
