"""Stores an `ImportBatch` in one transaction: all of it or, on any error, nothing.

Idempotent: each comment keeps `(import_source, external_id)` (unique per thread), so a second
run of the same file finds every comment and adds nothing. Comments keep their source status and
are not re-moderated (`palabre remoderate` does that on demand); each gets an audit row
« import ». A dry run does the same work and rolls it back, so its report is exact."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.comments.text import render
from palabre.errors import PalabreError
from palabre.interop.model import ImportBatch, ImportedComment, ImportedThread
from palabre.interop.ordering import first_dates, natural_key, parents_first
from palabre.interop.report import ImportReport, ThreadCount
from palabre.interop.restore import restore_ban, restore_history, restore_subscription
from palabre.status import CommentStatus
from palabre.storage.db import Database
from palabre.storage.models import (
    Comment,
    ModerationAction,
    Site,
    Thread,
)

Progress = Callable[[int], None]


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass(slots=True)
class _Target:
    thread: Thread
    count: ThreadCount


def import_batch(
    db: Database,
    batch: ImportBatch,
    site_key: str,
    *,
    secret: str,
    dry_run: bool = False,
    progress: Progress | None = None,
    now: datetime | None = None,
) -> ImportReport:
    report = ImportReport(batch.source, site_key, dry_run, skipped=dict(batch.skipped))
    writer = _Writer(batch, report, secret, now or datetime.now(UTC), progress)
    try:
        with db.session() as session:
            writer.run(session, site_key)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


class _Writer:
    def __init__(
        self,
        batch: ImportBatch,
        report: ImportReport,
        secret: str,
        now: datetime,
        progress: Progress | None,
    ) -> None:
        self.batch = batch
        self.report = report
        self.secret = secret.encode()[:64]
        self.now = now
        self.progress = progress
        self.targets: dict[str, _Target] = {}
        self.ids: dict[tuple[str, str], int] = {}  # (thread ext id, comment ext id) → id
        self.roots: dict[int, int] = {}
        self.decision_ids: dict[int, int] = {}
        self.seen: set[int] = set()

    def run(self, session: Session, site_key: str) -> None:
        site = self._site(session, site_key)
        firsts = first_dates(self.batch.comments)
        for thread in self.batch.threads:
            self._thread(session, site, thread, firsts.get(thread.external_id))
        self._known(session)
        for done, comment in enumerate(parents_first(self.batch.comments), start=1):
            self._comment(session, comment)
            if self.progress:
                self.progress(done)
        self._subscriptions(session)
        self._bans(session, site)
        session.flush()

    def _site(self, session: Session, key: str) -> Site:
        site = session.scalar(select(Site).where(Site.key == key))
        if site is None:
            site = Site(
                key=key,
                name=self.batch.site_name[:200] or key,
                origins=list(self.batch.site_origins),
                auto_create_threads=self.batch.site_auto_create,
                created_at=self.batch.site_created_at or self.now,
            )
            session.add(site)
            session.flush()
            self.report.site_created = True
        return site

    def _thread(
        self, session: Session, site: Site, source: ImportedThread, first: datetime | None
    ) -> None:
        if len(source.key) > 1000:
            raise PalabreError(
                "import_valeur_invalide",
                params={
                    "place": f"fil {source.external_id}",
                    "field": "url",
                    "value": source.key[:60],
                },
            )
        thread = session.scalar(
            select(Thread).where(Thread.site_id == site.id, Thread.key == source.key)
        )
        if thread is None:
            thread = Thread(
                site_id=site.id,
                key=source.key,
                title=source.title[:500],
                url=source.url[:2000],
                created_at=source.created_at or first or self.now,
            )
            session.add(thread)
            session.flush()
            self.report.threads_new += 1
        else:
            if source.title and not thread.title:
                thread.title = source.title[:500]
            if thread.id not in self.seen:
                self.report.threads_existing += 1
        self.seen.add(thread.id)
        count = self.report.per_thread.setdefault(thread.key, ThreadCount(thread.title))
        self.targets[source.external_id] = _Target(thread, count)

    def _known(self, session: Session) -> None:
        """Comments of these threads already imported from this source (by a previous run)."""
        by_thread: dict[int, list[str]] = {}
        for ext, target in self.targets.items():
            by_thread.setdefault(target.thread.id, []).append(ext)
        ids = sorted(by_thread)
        for start in range(0, len(ids), 500):
            rows = session.execute(
                select(
                    Comment.thread_id,
                    Comment.import_source,
                    Comment.external_id,
                    Comment.id,
                    Comment.root_id,
                    Comment.created_at,
                    Comment.author_name,
                    Comment.text,
                ).where(Comment.thread_id.in_(ids[start : start + 500]))
            ).all()
            for thread_id, source, external, ident, root, created, author, text in rows:
                for ext_thread in by_thread[thread_id]:
                    if source is not None and external is not None:
                        self.ids[(ext_thread, f"{source}\x00{external}")] = ident
                    self.ids[(ext_thread, natural_key(created, author, text))] = ident
                self.roots[ident] = root or ident

    def _comment(self, session: Session, source: ImportedComment) -> None:
        target = self.targets.get(source.thread_id)
        if target is None:
            raise PalabreError(
                "import_valeur_invalide",
                params={"place": source.place, "field": "fil", "value": source.thread_id[:60]},
            )
        origin, external = self._provenance(source)
        key = (
            source.thread_id,
            f"{origin}\x00{external}"
            if origin
            else natural_key(source.created_at, source.author_name, source.text),
        )
        if key in self.ids:
            target.count.existing += 1
            self.report.comments_existing += 1
            self.ids[(source.thread_id, "\x01" + source.external_id)] = self.ids[key]
            return
        parent_id = self.ids.get((source.thread_id, "\x01" + (source.parent_id or "")))
        if source.parent_id and parent_id is None:
            self.report.orphans += 1
        comment = self._new_comment(source, target.thread, parent_id, origin, external)
        session.add(comment)
        session.flush()
        comment.root_id = self.roots[parent_id] if parent_id else comment.id
        self.roots[comment.id] = comment.root_id
        self.ids[key] = comment.id
        self.ids[(source.thread_id, "\x01" + source.external_id)] = comment.id
        self._history(session, source, comment)
        target.count.new += 1
        target.count.replies += parent_id is not None
        self.report.comments_new += 1
        self.report.replies_new += parent_id is not None
        self.report.statuses[source.status] += 1

    def _provenance(self, source: ImportedComment) -> tuple[str | None, str | None]:
        if source.history is not None:
            return source.history.import_source, source.history.external_id
        return self.batch.source, source.external_id

    def _new_comment(
        self,
        source: ImportedComment,
        thread: Thread,
        parent_id: int | None,
        origin: str | None,
        external: str | None,
    ) -> Comment:
        history = source.history
        deleted = source.status == CommentStatus.DELETED
        email = None if deleted else source.author_email
        return Comment(
            thread_id=thread.id,
            parent_id=parent_id,
            author_name=None if deleted else source.author_name,
            author_email=email,
            author_key=history.author_key if history else self._author_key(email),
            text="" if deleted else source.text,
            html=""
            if deleted
            else (history.html if history and history.html is not None else render(source.text)),
            status=source.status,
            created_at=source.created_at,
            edited_at=history.edited_at if history else None,
            deleted_at=(history.deleted_at if history else None)
            or (source.created_at if deleted else None),
            report_count=history.report_count if history else 0,
            edit_nonce=secrets.token_hex(8),
            author_verified=history.author_verified if history else False,
            author_external_id=history.author_external_id if history else None,
            import_source=origin,
            external_id=external,
        )

    def _author_key(self, email: str | None) -> str | None:
        """The same key the comments service derives from an address (so repeat detection and
        author bans see imported comments too)."""
        if not email:
            return None
        return hashlib.blake2b(email.encode(), key=self.secret, digest_size=16).hexdigest()

    def _history(self, session: Session, source: ImportedComment, comment: Comment) -> None:
        if source.history is not None:
            restore_history(session, comment.id, source.history, self.decision_ids)
            return
        session.add(
            ModerationAction(
                comment_id=comment.id,
                actor=f"import {self.batch.source}",
                action="import",
                from_status=None,
                to_status=comment.status,
                clauses=[],
                note=f"{self.batch.source} {source.external_id}",
                created_at=self.now,
            )
        )

    def _bans(self, session: Session, site: Site) -> None:
        """A palabre export's bans, unless the same ban (author, date) is already there."""
        thread_of = {c.external_id: c.thread_id for c in self.batch.comments}
        for row in self.batch.bans:
            external = row.get("comment_id")
            comment_id = None
            if external is not None and external in thread_of:
                comment_id = self.ids.get((thread_of[external], "\x01" + external))
            restore_ban(session, site.id, comment_id, row)

    def _subscriptions(self, session: Session) -> None:
        for row in self.batch.subscriptions:
            target = self.targets.get(str(row["thread_id"]))
            if target is not None:
                restore_subscription(session, target.thread.id, row)
