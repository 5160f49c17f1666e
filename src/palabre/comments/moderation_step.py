"""The moderation step: a stored pending comment gets the engine's verdict, its status, the
decision row and an audit row, all in one transaction."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.moderation.findings import CheckContext
from palabre.moderation.verdict import Verdict
from palabre.status import STATUS_FOR
from palabre.storage.models import Comment, Decision, ModerationAction, Thread

log = logging.getLogger(__name__)

# Repeats are looked for in the author's last day. (Flooding is not the engine's business: the
# comments service asks a too-prolific author to wait before anything is stored.)
REPEAT_WINDOW = timedelta(hours=24)


def context_for(session: Session, comment: Comment, now: datetime) -> CheckContext:
    """What the engine may know besides the text, as of `now`: the moment of posting (or of the
    edit) on the post path, and the same moment again when the comment is re-moderated."""
    recent: list[str] = []
    if comment.author_key:
        mine = (Comment.author_key == comment.author_key, Comment.id != comment.id)
        recent = list(
            session.scalars(
                select(Comment.text)
                .where(*mine, Comment.created_at >= now - REPEAT_WINDOW, Comment.created_at <= now)
                .order_by(Comment.created_at.desc())
                .limit(20)
            ).all()
        )
    title = session.scalar(select(Thread.title).where(Thread.id == comment.thread_id)) or ""
    return CheckContext(
        now=now,
        author_key=comment.author_key,
        recent_texts_by_author=tuple(recent),
        thread_title=title,
    )


def apply_verdict(
    session: Session, comment: Comment, verdict: Verdict, now: datetime, actor: str = "système"
) -> Decision:
    """Record the decision and move the comment to its status, with an audit row."""
    decision = Decision(
        comment_id=comment.id,
        decision=verdict.decision,
        reasons=[r.as_dict() for r in verdict.reasons],
        scores={k: round(v, 4) for k, v in verdict.scores.items()},
        corrections=[c.as_dict() for c in verdict.corrections],
        language=verdict.language,
        engine_version=verdict.engine_version,
        charter_version=verdict.charter_version,
        created_at=now,
    )
    session.add(decision)
    session.flush()
    previous = comment.status
    comment.status = STATUS_FOR[verdict.decision]
    session.add(
        ModerationAction(
            comment_id=comment.id,
            actor=actor,
            action=f"auto_{verdict.decision}",
            from_status=previous,
            to_status=comment.status,
            clauses=sorted({r.clause for r in verdict.reasons}),
            note="",
            decision_id=decision.id,
            created_at=now,
        )
    )
    return decision
