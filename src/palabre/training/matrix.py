"""From texts to a sparse design matrix, with exactly the inference features."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

from palabre.moderation.model.features import FeatureConfig, Features, extract, weigh

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix


def featurise(texts: Sequence[str], config: FeatureConfig) -> list[Features]:
    return [extract(text, config) for text in texts]


def compute_idf(features: Sequence[Features], size: int) -> npt.NDArray[np.float32]:
    """Smoothed idf, `log((1 + n) / (1 + df)) + 1`, stored as float16 precision."""
    document_frequency = np.zeros(size, dtype=np.float64)
    for item in features:
        document_frequency[item.indices] += 1
    idf = np.log((1 + len(features)) / (1 + document_frequency)) + 1
    return idf.astype(np.float16).astype(np.float32)


def design_matrix(
    features: Sequence[Features], idf: npt.NDArray[np.float32], config: FeatureConfig
) -> csr_matrix:
    from scipy.sparse import csr_matrix

    indptr = [0]
    indices: list[npt.NDArray[np.int64]] = []
    values: list[npt.NDArray[np.float32]] = []
    for item in features:
        indices.append(item.indices)
        values.append(weigh(item, idf, config.word_buckets))
        indptr.append(indptr[-1] + len(item.indices))
    return csr_matrix(
        (np.concatenate(values), np.concatenate(indices), np.asarray(indptr)),
        shape=(len(features), config.size),
        dtype=np.float32,
    )


def embeddings(texts: Sequence[str], batch: int = 64) -> npt.NDArray[np.float32]:
    """The sentence encoder's embeddings of `texts` (links and mentions blanked, as at
    inference)."""
    from palabre.moderation.model.encoder import DIMENSIONS, embed
    from palabre.moderation.model.normalise import blank_links_and_mentions

    cleaned = [blank_links_and_mentions(t) for t in texts]
    parts = [embed(cleaned[i : i + batch]) for i in range(0, len(cleaned), batch)]
    return np.vstack(parts) if parts else np.zeros((0, DIMENSIONS), dtype=np.float32)


def with_embeddings(
    matrix: csr_matrix, vectors: npt.NDArray[np.float32], scale: float
) -> csr_matrix:
    """The n-gram matrix with the scaled embedding columns appended."""
    from scipy.sparse import csr_matrix as sparse
    from scipy.sparse import hstack

    joined: csr_matrix = hstack([matrix, sparse(vectors * scale)], format="csr")
    return joined
