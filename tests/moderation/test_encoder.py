"""The shipped model uses the pretrained sentence encoder beside the hashed n-grams, from the
installed package (nothing downloaded), and records it in its manifest."""

from __future__ import annotations

import json

import numpy as np

from palabre.moderation.model import SHIPPED_DIR, load_model
from palabre.moderation.model.encoder import DIMENSIONS, NAME, embed


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
