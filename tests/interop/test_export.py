"""The palabre export: documented JSON that reads back to the same data (round trip), the audit
log as CSV for Excel."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from interop.interop_support import FIXTURES, SECRET, Counter, StubModerator
from palabre.comments.service import CommentService, NewComment
from palabre.interop import disqus, palabre_format
from palabre.interop.export import audit_csv, export_site, schema
from palabre.interop.writer import import_batch
from palabre.settings import Settings
from palabre.storage.db import Database
from palabre.storage.migrate import upgrade
from palabre.storage.models import Subscription, Thread
from palabre.storage.models_review import Ban

NOW = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)
ID_FIELDS = {"id", "thread_id", "comment_id", "parent_id", "decision_id"}


def _populate(db: Database, settings: Settings) -> None:
    """Imported comments, native ones with decisions and reasons, a report, a subscription."""
    import_batch(db, disqus.read(FIXTURES / "disqus.xml"), "journal", secret=SECRET, now=NOW)
    service = CommentService(
        db, StubModerator(), settings, clock=lambda: NOW + timedelta(minutes=5)
    )
    thread = "https://journal.example/politique/sommet-anchorage/"
    ok = service.post(
        NewComment(
            site="journal",
            thread=thread,
            text="Merci pour ce **résumé**.",
            author="Zoé",
            email="zoe@example.fr",
        )
    )
    service.post(
        NewComment(
            site="journal",
            thread=thread,
            text="Quel idiot, ce commentateur.",
            parent=ok.comment.id,
            author="Max",
        )
    )
    service.post(NewComment(site="journal", thread="article-natif", text="Allez au casino !"))
    service.report(ok.comment.id, "hors_sujet", "Pas le sujet")
    with db.session() as session:
        thread_id = session.query(Thread.id).filter(Thread.key == thread).scalar()
        session.add(
            Subscription(
                thread_id=thread_id,
                email="abonne@example.fr",
                mode="immediate",
                token="t" * 32,
                created_at=NOW,
                confirmed_at=NOW,
            )
        )
        site_id = session.query(Thread.site_id).filter(Thread.key == thread).scalar()
        session.add(
            Ban(
                site_id=site_id,
                author_email="troll@example.fr",
                comment_id=ok.comment.id,
                note="récidive",
                created_by="chef@journal.example",
                created_at=NOW,
                expires_at=NOW + timedelta(days=7),
            )
        )


def _modulo_ids(data: dict[str, Any]) -> dict[str, Any]:
    """Ids renumbered by order of appearance, the export date dropped."""
    data = json.loads(json.dumps(data))
    data.pop("exported_at")
    maps: dict[str, dict[int, int]] = {"thread": {}, "comment": {}, "decision": {}}
    for kind, rows in (("thread", "threads"), ("comment", "comments"), ("decision", "decisions")):
        for index, row in enumerate(data[rows], start=1):
            maps[kind][row["id"]] = index
    for name in ("threads", "comments", "decisions", "reports", "audit", "subscriptions", "bans"):
        for index, row in enumerate(data[name], start=1):
            for field in ID_FIELDS & row.keys():
                value = row[field]
                if value is None:
                    continue
                refers = {
                    "thread_id": "thread",
                    "comment_id": "comment",
                    "parent_id": "comment",
                    "decision_id": "decision",
                }.get(field)
                row[field] = maps[refers][value] if refers else index
    return data


def test_round_trip_export_import_export(
    migrated: Database, settings: Settings, tmp_path: Path
) -> None:
    _populate(migrated, settings)
    first = export_site(migrated, "journal", NOW)
    assert (first["format"], first["version"]) == ("palabre-export", 1)
    assert len(first["comments"]) == 10 and len(first["reports"]) == 1
    assert any(
        d["reasons"] and d["reasons"][0]["clause"] == "clause-insulte" for d in first["decisions"]
    )
    assert len(first["subscriptions"]) == 1
    assert first["bans"][0]["author_email"] == "troll@example.fr"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(first, ensure_ascii=False), encoding="utf-8")

    target = Database(f"sqlite:///{tmp_path / 'vide.sqlite3'}")
    try:
        upgrade(target.engine, "heads")
        report = import_batch(target, palabre_format.read(path), "journal", secret="autre")
        assert report.comments_new == 10 and report.site_created
        second = export_site(target, "journal", NOW + timedelta(days=1))
        assert _modulo_ids(second) == _modulo_ids(first)
        again = import_batch(target, palabre_format.read(path), "journal", secret="autre")
        assert again.comments_new == 0 and again.comments_existing == 10
        assert _modulo_ids(export_site(target, "journal", NOW)) == _modulo_ids(first)
    finally:
        target.dispose()


def test_export_follows_its_json_schema(migrated: Database, settings: Settings) -> None:
    _populate(migrated, settings)
    data = export_site(migrated, "journal", NOW)
    spec = schema()
    assert set(spec["required"]) == set(data)
    for name, rows in data.items():
        if not isinstance(rows, list):
            continue
        item = spec["properties"][name]["items"]
        for row in rows:
            assert set(item["required"]) <= set(row), name
            assert set(row) <= set(item["properties"]), name
    assert set(spec["properties"]["site"]["required"]) == set(data["site"])
    doc = (Path(__file__).parents[2] / "docs" / "migration.md").read_text(encoding="utf-8")
    for name in spec["required"]:
        assert f"`{name}`" in doc, name


def test_audit_csv_for_excel(migrated: Database, settings: Settings) -> None:
    _populate(migrated, settings)
    raw = audit_csv(migrated, "journal")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:5] == ["Date (UTC)", "Commentaire", "Article", "Acteur", "Action"]
    assert len(rows) == 1 + 7 + 3  # 7 imported, 3 moderated on posting
    assert {"import disqus", "système"} == {r[3] for r in rows[1:]}
    assert any(r[7] == "clause-insulte" for r in rows[1:])


def test_palabre_import_counts_nothing_twice(
    migrated: Database, counts: Counter, settings: Settings, tmp_path: Path
) -> None:
    _populate(migrated, settings)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export_site(migrated, "journal", NOW)), encoding="utf-8")
    before = counts()
    report = import_batch(migrated, palabre_format.read(path), "journal", secret=SECRET)
    assert report.comments_new == 0 and report.threads_new == 0
    assert counts() == before
