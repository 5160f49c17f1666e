"""simplemma's French lemmas and vocabulary, with its French dictionary kept ready on disk.

simplemma decodes its French dictionary (250,000 forms, a compressed front-coded file) the first
time a word is looked up in a process: about 0.2 s of CPU, a fair share of `palabre check`'s
start. The decoded dictionary (a plain `bytes → bytes` mapping) is kept with `marshal` in
palabre's cache directory (`palabre.moderation.disk_cache`), keyed by simplemma's version and
data file; reading it back takes about a third of that. The lemmatiser and the lookup are
simplemma's own classes (`Lemmatizer`, `DefaultStrategy`, `DictionaryLookupStrategy`) over the
same dictionary, so `lemmatize` and `is_known` answer exactly as `simplemma.lemmatize(…,
lang="fr")` and `simplemma.is_known(…, lang="fr")` do. simplemma itself is imported on the
first call, never at import."""

from __future__ import annotations

import logging
import marshal
import threading
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from palabre.moderation.disk_cache import cache_dir, file_key, write_atomic

log = logging.getLogger(__name__)
FORMAT = 1
LANG = "fr"
_lock = threading.Lock()


def _decoded(directory: Path | None = None) -> dict[bytes, bytes]:
    """simplemma's French dictionary, from the cache when it holds it."""
    from importlib.metadata import version

    from simplemma.strategies.dictionaries import dictionary_factory as factory

    source = factory.DATA_FOLDER / f"{LANG}.plzma"
    path = (directory or cache_dir()) / (
        f"simplemma-{LANG}-{file_key(source, version('simplemma'), FORMAT)}.marshal"
    )
    try:
        cached = marshal.loads(path.read_bytes())
        if isinstance(cached, dict) and cached:
            return cached
    except (OSError, ValueError, EOFError, TypeError):
        pass
    decoded = factory._load_dictionary_from_disk(LANG)
    try:
        write_atomic(path, marshal.dumps(decoded))
    except (OSError, ValueError) as exc:  # a read-only home: decoded again next time
        log.info("simplemma dictionary cache not written (%s)", exc)
    return decoded


class _Factory:
    """A simplemma `DictionaryFactory`: French from the cache, any other language from
    simplemma's own factory."""

    def __init__(self) -> None:
        self._french: Mapping[str, str] | None = None

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DEFAULT_DICTIONARY_FACTORY,
            MappingStrToByteString,
        )

        if lang != LANG:
            return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        if self._french is None:
            with _lock:
                if self._french is None:
                    self._french = MappingStrToByteString(_decoded())
        return self._french


@lru_cache(maxsize=1)
def _tools() -> tuple[Any, Any]:
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

    factory = _Factory()
    lemmatizer = Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory))
    return lemmatizer, DictionaryLookupStrategy(factory)


def lemmatize(form: str) -> str:
    """`simplemma.lemmatize(form, lang="fr")`."""
    return str(_tools()[0].lemmatize(form, LANG))


def is_known(word: str) -> bool:
    """`simplemma.is_known(word, lang="fr")`: whether `word` is a form of the dictionary."""
    if not isinstance(word, str) or not word:
        raise ValueError("a word is needed")
    return _tools()[1].get_lemma(unicodedata.normalize("NFC", word), LANG) is not None
