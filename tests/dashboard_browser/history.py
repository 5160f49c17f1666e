"""Two weeks of plausible traffic for the dashboard's browser tests and screenshots: comments
on a few articles through the real engine, then moderators' decisions on the older held ones.
Audit times are set to when things would have happened, so queue ages look real."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from palabre.comments.service import CommentService, NewComment
from palabre.demo.seeds import load_seeds
from palabre.review import actions
from palabre.review.accounts import Moderator
from palabre.storage.models import Comment, Decision, ModerationAction, Thread
from palabre_testing import CLEAN_TEXTS

ARTICLES = (
    ("actu/retraites-2026", "Retraites : ce que change le texte adopté au Sénat"),
    ("actu/municipales-lyon", "Municipales : la campagne s'ouvre à Lyon"),
    ("actu/prix-energie", "Prix de l'énergie : les ménages face à la hausse de janvier"),
    ("actu/ukraine-negociations", "Ukraine : reprise des négociations à Genève"),
)
AUTHORS = (
    "Camille",
    "Hélène",
    "Marc D.",
    "Sophie",
    "Yann",
    "Nadia",
    "Paul-Henri",
    "Inès",
    "Thomas",
    "Lucie",
    "Karim",
)
REGULARS = {"Marc D.": "marc.d@example.org", "Yann": "yann@example.org"}


def seed_history(service: CommentService, moderator: Moderator, days: int = 29) -> int:
    texts = [c.text for a in load_seeds() for c in a.comments] + list(CLEAN_TEXTS)
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    posted: list[tuple[int, datetime]] = []
    n = 0
    for day in range(days, -1, -1):
        for slot in range(2 + (day * 7) % 4):
            when = now - timedelta(days=day, hours=(slot * 5 + day) % 20 + 1)
            text = texts[n % len(texts)]
            author = AUTHORS[(n * 7) % len(AUTHORS)]
            thread, title = ARTICLES[n % len(ARTICLES)]
            result = service.post_imported(
                NewComment(
                    site="default",
                    thread=thread,
                    thread_title=title,
                    text=text,
                    author=author,
                    email=REGULARS.get(author),
                    thread_url=f"https://journal.example/{thread}",
                ),
                created_at=when,
            )
            posted.append((result.comment.id, when))
            n += 1
    with service.db.session() as session:
        for comment_id, when in posted:
            later = when + timedelta(minutes=2)
            session.execute(
                update(ModerationAction)
                .where(ModerationAction.comment_id == comment_id)
                .values(created_at=later)
            )
            session.execute(
                update(Decision).where(Decision.comment_id == comment_id).values(created_at=later)
            )
        _backdate_demo(session, now)
    with service.db.session() as session:
        for comment_id, when in posted:
            if when > now - timedelta(days=2):
                continue  # the recent ones still wait in the queue
            comment = session.get(Comment, comment_id)
            if comment is None or comment.status != "held":
                continue
            reasons = (
                session.scalars(
                    select(Decision.reasons).where(Decision.comment_id == comment_id)
                ).first()
                or []
            )
            serious = {r.get("category") for r in reasons} & {"insulte", "haine", "violence"}
            verb: actions.Verb = "reject" if serious else "publish"
            actions.apply(session, moderator, [comment_id], verb, "", when + timedelta(hours=1))
    return len(posted)


def _backdate_demo(session: Session, now: datetime) -> None:
    """The demo's comments were held a few hours ago, not this very second."""
    demo = session.scalars(
        select(Comment.id)
        .join(Thread, Thread.id == Comment.thread_id)
        .where(Thread.key.like("demo/%"))
        .order_by(Comment.id)
    ).all()
    for index, comment_id in enumerate(demo):
        held_at = now - timedelta(hours=5, minutes=-17 * index)
        session.execute(
            update(ModerationAction)
            .where(ModerationAction.comment_id == comment_id)
            .values(created_at=held_at)
        )
