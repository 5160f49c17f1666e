"""Rate limits per IP, author and thread; security headers; no framing of the API."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app
from palabre_testing import CLEAN_TEXTS, THREAD


@pytest.fixture
def strict_client(settings: Settings, db: Database) -> Iterator[TestClient]:
    strict = settings.replace(
        rate_limit_posts_ip="3/minute",
        rate_limit_posts_author="2/minute",
        rate_limit_posts_thread="4/minute",
        rate_limit_reports_ip="2/minute",
    )
    with TestClient(create_app(strict, db=db), base_url="http://palabre.test") as client:
        yield client


def _post(client: TestClient, i: int, **extra: object) -> int:
    body = {"thread": THREAD, "text": CLEAN_TEXTS[i % len(CLEAN_TEXTS)] + f" ({i})", **extra}
    return int(client.post("/api/comments", json=body).status_code)


def test_posts_per_ip_are_limited_with_retry_after(strict_client: TestClient) -> None:
    assert [_post(strict_client, i) for i in range(3)] == [201, 201, 201]
    refused = strict_client.post("/api/comments", json={"thread": THREAD, "text": "Encore un."})
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "trop_de_requetes"
    assert int(refused.headers["retry-after"]) >= 1


def test_posts_per_author_are_limited(strict_client: TestClient) -> None:
    email = "lecteur@example.org"
    assert _post(strict_client, 0, email=email) == 201
    assert _post(strict_client, 1, email=email.upper()) == 201
    assert _post(strict_client, 2, email=email) == 429


def test_reports_per_ip_are_limited(strict_client: TestClient) -> None:
    body = {"thread": THREAD, "text": CLEAN_TEXTS[0]}
    comment_id = strict_client.post("/api/comments", json=body).json()["comment"]["id"]
    url = f"/api/comments/{comment_id}/reports"
    codes = [strict_client.post(url, json={"reason": "spam"}).status_code for _ in range(3)]
    assert codes == [201, 201, 429]


def test_refused_requests_are_not_counted(strict_client: TestClient) -> None:
    for _ in range(5):
        assert (
            strict_client.post("/api/comments", json={"thread": THREAD, "text": ""}).status_code
            == 422
        )
    # Empty texts were refused before the limiter: the IP still has its three posts.
    assert [_post(strict_client, i) for i in range(3)] == [201, 201, 201]


def test_security_headers(client: TestClient) -> None:
    api = client.get("/api/config")
    assert api.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in api.headers["content-security-policy"]
    assert api.headers["x-frame-options"] == "DENY"
    widget = client.get("/widget.js")
    assert widget.headers["cross-origin-resource-policy"] == "cross-origin"
    page = client.get("/demo/seed-000")
    assert "script-src 'self'" in page.headers["content-security-policy"]
