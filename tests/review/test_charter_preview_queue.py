"""The charter preview through the task queue (moderation workers): the same `Preview` as in
the web process, and a bounded wait when no worker answers."""

from __future__ import annotations

import pytest
from huey import MemoryHuey

from palabre.errors import PalabreError
from palabre.moderation.charter import Charter
from palabre.moderation.charter_parse import parse_charter
from palabre.review.charter_preview import register_preview
from palabre.review.charters import file_source, preview, validate

COMMENTS = [
    (1, "Cette saperlipopette de réforme ne passera pas.", "published"),
    (2, "Merci pour cet article clair.", "published"),
]


def _charters() -> tuple[Charter, Charter]:
    current = parse_charter(file_source(), source="charte active")
    proposed = validate(
        file_source().replace(
            "[mots.interdits]\ninsulte = []", '[mots.interdits]\ninsulte = ["saperlipopette"]'
        ),
        current,
    )
    return current, proposed


def test_a_worker_computes_the_same_preview() -> None:
    current, proposed = _charters()
    queued = register_preview(MemoryHuey("t", immediate=True), timeout=30)
    answer = queued(current, proposed, COMMENTS)
    assert answer == preview(current, proposed, COMMENTS)
    assert [row.comment_id for row in answer.changed] == [1]


def test_no_worker_means_a_bounded_wait_then_503() -> None:
    current, proposed = _charters()
    queued = register_preview(MemoryHuey("t"), timeout=0.05)  # nothing consumes the queue
    with pytest.raises(PalabreError) as caught:
        queued(current, proposed, COMMENTS)
    assert caught.value.code == "apercu_indisponible"
