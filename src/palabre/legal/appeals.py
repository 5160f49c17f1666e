"""Appeals (DSA art. 20, internal complaint handling): the author contests a statement of
reasons from its link, for `appeal_days`; the appeal waits in a human queue; a moderator
upholds the decision or reverses it. The engine never decides an appeal. Each step writes an
audit row on the comment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.comments import text as comment_text
from palabre.errors import PalabreError
from palabre.events import DecisionMade, Event
from palabre.legal import statements
from palabre.review.accounts import Moderator
from palabre.review.actions import comment_in_scope
from palabre.status import RESTRICTING, CommentStatus
from palabre.storage.models import Comment, ModerationAction, Thread
from palabre.storage.models_legal import Appeal, Statement

Outcome = Literal["uphold", "reverse"]
STATUS_OF: Final[dict[str, str]] = {"uphold": "upheld", "reverse": "reversed"}
MAX_TEXT: Final = 2000


def file(session: Session, comment_id: int, text: str, now: datetime, appeal_days: int) -> Appeal:
    """The author contests the latest decision on their comment (the caller checked that they
    hold the comment's view token)."""
    body = comment_text.clean_author_free_text(text, MAX_TEXT)
    comment = session.get(Comment, comment_id, with_for_update=True)
    if comment is None:
        raise PalabreError("commentaire_inconnu")
    statement = statements.latest(session, comment_id)
    if statement is None or comment.status not in RESTRICTING:
        raise PalabreError("recours_impossible")
    if now > statement.created_at + timedelta(days=appeal_days):
        raise PalabreError("recours_expire", params={"days": appeal_days})
    if session.scalar(
        select(Appeal.id).where(Appeal.comment_id == comment_id, Appeal.status == "open").limit(1)
    ):
        raise PalabreError("recours_existant")
    appeal = Appeal(
        comment_id=comment_id, statement_id=statement.id, text=body, status="open", created_at=now
    )
    session.add(appeal)
    session.add(
        ModerationAction(
            comment_id=comment_id,
            actor=statements.AUTHOR,
            action="appeal_filed",
            from_status=comment.status,
            to_status=comment.status,
            clauses=[],
            note="recours de l'auteur",
            created_at=now,
        )
    )
    session.flush()
    return appeal


@dataclass(frozen=True, slots=True)
class Decided:
    appeal: Appeal
    comment: Comment
    events: list[Event]
    changed: bool = True


def decide(
    session: Session, moderator: Moderator, appeal_id: int, outcome: Outcome, now: datetime
) -> Decided:
    """A person decides: `reverse` publishes the comment again, `uphold` keeps the decision."""
    if outcome not in STATUS_OF:
        raise PalabreError("action_inconnue", params={"action": str(outcome)[:20]})
    appeal = session.get(Appeal, appeal_id, with_for_update=True)
    if appeal is None:
        raise PalabreError("recours_inconnu")
    comment = comment_in_scope(session, moderator, appeal.comment_id)
    if appeal.status != "open":
        return Decided(appeal, comment, [], changed=False)
    before = comment.status
    events: list[Event] = []
    if outcome == "reverse" and comment.text:
        comment.status = CommentStatus.PUBLISHED
        comment.deleted_at = None
        events.append(
            DecisionMade(comment.id, comment.thread_id, "publish", CommentStatus.PUBLISHED)
        )
    appeal.status = STATUS_OF[outcome]
    appeal.decided_at = now
    appeal.decided_by = moderator.email
    session.add(
        ModerationAction(
            comment_id=comment.id,
            actor=moderator.email,
            action=f"appeal_{STATUS_OF[outcome]}",
            from_status=before,
            to_status=comment.status,
            clauses=[],
            note="",
            created_at=now,
        )
    )
    session.flush()
    return Decided(appeal, comment, events)


@dataclass(frozen=True, slots=True)
class AppealItem:
    appeal: Appeal
    comment: Comment
    thread_title: str
    statement: statements.StatementView


def open_appeals(
    session: Session, site_ids: frozenset[int] | None, appeal_days: int, limit: int = 200
) -> list[AppealItem]:
    """The human queue, oldest first, within the moderator's sites."""
    query = (
        select(Appeal, Comment, Thread)
        .join(Comment, Comment.id == Appeal.comment_id)
        .join(Thread, Thread.id == Comment.thread_id)
        .where(Appeal.status == "open")
    )
    if site_ids is not None:
        query = query.where(Thread.site_id.in_(site_ids or {-1}))
    items: list[AppealItem] = []
    for appeal, comment, thread in session.execute(
        query.order_by(Appeal.created_at, Appeal.id).limit(limit)
    ).all():
        statement = session.get(Statement, appeal.statement_id)
        assert statement is not None
        items.append(
            AppealItem(
                appeal,
                comment,
                thread.title or thread.key,
                statements.view(session, statement, appeal_days),
            )
        )
    return items
