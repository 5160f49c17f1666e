"""The pre-submit check costs real CPU: it is limited per IP like posting, and only a few run at
once — one more is told to retry at once, and other requests are served meanwhile."""

from __future__ import annotations

from fastapi.testclient import TestClient

from palabre.errors import PalabreError
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app
from palabre.web.ratelimit import ConcurrencyGate
from palabre_testing import CLEAN, THREAD


def test_checks_per_ip_are_limited(settings: Settings, db: Database) -> None:
    app = create_app(settings.replace(rate_limit_check_ip="2/minute"), db=db)
    with TestClient(app, base_url="http://palabre.test") as client:
        codes = [client.post("/api/check", json={"text": CLEAN}).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        refused = client.post("/api/check", json={"text": CLEAN})
        assert refused.json()["error"]["code"] == "trop_de_requetes"
        assert int(refused.headers["retry-after"]) >= 1


def test_checks_beyond_the_concurrency_are_refused_at_once(client: TestClient) -> None:
    gate: ConcurrencyGate = client.app.state.check_gate  # type: ignore[attr-defined]
    taken = 0
    while True:  # every slot busy, as under a flood of checks
        try:
            gate.enter()
        except PalabreError:
            break
        taken += 1
    try:
        busy = client.post("/api/check", json={"text": CLEAN})
        assert busy.status_code == 429 and busy.headers["retry-after"] == "1"
        # the rest of the API is served meanwhile
        assert client.get("/api/comments", params={"thread": THREAD}).status_code == 200
        assert (
            client.post("/api/comments", json={"thread": THREAD, "text": CLEAN}).status_code == 201
        )
    finally:
        for _ in range(taken):
            gate.leave()
    assert client.post("/api/check", json={"text": CLEAN}).status_code == 200
