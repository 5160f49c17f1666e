"""The moderation step: a stored pending comment gets the engine's verdict, its status, the
decision row and an audit row, all in one transaction.

The comments service reads and writes with Core statements built once (`read_pending`, then
`comments.modes.record_verdict`): a moderation worker spends its CPU on the engine, not on the
ORM (docs/benchmarks.md, issue 21). `context_for` and `apply_verdict` are the same step on ORM
objects, for the re-moderation of published comments (interop/remoderate.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from palabre.moderation.findings import CheckContext
from palabre.moderation.verdict import Verdict
from palabre.status import STATUS_FOR
from palabre.storage.models import Comment, Decision, ModerationAction, Thread

log = logging.getLogger(__name__)

# Repeats are looked for in the author's last day. (Flooding is not the engine's business: the
# comments service asks a too-prolific author to wait before anything is stored.)
REPEAT_WINDOW = timedelta(hours=24)
SYSTEM: Final = "système"

# The author's other texts of the day before `now`, newest first (built once).
_RECENT_TEXTS: Final = (
    select(Comment.text)
    .where(
        Comment.author_key == bindparam("key"),
        Comment.id != bindparam("comment_id"),
        Comment.created_at >= bindparam("since"),
        Comment.created_at <= bindparam("now"),
    )
    .order_by(Comment.created_at.desc())
    .limit(20)
)
# What the step reads of a comment before the engine runs, with its thread's title.
_PENDING: Final = (
    select(Comment.status, Comment.thread_id, Comment.text, Comment.author_key, Thread.title)
    .join(Thread, Thread.id == Comment.thread_id)
    .where(Comment.id == bindparam("comment_id"))
)


@dataclass(frozen=True, slots=True)
class Pending:
    """A comment as the step reads it before the engine runs: its status then, its thread, its
    text and what the engine may know besides the text."""

    status: str
    thread_id: int
    text: str
    context: CheckContext


def _recent_params(comment_id: int, author_key: str, now: datetime) -> dict[str, Any]:
    return {"key": author_key, "comment_id": comment_id, "since": now - REPEAT_WINDOW, "now": now}


def read_pending(connection: Connection, comment_id: int, now: datetime) -> Pending | None:
    """The comment and its context as of `now` (two statements; one when it has no author
    key or is no longer pending); None when there is no such comment."""
    row = connection.execute(_PENDING, {"comment_id": comment_id}).first()
    if row is None:
        return None
    status, thread_id, text, author_key, title = row
    recent: tuple[str, ...] = ()
    if author_key and status == "pending":
        params = _recent_params(comment_id, author_key, now)
        recent = tuple(connection.execute(_RECENT_TEXTS, params).scalars())
    context = CheckContext(
        now=now, author_key=author_key, recent_texts_by_author=recent, thread_title=title or ""
    )
    return Pending(status, thread_id, text, context)


def context_for(session: Session, comment: Comment, now: datetime) -> CheckContext:
    """What the engine may know besides the text, as of `now`: the moment of posting (or of the
    edit) on the post path, and the same moment again when the comment is re-moderated."""
    recent: list[str] = []
    if comment.author_key:
        params = _recent_params(comment.id, comment.author_key, now)
        recent = list(session.scalars(_RECENT_TEXTS, params).all())
    title = session.scalar(select(Thread.title).where(Thread.id == comment.thread_id)) or ""
    return CheckContext(
        now=now,
        author_key=comment.author_key,
        recent_texts_by_author=tuple(recent),
        thread_title=title,
    )


def decision_values(comment_id: int, verdict: Verdict, now: datetime) -> dict[str, Any]:
    """The decision row of a verdict (its `mode` and `proposed` left to the caller)."""
    return {
        "comment_id": comment_id,
        "decision": verdict.decision,
        "reasons": [r.as_dict() for r in verdict.reasons],
        "scores": {k: round(v, 4) for k, v in verdict.scores.items()},
        "corrections": [c.as_dict() for c in verdict.corrections],
        "language": verdict.language,
        "engine_version": verdict.engine_version,
        "charter_version": verdict.charter_version,
        "created_at": now,
    }


def audit_values(
    comment_id: int,
    verdict: Verdict,
    previous: str,
    decision_id: int,
    now: datetime,
    actor: str = SYSTEM,
) -> dict[str, Any]:
    """The audit row of an automatic decision: who, which clauses, from which status to which."""
    return {
        "comment_id": comment_id,
        "actor": actor,
        "action": f"auto_{verdict.decision}",
        "from_status": previous,
        "to_status": STATUS_FOR[verdict.decision],
        "clauses": sorted({r.clause for r in verdict.reasons}),
        "note": "",
        "decision_id": decision_id,
        "created_at": now,
    }


def apply_verdict(
    session: Session, comment: Comment, verdict: Verdict, now: datetime, actor: str = SYSTEM
) -> Decision:
    """Record the decision and move the comment to its status, with an audit row."""
    decision = Decision(**decision_values(comment.id, verdict, now))
    session.add(decision)
    session.flush()
    previous = comment.status
    comment.status = STATUS_FOR[verdict.decision]
    session.add(
        ModerationAction(**audit_values(comment.id, verdict, previous, decision.id, now, actor))
    )
    return decision
