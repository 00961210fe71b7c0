"""Content identity: an exact hash and a MinHash signature for near-duplicates.

Two stories are near-duplicates when the estimated Jaccard similarity of their word
5-shingles is at least ``NEAR_DUPLICATE_THRESHOLD`` (0.8): a republished story with a new
headline and a few words changed scores well above it; two different stories on the
same event score far below. LSH bands (16 bands x 8 rows) find candidates by index.
"""

from __future__ import annotations

import hashlib
import struct

import numpy as np
import numpy.typing as npt

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
    return _hash_normalized(normalize_for_hash(text))


def _hash_normalized(normalized: str) -> str:
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def minhash_signature(text: str) -> bytes | None:
    """Packed MinHash of the word shingles, or None for a text too short to compare."""
    return _minhash_normalized(normalize_for_hash(text))


def _minhash_normalized(normalized: str) -> bytes | None:
    words = fold_diacritics(normalized).split()
    if len(words) < MIN_WORDS_FOR_NEAR:
        return None
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8") for i in range(len(words) - SHINGLE_WORDS + 1)}
    return struct.pack(f"<{NUM_PERM}I", *_minhash(shingles).tolist())


# MinHash as datasketch 2.0 computes it by default ("affine32": the first 4 bytes of SHA-1,
# MurmurHash3's finaliser, then NUM_PERM odd affine permutations mod 2**32, seed 1), written
# out here so a worker does not load datasketch's scipy (about 50 MB per process). Stored
# signatures stay comparable with those datasketch made.
_RANDOM = np.random.RandomState(1)
_A = _RANDOM.randint(0, 1 << 31, NUM_PERM, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
_B = _RANDOM.randint(0, 1 << 32, NUM_PERM, dtype=np.uint32)


def _minhash(shingles: set[bytes]) -> npt.NDArray[np.uint32]:
    first_bytes = b"".join(hashlib.sha1(s, usedforsecurity=False).digest()[:4] for s in shingles)
    hashes = np.frombuffer(first_bytes, dtype="<u4").astype(np.uint32).reshape(-1, 1)
    hashes ^= hashes >> np.uint32(16)
    hashes *= np.uint32(0x85EBCA6B)
    hashes ^= hashes >> np.uint32(13)
    hashes *= np.uint32(0xC2B2AE35)
    hashes ^= hashes >> np.uint32(16)
    permuted: npt.NDArray[np.uint32] = (hashes * _A + _B).min(axis=0)
    return permuted


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
    normalized = normalize_for_hash(str(article.get("text") or article.get("lead") or ""))
    return _hash_normalized(normalized), _minhash_normalized(normalized)
