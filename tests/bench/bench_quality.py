"""Extraction quality: newscrawl against plain trafilatura, on the same pages, in one run.

Usage, from the repository root::

    python tests/bench/bench_quality.py

Two page sets:

* the article-extraction benchmark in ``<shared>/aeb`` (181 English pages with their
  human-checked article body): precision, recall and F1 of the shingle metric
  (``tests/scoring.py``; precision and recall averaged over pages, F1 from the averages);
* the Vietnamese golden fixtures in ``tests/fixtures/golden``: F1 of the same metric against
  ``expected_text.txt`` and how many related-tile / ``must_not_contain`` strings leaked.

``<shared>`` is ``<repo>/../shared`` unless ``NEWSCRAWL_SHARED`` names another folder.
A page where newscrawl raises ``ExtractionError`` counts as empty output. Times are wall
clock per page on this machine: compare the two extractors within one run only.
Not collected by pytest (the file name starts with ``bench_``). ``-v`` also lists the AEB
pages where the two extractors differ by more than 0.02 F1. The exit status is 1 when a
quality target is missed (AEB F1 below trafilatura's, Vietnamese F1 below 0.97, a leak).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import trafilatura  # noqa: E402

from newscrawl.extraction import ExtractionError, extract_article  # noqa: E402
from newscrawl.text import clean_article  # noqa: E402


def _load_scoring() -> object:
    """tests/scoring.py by path: ``tests`` is not a package, and a stray one may shadow it."""
    spec = importlib.util.spec_from_file_location("newscrawl_bench_scoring", REPO / "tests" / "scoring.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {REPO / 'tests' / 'scoring.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


scoring = _load_scoring()
precision_recall: Callable[[str, str], tuple[float, float]] = scoring.precision_recall  # type: ignore[attr-defined]
f1: Callable[[float, float], float] = scoring.f1  # type: ignore[attr-defined]

Extractor = Callable[[bytes, str], str]


@dataclass(frozen=True)
class Page:
    name: str
    url: str
    html: bytes
    truth: str
    must_not_contain: tuple[str, ...] = ()


@dataclass
class Score:
    precision: float = 0.0
    recall: float = 0.0
    leaks: int = 0
    pages: int = 0
    seconds: float = 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)


def newscrawl_text(html: bytes, url: str) -> str:
    """The stored text field: extract_article, then clean_article; no story is empty text."""
    try:
        article = extract_article(html, url)
    except ExtractionError:
        return ""
    return str(clean_article(article.to_dict())["text"] or "")


def trafilatura_text(html: bytes, url: str) -> str:
    """trafilatura with its defaults, as a user without newscrawl would call it."""
    return trafilatura.extract(html) or ""


def shared_dir() -> Path:
    override = os.environ.get("NEWSCRAWL_SHARED")
    return Path(override) if override else REPO.parent / "shared"


def aeb_pages(folder: Path) -> Iterator[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for page_id in sorted(truth):
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        yield Page(page_id, entry.get("url") or "", html, entry.get("articleBody") or "")


def golden_pages(folder: Path) -> Iterator[Page]:
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        yield Page(
            case.name,
            meta["url"],
            (case / "page.html").read_bytes(),
            (case / "expected_text.txt").read_text(encoding="utf-8"),
            tuple(expected.get("must_not_contain") or ()),
        )


def score(pages: list[Page], extractor: Extractor) -> tuple[Score, dict[str, tuple[float, int]]]:
    """Averaged precision/recall, leak count and time of one extractor over the pages."""
    total = Score()
    per_page: dict[str, tuple[float, int]] = {}
    for page in pages:
        started = time.perf_counter()
        text = extractor(page.html, page.url)
        total.seconds += time.perf_counter() - started
        p, r = precision_recall(text, page.truth)
        leaks = sum(1 for s in page.must_not_contain if s in text)
        total.precision += p
        total.recall += r
        total.leaks += leaks
        total.pages += 1
        per_page[page.name] = (f1(p, r), leaks)
    if total.pages:
        total.precision /= total.pages
        total.recall /= total.pages
    return total, per_page


def main() -> int:
    shared = shared_dir()
    aeb = list(aeb_pages(shared / "aeb"))
    golden = list(golden_pages(REPO / "tests" / "fixtures" / "golden"))
    extractors: dict[str, Extractor] = {"newscrawl": newscrawl_text, "trafilatura": trafilatura_text}
    verbose = "-v" in sys.argv[1:]

    print(f"AEB ({shared / 'aeb'}): {len(aeb)} pages")
    print(f"{'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'ms/page':>8}")
    aeb_per_page = {}
    aeb_totals = {}
    for name, extractor in extractors.items():
        result, aeb_per_page[name] = score(aeb, extractor)
        aeb_totals[name] = result
        ms = 1000 * result.seconds / max(result.pages, 1)
        print(f"{name:<12} {result.precision:>9.4f} {result.recall:>7.4f} {result.f1:>6.4f} {ms:>8.1f}")

    print(f"\nVietnamese golden fixtures: {len(golden)} pages")
    print(f"{'extractor':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'leaks':>6} {'ms/page':>8}")
    golden_per_page = {}
    golden_totals = {}
    for name, extractor in extractors.items():
        result, golden_per_page[name] = score(golden, extractor)
        golden_totals[name] = result
        ms = 1000 * result.seconds / max(result.pages, 1)
        print(
            f"{name:<12} {result.precision:>9.4f} {result.recall:>7.4f} {result.f1:>6.4f} {result.leaks:>6d} {ms:>8.1f}"
        )

    print(f"\n{'golden case':<28} {'newscrawl F1':>12} {'leaks':>5} {'trafilatura F1':>14} {'leaks':>5}")
    for page in golden:
        (ours, our_leaks), (theirs, their_leaks) = (golden_per_page[n][page.name] for n in extractors)
        print(f"{page.name:<28} {ours:>12.3f} {our_leaks:>5d} {theirs:>14.3f} {their_leaks:>5d}")
    if verbose:
        print(f"\n{'AEB page':<16} {'newscrawl F1':>12} {'trafilatura F1':>14}")
        for page in aeb:
            ours, theirs = (aeb_per_page[n][page.name][0] for n in extractors)
            if abs(ours - theirs) > 0.02:
                print(f"{page.name[:16]:<16} {ours:>12.3f} {theirs:>14.3f}")

    ours_golden = golden_totals["newscrawl"]
    targets = {
        "AEB F1 of newscrawl >= trafilatura's": aeb_totals["newscrawl"].f1 >= aeb_totals["trafilatura"].f1,
        "Vietnamese F1 >= 0.97": ours_golden.f1 >= 0.97,
        "no related tile or must_not_contain string in the text": ours_golden.leaks == 0,
    }
    print()
    for target, met in targets.items():
        print(f"{'met ' if met else 'MISSED'} {target}")
    return 0 if all(targets.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
