"""Real parts for the legal tests: a scripted engine (the test chooses the verdict by keyword)
and a comment service on a migrated database with one site."""

from __future__ import annotations

from datetime import UTC, datetime

from palabre.comments.service import CommentService
from palabre.comments.sites import ensure_site
from palabre.moderation.findings import CATEGORIES, CheckContext, Span
from palabre.moderation.verdict import Action, Reason, Verdict
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.migrate import upgrade

CLAUSE = "violence-haine-insultes"
CLAUSE_TEXT = "Aucune insulte ni attaque personnelle"


class ScriptedEngine:
    """« douteux » is held, « ordure » rejected (the word as evidence), anything else published."""

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        rules: tuple[tuple[str, Action], ...] = (("ordure", "reject"), ("douteux", "hold"))
        for word, action in rules:
            start = text.find(word)
            if start >= 0:
                reason = Reason(
                    CLAUSE,
                    CLAUSE_TEXT,
                    "insulte",
                    action,
                    0.9,
                    (Span(start, start + len(word), word),),
                    f"« {word} » est une insulte",
                )
                return Verdict(
                    action,
                    (reason,),
                    dict.fromkeys(CATEGORIES, 0.0),
                    "fr",
                    (),
                    "test",
                    "test-charter",
                )
        return Verdict(
            "publish", (), dict.fromkeys(CATEGORIES, 0.0), "fr", (), "test", "test-charter"
        )


def service(db: Database, settings: Settings, mode: str | None = None) -> CommentService:
    upgrade(db.engine)
    with db.session() as session:
        site = ensure_site(session, "journal", "Le Journal", [], datetime.now(UTC))
        site.moderation_mode = mode
    return CommentService(db, ScriptedEngine(), settings)
