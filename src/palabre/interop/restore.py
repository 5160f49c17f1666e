"""What only a palabre export carries, restored as is: decisions, reports and audit rows of each
comment, and the subscriptions of each thread."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.interop.model import History
from palabre.storage.models import Decision, ModerationAction, Report, Subscription
from palabre.storage.models_review import Ban


def restore_history(
    session: Session, comment_id: int, history: History, decision_ids: dict[int, int]
) -> None:
    """`decision_ids` maps the export's decision ids to the new ones (for audit rows)."""
    for row in history.decisions:
        decision = Decision(comment_id=comment_id, **_without(row, "id", "comment_id"))
        session.add(decision)
        session.flush()
        decision_ids[int(row["id"])] = decision.id
    for row in history.reports:
        session.add(Report(comment_id=comment_id, **_without(row, "id", "comment_id")))
    for row in history.audit:
        old = row.get("decision_id")
        session.add(
            ModerationAction(
                comment_id=comment_id,
                decision_id=decision_ids.get(int(old)) if old is not None else None,
                **_without(row, "id", "comment_id", "decision_id"),
            )
        )


def restore_subscription(session: Session, thread_id: int, row: dict[str, Any]) -> None:
    """Adds the subscription unless this address already follows this thread."""
    exists = session.scalar(
        select(Subscription.id).where(
            Subscription.thread_id == thread_id, Subscription.email == row["email"]
        )
    )
    if exists is None:
        session.add(Subscription(thread_id=thread_id, **_without(row, "id", "thread_id")))


def restore_ban(
    session: Session, site_id: int, comment_id: int | None, row: dict[str, Any]
) -> None:
    """Adds the ban unless the same one (author and date) is already recorded for the site."""
    exists = session.scalar(
        select(Ban.id).where(
            Ban.site_id == site_id,
            Ban.author_key.is_(None)
            if row.get("author_key") is None
            else Ban.author_key == row["author_key"],
            Ban.author_email.is_(None)
            if row.get("author_email") is None
            else Ban.author_email == row["author_email"],
            Ban.created_at == row["created_at"],
        )
    )
    if exists is None:
        fields = _without(row, "id", "comment_id")
        session.add(Ban(site_id=site_id, comment_id=comment_id, **fields))


def _without(row: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in keys}
