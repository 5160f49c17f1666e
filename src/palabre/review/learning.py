"""Moderators' decisions as training examples for the learned model (`palabre train`).

A comment a person published is an example of acceptable text for every head. A comment a person
rejected is toxic, and an example of each category the engine's reasons named — but only when
those reasons name a category the model learns: a comment rejected for its spelling teaches
nothing about insults. Only the last human decision counts, so an undone one is left out."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.moderation.model.heads import HEADS
from palabre.status import CommentStatus
from palabre.storage.models import Comment, Decision, ModerationAction

HUMAN_VERDICTS = {"publish": 0, "reject": 1}
SYSTEM_ACTORS = ("système", "auteur", "RGPD", "re-modération")


def moderator_examples(session: Session) -> list[tuple[str, dict[str, int]]]:
    actions = session.scalars(
        select(ModerationAction)
        .where(
            ModerationAction.actor.not_in(SYSTEM_ACTORS),
            ~ModerationAction.actor.startswith("import"),
        )
        .order_by(ModerationAction.comment_id, ModerationAction.id)
    ).all()
    last: dict[int, ModerationAction] = {}
    for action in actions:
        last[action.comment_id] = action
    examples: list[tuple[str, dict[str, int]]] = []
    for comment_id, action in last.items():
        if action.action not in HUMAN_VERDICTS:
            continue
        comment = session.get(Comment, comment_id)
        if comment is None or not comment.text.strip() or comment.status == CommentStatus.DELETED:
            continue
        labels = _labels(session, comment_id, HUMAN_VERDICTS[action.action])
        if labels:
            examples.append((comment.text, labels))
    return examples


def _labels(session: Session, comment_id: int, toxic: int) -> dict[str, int]:
    if not toxic:
        return dict.fromkeys(HEADS, 0)
    decision = session.scalars(
        select(Decision).where(Decision.comment_id == comment_id).order_by(Decision.id.desc())
    ).first()
    named = _categories(decision.reasons if decision else []) & set(HEADS)
    if not named:
        return {}
    return {"toxicite": 1, **dict.fromkeys(sorted(named), 1)}


def _categories(reasons: Sequence[object]) -> set[str]:
    return {str(r.get("category")) for r in reasons if isinstance(r, dict)}
