"""A decision already made is final for the engine: an author who edits a rejected or held
comment sends it to the moderators' queue, never straight back into view."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from palabre.review import actions
from palabre.review.accounts import Moderator
from palabre.storage.db import Database
from palabre.storage.models import Comment, ModerationAction
from palabre_testing import CLEAN, THREAD, Poster

ADMIN = Moderator(1, "admin@example.org", "admin", "fr", None)


@pytest.mark.parametrize("verdict", ["reject", "hold"])
def test_an_edit_after_a_moderator_decision_goes_back_to_a_human(
    client: TestClient, post: Poster, db: Database, verdict: str
) -> None:
    posted = post(CLEAN).json()
    comment_id, token = posted["comment"]["id"], posted["edit_token"]
    with db.session() as session:
        if verdict == "reject":
            actions.apply(session, ADMIN, [comment_id], "reject", "", datetime.now(UTC))
        else:
            comment = session.get(Comment, comment_id)
            assert comment is not None
            comment.status = "held"
    edited = client.patch(
        f"/api/comments/{comment_id}",
        json={"text": CLEAN + " Petite précision."},
        headers={"X-Palabre-Token": token},
    )
    assert edited.status_code == 200
    assert edited.json()["comment"]["status"] == "held"
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["comments"] == []
    with db.session() as session:
        stored = session.get(Comment, comment_id)
        assert stored is not None and stored.status == "held"
        last = session.scalars(
            select(ModerationAction)
            .where(ModerationAction.comment_id == comment_id)
            .order_by(ModerationAction.id.desc())
        ).first()
        assert last is not None and (last.action, last.to_status) == ("author_edit", "held")


def test_an_edit_of_a_published_comment_is_moderated_again(
    client: TestClient, post: Poster
) -> None:
    posted = post(CLEAN).json()
    edited = client.patch(
        f"/api/comments/{posted['comment']['id']}",
        json={"text": CLEAN + " Petite précision."},
        headers={"X-Palabre-Token": posted["edit_token"]},
    )
    assert edited.json()["comment"]["status"] == "published"
