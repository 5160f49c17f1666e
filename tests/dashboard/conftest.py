"""Dashboard tests over HTTP, on SQLite and PostgreSQL: the app in-process with a scripted
moderator (deterministic evidence spans), two sites and two accounts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from palabre.comments.service import CommentService, NewComment
from palabre.comments.sites import ensure_site
from palabre.moderation.findings import CATEGORIES, CheckContext, Span
from palabre.moderation.verdict import Action, Reason, Verdict
from palabre.review.accounts import create_account
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.web.app import create_app

ADMIN = ("admin@journal.example", "mot-de-passe-admin")
MODERATOR = ("modo@journal.example", "mot-de-passe-modo")
THREAD = "https://journal.example/article-1"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class ScriptedModerator:
    """« douteux » is held and « ordure » rejected (clause violence-haine-insultes, the word as
    evidence); anything else is published."""

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        rules: tuple[tuple[str, Action], ...] = (("ordure", "reject"), ("douteux", "hold"))
        for word, action in rules:
            start = text.find(word)
            if start >= 0:
                reason = Reason(
                    "violence-haine-insultes",
                    "Aucune insulte",
                    "insulte",
                    action,
                    0.9,
                    (Span(start, start + len(word), word),),
                    f"« {word} » est une insulte",
                )
                return Verdict(
                    action,
                    (reason,),
                    dict.fromkeys(CATEGORIES, 0.0) | {"insulte": 0.9},
                    "fr",
                    (),
                    "test",
                    "test-charter",
                )
        return Verdict(
            "publish", (), dict.fromkeys(CATEGORIES, 0.0), "fr", (), "test", "test-charter"
        )


@dataclass
class Dash:
    app: FastAPI
    client: TestClient
    db: Database

    @property
    def service(self) -> CommentService:
        service: CommentService = self.app.state.palabre.comments
        return service

    def comment(self, text: str, site: str = "default", **extra: Any) -> int:
        result = self.service.post(
            NewComment(site=site, thread=THREAD, text=text, thread_title="Un article", **extra)
        )
        return result.comment.id

    def csrf(self, path: str = "/moderation/login") -> str:
        match = _CSRF.search(self.client.get(path).text)
        assert match, f"no CSRF token on {path}"
        return match[1]

    def login(self, account: tuple[str, str]) -> str:
        """Logs in; returns the CSRF token of the new session."""
        response = self.client.post(
            "/moderation/login",
            data={
                "csrf": self.csrf(),
                "email": account[0],
                "password": account[1],
                "next": "/moderation/queue/held",
            },
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        return self.csrf("/moderation/queue/held")

    def act(self, csrf: str, verb: str, *ids: int, **extra: str) -> Any:
        return self.client.post(
            "/moderation/actions",
            data={
                "csrf": csrf,
                "verb": verb,
                "ids": [str(i) for i in ids],
                "back": "/moderation/queue/held",
                **extra,
            },
            follow_redirects=False,
        )


def cheap_hasher() -> Any:
    """argon2id with test-sized costs: the production profile takes ~1 s per hash here."""
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def _fast_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    from palabre.review import passwords

    hasher = cheap_hasher()
    monkeypatch.setattr(passwords, "_hasher", lambda: hasher)
    monkeypatch.setattr(passwords, "dummy_hash", lambda: hasher.hash("dummy"))


@pytest.fixture
def dash(settings: Settings, db: Database) -> Iterator[Dash]:
    app = create_app(settings, ScriptedModerator(), db=db)
    now = datetime.now(UTC)
    with db.session() as session:
        ensure_site(session, "autre", "Autre journal", ["https://autre.example"], now)
        create_account(session, *ADMIN, "admin", [], now)
        create_account(session, *MODERATOR, "moderateur", ["default"], now)
    with TestClient(app, base_url="http://palabre.test") as client:
        yield Dash(app, client, db)
