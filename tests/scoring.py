"""The shingle metric of the article-extraction benchmark (shared/aeb/README.md).

Tokens are \\w+ runs; each text is a multiset of 4-token shingles; precision and recall are
the multiset overlaps. Used by the golden tests and the quality benchmark.
"""

from __future__ import annotations

import re
from collections import Counter


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text or "")
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def precision_recall(extracted: str, truth: str) -> tuple[float, float]:
    """Per-page precision and recall; an empty truth and empty output score 1."""
    got, want = shingles(extracted), shingles(truth)
    if not got and not want:
        return 1.0, 1.0
    overlap = sum((got & want).values())
    precision = overlap / sum(got.values()) if got else 0.0
    recall = overlap / sum(want.values()) if want else 0.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
