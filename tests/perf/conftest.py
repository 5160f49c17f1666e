from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from palabre.moderation.findings import CATEGORIES, CheckContext
from palabre.moderation.verdict import Verdict
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app


class PublishAll:
    """Nothing is posted through the API here: the engine is not needed."""

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        return Verdict(
            decision="publish", reasons=(), scores=dict.fromkeys(CATEGORIES, 0.0), language="fr"
        )


@pytest.fixture
def client(settings: Settings, db: Database) -> Iterator[TestClient]:
    app = create_app(settings, PublishAll(), db=db)
    with TestClient(app, base_url="http://palabre.test") as test_client:
        yield test_client
