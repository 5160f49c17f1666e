"""Statements of reasons (DSA art. 17): every hold, reject or removal, by the engine or a
person, stores one — the decision, the clause and the words at fault, automatic or human, how
to contest — and nothing of a moderator's note."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from legal.legal_support import CLAUSE, CLAUSE_TEXT, service
from palabre.comments.service import NewComment, Reporter
from palabre.legal import statements
from palabre.review import actions
from palabre.review.accounts import Moderator
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.models_legal import Statement

ADMIN = Moderator(1, "chef@journal.example", "admin", "fr", None)


def _statements(db: Database, comment_id: int) -> list[Statement]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Statement).where(Statement.comment_id == comment_id).order_by(Statement.id)
            ).all()
        )


def test_an_engine_reject_states_clause_words_automation_and_redress(
    db: Database, settings: Settings
) -> None:
    comments = service(db, settings, "engine")
    result = comments.post(NewComment(site="journal", thread="a", text="Quelle ordure, cet élu."))
    [stored] = _statements(db, result.comment.id)
    assert (stored.decision, stored.automated, stored.mode) == ("reject", True, "engine")
    assert stored.grounds == [
        {"clause": CLAUSE, "text": CLAUSE_TEXT, "category": "insulte", "words": ["ordure"]}
    ]
    with db.session() as session:
        shown = statements.view(session, stored, 183)
        hidden = statements.view(session, stored, 183, show_harm_words=False)
        english = statements.view(session, stored, 183, "en")
    assert shown.headline.startswith("Votre commentaire a été refusé")
    assert "moyens automatisés" in shown.automation
    assert "contester cette décision jusqu’au" in shown.redress
    assert (shown.appeal_until - stored.created_at).days == 183
    assert shown.grounds[0]["words"] == ["ordure"] and hidden.grounds[0]["words"] == []
    assert english.headline == "Your comment was rejected: it is not published."


def test_a_published_comment_or_an_author_deletion_states_nothing(
    db: Database, settings: Settings
) -> None:
    comments = service(db, settings, "engine")
    result = comments.post(NewComment(site="journal", thread="a", text="Un avis très calme."))
    comments.delete(result.comment.id, result.edit_token)
    assert _statements(db, result.comment.id) == []


def test_a_moderator_removal_is_human_and_never_quotes_the_note(
    db: Database, settings: Settings
) -> None:
    comments = service(db, settings, "engine")
    result = comments.post(NewComment(site="journal", thread="a", text="Un avis douteux."))
    with db.session() as session:
        done = actions.apply(
            session, ADMIN, [result.comment.id], "delete", "NOTE-INTERNE pénible", datetime.now(UTC)
        )
    assert done
    held, deleted = _statements(db, result.comment.id)
    assert (held.decision, held.automated) == ("hold", True)
    assert (deleted.decision, deleted.automated) == ("delete", False)
    assert deleted.grounds[0]["clause"] == CLAUSE  # the charter, not the note
    with db.session() as session:
        shown = statements.view(session, deleted, 183)
    assert "NOTE-INTERNE" not in repr(shown.as_dict())
    assert shown.automation.startswith("Décision prise par une personne")


def test_reports_that_hold_a_comment_produce_a_statement(db: Database, settings: Settings) -> None:
    comments = service(db, settings.replace(reports_to_hold=2), "engine")
    result = comments.post(NewComment(site="journal", thread="a", text="Un avis très calme."))
    comments.report(result.comment.id, "insulte", "", Reporter("10.0.0.1"))
    assert _statements(db, result.comment.id) == []
    comments.report(result.comment.id, "insulte", "", Reporter("10.0.0.2"))
    [stored] = _statements(db, result.comment.id)
    with db.session() as session:
        shown = statements.view(session, stored, 183)
    assert shown.facts.startswith("Plusieurs lecteurs ont signalé")
    assert stored.automated and stored.grounds == []


def test_pre_moderation_holds_are_explained_as_such(db: Database, settings: Settings) -> None:
    comments = service(db, settings, "pre")
    result = comments.post(NewComment(site="journal", thread="a", text="Un avis très calme."))
    [stored] = _statements(db, result.comment.id)
    with db.session() as session:
        shown = statements.view(session, stored, 183)
    assert shown.facts.startswith("Sur cet article, chaque commentaire est relu")
