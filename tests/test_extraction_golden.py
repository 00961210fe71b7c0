"""Golden cases: real news pages in, the article a reader sees out.

Each folder in tests/fixtures/golden/ holds a real page (origin in SOURCES.tsv), meta.json
(its URL) and expected.json / expected_text.txt written by reading the page, never from the
extractor's output. A site profile without a golden case fails the suite.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newscrawl.extraction import ExtractionError, extract_article
from newscrawl.sites import all_profiles, profile_for_url
from newscrawl.text import clean_article, split_paragraphs
from tests.scoring import f1, precision_recall

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "expected.json").exists())
# Fields compared exactly (section: the page's most specific breadcrumb level).
EXACT = (
    "title",
    "lead",
    "authors",
    "source_credit",
    "published_at",
    "modified_at",
    "canonical_url",
    "image_url",
    "section",
    "tags",
)


def load(case: str) -> tuple[dict[str, Any], dict[str, Any], str]:
    folder = GOLDEN / case
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    article = clean_article(extract_article((folder / "page.html").read_bytes(), meta["url"]).to_dict())
    return article, expected, (folder / "expected_text.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES)
def test_metadata_matches_the_page(case: str) -> None:
    article, expected, _ = load(case)
    for field in EXACT:
        assert article[field] == expected[field], field


@pytest.mark.parametrize("case", CASES)
def test_text_is_the_story_and_only_the_story(case: str) -> None:
    article, expected, truth = load(case)
    text = article["text"]
    leaked = [snippet for snippet in expected["must_not_contain"] if snippet in text]
    assert leaked == []
    missing = [sentence for sentence in expected["must_contain"] if sentence not in text]
    assert missing == []
    if expected["first_sentence"]:
        # The story opens with it (after an in-body subheading at most).
        assert expected["first_sentence"] in text[: len(expected["first_sentence"]) + 200]
        assert expected["last_sentence"] in text[-len(expected["last_sentence"]) - 200 :]
    else:
        assert text == ""
    if expected["lead"]:
        assert not text.startswith(expected["lead"][:80])
    precision, recall = precision_recall(text, truth)
    assert f1(precision, recall) >= 0.95, (precision, recall)


@pytest.mark.parametrize("case", CASES)
def test_paragraphs_are_the_pages_paragraphs(case: str) -> None:
    """The story comes in the paragraphs the page shows, none merged or split (tienphong 2026
    has nine <p> that a fast trafilatura reading returns as one)."""
    article, _, truth = load(case)
    assert split_paragraphs(article["text"] or "") == split_paragraphs(truth)


def test_related_tiles_are_kept_as_links() -> None:
    article, expected, _ = load("nhandan_2026_976641")
    titles = {link["title"] for link in article["related"]}
    assert titles & set(expected["must_not_contain"])
    assert [link["position"] for link in article["related"]] == list(range(1, len(article["related"]) + 1))


@pytest.mark.parametrize("profile", all_profiles(), ids=lambda p: p.name)
def test_every_site_profile_has_a_golden_case(profile: Any) -> None:
    covered = {
        profile_for_url(json.loads((GOLDEN / case / "meta.json").read_text())["url"]).name
        for case in CASES
        if profile_for_url(json.loads((GOLDEN / case / "meta.json").read_text())["url"])
    }
    assert profile.name in covered, (
        f"site profile {profile.name!r} has no golden case: copy a real page of the site into "
        f"tests/fixtures/golden/<case>/page.html with meta.json (url), and write expected.json and "
        f"expected_text.txt by reading the page (see tests/fixtures/golden/SOURCES.tsv for provenance)"
    )


def test_pages_read_as_an_unknown_site_still_give_their_story() -> None:
    """Without a profile (a site newscrawl does not know, a redesign its profile misses) the
    generic path still finds each story: trafilatura's fallback extractors are asked when its
    fast reading finds little (old vnexpress and tienphong markup: nothing at all)."""
    recalls, f1s = {}, []
    for case in CASES:
        folder = GOLDEN / case
        try:
            article = extract_article((folder / "page.html").read_bytes(), "https://example.com/tin-tuc/bai-viet")
            text = str(clean_article(article.to_dict())["text"] or "")
        except ExtractionError:
            text = ""
        precision, recall = precision_recall(text, (folder / "expected_text.txt").read_text(encoding="utf-8"))
        recalls[case] = recall
        f1s.append(f1(precision, recall))
    assert {case: r for case, r in recalls.items() if r < 0.7} == {}
    assert sum(f1s) / len(f1s) >= 0.95
