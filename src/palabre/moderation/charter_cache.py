"""What detectors derive from a charter once and reuse for every comment checked against it (the
lexicon with the charter's words, the spelling settings). It is kept beside the charter, not in
it: the charter stays immutable, and what was derived from it goes when it goes."""

from __future__ import annotations

import threading
import weakref

from palabre.moderation.charter_types import Charter

_LOCK = threading.Lock()
_DERIVED: dict[int, dict[str, object]] = {}


def derived(charter: Charter) -> dict[str, object]:
    """The table of what was derived from this very charter object (empty at first)."""
    key = id(charter)
    with _LOCK:
        table = _DERIVED.get(key)
        if table is None:
            table = _DERIVED[key] = {}
            weakref.finalize(charter, _forget, key)
    return table


def _forget(key: int) -> None:
    with _LOCK:
        _DERIVED.pop(key, None)
