"""Re-moderation: a report that changes nothing, then --apply with a decision and an audit row
per change (actor « re-modération »)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from interop.interop_support import FIXTURES, SECRET, Counter, StubModerator
from palabre.interop import wordpress
from palabre.interop.remoderate import remoderate
from palabre.interop.writer import import_batch
from palabre.storage.db import Database
from palabre.storage.models import Comment, Decision, ModerationAction
from palabre.typography import french

NOW = datetime(2026, 2, 1, tzinfo=UTC)


def _seed(db: Database, tmp_path: object) -> None:
    from pathlib import Path

    assert isinstance(tmp_path, Path)
    text = (FIXTURES / "wordpress-latin1.xml").read_bytes()
    text = text.replace(b"Soyez prudents sur les routes.", b"Quel idiot, ce maire.")
    text = text.replace(b"R&#233;ponse avec", b"Allez au casino, idiot. R&#233;ponse avec")
    path = tmp_path / "wp.xml"
    path.write_bytes(text)
    import_batch(db, wordpress.read(path), "ouest", secret=SECRET)


def _published(db: Database) -> dict[str, str]:
    with db.session() as session:
        return {c.external_id or "": c.status for c in session.scalars(select(Comment))}


def test_report_changes_nothing(migrated: Database, counts: Counter, tmp_path: object) -> None:
    _seed(migrated, tmp_path)
    before, statuses = counts(), _published(migrated)
    report = remoderate(migrated, StubModerator(), site="ouest", now=NOW)
    assert counts() == before and _published(migrated) == statuses
    assert report.examined == 3  # published ones only: 7, 8, 20
    assert report.decisions == {"publish": 1, "hold": 1, "reject": 1}
    assert report.changes == {"published → held": 1, "published → rejected": 1}
    assert report.clauses == {"clause-insulte": 2, "clause-spam": 1}
    assert report.categories == {"insulte": 2, "spam": 1}
    examples = report.examples["clause-insulte"]
    assert len(examples) == 2 and examples[0].words == ("idiot",)
    text = "\n".join(report.lines())
    assert french("rien n'a été modifié") in text and "[mots\u00a0: «\u00a0idiot\u00a0»]" in text
    assert french("Clause « clause-spam » — Pas de spam : 1") in text


def test_apply_holds_and_audits(migrated: Database, tmp_path: object) -> None:
    _seed(migrated, tmp_path)
    report = remoderate(migrated, StubModerator(), apply=True, now=NOW)
    assert report.applied and report.examined == 3
    statuses = _published(migrated)
    assert (statuses["20"], statuses["8"], statuses["7"]) == ("held", "rejected", "published")
    with migrated.session() as session:
        actions = session.scalars(
            select(ModerationAction).where(ModerationAction.actor == "re-modération")
        ).all()
        decisions = session.scalars(select(Decision)).all()
    assert len(actions) == 2 and len(decisions) == 2
    assert {(a.from_status, a.to_status) for a in actions} == {
        ("published", "held"),
        ("published", "rejected"),
    }
    assert all(a.decision_id in {d.id for d in decisions} for a in actions)
    assert {d.charter_version for d in decisions} == {"test-1"}
    again = remoderate(migrated, StubModerator(), apply=True, now=NOW)
    assert again.examined == 1 and not again.changes


def test_since_and_site_filters(migrated: Database, tmp_path: object) -> None:
    _seed(migrated, tmp_path)
    assert (
        remoderate(
            migrated, StubModerator(), since=datetime(2025, 10, 1, tzinfo=UTC), now=NOW
        ).examined
        == 1
    )
    from palabre.errors import PalabreError

    try:
        remoderate(migrated, StubModerator(), site="inconnu", now=NOW)
    except PalabreError as exc:
        assert exc.code == "site_inconnu"
    else:
        raise AssertionError("site inconnu accepté")


def test_failing_engine_holds_for_a_human(migrated: Database, tmp_path: object) -> None:
    _seed(migrated, tmp_path)

    class Broken:
        def check(self, text: str, context: object = None) -> object:
            raise RuntimeError("panne")

    report = remoderate(migrated, Broken(), apply=True, now=NOW)  # type: ignore[arg-type]
    assert report.decisions == {"hold": 3} and set(report.clauses) == {"moteur"}
