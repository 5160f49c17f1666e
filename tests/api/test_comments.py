"""The public API end to end on a real database (SQLite and PostgreSQL)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select

from palabre.storage.db import Database
from palabre.storage.models import Comment, Decision, ModerationAction
from palabre_testing import CLEAN, CLEAN_TEXTS, THREAD, Poster


def test_post_publishes_a_clean_comment_and_others_see_it(client: TestClient, post: Poster) -> None:
    response = post(CLEAN, author="Marie", thread_title="Un article")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["moderation"]["decision"] == "publish"
    assert body["comment"]["status"] == "published"
    assert body["comment"]["author"] == "Marie"
    assert body["edit_token"]
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["total"] == 1
    assert page["thread"]["title"] == "Un article"
    assert [c["id"] for c in page["comments"]] == [body["comment"]["id"]]
    assert "<p>Merci pour cet article" in page["comments"][0]["html"]


def test_decision_reasons_and_audit_are_stored_with_the_comment(post: Poster, db: Database) -> None:
    comment_id = post(CLEAN).json()["comment"]["id"]
    with db.session() as session:
        decision = session.scalars(select(Decision).where(Decision.comment_id == comment_id)).one()
        audit = session.scalars(
            select(ModerationAction).where(ModerationAction.comment_id == comment_id)
        ).one()
    assert decision.decision == "publish"
    assert set(decision.scores) >= {"haine", "insulte", "orthographe"}
    assert decision.engine_version
    assert (audit.actor, audit.from_status, audit.to_status) == ("système", "pending", "published")
    assert audit.decision_id == decision.id


def test_an_insult_is_not_shown_to_other_readers(client: TestClient, post: Poster) -> None:
    response = post("Espèce de connard, tu n'es qu'un abruti et un bouffon.")
    assert response.status_code == 201
    body = response.json()
    assert body["moderation"]["decision"] in {"hold", "reject"}
    assert body["moderation"]["clauses"], "the author is told which clause"
    assert body["comment"]["status"] in {"held", "rejected"}
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["comments"] == [] and page["total"] == 0


def test_replies_are_nested_under_their_parent(client: TestClient, post: Poster) -> None:
    root = post(CLEAN).json()["comment"]["id"]
    reply = post(CLEAN_TEXTS[1], parent=root).json()["comment"]["id"]
    nested = post(CLEAN_TEXTS[4], parent=reply).json()["comment"]["id"]
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["total"] == 3
    [top] = page["comments"]
    assert top["id"] == root
    assert top["replies"][0]["id"] == reply
    assert top["replies"][0]["replies"][0]["id"] == nested


def test_cursor_pagination_pages_back_without_gaps_or_repeats(
    client: TestClient, post: Poster
) -> None:
    ids = [
        post(f"Commentaire numéro {i} sur cet article.").json()["comment"]["id"] for i in range(7)
    ]
    seen: list[int] = []
    cursor = None
    for _ in range(5):
        params: dict[str, str | int] = {"thread": THREAD, "limit": 3}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/api/comments", params=params).json()
        seen += [c["id"] for c in page["comments"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == list(reversed(ids))
    oldest = client.get("/api/comments", params={"thread": THREAD, "order": "oldest"}).json()
    assert [c["id"] for c in oldest["comments"]] == ids


def test_counts_for_many_threads_in_one_request(client: TestClient, post: Poster) -> None:
    post(CLEAN_TEXTS[0], thread="a")
    post(CLEAN_TEXTS[1], thread="a")
    post(CLEAN_TEXTS[2], thread="b")
    counts = client.get(
        "/api/counts", params=[("thread", "a"), ("thread", "b"), ("thread", "c")]
    ).json()
    assert counts == {"counts": {"a": 2, "b": 1, "c": 0}}
    posted = client.post("/api/counts", json={"threads": ["a", "c"]}).json()
    assert posted == {"counts": {"a": 2, "c": 0}}


def test_author_edits_within_the_window_and_is_remoderated(
    client: TestClient, post: Poster, db: Database
) -> None:
    body = post(CLEAN).json()
    comment_id, token = body["comment"]["id"], body["edit_token"]
    edited = client.patch(
        f"/api/comments/{comment_id}",
        json={"text": "Texte corrigé, merci."},
        headers={"X-Palabre-Token": token},
    )
    assert edited.status_code == 200, edited.text
    assert edited.json()["comment"]["edited_at"]
    assert "Texte corrigé" in edited.json()["comment"]["html"]
    with db.session() as session:
        decisions = session.scalars(select(Decision).where(Decision.comment_id == comment_id)).all()
        actions = session.scalars(
            select(ModerationAction.action)
            .where(ModerationAction.comment_id == comment_id)
            .order_by(ModerationAction.id)
        ).all()
    assert len(decisions) == 2
    assert actions == ["auto_publish", "author_edit", "auto_publish"]


def test_delete_leaves_a_tombstone_that_keeps_replies_readable(
    client: TestClient, post: Poster, db: Database
) -> None:
    body = post(CLEAN, author="Paul", email="paul@example.org").json()
    root, token = body["comment"]["id"], body["edit_token"]
    reply = post(CLEAN_TEXTS[3], parent=root).json()["comment"]["id"]
    deleted = client.delete(f"/api/comments/{root}", headers={"X-Palabre-Token": token})
    assert deleted.status_code == 200
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    [top] = page["comments"]
    assert top["deleted"] is True and top["html"] == "" and top["author"] is None
    assert top["replies"][0]["id"] == reply
    assert page["total"] == 1
    with db.session() as session:
        stored = session.get(Comment, root)
        assert stored is not None
        assert (stored.text, stored.author_email, stored.author_name) == ("", None, None)
    again = client.delete(f"/api/comments/{root}", headers={"X-Palabre-Token": token})
    assert again.json()["error"]["code"] == "commentaire_supprime"


def test_deleted_comment_without_replies_disappears(client: TestClient, post: Poster) -> None:
    body = post(CLEAN).json()
    client.delete(
        f"/api/comments/{body['comment']['id']}", headers={"X-Palabre-Token": body["edit_token"]}
    )
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["comments"] == [] and page["total"] == 0


def test_report_is_stored_and_enough_reports_hold_the_comment(
    client: TestClient, post: Poster, db: Database
) -> None:
    comment_id = post(CLEAN).json()["comment"]["id"]
    for reader in range(3):  # three different readers
        other = TestClient(
            client.app, base_url="http://palabre.test", client=(f"192.0.2.{reader + 1}", 50000)
        )
        response = other.post(
            f"/api/comments/{comment_id}/reports",
            json={"reason": "insulte", "details": "Propos blessants"},
        )
        assert response.status_code == 201
        assert response.json()["message"].startswith("Merci")
    with db.session() as session:
        stored = session.get(Comment, comment_id)
        assert stored is not None
        assert (stored.report_count, stored.status) == (3, "held")
    page = client.get("/api/comments", params={"thread": THREAD}).json()
    assert page["total"] == 0


def test_config_lists_report_reasons_in_both_locales(client: TestClient) -> None:
    fr = client.get("/api/config").json()
    en = client.get("/api/config", headers={"Accept-Language": "en-GB"}).json()
    assert fr["max_length"] == 5000 and fr["edit_window_seconds"] == 900
    assert fr["report_reasons"][0] == {"id": "insulte", "label": "Insulte ou attaque personnelle"}
    assert en["report_reasons"][0]["label"] == "Insult or personal attack"


def test_markdown_subset_is_rendered_and_sanitised(client: TestClient, post: Poster) -> None:
    text = "Un **point** important : [la source](https://example.org) et *une nuance*."
    html = post(text).json()["comment"]["html"]
    assert "<strong>point</strong>" in html and "<em>une nuance</em>" in html
    assert 'href="https://example.org"' in html and 'rel="nofollow noopener ugc"' in html


def test_openapi_is_served(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert "/api/comments" in spec["paths"] and "/api/counts" in spec["paths"]


def test_pages_count_only_visible_comments(client: TestClient, post: Poster) -> None:
    visible = post(CLEAN_TEXTS[0]).json()["comment"]["id"]
    post("Espèce de connard, tu n'es qu'un abruti et un bouffon.")  # not shown to readers
    page = client.get("/api/comments", params={"thread": THREAD, "limit": 1}).json()
    assert [c["id"] for c in page["comments"]] == [visible]
    assert page["next_cursor"] is None


def test_thread_and_counts_revalidate_with_etags(client: TestClient, post: Poster) -> None:
    post(CLEAN_TEXTS[0])
    first = client.get("/api/comments", params={"thread": THREAD})
    etag = first.headers["etag"]
    assert first.headers["cache-control"] == "public, no-cache"
    same = client.get("/api/comments", params={"thread": THREAD}, headers={"If-None-Match": etag})
    assert same.status_code == 304 and same.content == b""
    post(CLEAN_TEXTS[1])  # any change gives a new validator at once
    changed = client.get(
        "/api/comments", params={"thread": THREAD}, headers={"If-None-Match": etag}
    )
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    counts = client.get("/api/counts", params={"thread": THREAD})
    again = client.get(
        "/api/counts", params={"thread": THREAD}, headers={"If-None-Match": counts.headers["etag"]}
    )
    assert again.status_code == 304
