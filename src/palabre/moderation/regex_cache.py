"""Compiled regular expressions kept ready on disk between processes.

The detectors' rule tables, the learned model's gates, the figurative idioms and the patterns
of palabre's Grammalecte graph matcher (`quality/gc_matcher.py`) are hundreds of patterns, some
of them long alternations of words; `re` parses and compiles every one of them in each new
process (a large share of `palabre check`'s start: docs/benchmarks.md). Grammalecte's own rule
tables are compiled by Grammalecte, with `re`, as it is.
What `re` compiles a pattern to, the code of its matching engine (a list of integers, with
the group names), is a plain value: `compile()` keeps it in palabre's cache directory
(`palabre.moderation.disk_cache`) and the next process hands it straight to the matching
engine, which checks it before use (`_sre.compile` validates the code it is given). The
pattern object is the one `re.compile` makes (same code, same flags; `Pattern.__eq__` compares
them, tests/moderation/test_lazy_loading.py checks it). The file is keyed by the Python
build and the matching engine's version (`_sre.MAGIC`), carries a SHA-256 of its contents
(a damaged file is ignored whole), and is written at exit when new patterns were compiled
(`flush()`, registered with `atexit`). Anything unexpected (another
interpreter, a damaged file, a code the engine refuses) falls back to `re.compile`."""

from __future__ import annotations

import atexit
import hashlib
import logging
import marshal
import re
import sys
import threading
from array import array
from typing import Any

from palabre.moderation.disk_cache import cache_dir, write_atomic

log = logging.getLogger(__name__)
FORMAT = 1
#: At most this many patterns are kept.
MAX_ENTRIES = 20_000
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

_lock = threading.RLock()
_known: dict[tuple[str, int], _Entry] | None = None
_new: dict[tuple[str, int], _Entry] = {}


def _engine() -> Any:
    import _sre  # type: ignore[import-not-found]  # `re`'s engine; its compile() takes code

    return _sre


def _file_name() -> str:
    tag = sys.implementation.cache_tag or sys.implementation.name
    return f"regex-{FORMAT}-{tag}-{sys.hexversion:x}-{_engine().MAGIC}.marshal"


def _load() -> dict[tuple[str, int], _Entry]:
    global _known
    if _known is None:
        with _lock:
            if _known is None:
                found: dict[tuple[str, int], _Entry] = {}
                try:
                    digest, payload = marshal.loads((cache_dir() / _file_name()).read_bytes())
                    if hashlib.sha256(payload).digest() == digest:
                        data = marshal.loads(payload)
                        found = data if isinstance(data, dict) else {}
                except (OSError, ValueError, EOFError, TypeError):
                    pass
                _known = found
    return _known


def _code(pattern: str, flags: int) -> _Entry:
    """What `re._compiler.compile` hands to the matching engine for `pattern`."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    names: dict[str, int] = dict(parsed.state.groupdict)
    index: list[str | None] = [None] * parsed.state.groups
    for name, i in names.items():
        index[i] = name
    packed = array("I", code).tobytes()
    return (flags | parsed.state.flags, packed, parsed.state.groups - 1, names, tuple(index))


def _build(pattern: str, entry: _Entry) -> re.Pattern[str]:
    flags, packed, groups, names, index = entry
    code = array("I")
    code.frombytes(packed)
    compiled: re.Pattern[str] = _engine().compile(
        pattern, flags, code.tolist(), groups, names, index
    )
    return compiled


def compile(pattern: str, flags: int = 0, *, keep: bool = True) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the disk cache when it holds the pattern, else
    compiled (and, with `keep`, written at exit); `re.compile` itself when `re`'s internals are
    not what this module expects (the fallback: nothing cached). With
    `keep=False` a pattern not in the cache is not added to it: for patterns that may be
    made from a comment's words, which have no place on disk."""
    flags = int(flags)
    key = (pattern, flags)
    entry = _load().get(key)
    if entry is not None:
        try:
            return _build(pattern, entry)
        except Exception:  # refused by the engine: compiled again below
            pass
    try:
        entry = _code(pattern, flags)
        compiled = _build(pattern, entry)
    except re.error:
        raise
    except Exception:  # another `re` layout: no caching, plain `re.compile`
        return re.compile(pattern, flags)
    if keep:
        with _lock:
            if len(_new) + len(_load()) < MAX_ENTRIES:
                _new[key] = entry
    return compiled


def flush() -> None:
    """Writes the patterns compiled by this process to the cache file (at exit)."""
    with _lock:
        if not _new:
            return
        merged = {**_load(), **_new}
        _new.clear()
    try:
        payload = marshal.dumps(merged)
        data = marshal.dumps((hashlib.sha256(payload).digest(), payload))
        write_atomic(cache_dir() / _file_name(), data)
    except (OSError, ValueError) as exc:  # a read-only home: compiled again next time
        log.info("regex cache not written (%s)", exc)


atexit.register(flush)
