"""Hostile input gets a clear 4xx with a stable code, never a server error: lone surrogates,
NUL bytes in any text parameter, cursors a database cannot compare against."""

from __future__ import annotations

import base64
from datetime import UTC, datetime

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from palabre.comments import cursor
from palabre.errors import PalabreError
from palabre_testing import CLEAN, THREAD, Poster

JSON = {"Content-Type": "application/json"}


def _code(response: object) -> tuple[int, str]:
    import httpx

    assert isinstance(response, httpx.Response)
    return response.status_code, str(response.json()["error"]["code"])


def test_a_lone_surrogate_in_a_comment_is_refused(client: TestClient, post: Poster) -> None:
    raw = b'{"thread": "%s", "text": "x \\ud800 y"}' % THREAD.encode()
    assert _code(client.post("/api/comments", content=raw, headers=JSON)) == (
        400,
        "caractere_interdit",
    )
    posted = post(CLEAN).json()
    edit = client.patch(
        f"/api/comments/{posted['comment']['id']}",
        content=b'{"text": "y \\udfff z"}',
        headers={**JSON, "X-Palabre-Token": posted["edit_token"]},
    )
    assert _code(edit) == (400, "caractere_interdit")
    # A real pair (an emoji escaped in JSON) is a character like any other.
    pair = b'{"thread": "%s", "text": "Bravo \\ud83d\\ude00 pour l\'article."}' % THREAD.encode()
    assert client.post("/api/comments", content=pair, headers=JSON).status_code == 201


NUL_QUERIES = [
    "/api/comments?thread=a%00b",
    "/api/comments?thread=a&site=de%00fault",
    "/api/config?site=%00",
    "/api/counts?thread=x%00",
    "/api/counts?thread=x&site=%00",
    "/feeds/thread.atom?thread=a%00",
    "/feeds/site.atom?site=%00",
    "/api/subscriptions/confirm?token=%00",
]


@pytest.mark.parametrize("url", NUL_QUERIES)
def test_a_nul_byte_in_a_query_parameter_is_refused(client: TestClient, url: str) -> None:
    assert _code(client.get(url)) == (400, "caractere_interdit")


@pytest.mark.parametrize(
    "field", ["thread", "site", "email", "author", "thread_title", "thread_url", "text", "website"]
)
def test_a_nul_byte_in_a_posted_field_is_refused(client: TestClient, field: str) -> None:
    body = {"thread": THREAD, "text": CLEAN, field: "a\x00b"}
    assert _code(client.post("/api/comments", json=body)) == (400, "caractere_interdit")


def test_a_nul_byte_in_other_bodies_is_refused(client: TestClient, post: Poster) -> None:
    assert _code(client.post("/api/counts", json={"threads": ["a\x00"]})) == (
        400,
        "caractere_interdit",
    )
    assert _code(client.post("/api/check", json={"text": "a\x00"})) == (400, "caractere_interdit")
    comment_id = post(CLEAN).json()["comment"]["id"]
    report = client.post(
        f"/api/comments/{comment_id}/reports", json={"reason": "spam", "email": "a\x00@b.fr"}
    )
    assert _code(report) == (400, "caractere_interdit")
    form = client.post(
        "/moderation/login",
        content=b"email=a%00b&password=x&csrf=y",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert _code(form) == (400, "caractere_interdit")


def _raw_cursor(value: str) -> str:
    return base64.urlsafe_b64encode(value.encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "value",
    [
        f"2026-01-01T00:00:00+00:00|{2**63}",
        f"2026-01-01T00:00:00+00:00|{10**30}",
        "2026-01-01T00:00:00+00:00|0",
        "2026-01-01T00:00:00+00:00|-5",
        "9999-12-31T23:59:59-14:00|1",
        "0001-01-01T00:00:00+14:00|1",
        "2026-01-01|١٢",
    ],
)
def test_a_cursor_out_of_range_is_refused(client: TestClient, post: Poster, value: str) -> None:
    post(CLEAN)
    response = client.get("/api/comments", params={"thread": THREAD, "cursor": _raw_cursor(value)})
    assert _code(response) == (400, "curseur_invalide")


@given(when=st.datetimes(timezones=st.timezones()), ident=st.integers(1, 2**63 - 1))
@settings(max_examples=300, deadline=None)
def test_cursor_round_trips_any_valid_position(when: datetime, ident: int) -> None:
    try:
        expected = when.astimezone(UTC)
    except (OverflowError, ValueError):
        with pytest.raises(PalabreError):
            cursor.decode(cursor.encode(when, ident))
        return
    assert cursor.decode(cursor.encode(when, ident)) == (expected, ident)


@given(when=st.datetimes(timezones=st.timezones()), ident=st.integers())
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_cursor_decodes_to_a_storable_position_or_refuses(when: datetime, ident: int) -> None:
    for raw in (cursor.encode(when, ident), _raw_cursor(f"{when.isoformat()}|{ident}")):
        try:
            stamp, comment_id = cursor.decode(raw)
        except PalabreError as error:
            assert error.code == "curseur_invalide"
            continue
        assert 1 <= comment_id <= 2**63 - 1 and stamp.tzinfo is UTC


@given(raw=st.text(max_size=80))
@settings(max_examples=300, deadline=None)
def test_cursor_never_fails_on_arbitrary_text(raw: str) -> None:
    try:
        stamp, comment_id = cursor.decode(raw)
    except PalabreError as error:
        assert error.code == "curseur_invalide"
        return
    assert 1 <= comment_id <= 2**63 - 1 and stamp.tzinfo is UTC
