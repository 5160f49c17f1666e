"""What detectors derive from a charter is kept beside it, not in the frozen charter."""

from __future__ import annotations

import gc
from dataclasses import fields, replace

from palabre.moderation import charter_cache
from palabre.moderation.charter import Charter, default_charter
from palabre.moderation.detectors._lexicon import charter_lexicon


def test_derived_once_per_charter_and_dropped_with_it() -> None:
    assert "cache" not in {f.name for f in fields(Charter)}
    charter = replace(default_charter(), source="copie")
    lexicon = charter_lexicon(charter)
    assert charter_lexicon(charter) is lexicon
    assert charter_lexicon(replace(charter, banned_words={"insulte": ("zorglub",)})) is not lexicon
    key = id(charter)
    assert key in charter_cache._DERIVED
    del charter, lexicon
    gc.collect()
    assert key not in charter_cache._DERIVED
