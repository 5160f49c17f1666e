"""Readers' reports: each reporter counts once, hiding a comment takes distinct reporters, and a
comment a moderator kept stays visible whatever the same reports say."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient

from palabre.review import actions
from palabre.review.accounts import Moderator
from palabre.storage.db import Database
from palabre.storage.models import Comment, Report
from palabre_testing import CLEAN, THREAD, Poster, reader

ADMIN = Moderator(1, "admin@example.org", "admin", "fr", None)


def _report(client: TestClient, comment_id: int, **headers: str) -> int:
    response = client.post(
        f"/api/comments/{comment_id}/reports", json={"reason": "insulte"}, headers=headers
    )
    return int(response.status_code)


def _state(db: Database, comment_id: int) -> tuple[int, str, int]:
    with db.session() as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        reports = session.query(Report).filter(Report.comment_id == comment_id).count()
        return comment.report_count, comment.status, reports


def _visible(client: TestClient) -> list[int]:
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    return [c["id"] for c in page["comments"]]


def test_one_reader_reporting_many_times_counts_once(
    client: TestClient, post: Poster, db: Database
) -> None:
    comment_id = post(CLEAN).json()["comment"]["id"]
    assert [_report(client, comment_id) for _ in range(5)] == [201] * 5
    assert _state(db, comment_id) == (1, "published", 1)
    assert _visible(client) == [comment_id]


def test_a_browser_token_counts_once_from_any_address(
    client: TestClient, post: Poster, db: Database
) -> None:
    comment_id = post(CLEAN).json()["comment"]["id"]
    for i in range(4):
        assert (
            _report(
                reader(client, f"198.51.100.{i + 1}"),
                comment_id,
                **{"X-Palabre-Browser": "meme-navigateur"},
            )
            == 201
        )
    assert _state(db, comment_id)[:2] == (1, "published")


def test_an_email_counts_once_from_any_address(
    client: TestClient, post: Poster, db: Database
) -> None:
    comment_id = post(CLEAN).json()["comment"]["id"]
    for i in range(4):
        response = reader(client, f"198.51.100.{i + 1}").post(
            f"/api/comments/{comment_id}/reports",
            json={"reason": "spam", "email": "Meme@Example.org"},
            headers={"X-Palabre-Browser": f"jeton-{i}"},
        )
        assert response.status_code == 201
    assert _state(db, comment_id)[:2] == (1, "published")


def test_distinct_reporters_reaching_the_threshold_hold_the_comment(
    client: TestClient, post: Poster, db: Database
) -> None:
    comment_id = post(CLEAN).json()["comment"]["id"]
    for i in range(3):
        assert _report(reader(client, f"203.0.113.{i + 1}"), comment_id) == 201
    assert _state(db, comment_id) == (3, "held", 3)
    assert _visible(client) == []


def test_a_comment_kept_by_a_moderator_is_not_hidden_by_reports(
    client: TestClient, post: Poster, db: Database
) -> None:
    comment_id = post(CLEAN).json()["comment"]["id"]
    for i in range(3):
        _report(reader(client, f"203.0.113.{i + 1}"), comment_id)
    assert _state(db, comment_id)[1] == "held"
    with db.session() as session:
        assert actions.apply(session, ADMIN, [comment_id], "publish", "", datetime.now(UTC))
    for i in range(6):  # the same reporters again, and new ones
        _report(reader(client, f"203.0.113.{i + 1}"), comment_id)
    count, status, _ = _state(db, comment_id)
    assert (count, status) == (6, "published")
    assert _visible(client) == [comment_id]
