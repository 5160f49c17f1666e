"""Schemathesis generates requests from the served OpenAPI document: no server error, ever.
Bounded: a fixed number of examples per operation, derandomised so CI is repeatable. (The
schemathesis pytest plugin does not run under this pytest version, so the operations are driven
through its Python API and Hypothesis directly.)"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from palabre.settings import load_settings
from palabre.web.app import create_app

pytestmark = pytest.mark.slow
# Examples per operation: CI keeps the default; the figures of docs/security.md come from
# PALABRE_FUZZ_EXAMPLES=300 (over 5,000 generated requests per database).
EXAMPLES = int(os.environ.get("PALABRE_FUZZ_EXAMPLES", "25"))


# A 503 that says, in our envelope, that a service is deliberately unavailable (e-mail not
# configured, database locked) is an answer, not a crash.
DELIBERATE_503 = {"courriel_indisponible", "base_indisponible"}


def assert_no_server_error(status: int, body: str) -> None:
    if status < 500:
        return
    import json

    code = json.loads(body).get("error", {}).get("code") if body.startswith("{") else None
    assert status == 503 and code in DELIBERATE_503, f"server error {status}: {body[:300]}"


def test_no_server_error_on_any_operation(tmp_path: Path, database_url: str) -> None:
    app = create_app(
        load_settings(
            environ={},
            data_dir=str(tmp_path / "data"),
            secret_key="fuzz" * 8,
            database_url=database_url,
            pending_sweep_seconds=0,
            rate_limit_posts_ip="",
            rate_limit_posts_author="",
            rate_limit_posts_thread="",
            rate_limit_reports_ip="",
            rate_limit_check_ip="",
        )
    )
    with TestClient(app) as client:
        client.post("/api/comments", json={"thread": "t", "text": "Un premier avis."})
        schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
        operations = [result.ok() for result in schema.get_all_operations()]  # type: ignore[union-attr]
        assert len(operations) >= 8
        calls = 0
        for operation in operations:

            @given(case=operation.as_strategy())
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def run(case: schemathesis.Case) -> None:  # type: ignore[type-arg]
                nonlocal calls
                calls += 1
                response = case.call()
                assert_no_server_error(response.status_code, response.text)

            run()
    backend = database_url.split(":", 1)[0]
    print(f"\n{backend}: {len(operations)} operations, {calls} generated requests, no server error")
