"""The status of a comment, and what a decision makes of it.

A comment is `pending` until the engine has decided; then `published`, `held` for a person, or
`rejected`. A `deleted` comment keeps its place in its thread with its text removed. The values
are the strings stored in the database (`comments.status`, the audit's `from_status` and
`to_status`), in the API and in exports: `CommentStatus` is a `StrEnum`, so each member is equal
to its string."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Final, Literal


class CommentStatus(StrEnum):
    PENDING = "pending"
    PUBLISHED = "published"
    HELD = "held"
    REJECTED = "rejected"
    DELETED = "deleted"


# A decision, the engine's (publish, hold, reject) or a person's (also delete), as a verb.
DecisionVerb = Literal["publish", "hold", "reject", "delete"]

STATUS_FOR: Final[Mapping[DecisionVerb, CommentStatus]] = MappingProxyType(
    {
        "publish": CommentStatus.PUBLISHED,
        "hold": CommentStatus.HELD,
        "reject": CommentStatus.REJECTED,
        "delete": CommentStatus.DELETED,
    }
)
VERB_FOR: Final[Mapping[CommentStatus, DecisionVerb]] = MappingProxyType(
    {status: verb for verb, status in STATUS_FOR.items()}
)
# Statuses a reader cannot see the comment in (each one's decision gets a statement of reasons).
RESTRICTING: Final = frozenset({CommentStatus.HELD, CommentStatus.REJECTED, CommentStatus.DELETED})
# Statuses that wait for a decision: the engine's, or a person's.
WAITING: Final = frozenset({CommentStatus.PENDING, CommentStatus.HELD})
# Statuses the engine or a person has decided (not waiting, not deleted).
DECIDED: Final = frozenset({CommentStatus.PUBLISHED, CommentStatus.HELD, CommentStatus.REJECTED})


def verb_for(status: str) -> DecisionVerb | None:
    """The decision that leads to `status` (None for `pending`, or a value that is no status)."""
    try:
        return VERB_FOR.get(CommentStatus(status))
    except ValueError:
        return None
