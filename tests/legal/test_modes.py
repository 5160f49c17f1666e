"""Moderation modes (pre, engine, post) per site and per article: a comment through each
path, on SQLite and PostgreSQL; the mode in force and the engine's proposal on each decision."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from legal.legal_support import CLAUSE, service
from palabre.comments.modes import POST_REVIEW_REASON, check_mode
from palabre.comments.service import NewComment
from palabre.errors import PalabreError
from palabre.review.queues import counts
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models import Decision, Report, Thread

CASES = [
    # mode, text, status, decision told to the reader, proposed by the engine, queued after
    ("pre", "Un avis tout à fait posé.", "held", "hold", "publish", False),
    ("pre", "Un avis douteux.", "held", "hold", "hold", False),
    ("pre", "Quelle ordure, cet élu.", "held", "hold", "reject", False),
    ("engine", "Un avis tout à fait posé.", "published", "publish", "publish", False),
    ("engine", "Un avis douteux.", "held", "hold", "hold", False),
    ("engine", "Quelle ordure, cet élu.", "rejected", "reject", "reject", False),
    ("post", "Un avis tout à fait posé.", "published", "publish", "publish", False),
    ("post", "Un avis douteux.", "published", "publish", "hold", True),
    ("post", "Quelle ordure, cet élu.", "rejected", "reject", "reject", False),
]


@pytest.mark.parametrize(("mode", "text", "status", "told", "proposed", "queued"), CASES)
def test_each_mode_sends_a_comment_down_its_path(
    db: Database,
    settings: Settings,
    mode: str,
    text: str,
    status: str,
    told: str,
    proposed: str,
    queued: bool,
) -> None:
    comments = service(db, settings, mode)
    result = comments.post(NewComment(site="journal", thread="article-1", text=text))
    assert (result.comment.status, result.decision) == (status, told)
    with db.session() as session:
        decision = session.scalars(select(Decision)).one()
        assert (decision.mode, decision.proposed, decision.decision) == (mode, proposed, told)
        reports = session.scalars(select(Report)).all()
        assert [r.reason for r in reports] == ([POST_REVIEW_REASON] if queued else [])
        assert counts(session, None)["reported"] == (1 if queued else 0)
    if proposed != "publish":  # the engine explains, whatever the mode
        assert decision.reasons[0]["clause"] == CLAUSE


def test_an_article_mode_overrides_the_site_and_the_setting(
    db: Database, settings: Settings
) -> None:
    comments = service(db, settings.replace(moderation_mode="post"), mode=None)
    first = comments.post(NewComment(site="journal", thread="article-1", text="Un avis douteux."))
    assert first.comment.status == "published"  # the setting: post
    with db.session() as session:
        thread = session.get(Thread, first.comment.thread_id)
        assert thread is not None
        thread.moderation_mode = "pre"
    second = comments.post(
        NewComment(site="journal", thread="article-1", text="Un second avis, très calme.")
    )
    assert second.comment.status == "held"
    other = comments.post(
        NewComment(site="journal", thread="article-2", text="Un autre avis, très calme.")
    )
    assert other.comment.status == "published"
    with db.session() as session:
        modes = session.scalars(select(Decision.mode).order_by(Decision.id)).all()
    assert modes == ["post", "pre", "post"]


def test_an_unknown_mode_is_refused_with_its_code() -> None:
    with pytest.raises(PalabreError) as error:
        check_mode("laxiste")
    assert error.value.code == "mode_moderation_invalide"
    assert check_mode("pre") == "pre"
