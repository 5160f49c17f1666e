"""The Grammalecte wrapper and the helpers under palabre.moderation.quality."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from typing import Any

import pytest

from palabre.demo.seeds import load_seed
from palabre.moderation.quality.analysis import checked_end
from palabre.moderation.quality.dawg import strip_accents, walker
from palabre.moderation.quality.grammalecte_checker import get_checker, iter_paragraphs
from palabre.moderation.quality.masks import covered, english_spans, merge, skip_spans
from palabre.moderation.quality.names import at_sentence_start, looks_like_name, name_set
from palabre.moderation.quality.verbless import verbless_issues

pytest.importorskip("grammalecte", reason="optional language-quality dependency")

CHECKER = get_checker()
SENTENCES = (
    "Les enfants de Gaza massacrés chaque jour pour un sac de farine.",
    "Il faut que tu viennes demain, sinon ils se fâcheront contre nous.",
    "Ils a mangé les pomme que tu m’avais donné hier soir.",
    "C’est parfaitement coherent que les macron ne soient pas convies.",
    "Quel vision a Poutine de Trump après l’épisode iranien ?",
)


def test_grammalecte_is_not_loaded_at_import() -> None:
    code = (
        "import sys, palabre.moderation.detectors.spelling, "
        "palabre.moderation.detectors.language; "
        "print('grammalecte' in sys.modules, 'lingua' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_checker_is_a_singleton_and_caches_paragraphs() -> None:
    assert get_checker() is CHECKER
    options = CHECKER.options_for({})
    assert not options["apos"] and not options["nbsp"] and not options["typo"]
    first = CHECKER.check_paragraph(SENTENCES[2], options)
    assert CHECKER.check_paragraph(SENTENCES[2], options) is first
    assert first.grammar


def test_faster_memoised_matcher_gives_grammalecte_results() -> None:
    """palabre's parser (a `TextParser` subclass with the memoising matcher) finds what
    Grammalecte's own `parse()`, left as it is, finds."""
    from grammalecte.fr import gc_engine

    options = CHECKER.options_for({})

    def found(errors: Iterable[dict[str, Any]]) -> list[tuple[int, int, str]]:
        return sorted((e["nStart"], e["nEnd"], e["sRuleId"]) for e in errors)

    texts = [*SENTENCES, *(c.text for c in load_seed("seed-003").comments)]
    CHECKER.spell_checker()  # loaded
    parser = CHECKER._parser
    assert issubclass(parser, gc_engine.TextParser) and parser is not gc_engine.TextParser
    with_memo = [found(parser(s).parse("FR", dOptions=options)) for s in texts]
    grammalecte = [found(gc_engine.parse(s, "FR", dOptions=options)) for s in texts]
    assert with_memo == grammalecte
    assert any(with_memo)


def _errors(errors: Iterable[dict[str, Any]]) -> list[tuple[int, list[tuple[str, str]]]]:
    return sorted((e["nStart"], sorted((k, str(v)) for k, v in e.items())) for e in errors)


def test_memoised_sentence_pass_gives_grammalecte_results() -> None:
    """The sentence memo (gc_sentences.py, in palabre's `TextParser` subclass) replays a
    sentence's effect only where parsing it gives the same errors: compared, every error field,
    with Grammalecte's own `parse()` (its own class, left as it is) on the seeds and on
    paragraphs made of the same sentences moved, repeated and edited, under two option sets."""
    from grammalecte.fr import gc_engine

    CHECKER.spell_checker()
    parser = CHECKER._parser
    assert vars(parser)["parse"].__module__ == "palabre.moderation.quality.grammalecte_checker"
    seeds = [
        c.text.replace("\n", " ") for s in ("seed-000", "seed-003") for c in load_seed(s).comments
    ]
    parts = [*SENTENCES, *seeds]
    paragraphs = [*parts]
    for i in range(len(parts)):
        moved = parts[i:] + parts[:i]
        paragraphs.append(" ".join(moved[:4]))
        paragraphs.append(" ".join([*moved[:2], "Tu as raison, je l’ai vu hier.", *moved[2:4]]))
        paragraphs.append(" ".join(moved[:4]).replace("e ", "é ", 2))
        paragraphs.append(" ".join([moved[0], moved[0], moved[1]]))
    replayed = parser.sentence_pass.replayed
    for options in (CHECKER.options_for({}), CHECKER.options_for({"maj": True, "virg": True})):
        with_memo = [_errors(parser(p).parse("FR", dOptions=options)) for p in paragraphs]
        again = [_errors(parser(p).parse("FR", dOptions=options)) for p in paragraphs]
        grammalecte = [_errors(gc_engine.parse(p, "FR", dOptions=options)) for p in paragraphs]
        assert with_memo == again == grammalecte
        assert sum(map(len, grammalecte)) > 20
    assert parser.sentence_pass.replayed - replayed > len(paragraphs)  # the memo answered
    assert 0 < len(parser.sentence_pass.memo) <= 8192


def test_memoised_graph_pass_gives_grammalecte_results() -> None:
    """palabre's `parseGraph` (gc_graph.py: the rule graphs walked with a memo of where each
    node leads for each token) finds what Grammalecte's own `parseGraph` finds, every error
    field, whether its memo is empty or already holds every token (each paragraph parsed by a
    parser class of its own, without the sentence memo, so every sentence is walked)."""
    from grammalecte.fr import gc_engine

    from palabre.moderation.quality.grammalecte_checker import _text_parser_class

    CHECKER.spell_checker()
    fresh = _text_parser_class()
    assert vars(fresh)["parseGraph"].__module__ == "palabre.moderation.quality.gc_graph"

    class Walked(fresh):  # type: ignore[misc, valid-type]
        def parse(self, *args: Any, **kwargs: Any) -> Any:
            return gc_engine.TextParser.parse(self, *args, **kwargs)

    seeds = [c.text for s in ("seed-000", "seed-003") for c in load_seed(s).comments]
    paragraphs = [p for t in (*SENTENCES, *seeds) for _, p in iter_paragraphs(t)]
    for options in (CHECKER.options_for({}), CHECKER.options_for({"maj": True, "virg": True})):
        cold = [_errors(Walked(p).parse("FR", dOptions=options)) for p in paragraphs]
        warm = [_errors(Walked(p).parse("FR", dOptions=options)) for p in paragraphs]
        grammalecte = [_errors(gc_engine.parse(p, "FR", dOptions=options)) for p in paragraphs]
        assert cold == warm == grammalecte
        assert sum(map(len, grammalecte)) > 20


def test_has_word_finds_what_the_word_boundary_pattern_finds() -> None:
    """`has_word` (no pattern compiled per word) agrees with `re.search(r"\\bWord\\b", text)`,
    word characters of every kind (accents, digits, « ² », « _ », a combining accent)."""
    import random
    import re

    from palabre.moderation.quality.analysis import has_word

    letters = list("Aaéb_ 1²-’'.\u0301ÉçXx\u00a0٣Ⅻ")
    draw = random.Random(3)
    found = 0
    for _ in range(20_000):
        text = "".join(draw.choice(letters) for _ in range(draw.randint(0, 12)))
        word = "".join(draw.choice(letters) for _ in range(draw.randint(1, 3)))
        expected = re.search(r"\b" + re.escape(word) + r"\b", text) is not None
        assert has_word(text, word) == expected, (text, word)
        found += expected
    assert found > 100


def test_paragraph_offsets() -> None:
    text = "Un.\n\n  \nDeux trois.\nQuatre"
    assert [(o, p) for o, p in iter_paragraphs(text)] == [
        (0, "Un."),
        (8, "Deux trois."),
        (20, "Quatre"),
    ]


def test_accent_variants_and_near_words() -> None:
    walk = walker(CHECKER.spell_checker())
    assert walk.accent_variants("ete")[0] == "été"
    assert walk.accent_variants("Amerique") == ("Amérique",)
    assert walk.accent_variants("coeur") == ("cœur",)
    assert walk.accent_variants("tete")[0] == "tête"
    assert walk.accent_variants("maison") == ()
    assert "meurent" in walk.near_words("meurrent")
    assert "quotidien" in walk.near_words("quotidient")
    assert "Rothschild" in walk.near_words("Rothshild")
    assert strip_accents("Été à Noël") == "Ete a Noel"


def test_masks() -> None:
    text = "Lisez https://x.fr/a-b et @marc #Poutine : 12,5 % le 15.08.2025 à 10h30."
    spans = skip_spans(text)
    for token in ("https://x.fr/a-b", "@marc", "#Poutine", "12,5", "15.08.2025", "10h30"):
        start = text.index(token)
        assert covered(spans, start, start + len(token)), token
    assert not covered(spans, 0, 5)
    assert merge([(5, 8), (0, 3), (2, 4)]) == ((0, 4), (5, 8))


def test_english_spans() -> None:
    text = 'Il a dit : "I don’t want people to die" puis il est parti.'
    (span,) = english_spans(text, CHECKER.is_valid)
    assert text[span[0] : span[1]] == '"I don’t want people to die"'
    assert english_spans("On me dit « on me le dit » souvent.", CHECKER.is_valid) == ()
    run = "Il a répondu guess who will remain in Moscow hier."
    assert english_spans(run, CHECKER.is_valid)


def test_name_heuristics() -> None:
    text = "Trump élimine Zelensky. Mufoncol Tshiyoyo écrit. Calui qui parle."
    names = name_set(["Jean-Luc Mélenchon"])
    assert {"jean-luc", "jean", "luc", "mélenchon"} <= names
    assert at_sentence_start(text, 0) and at_sentence_start(text, text.index("Mufoncol"))
    assert not at_sentence_start(text, text.index("Zelensky"))

    def is_name(word: str) -> bool:
        start = text.index(word)
        return looks_like_name(text, start, start + len(word), names)

    assert is_name("Zelensky") and is_name("Mufoncol") and is_name("Tshiyoyo")
    assert not is_name("Calui")


def test_verbless_clause() -> None:
    text = "Cette guerre coûte cher, et le temps jour pour les Russes. Le grand théâtre continu."
    found = {
        i.text: i.suggestions[0] for i in verbless_issues(text, CHECKER.morph, CHECKER.homophones)
    }
    assert found == {"jour": "joue", "continu": "continue"}
    for clean in (
        "Le président russe prend la parole.",
        "Un message géopolitique limpide",
        "Le gros lard dans les tribunes qui prend trois places.",
        "La rencontre entre Vladimir Poutine et Donald Trump à Anchorage.",
    ):
        assert verbless_issues(clean, CHECKER.morph, CHECKER.homophones) == [], clean


def test_checked_end() -> None:
    text = "Un deux trois. Quatre cinq six. Sept huit."
    assert checked_end(text, 100) == len(text)
    assert text[: checked_end(text, 4)] == "Un deux trois. Quatre cinq six. "
