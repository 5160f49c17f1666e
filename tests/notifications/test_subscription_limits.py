"""Subscription requests send e-mails: they are rate-limited per IP."""

from __future__ import annotations

from fastapi.testclient import TestClient

from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app


def test_subscription_requests_are_limited_per_ip(notify_settings: Settings, db: Database) -> None:
    app = create_app(notify_settings.replace(rate_limit_subscriptions_ip="2/minute"), db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        codes = [
            client.post(
                "/api/subscriptions",
                json={"thread": "https://journal.example/a", "email": f"lecteur{i}@example.org"},
            ).status_code
            for i in range(3)
        ]
        refused = client.post(
            "/api/subscriptions",
            json={"thread": "https://journal.example/a", "email": "autre@example.org"},
        )
    assert codes == [202, 202, 429]
    assert refused.json()["error"]["code"] == "trop_de_requetes"
