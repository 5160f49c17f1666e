"""The moderation step: stored pending first, then one decision with reasons and an audit row;
a failing engine holds the comment; pending comments are resumed exactly once."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select

from palabre.comments.service import CommentService, NewComment
from palabre.comments.sites import ensure_site
from palabre.moderation.charter_engine import default_engine
from palabre.moderation.findings import CheckContext
from palabre.moderation.verdict import Verdict
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.migrate import upgrade
from palabre.storage.models import Comment, Decision, ModerationAction
from palabre_testing import CLEAN


class BrokenEngine:
    """A moderator whose every check fails, as an engine crash would."""

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        raise RuntimeError("dictionnaire introuvable")


def _service(db: Database, settings: Settings, moderator: object) -> CommentService:
    upgrade(db.engine)
    with db.session() as session:
        ensure_site(session, "default", "Site", [], datetime.now(UTC))
    return CommentService(db, moderator, settings)  # type: ignore[arg-type]


def test_a_failing_engine_holds_the_comment_with_a_reason(db: Database, settings: Settings) -> None:
    service = _service(db, settings, BrokenEngine())
    result = service.post(NewComment(site="default", thread="t", text=CLEAN))
    assert result.decision == "hold"
    assert result.comment.status == "held"
    with db.session() as session:
        decision = session.scalars(select(Decision)).one()
        action = session.scalars(select(ModerationAction)).one()
    assert decision.reasons[0]["clause"] == "moteur"
    assert "dictionnaire introuvable" in decision.reasons[0]["explanation"]
    assert (action.from_status, action.to_status) == ("pending", "held")


def test_pending_comments_are_resumed_exactly_once(db: Database, settings: Settings) -> None:
    service = _service(db, settings, default_engine())
    posted = service.post(NewComment(site="default", thread="t", text=CLEAN))
    # Simulate a crash between the durable insert and the moderation step.
    with db.session() as session:
        crashed = Comment(
            thread_id=posted.comment.thread_id,
            text="Un avis posé avant la panne.",
            html="<p>Un avis posé avant la panne.</p>",
            status="pending",
            created_at=datetime.now(UTC),
            edit_nonce="abcd",
        )
        session.add(crashed)
        session.flush()
        crashed_id = crashed.id
    assert service.moderate_pending() == 1
    assert service.moderate_pending() == 0
    with db.session() as session:
        stored = session.get(Comment, crashed_id)
        assert stored is not None and stored.status == "published"
        decisions = session.scalar(
            select(func.count(Decision.id)).where(Decision.comment_id == crashed_id)
        )
        audits = session.scalar(
            select(func.count(ModerationAction.id)).where(ModerationAction.comment_id == crashed_id)
        )
    assert (decisions, audits) == (1, 1)


def test_every_decision_records_engine_and_charter_versions(
    db: Database, settings: Settings
) -> None:
    service = _service(db, settings, default_engine())
    service.post(NewComment(site="default", thread="t", text=CLEAN))
    with db.session() as session:
        decision = session.scalars(select(Decision)).one()
    assert decision.engine_version and decision.charter_version
