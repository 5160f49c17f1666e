"""Re-moderation checks a comment with the context it was posted in (the author's recent texts,
the thread's title), so that an unchanged charter gives the decision it gave at posting."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from palabre.comments.service import CommentService, NewComment
from palabre.comments.sites import ensure_site
from palabre.interop.remoderate import remoderate
from palabre.moderation.charter_engine import default_engine
from palabre.settings import Settings
from palabre.status import verb_for
from palabre.storage.db import Database
from palabre.storage.migrate import upgrade
from palabre.storage.models import Comment, Decision

TEXT = "Merci pour cet article très complet sur le budget de la commune, je le partage."


def test_remoderation_gives_the_decision_of_posting(db: Database, settings: Settings) -> None:
    upgrade(db.engine)
    with db.session() as session:
        ensure_site(session, "journal", "Le Journal", [], datetime.now(UTC))
    engine = default_engine()
    # `post` mode publishes what the engine would hold, so that both comments are re-moderated.
    comments = CommentService(db, engine, settings.replace(moderation_mode="post"))
    for thread in ("budget", "budget-suite"):
        comments.post(
            NewComment(
                site="journal", thread=thread, text=TEXT, author="Ana", email="ana@example.org"
            )
        )
    with db.session() as session:
        proposed = {d.comment_id: d.proposed for d in session.scalars(select(Decision))}
    # the second copy is the author's repeat: the engine proposed to hold it, the mode published it
    assert sorted(proposed.values()) == ["hold", "publish"]

    report = remoderate(db, engine, apply=True, now=datetime.now(UTC))

    assert report.examined == 2
    with db.session() as session:
        after = {c.id: verb_for(c.status) for c in session.scalars(select(Comment))}
    assert after == proposed
