"""A comment's status: the stored strings, and one decision → status map with its inverse."""

from __future__ import annotations

from typing import get_args

from palabre.moderation.verdict import Action
from palabre.review.actions import TARGET, Verb
from palabre.status import STATUS_FOR, VERB_FOR, CommentStatus, DecisionVerb, verb_for


def test_the_stored_values_are_the_strings_of_before() -> None:
    assert [str(s) for s in CommentStatus] == [
        "pending",
        "published",
        "held",
        "rejected",
        "deleted",
    ]
    stored: str = "held"  # as read back from the database
    assert stored == CommentStatus.HELD and f"{CommentStatus.HELD}" == "held"


def test_every_decision_has_one_status_and_back() -> None:
    assert set(STATUS_FOR) == set(get_args(DecisionVerb))
    assert set(get_args(Action)) <= set(STATUS_FOR)  # the engine's decisions
    assert set(get_args(Verb)) == set(TARGET)  # a moderator's
    assert {verb: VERB_FOR[status] for verb, status in STATUS_FOR.items()} == {
        verb: verb for verb in STATUS_FOR
    }
    assert verb_for("held") == "hold" and verb_for("pending") is None
    assert verb_for("archivé") is None
