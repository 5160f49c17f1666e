from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app
from palabre_testing import CLEAN, THREAD, Poster


@pytest.fixture
def client(settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(settings, db=db)
    with TestClient(app, base_url="http://palabre.test") as test_client:
        yield test_client


@pytest.fixture
def post(client: TestClient) -> Poster:
    def _post(text: str = CLEAN, thread: str = THREAD, **extra: Any) -> httpx.Response:
        response: httpx.Response = client.post(
            "/api/comments", json={"thread": thread, "text": text, **extra}
        )
        return response

    return _post
