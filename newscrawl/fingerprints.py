"""Content identity: an exact hash and a MinHash signature for near-duplicates.

Two stories are near-duplicates when the estimated Jaccard similarity of their word
5-shingles is at least ``NEAR_DUPLICATE_THRESHOLD`` (0.8): a republished story with a new
headline and a few words changed scores well above it; two different stories on the
same event score far below. LSH bands (16 bands x 8 rows) find candidates by index.
"""

from __future__ import annotations

import hashlib
import struct

from datasketch import MinHash

from newscrawl.text import fold_diacritics, normalize_for_hash

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
NEAR_DUPLICATE_THRESHOLD = 0.8
# Shorter texts are not compared for near-duplicates: a few words do not make a story.
MIN_WORDS_FOR_NEAR = 30


def content_hash(text: str) -> str:
    """SHA-256 of the normalised text: the same story text gives the same hash."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


def minhash_signature(text: str) -> bytes | None:
    """Packed MinHash of the word shingles, or None for a text too short to compare."""
    words = fold_diacritics(normalize_for_hash(text)).split()
    if len(words) < MIN_WORDS_FOR_NEAR:
        return None
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}
    signature.update_batch(list(shingles))
    return struct.pack(f"<{NUM_PERM}I", *(int(v) & 0xFFFFFFFF for v in signature.hashvalues))


def lsh_bands(signature: bytes) -> list[str]:
    """One bucket key per band: stories sharing any bucket are candidates."""
    values = struct.unpack(f"<{NUM_PERM}I", signature)
    keys = []
    for band in range(BANDS):
        chunk = struct.pack(f"<{ROWS}I", *values[band * ROWS : (band + 1) * ROWS])
        keys.append(f"{band}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return keys


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    a = struct.unpack(f"<{NUM_PERM}I", first)
    b = struct.unpack(f"<{NUM_PERM}I", second)
    same: int = sum(x == y for x, y in zip(a, b, strict=True))
    return same / NUM_PERM


def article_fingerprint(article: dict[str, object]) -> tuple[str, bytes | None]:
    """(content hash, MinHash) of an article's text, or of its lead when it has no text
    (a video story): one call for a worker process."""
    text = str(article.get("text") or article.get("lead") or "")
    return content_hash(text), minhash_signature(text)
