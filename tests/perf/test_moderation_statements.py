"""What a moderation worker asks of the database for one pending comment (the `moderate_comment`
task: `CommentService.moderate_one`, wired as `palabre worker` wires it): a fixed, small number
of statements on SQLite and PostgreSQL, counted on the DB-API connections; and what it writes,
the same as the ORM step wrote (decision, audit row, status, review report in `post` mode).
docs/benchmarks.md, issue 21."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from palabre.comments.service import CommentService
from palabre.events import EventBus
from palabre.moderation.findings import CATEGORIES, CheckContext, Correction, Span
from palabre.moderation.verdict import Action, Reason, Verdict
from palabre.notifications.subscriber import NotificationSubscriber
from palabre.notifications.tasks import Tasks, build_huey
from palabre.review.charters import CharterAwareModerator, CharterSource
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Comment, Decision, ModerationAction, Report
from palabre.storage.models_legal import Statement
from palabre.web.app import create_app
from palabre_testing import CLEAN, THREAD
from read_path_testing import statements

# The comment with its thread's title; the author's texts of the day (the repeat detector);
# the active charter version (a new one is followed from the next comment on); then, in one
# transaction, the comment locked with the modes of its thread and site, the decision, the
# status, the audit row; last, whether any webhook is registered (nothing to enqueue else).
# A hold or a reject adds its statement of reasons (storage/statement_rows.py).
# (The ORM step took 12: the comment read whole twice, the title, the thread and the site
# apart, and the decision's mode and proposal in a second UPDATE.)
MODERATION_STATEMENTS = 8
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


class Fixed:
    """An engine that proposes `decision` (with a reason, unless it publishes) and remembers
    what it was given."""

    def __init__(self, decision: Action = "publish") -> None:
        self.decision: Action = decision
        self.seen: list[tuple[str, CheckContext | None]] = []

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        self.seen.append((text, context))
        if self.decision == "publish":
            return Verdict("publish", (), dict.fromkeys(CATEGORIES, 0.0), "fr")
        reason = Reason(
            "C2", "Pas d'insulte.", "insulte", self.decision, 0.91234, (Span(0, 5, "Merci"),), "x"
        )
        scores = {**dict.fromkeys(CATEGORIES, 0.0), "insulte": 0.912345}
        correction = Correction(6, 10, "Accord", ("pour",))
        return Verdict(
            self.decision, (reason,), scores, "fr", (correction,), "moteur/1", "charte-2026"
        )


@pytest.fixture
def web(settings: Settings, db: Database) -> Iterator[TestClient]:
    """The web side of `moderation_in_worker`: it stores comments pending and queues them."""
    app = create_app(settings.replace(moderation_in_worker=True), db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        yield client


def worker(settings: Settings, db: Database, engine: Fixed) -> CommentService:
    """The worker's comments service as `cli/worker_wiring.py` builds it: the engine behind the
    active charter version, the notifications subscribed to its decisions."""
    settings = settings.replace(moderation_in_worker=True)
    events = EventBus()
    events.subscribe(NotificationSubscriber(Tasks(build_huey(settings), settings, db)))
    moderator = CharterAwareModerator(CharterSource(db), engine)
    return CommentService(db, moderator, settings, events, clock=lambda: NOW)


def pending(web: TestClient, text: str, **extra: Any) -> int:
    res = web.post("/api/comments", json={"thread": THREAD, "text": text, **extra})
    assert res.status_code == 201, res.text
    assert res.json()["moderation"]["decision"] == "pending"
    return int(res.json()["comment"]["id"])


def test_moderating_a_comment_takes_a_fixed_number_of_statements(
    web: TestClient, settings: Settings, db: Database
) -> None:
    engine = Fixed()
    service = worker(settings, db, engine)
    ids = [pending(web, f"{CLEAN} ({i})", email="l@example.org") for i in range(4)]
    service.moderate_one(ids[0])  # the first one warms what is built once
    counted = []
    for comment_id in ids[1:]:
        with statements(db) as seen:
            assert service.moderate_one(comment_id) == "publish"
        counted.append(len(seen))
    assert counted == [MODERATION_STATEMENTS] * 3
    with statements(db) as seen:  # a queued duplicate: read, found decided, nothing written
        assert service.moderate_one(ids[1]) == "publish"
    assert len(seen) == 1
    engine.decision = "hold"
    held = pending(web, f"{CLEAN} (retenu)", email="l@example.org")
    with statements(db) as seen:  # a hold: its statement of reasons too (DSA art. 17)
        assert service.moderate_one(held) == "hold"
    assert len(seen) == MODERATION_STATEMENTS + 1


def test_the_engine_gets_the_text_and_its_context(
    web: TestClient, settings: Settings, db: Database
) -> None:
    engine = Fixed()
    service = worker(settings, db, engine)
    first = pending(web, "Premier avis sur la question.", email="a@example.org")
    pending(web, "Un autre lecteur, une autre adresse.", email="b@example.org")
    second = pending(web, "Second avis sur la question.", email="a@example.org")
    with db.session() as session:  # as posted an hour before the worker's clock
        for comment in session.scalars(select(Comment)):
            comment.created_at = NOW - timedelta(hours=1)
    service.moderate_one(second)
    service.moderate_one(first)
    (text, context), (_, earlier) = engine.seen
    assert text == "Second avis sur la question."
    assert context is not None and earlier is not None
    assert context.now == NOW
    assert context.recent_texts_by_author == ("Premier avis sur la question.",)
    assert earlier.recent_texts_by_author == ("Second avis sur la question.",)
    assert context.thread_title == ""
    assert context.author_key and context.author_key == earlier.author_key


@pytest.mark.parametrize(
    ("mode", "proposed", "applied", "status", "report"),
    [
        ("engine", "reject", "reject", "rejected", False),
        ("engine", "hold", "hold", "held", False),
        ("pre", "publish", "hold", "held", False),
        ("post", "hold", "publish", "published", True),
    ],
)
def test_the_decision_and_its_audit_row_are_recorded(
    web: TestClient,
    settings: Settings,
    db: Database,
    mode: str,
    proposed: Action,
    applied: str,
    status: str,
    report: bool,
) -> None:
    service = worker(settings.replace(moderation_mode=mode), db, Fixed(proposed))
    comment_id = pending(web, CLEAN)
    assert service.moderate_one(comment_id) == applied
    assert service.moderate_one(comment_id) == applied  # idempotent: nothing more written
    with db.session() as session:
        comment = session.get(Comment, comment_id)
        decisions = session.scalars(select(Decision)).all()
        actions = session.scalars(
            select(ModerationAction).where(ModerationAction.comment_id == comment_id)
        ).all()
        reports = session.scalars(select(Report)).all()
        statements_of_reasons = session.scalars(select(Statement)).all()
    assert comment is not None and comment.status == status
    [decision] = decisions
    assert (decision.comment_id, decision.decision, decision.mode, decision.proposed) == (
        comment_id,
        applied,
        mode,
        proposed,
    )
    assert decision.created_at == NOW
    if proposed == "publish":
        assert decision.reasons == [] and decision.corrections == []
        assert decision.scores == dict.fromkeys(CATEGORIES, 0.0)
    else:
        assert decision.reasons == [
            {
                "clause": "C2",
                "clause_text": "Pas d'insulte.",
                "category": "insulte",
                "action": proposed,
                "score": 0.9123,
                "spans": [[0, 5, "Merci"]],
                "explanation": "x",
            }
        ]
        assert decision.scores["insulte"] == 0.9123
        assert decision.corrections == [
            {"start": 6, "end": 10, "message": "Accord", "suggestions": ["pour"]}
        ]
        assert (decision.language, decision.engine_version, decision.charter_version) == (
            "fr",
            "moteur/1",
            "charte-2026",
        )
    [action] = actions
    assert (action.actor, action.action, action.from_status, action.to_status) == (
        "système",
        f"auto_{applied}",
        "pending",
        status,
    )
    assert action.clauses == ([] if proposed == "publish" else ["C2"])
    assert (action.note, action.decision_id, action.created_at) == ("", decision.id, NOW)
    if status == "published":
        assert statements_of_reasons == []
    else:  # DSA art. 17: written in the same transaction, as the ORM's mapper event did
        [stated] = statements_of_reasons
        assert (stated.comment_id, stated.action_id, stated.decision) == (
            comment_id,
            action.id,
            applied,
        )
        assert (stated.automated, stated.mode, stated.created_at) == (True, mode, NOW)
        assert stated.grounds == (
            []
            if proposed == "publish"
            else [
                {
                    "clause": "C2",
                    "text": "Pas d'insulte.",
                    "category": "insulte",
                    "words": ["Merci"],
                }
            ]
        )
    if report:
        [review] = reports
        assert (review.comment_id, review.reason, review.status) == (
            comment_id,
            "revue_a_posteriori",
            "open",
        )
        assert review.details == "Publié sans modération préalable ; à revoir."
        assert review.reporter_key is None and review.created_at == NOW
    else:
        assert reports == []
