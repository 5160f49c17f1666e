"""Moderators' decisions become labelled examples for `palabre train`."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi.testclient import TestClient

from palabre.review.accounts import Moderator
from palabre.review.actions import apply, undo
from palabre.review.learning import moderator_examples
from palabre.storage.db import Database
from palabre_testing import CLEAN_TEXTS, Poster

THREAT = "Poutine devrait éliminer Trump pour négocier avec lui."  # held (violence)
SPELLING = "ca me fait marrer, quel vision du monde !"  # held (spelling only)


def test_human_decisions_become_examples(client: TestClient, post: Poster, db: Database) -> None:
    ids = {
        text: post(text).json()["comment"]
        for text in (THREAT, SPELLING, CLEAN_TEXTS[0], CLEAN_TEXTS[1])
    }
    assert ids[THREAT]["status"] == ids[SPELLING]["status"] == "held"
    admin = Moderator(1, "chef@journal.example", "admin", "fr", None)
    now = datetime.now(UTC)
    with db.session() as session:
        apply(session, admin, [ids[THREAT]["id"]], "reject", "", now)
        apply(session, admin, [ids[SPELLING]["id"]], "reject", "", now)
        apply(session, admin, [ids[CLEAN_TEXTS[0]]["id"]], "reject", "", now)
        done = apply(session, admin, [ids[CLEAN_TEXTS[1]]["id"]], "reject", "", now)
    with db.session() as session:
        undo(session, admin, done.action_ids, done.report_ids, now)
    with db.session() as session:
        examples = dict(moderator_examples(session))
    assert examples[THREAT] == {"toxicite": 1, "violence": 1}
    assert SPELLING not in examples  # rejected for spelling: nothing to learn about toxicity
    assert CLEAN_TEXTS[0] not in examples  # rejected with no category named
    assert CLEAN_TEXTS[1] not in examples  # undone


def test_a_held_comment_published_by_a_person_is_a_clean_example(
    client: TestClient, post: Poster, db: Database
) -> None:
    comment = post(THREAT).json()["comment"]
    admin = Moderator(1, "chef@journal.example", "admin", "fr", None)
    with db.session() as session:
        apply(session, admin, [comment["id"]], "publish", "", datetime.now(UTC))
    with db.session() as session:
        examples = dict(moderator_examples(session))
    assert examples[THREAT] == dict.fromkeys(
        ("toxicite", "haine", "violence", "insulte", "grossierete"), 0
    )


def test_palabre_train_reads_the_configured_database(
    client: TestClient, post: Poster, db: Database, monkeypatch: object
) -> None:
    import pytest

    from palabre.cli.train import _moderator_examples

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    comment = post(THREAT).json()["comment"]
    admin = Moderator(1, "chef@journal.example", "admin", "fr", None)
    with db.session() as session:
        apply(session, admin, [comment["id"]], "reject", "", datetime.now(UTC))
    monkeypatch.setenv("PALABRE_DATABASE_URL", db.url)
    [example] = _moderator_examples(None)
    assert example.text == THREAT and example.source == "moderateurs"
    assert example.labels == {"toxicite": 1, "violence": 1}
