"""The shipped learned model: artefact integrity, lazy loading, features, scores, evidence."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from palabre.moderation.detectors.base import Detector
from palabre.moderation.detectors.learned import LearnedDetector
from palabre.moderation.findings import CheckContext
from palabre.moderation.model import HEADS, SHIPPED_DIR, ModelArtefactError, load_model
from palabre.moderation.model.artefact import (
    ARTEFACT_FILES,
    load_directory,
    read_manifest,
    sha256_of,
)
from palabre.moderation.model.features import FeatureConfig, extract, word_bucket
from palabre.moderation.model.normalise import tokenise
from palabre.training.datasets import EVAL_ONLY, TRAINABLE

MAX_ARTEFACT_BYTES = 15 * 1024 * 1024


def _reference_char_bucket(gram: str, buckets: int, offset: int) -> int:
    """Pure-Python copy of the vectorised character n-gram hash."""
    value = (0x9E3779B1 * len(gram)) & 0xFFFFFFFF
    for char in gram:
        value = (value * 0x01000193 + ord(char)) & 0xFFFFFFFF
    value ^= value >> 15
    value = (value * 0x2C1B3C6D) & 0xFFFFFFFF
    value ^= value >> 13
    return value % buckets + offset


def test_manifest_records_hashes_heads_sources_and_metrics() -> None:
    manifest = read_manifest(SHIPPED_DIR)
    for name in ARTEFACT_FILES:
        assert manifest["files"][name] == sha256_of(SHIPPED_DIR / name)
    assert manifest["heads"] == list(HEADS)
    assert manifest["splits"]["seed"] == manifest["training"]["split_seed"]
    trained_on = {d["source"] for d in manifest["data"] if d["use"] == "entraînement"}
    assert "cyberagression_fr" not in trained_on
    assert "toxifrench_fr" in manifest["metrics"]["test"]
    size = sum((SHIPPED_DIR / name).stat().st_size for name in (*ARTEFACT_FILES, "manifest.json"))
    assert size < MAX_ARTEFACT_BYTES


def test_non_commercial_data_is_evaluation_only() -> None:
    assert "cyberagression_fr" in EVAL_ONLY
    assert "cyberagression_fr" not in TRAINABLE
    shipped = " ".join(
        (SHIPPED_DIR / name).read_text("utf-8") for name in ("config.json", "lexicon.json")
    )
    assert "hurtlex" not in shipped.lower()


def test_a_tampered_artefact_is_refused(tmp_path: Path) -> None:
    for name in (*ARTEFACT_FILES, "manifest.json"):
        shutil.copyfile(SHIPPED_DIR / name, tmp_path / name)
    config = json.loads((tmp_path / "config.json").read_text("utf-8"))
    config["heads"][0]["threshold"] = 0.01
    (tmp_path / "config.json").write_text(json.dumps(config), "utf-8")
    with pytest.raises(ModelArtefactError, match="SHA-256"):
        load_directory(tmp_path)


def test_a_missing_artefact_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ModelArtefactError, match="introuvable"):
        load_directory(tmp_path)


def test_importing_does_not_load_the_model() -> None:
    code = (
        "import palabre.moderation.model as m, palabre.moderation.detectors.learned;"
        "print(m._load.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_model_is_loaded_once_quickly_and_exposes_its_version() -> None:
    start = time.perf_counter()
    load_directory(SHIPPED_DIR)
    assert time.perf_counter() - start < 1.0
    assert load_model() is load_model()
    assert LearnedDetector().model_version == read_manifest(SHIPPED_DIR)["version"]


def test_hashes_are_stable() -> None:
    assert word_bucket("w:connard", 1 << 18) == zlib.crc32(b"w:connard") % (1 << 18) == 149710
    config = FeatureConfig(word_buckets=1024, char_buckets=1024)
    features = extract("con", config)
    grams = {" con "[i : i + n] for n in range(2, 6) for i in range(6 - n)}
    expected = {_reference_char_bucket(g, 1024, 1024) for g in grams}
    expected.add(word_bucket("w:con", 1024))
    assert set(features.indices.tolist()) == expected


def test_negated_and_quoted_words_get_their_own_features() -> None:
    plain = FeatureConfig(word_buckets=1 << 16, char_buckets=1 << 10)
    marked = FeatureConfig(word_buckets=1 << 16, char_buckets=1 << 10, context_marks=True)
    text = "Je ne suis pas idiot, il a dit « sale menteur »."
    extra = set(extract(text, marked).indices.tolist()) - set(extract(text, plain).indices.tolist())
    expected = {
        word_bucket(k, 1 << 16) for k in ("n:suis", "n:idiot", "n:il", "q:sale", "q:menteur")
    }
    assert expected <= extra
    assert FeatureConfig.from_json(plain.to_json() | {"context_marks": True}, {}).context_marks


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("T'es qu'un c0nn@rd !", ["t", "es", "qu", "un", "connard"]),
        ("c.o.n.n.a.r.d", ["connard"]),
        ("connnnnard", ["connard"]),
        ("Œuvre déjà vue @user", ["oeuvre", "deja", "vue"]),
        ("Rendez-vous à 14h30", ["rendez", "vous", "a", "14h30"]),
    ],
)
def test_normalisation_undoes_obfuscation(text: str, words: list[str]) -> None:
    tokens = tokenise(text)
    assert [t.text for t in tokens] == words
    assert all(text[t.start : t.end] for t in tokens)


@pytest.mark.parametrize(
    "text",
    [
        "c\u043e\u043fn\u0430rd",  # Cyrillic о, п… look-alikes: « соnnаrd »
        "con\u200bnard",  # a zero-width space inside the word
        "c0nn@rd",
        "CONNARD",
    ],
)
def test_the_model_and_the_rule_detectors_read_the_same_word(text: str) -> None:
    """One normaliser: the model's tokens and the rule detectors' words agree, look-alike
    letters and invisible characters included."""
    from palabre.moderation.normalize import fold, words

    rule_words = [w.form for w in words(fold(text))]
    assert [t.text for t in tokenise(text)] == rule_words


def test_scores_are_probabilities() -> None:
    """Speed is measured by bench/engine_bench.py and eval/model_eval.py, not here."""
    model = load_model()
    for i in range(20):
        scores = model.score(f"Commentaire numéro {i} : je trouve cet article très intéressant.")
        assert set(scores) == set(HEADS)
        assert all(0.0 <= p <= 1.0 for p in scores.values())


def test_detector_follows_the_protocol_and_points_at_the_words() -> None:
    detector = LearnedDetector()
    assert isinstance(detector, Detector)
    text = "Ferme ta gueule, espèce de sale connard."
    output = detector.detect(text, CheckContext(), None)  # type: ignore[arg-type]
    assert "insulte" in {f.category for f in output.findings}
    finding = next(f for f in output.findings if f.category == "insulte")
    assert finding.detector == "modele-appris"
    assert detector.model_version in finding.explanation
    assert all(text[s.start : s.end] == s.text for s in finding.spans)
    assert "connard" in {s.text for s in finding.spans}


def test_detector_stays_quiet_on_a_kind_comment() -> None:
    output = LearnedDetector().detect(
        "Merci pour cet article très clair, j'ai appris beaucoup de choses.",
        CheckContext(),
        None,  # type: ignore[arg-type]
    )
    assert output.findings == ()


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list('aeéœÆß0@$! .«»"c.o-n_*\u0301\u200bİﬁ😀\n')), max_size=60)
)
def test_any_text_scores_and_spans_point_into_it(text: str) -> None:
    model = load_model()
    analysis = model.analyse(text)
    assert all(0.0 <= p <= 1.0 for p in analysis.scores.values())
    for token in analysis.features.tokens:
        assert 0 <= token.start < token.end <= len(text)
    for head in HEADS:
        for span in model.evidence(analysis, head):
            assert text[span.start : span.end] == span.text
