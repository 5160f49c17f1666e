"""Each importer brings threads, replies, authors, dates and statuses in, neutralises HTML, and a
second run adds nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from interop.interop_support import FIXTURES, SECRET, Counter
from palabre.interop import blogger, disqus, isso, wordpress
from palabre.interop.model import ImportBatch
from palabre.interop.report import ImportReport
from palabre.interop.writer import import_batch
from palabre.storage.db import Database
from palabre.storage.models import Comment, Decision, ModerationAction, Thread
from palabre.typography import french


def _load(db: Database) -> tuple[dict[str, Comment], dict[int, Thread]]:
    with db.session() as session:
        comments = {c.external_id or "": c for c in session.scalars(select(Comment))}
        threads = {t.id: t for t in session.scalars(select(Thread))}
    return comments, threads


def _import_twice(db: Database, batch: ImportBatch, counts: Counter, site: str) -> ImportReport:
    first = import_batch(db, batch, site, secret=SECRET)
    after_first = counts()
    second = import_batch(db, batch, site, secret=SECRET)
    assert second.comments_new == 0 and second.threads_new == 0
    assert second.comments_existing == first.comments_new
    assert counts() == after_first
    return first


def _safe(comment: Comment) -> None:
    for needle in ("<script", "alert(", "onclick", "onerror", "javascript:"):
        assert needle not in comment.html.lower(), comment.html
        assert needle not in comment.text.lower(), comment.text


def test_disqus(migrated: Database, counts: Counter) -> None:
    report = _import_twice(migrated, disqus.read(FIXTURES / "disqus.xml"), counts, "journal")
    assert (report.threads_new, report.comments_new, report.replies_new) == (2, 7, 4)
    assert report.statuses == {"published": 4, "deleted": 1, "rejected": 1, "held": 1}
    c, threads = _load(migrated)
    first = c["1001"]
    thread = threads[first.thread_id]
    assert thread.key == "https://journal.example/politique/sommet-anchorage/"
    assert thread.title == "Sommet à Anchorage : « aucun accord »"
    assert (first.author_name, first.author_email) == ("Jeanne Martin", "jeanne.martin@example.fr")
    assert first.created_at == datetime(2025, 8, 16, 9, 15, tzinfo=UTC)
    assert "<strong>merci</strong>" in first.html
    assert '<a href="https://exemple.org/analyse"' in first.html
    assert "Deuxième paragraphe &amp; fin." in first.html
    _safe(first)
    assert c["1002"].parent_id == first.id and c["1003"].parent_id == c["1002"].id
    assert c["1003"].root_id == first.id and first.root_id == first.id
    assert c["1003"].author_email is None and "🤔" in c["1003"].text
    deleted = c["1004"]
    assert (deleted.status, deleted.text, deleted.author_name) == ("deleted", "", None)
    assert deleted.parent_id == first.id and deleted.deleted_at is not None
    assert c["1005"].status == "rejected" and c["1006"].status == "held"
    assert c["1007"].parent_id == c["1006"].id  # listed before its parent in the file
    with migrated.session() as session:
        actions = session.scalars(select(ModerationAction)).all()
        assert session.scalars(select(Decision)).all() == []
    assert {(a.actor, a.action) for a in actions} == {("import disqus", "import")}
    assert len(actions) == 7


def test_wordpress_latin1(migrated: Database, counts: Counter) -> None:
    batch = wordpress.read(FIXTURES / "wordpress-latin1.xml")
    report = _import_twice(migrated, batch, counts, "ouest")
    assert report.skipped == {"pingback ou trackback": 1}
    assert (report.threads_new, report.comments_new, report.replies_new) == (2, 6, 3)
    c, threads = _load(migrated)
    assert {t.key for t in threads.values()} == {
        "https://ouest.example/2025/03/municipales-liste/",
        "https://ouest.example/?p=44",
    }
    first = c["7"]
    assert first.author_name == "Hélène Dubois"
    assert first.created_at == datetime(2025, 3, 3, 9, 12, tzinfo=UTC)
    assert "« on y croit »" in first.text and "équipe" in first.text
    assert "<strong>Bravo</strong>" in first.html
    _safe(first)
    assert "😀" in c["8"].text and c["8"].author_email is None  # invalid address dropped
    assert c["9"].parent_id == c["8"].id and c["8"].parent_id == first.id
    assert c["9"].status == "held"
    assert c["9"].created_at == datetime(2025, 3, 3, 12, 30, tzinfo=UTC)  # no GMT date
    assert (c["10"].status, c["11"].status) == ("rejected", "deleted")
    assert c["20"].author_name == "Élodie"


def test_isso(migrated: Database, counts: Counter, isso_db: Path) -> None:
    batch = isso.read(isso_db, "https://Rail.Example")
    report = _import_twice(migrated, batch, counts, "rail")
    assert (report.threads_new, report.comments_new, report.replies_new) == (2, 6, 3)
    c, threads = _load(migrated)
    first = c["1"]
    assert threads[first.thread_id].key == "https://rail.example/2024/06/greve-sncf/"
    assert threads[c["6"].thread_id].title == ""
    assert first.created_at == datetime.fromtimestamp(1717236000.5, UTC)
    assert "<strong>Enfin</strong>" in first.html and "<blockquote>" in first.html
    assert "<em>du tout</em>" in c["2"].html
    _safe(c["2"])
    assert c["3"].parent_id == c["2"].id and c["3"].root_id == first.id
    assert '<a href="https://insee.fr"' in c["3"].html
    assert (c["4"].status, c["5"].status) == ("deleted", "held")
    assert "\x07" not in c["5"].text
    assert "<code>surtout</code>" in c["6"].html


def test_blogger_current_and_legacy(migrated: Database, counts: Counter) -> None:
    report = _import_twice(migrated, blogger.read(FIXTURES / "blogger.xml"), counts, "blog")
    assert (report.threads_new, report.comments_new, report.replies_new) == (1, 5, 2)
    c, threads = _load(migrated)
    assert threads[c["6001"].thread_id].key == (
        "https://chroniques.blogspot.com/2025/08/sommet-trump-poutine-anchorage.html"
    )
    assert c["6001"].author_email is None  # Blogger's noreply address
    assert c["6001"].created_at == datetime(2025, 8, 16, 7, 0, tzinfo=UTC)
    assert "<strong>vrai</strong>" in c["6001"].html and "l'Ukraine" in c["6001"].text
    _safe(c["6002"])
    assert c["6002"].parent_id == c["6001"].id and c["6003"].parent_id == c["6002"].id
    assert [c[k].status for k in ("6003", "6004", "6005")] == ["held", "deleted", "rejected"]
    legacy = import_batch(
        migrated, blogger.read(FIXTURES / "blogger-legacy.xml"), "blog", secret=SECRET
    )
    assert (legacy.comments_new, legacy.replies_new) == (2, 1)
    c, threads = _load(migrated)
    assert threads[c["22"].thread_id].key == (
        "http://ancien.blogspot.com/2012/05/premier-billet.html"
    )
    assert c["22"].parent_id == c["21"].id


def test_base_url_rebases_threads(migrated: Database) -> None:
    batch = disqus.read(FIXTURES / "disqus.xml", base_url="https://nouveau.example")
    assert {t.key for t in batch.threads} == {
        "https://nouveau.example/politique/sommet-anchorage/",
        "https://nouveau.example/economie/budget",
    }


def test_dry_run_reports_and_changes_nothing(migrated: Database, counts: Counter) -> None:
    before = counts()
    batch = disqus.read(FIXTURES / "disqus.xml")
    report = import_batch(migrated, batch, "journal", secret=SECRET, dry_run=True)
    assert counts() == before
    assert report.dry_run and report.site_created and report.comments_new == 7
    per_thread = report.per_thread["https://journal.example/politique/sommet-anchorage/"]
    assert (per_thread.new, per_thread.replies) == (5, 3)
    text = "\n".join(report.lines())
    assert french("Simulation (rien n'a été écrit)") in text and "1 refusés (spam)" in text
    real = import_batch(migrated, batch, "journal", secret=SECRET)
    assert real.as_dict() | {"dry_run": True} == report.as_dict()


def test_imported_author_key_matches_the_comments_service(migrated: Database) -> None:
    from palabre.comments.service import CommentService
    from palabre.settings import load_settings

    import_batch(migrated, disqus.read(FIXTURES / "disqus.xml"), "journal", secret=SECRET)
    c, _ = _load(migrated)
    service = CommentService(
        migrated,
        moderator=None,  # type: ignore[arg-type]
        settings=load_settings(environ={}, secret_key=SECRET),
    )
    assert c["1001"].author_key == service._author_key("jeanne.martin@example.fr", None)


def test_utf16_and_windows_1252_declared_encodings(tmp_path: Path) -> None:
    text = (FIXTURES / "disqus.xml").read_text(encoding="utf-8")
    utf16 = tmp_path / "utf16.xml"
    utf16.write_bytes(text.replace('encoding="utf-8"', 'encoding="UTF-16"').encode("utf-16"))
    assert [c.text for c in disqus.read(utf16).comments] == [
        c.text for c in disqus.read(FIXTURES / "disqus.xml").comments
    ]
    cp1252 = tmp_path / "cp1252.xml"
    legacy = text.replace('encoding="utf-8"', 'encoding="windows-1252"')
    legacy = legacy.replace("🤔", "&#129300;").replace("😀", "&#128512;")
    cp1252.write_bytes(legacy.encode("cp1252"))
    batch = disqus.read(cp1252)
    assert "— en attente de validation 😀" in batch.comments[-1].text
    assert "Md€" in batch.comments[-1].text
