"""Detector for comments not written in French (category `langue`), with lingua.

The lingua detector is built once, lazily, restricted to a few languages, in its light
low-accuracy mode; a paragraph under `SHORT_CHARS` characters that it gives to another language
is still French when half its words are French words (simplemma's dictionary, which the lexical
detectors load anyway, and a list of invariable and chat words). Links, mentions, hashtags,
numbers and emoji are removed first. Under `MIN_WORDS` words the language is "und" and
nothing is reported. Each paragraph is identified on its own, so a French comment quoting
an English sentence stays French; a comment mostly in another language gets a finding."""

from __future__ import annotations

import importlib.util
import re
import threading
import unicodedata
from typing import TYPE_CHECKING, Any

from palabre.moderation import lemmas
from palabre.moderation.findings import Category, CheckContext, DetectorOutput, Finding, Span

if TYPE_CHECKING:
    from palabre.moderation.charter import Charter

LANGUAGES: tuple[str, ...] = (
    "FRENCH",
    "ENGLISH",
    "GERMAN",
    "SPANISH",
    "ITALIAN",
    "PORTUGUESE",
    "DUTCH",
    "ARABIC",
    "RUSSIAN",
    "TURKISH",
)
MIN_WORDS = 3
#: Below this confidence in a foreign language, a paragraph is given the benefit of French.
MIN_FOREIGN_CONFIDENCE = 0.7
#: A comment whose French share of words is below this gets a finding.
MAX_FOREIGN_SHARE = 0.5
SHORT_CHARS = 200
#: A short paragraph that lingua gives to another language is French when at least this share
#: of its words are French words.
FRENCH_WORDS = 0.5
_MAX_CHARS = 1200  # per paragraph: enough to identify, keeps p99 low
_NOISE = re.compile(r"(?:https?://|www\.)\S+|[@#][\w-]+|\S+@\S+|\d+")
_WORD = re.compile(r"[^\W\d_]{2,}")
_LANGUAGE_NAMES = {
    "en": "anglais",
    "de": "allemand",
    "es": "espagnol",
    "it": "italien",
    "pt": "portugais",
    "nl": "néerlandais",
    "ar": "arabe",
    "ru": "russe",
    "tr": "turc",
}


class LanguageIdentifier:
    """A lingua detector built on first use (thread-safe), in its low-accuracy mode by default:
    16 MB and 0.2 s to load instead of 218 MB and 3 s for the high-accuracy models of the same
    ten languages (eval/language_eval.py). Where that mode errs — short French paragraphs, "Et
    tout ça, en évinçant le gang…" came out English — the detector counts French words."""

    def __init__(self, languages: tuple[str, ...] = LANGUAGES, low_accuracy: bool = True) -> None:
        self._languages = languages
        self._low_accuracy = low_accuracy
        self._detectors: dict[bool, Any] = {}
        self._lock = threading.Lock()

    def _get(self, low_accuracy: bool) -> Any:
        detector = self._detectors.get(low_accuracy)
        if detector is None:
            with self._lock:
                detector = self._detectors.get(low_accuracy)
                if detector is None:
                    from lingua import Language, LanguageDetectorBuilder

                    langs = [getattr(Language, name) for name in self._languages]
                    builder = LanguageDetectorBuilder.from_languages(*langs)
                    if low_accuracy:
                        builder = builder.with_low_accuracy_mode()
                    detector = self._detectors[low_accuracy] = builder.build()
        return detector

    def identify(self, text: str) -> tuple[str, float, float]:
        """(ISO 639-1 code or "und", confidence of that language, confidence of French)."""
        detector = self._get(low_accuracy=self._low_accuracy)
        values = detector.compute_language_confidence_values(text[:_MAX_CHARS])
        if not values:
            return "und", 0.0, 0.0
        french = next((v.value for v in values if v.language.name == "FRENCH"), 0.0)
        top = values[0]
        code = str(top.language.iso_code_639_1.name).lower()
        return code, float(top.value), float(french)


_IDENTIFIER = LanguageIdentifier()


class LanguageDetector:
    """Sets `DetectorOutput.language`; reports comments mostly not in French."""

    name = "langue"
    categories: tuple[Category, ...] = ("langue",)

    def __init__(self, identifier: LanguageIdentifier | None = None) -> None:
        self._identifier = identifier or _IDENTIFIER

    @staticmethod
    def available() -> bool:
        """Whether lingua can be imported (checked without importing it)."""
        return importlib.util.find_spec("lingua") is not None

    def detect(self, text: str, context: CheckContext, charter: Charter) -> DetectorOutput:
        return self.check(text)

    def check(self, text: str) -> DetectorOutput:
        words_by_lang: dict[str, int] = {}
        spans: list[Span] = []
        offset = 0
        for line in text.split("\n"):
            clean = _NOISE.sub(" ", line)
            n = len(_WORD.findall(clean))
            if n >= MIN_WORDS:
                lang = self._paragraph_language(clean)
                words_by_lang[lang] = words_by_lang.get(lang, 0) + n
                if lang not in ("fr", "und"):
                    spans.append(Span(offset, offset + len(line), line))
            offset += len(line) + 1
        total = sum(words_by_lang.values())
        if total < MIN_WORDS:
            whole = _NOISE.sub(" ", text)
            if len(_WORD.findall(whole)) < MIN_WORDS:
                return DetectorOutput(language="und")
            lang = self._paragraph_language(whole)
            words_by_lang = {lang: len(_WORD.findall(whole))}
            total = words_by_lang[lang]
            spans = [Span(0, len(text), text)] if lang not in ("fr", "und") else []
        language = max(words_by_lang, key=lambda k: words_by_lang[k])
        french_share = words_by_lang.get("fr", 0) / total
        if french_share >= MAX_FOREIGN_SHARE or language == "und":
            return DetectorOutput(language="fr" if french_share >= MAX_FOREIGN_SHARE else language)
        name = _LANGUAGE_NAMES.get(language, language)
        finding = Finding(
            category="langue",
            score=round(min(1.0, 0.6 + 0.4 * (1.0 - french_share)), 4),
            spans=tuple(spans),
            explanation=(
                f"Commentaire rédigé surtout en {name} "
                f"({round(100 * (1 - french_share))} % des mots ne sont pas en "
                "français) ; la charte demande un commentaire en français."
            ),
            detector=self.name,
        )
        return DetectorOutput(findings=(finding,), language=language)

    def _paragraph_language(self, text: str) -> str:
        code, confidence, french = self._identifier.identify(text)
        if code != "fr" and confidence < MIN_FOREIGN_CONFIDENCE and french > 0.1:
            return "fr"
        if code != "fr" and len(text) < SHORT_CHARS and french_word_share(text) >= FRENCH_WORDS:
            return "fr"  # the light mode errs on short French paragraphs: their words tell
        return code


def french_word_share(text: str) -> float:
    """The share of the words of `text` found in simplemma's French dictionary (which the
    lexical detectors load anyway: no memory of its own)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0
    known = sum(1 for w in words if _fold(w) in SMALL_FRENCH_WORDS or lemmas.is_known(w))
    return known / len(words)


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


# Words simplemma's dictionary leaves out (invariable words) and chat French, accents folded.
_SMALL_FRENCH_WORDS = """
    au aux avec ce ces cet cette dans de des du elle elles en et est es il ils je la le les leur
    leurs lui ma mais me mes moi mon ne ni nos notre nous on ou par pas pour que qui sa sans se
    ses si son sont sur ta te tes toi ton tu un une vos votre vous ca cela ceci ici la-bas voila
    voici oui non si trop tres plus moins bien mal tout tous toute toutes rien jamais toujours
    deja encore aussi comme donc car alors quand puis quoi dont chez vers entre contre depuis
    pendant avant apres sous selon parmi ya y'a bah ben bon ouais mouais hein quoi ptdr mdr lol
    tg tqt jsp jpp wsh wesh stp svp bcp pcq pk pq mtn tkt dsl vrmt jvais chui chuis cc slt bjr
"""
SMALL_FRENCH_WORDS: frozenset[str] = frozenset(_SMALL_FRENCH_WORDS.split())
