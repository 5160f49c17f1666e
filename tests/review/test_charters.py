"""Charter versions: validation (clauses retired, never removed), numbering, the engine
following the active version, and the preview."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from palabre.moderation.charter import CharterError, default_charter
from palabre.moderation.findings import CATEGORIES
from palabre.moderation.verdict import Verdict
from palabre.review import charters
from palabre.storage.db import Database
from palabre.storage.migrate import upgrade

NOW = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


def _with_banned_word(source: str, word: str) -> str:
    return source.replace(
        "[mots.interdits]\ninsulte = []", f'[mots.interdits]\ninsulte = ["{word}"]'
    )


class Fallback:
    def check(self, text: str, context: object = None) -> Verdict:
        return Verdict("publish", (), dict.fromkeys(CATEGORIES, 0.0), "fr", (), "fallback", "-")


def test_removing_a_clause_is_refused_retiring_it_is_fine() -> None:
    source = charters.file_source()
    current = default_charter()
    removed = source.replace('id = "pas-de-spam"', 'id = "plus-de-spam"')
    with pytest.raises(CharterError, match="« pas-de-spam » ne peut pas être supprimée"):
        charters.validate(removed, current)
    retired = source.replace('id = "pas-de-spam"', 'id = "pas-de-spam"\nretiree_en = "2026.1"')
    assert charters.validate(retired, current).clause_for("spam") is None
    with pytest.raises(CharterError, match="TOML mal formé"):
        charters.validate(source + "\n[[clause]\n", current)


def test_saved_versions_are_numbered_and_their_label_unique(db: Database) -> None:
    upgrade(db.engine)
    source = _with_banned_word(charters.file_source(), "saperlipopette")
    with db.session() as session:
        first = charters.save_version(session, source, default_charter(), "a@x.fr", "", NOW)
        second = charters.save_version(session, source, default_charter(), "a@x.fr", "bis", NOW)
    assert (first.number, second.number) == (1, 2)
    assert first.label == "2025.08.1+r1" and second.label == "2025.08.1+r2"
    assert 'version = "2025.08.1+r2"' in second.source
    assert charters.active_charter(db).version == "2025.08.1+r2"


def test_the_moderator_follows_the_active_version(db: Database) -> None:
    upgrade(db.engine)
    moderator = charters.CharterAwareModerator(db, Fallback())
    text = "Quelle saperlipopette, cet article."
    assert moderator.check(text).engine_version == "fallback"
    with db.session() as session:
        charters.save_version(
            session,
            _with_banned_word(charters.file_source(), "saperlipopette"),
            default_charter(),
            "a@x.fr",
            "",
            NOW,
        )
    verdict = moderator.check(text)
    assert verdict.charter_version == "2025.08.1+r1"
    assert verdict.decision in {"hold", "reject"}
    assert any(s.text == "saperlipopette" for r in verdict.reasons for s in r.spans)


def test_the_preview_lists_only_changed_decisions() -> None:
    current = default_charter()
    proposed = charters.validate(
        _with_banned_word(charters.file_source(), "saperlipopette"), current
    )
    result = charters.preview(
        current,
        proposed,
        [
            (1, "Merci pour cet article très clair et bien documenté.", "published"),
            (2, "Cette saperlipopette de réforme ne passera pas.", "published"),
        ],
    )
    assert result.examined == 2
    assert [(r.comment_id, r.before) for r in result.changed] == [(2, "publish")]
    assert result.changed[0].after in {"hold", "reject"}
