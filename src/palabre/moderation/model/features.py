"""Hashed features: word uni/bigrams, lexicon hits, character 2–5-grams within words, and
(optionally) words marked as negated (`n:`, the 4 words after « ne », « pas », « jamais »…)
or quoted (`q:`, inside « », " " or “ ”), so that counter-speech can weigh differently.

Hashes are stable across processes and machines (CRC-32 for words, a fixed multiplicative
hash for character n-grams), never Python's salted `hash()`. Training builds its matrices
with `extract()` and `weigh()` below, so inference sees exactly the same features."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from palabre.moderation.model.normalise import Token, tokenise

_MASK: Final = np.uint64(0xFFFFFFFF)
_MULT: Final = np.uint64(0x01000193)
_MIX: Final = np.uint64(0x2C1B3C6D)
_SEED: Final = 0x9E3779B1
_MAX_LEXICON_WORDS: Final = 3

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """How a text becomes a vector: bucket counts, n-gram sizes and the lexicon."""

    word_buckets: int = 1 << 18
    char_buckets: int = 1 << 18
    char_min: int = 2
    char_max: int = 5
    #: also emit `n:word` for words just after a negation and `q:word` for quoted words
    context_marks: bool = False
    #: normalised word or phrase -> lexicon classes ("insulte", "grossierete", "haine")
    lexicon: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: first words of the lexicon's phrases (derived, for speed)
    phrase_starts: frozenset[str] = field(default=frozenset(), init=False, compare=False)

    def __post_init__(self) -> None:
        starts = frozenset(key.split(" ", 1)[0] for key in self.lexicon if " " in key)
        object.__setattr__(self, "phrase_starts", starts)

    @property
    def size(self) -> int:
        return self.word_buckets + self.char_buckets

    def to_json(self) -> dict[str, Any]:
        return {
            "word_buckets": self.word_buckets,
            "char_buckets": self.char_buckets,
            "char_min": self.char_min,
            "char_max": self.char_max,
            "context_marks": self.context_marks,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], lexicon: dict[str, tuple[str, ...]]) -> FeatureConfig:
        return cls(
            word_buckets=int(data["word_buckets"]),
            char_buckets=int(data["char_buckets"]),
            char_min=int(data["char_min"]),
            char_max=int(data["char_max"]),
            context_marks=bool(data.get("context_marks", False)),
            lexicon=lexicon,
        )


@dataclass(frozen=True, slots=True)
class Features:
    """The features of one text. `indices`/`counts` are the sparse vector (sorted, unique);
    `occ_*` list every occurrence with the token it belongs to, for evidence."""

    tokens: list[Token]
    indices: IntArray
    counts: FloatArray
    occ_index: IntArray
    occ_token: IntArray
    occ_share: FloatArray


def word_bucket(key: str, buckets: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % buckets


_NEGATIONS: Final = frozenset(
    {"ne", "n", "pas", "jamais", "aucun", "aucune", "non", "rien", "ni", "sans", "plus"}
)
_NEGATION_SCOPE: Final = 4
_QUOTES: Final = re.compile(r"«[^»]{1,300}»|\"[^\"]{1,300}\"|“[^”]{1,300}”")


def _context_features(
    text: str, tokens: list[Token], config: FeatureConfig
) -> tuple[list[int], list[int], list[float]]:
    index: list[int] = []
    owner: list[int] = []
    share: list[float] = []
    quoted = [(m.start(), m.end()) for m in _QUOTES.finditer(text)]
    scope = 0
    for position, token in enumerate(tokens):
        if token.text in _NEGATIONS:
            scope = _NEGATION_SCOPE
            continue
        if scope > 0:
            index.append(word_bucket("n:" + token.text, config.word_buckets))
            owner.append(position)
            share.append(1.0)
            scope -= 1
        if any(start <= token.start < end for start, end in quoted):
            index.append(word_bucket("q:" + token.text, config.word_buckets))
            owner.append(position)
            share.append(1.0)
    return index, owner, share


def _word_features(
    tokens: list[Token], config: FeatureConfig
) -> tuple[list[int], list[int], list[float]]:
    index: list[int] = []
    owner: list[int] = []
    share: list[float] = []
    words = [token.text for token in tokens]
    for position, word in enumerate(words):
        index.append(word_bucket("w:" + word, config.word_buckets))
        owner.append(position)
        share.append(1.0)
        if position + 1 < len(words):
            bucket = word_bucket("b:" + word + " " + words[position + 1], config.word_buckets)
            index.extend((bucket, bucket))
            owner.extend((position, position + 1))
            share.extend((0.5, 0.5))
    if config.lexicon:
        _lexicon_features(words, config, index, owner, share)
    return index, owner, share


def _lexicon_features(
    words: list[str], config: FeatureConfig, index: list[int], owner: list[int], share: list[float]
) -> None:
    for start, word in enumerate(words):
        sizes = range(1, _MAX_LEXICON_WORDS + 1) if word in config.phrase_starts else (1,)
        for size in sizes:
            if start + size > len(words):
                break
            key = word if size == 1 else " ".join(words[start : start + size])
            for kind in config.lexicon.get(key, ()):
                bucket = word_bucket("lex:" + kind, config.word_buckets)
                for position in range(start, start + size):
                    index.append(bucket)
                    owner.append(position)
                    share.append(1.0 / size)


def _char_features(tokens: list[Token], config: FeatureConfig) -> tuple[IntArray, IntArray]:
    if not tokens:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    padded = "".join(" " + token.text + " " for token in tokens)
    codes = np.frombuffer(padded.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    owner = np.repeat(
        np.arange(len(tokens), dtype=np.int64),
        np.fromiter((len(token.text) + 2 for token in tokens), dtype=np.int64, count=len(tokens)),
    )
    all_index: list[IntArray] = []
    all_owner: list[IntArray] = []
    for size in range(config.char_min, config.char_max + 1):
        count = len(codes) - size + 1
        if count <= 0:
            break
        hashed = np.full(count, (_SEED * size) & 0xFFFFFFFF, dtype=np.uint64)
        for offset in range(size):
            hashed = (hashed * _MULT + codes[offset : offset + count]) & _MASK
        hashed ^= hashed >> np.uint64(15)
        hashed = (hashed * _MIX) & _MASK
        hashed ^= hashed >> np.uint64(13)
        valid = owner[:count] == owner[size - 1 : size - 1 + count]
        buckets = (hashed[valid] % np.uint64(config.char_buckets)).astype(np.int64)
        all_index.append(buckets + config.word_buckets)
        all_owner.append(owner[:count][valid])
    return np.concatenate(all_index), np.concatenate(all_owner)


def extract(text: str, config: FeatureConfig) -> Features:
    """All features of `text`, with the token each occurrence belongs to."""
    tokens = tokenise(text)
    word_index, word_owner, word_share = _word_features(tokens, config)
    if config.context_marks:
        extra = _context_features(text, tokens, config)
        word_index, word_owner, word_share = (
            word_index + extra[0],
            word_owner + extra[1],
            word_share + extra[2],
        )
    char_index, char_owner = _char_features(tokens, config)
    occ_index = np.concatenate([np.asarray(word_index, dtype=np.int64), char_index])
    occ_token = np.concatenate([np.asarray(word_owner, dtype=np.int64), char_owner])
    occ_share = np.concatenate(
        [np.asarray(word_share, dtype=np.float32), np.ones(len(char_index), dtype=np.float32)]
    )
    indices = np.zeros(0, dtype=np.int64)
    counts = np.zeros(0, dtype=np.float32)
    if len(occ_index):
        indices, inverse = np.unique(occ_index, return_inverse=True)
        counts = np.bincount(inverse, weights=occ_share).astype(np.float32)
    return Features(tokens, indices.astype(np.int64), counts, occ_index, occ_token, occ_share)


def weigh(features: Features, idf: FloatArray, word_buckets: int) -> FloatArray:
    """Sublinear tf × idf, each block (words, characters) scaled to unit length."""
    counts = features.counts
    values = (1.0 + np.log(np.maximum(counts, 1e-6), dtype=np.float32)) * idf[features.indices]
    values = np.where(counts < 1.0, counts * idf[features.indices], values).astype(np.float32)
    is_word = features.indices < word_buckets
    for block in (is_word, ~is_word):
        norm = float(np.sqrt(np.sum(values[block] ** 2)))
        if norm > 0:
            values[block] /= norm
    return values.astype(np.float32, copy=False)
