"""`palabre export`: every piece of a site's data as one versioned JSON document, and the audit
log as CSV for a spreadsheet. The format is documented in docs/migration.md and described by
`palabre-export.schema.json` (JSON Schema) beside this module."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre import __version__
from palabre.comments.sites import get_site
from palabre.csv_format import csv_text
from palabre.storage.db import Database
from palabre.storage.models import (
    Comment,
    Decision,
    ModerationAction,
    Report,
    Site,
    Subscription,
    Thread,
)
from palabre.storage.models_review import Ban

FORMAT: Final = "palabre-export"
VERSION: Final = 1
THREAD_FIELDS: Final = ("id", "key", "title", "url", "created_at")
COMMENT_FIELDS: Final = (
    "id",
    "thread_id",
    "parent_id",
    "author_name",
    "author_email",
    "author_key",
    "text",
    "html",
    "status",
    "created_at",
    "edited_at",
    "deleted_at",
    "report_count",
    "import_source",
    "external_id",
    "author_verified",
    "author_external_id",
)
DECISION_FIELDS: Final = (
    "id",
    "comment_id",
    "decision",
    "reasons",
    "scores",
    "corrections",
    "language",
    "engine_version",
    "charter_version",
    "created_at",
)
REPORT_FIELDS: Final = (
    "id",
    "comment_id",
    "reason",
    "details",
    "reporter_key",
    "status",
    "created_at",
)
AUDIT_FIELDS: Final = (
    "id",
    "comment_id",
    "actor",
    "action",
    "from_status",
    "to_status",
    "clauses",
    "note",
    "decision_id",
    "created_at",
)
SUBSCRIPTION_FIELDS: Final = (
    "id",
    "thread_id",
    "email",
    "mode",
    "confirmed_at",
    "token",
    "created_at",
    "locale",
    "last_digest_at",
)
BAN_FIELDS: Final = (
    "id",
    "author_key",
    "author_email",
    "comment_id",
    "note",
    "created_by",
    "created_at",
    "expires_at",
    "lifted_at",
    "lifted_by",
)
AUDIT_CSV_HEADERS: Final = (
    "Date (UTC)",
    "Commentaire",
    "Article",
    "Acteur",
    "Action",
    "Statut avant",
    "Statut après",
    "Clauses",
    "Note",
    "Décision",
)


def schema() -> dict[str, Any]:
    """The JSON Schema of the export format."""
    import json

    text = (resources.files("palabre.interop") / "palabre-export.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _row(obj: object, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: _value(getattr(obj, name)) for name in fields}


def export_site(db: Database, site_key: str, now: datetime) -> dict[str, Any]:
    """All data of one site, ordered by id (so two exports of the same data are equal)."""
    with db.session() as session:
        site = get_site(session, site_key)
        threads = session.scalars(
            select(Thread).where(Thread.site_id == site.id).order_by(Thread.id)
        ).all()
        comments = session.scalars(
            select(Comment)
            .join(Thread, Comment.thread_id == Thread.id)
            .where(Thread.site_id == site.id)
            .order_by(Comment.id)
        ).all()
        return {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": now.isoformat(),
            "generator": f"palabre {__version__}",
            "site": _site(site),
            "threads": [_row(t, THREAD_FIELDS) for t in threads],
            "comments": [_row(c, COMMENT_FIELDS) for c in comments],
            "decisions": _related(session, Decision, site, DECISION_FIELDS),
            "reports": _related(session, Report, site, REPORT_FIELDS),
            "audit": _related(session, ModerationAction, site, AUDIT_FIELDS),
            "subscriptions": [
                _row(s, SUBSCRIPTION_FIELDS)
                for s in session.scalars(
                    select(Subscription)
                    .join(Thread, Subscription.thread_id == Thread.id)
                    .where(Thread.site_id == site.id)
                    .order_by(Subscription.id)
                )
            ],
            "bans": [
                _row(b, BAN_FIELDS)
                for b in session.scalars(select(Ban).where(Ban.site_id == site.id).order_by(Ban.id))
            ],
        }


def _site(site: Site) -> dict[str, Any]:
    return {
        "key": site.key,
        "name": site.name,
        "origins": list(site.origins),
        "auto_create_threads": site.auto_create_threads,
        "created_at": site.created_at.isoformat(),
    }


def _related(
    session: Session,
    model: type[Decision] | type[Report] | type[ModerationAction],
    site: Site,
    fields: tuple[str, ...],
) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(model)
        .join(Comment, model.comment_id == Comment.id)
        .join(Thread, Comment.thread_id == Thread.id)
        .where(Thread.site_id == site.id)
        .order_by(model.id)
    ).all()
    return [_row(r, fields) for r in rows]


def audit_rows(db: Database, site_key: str) -> Iterator[list[str]]:
    """The audit log of a site, oldest first, as CSV cells with French headers."""
    yield list(AUDIT_CSV_HEADERS)
    with db.session() as session:
        site = get_site(session, site_key)
        rows = session.execute(
            select(ModerationAction, Thread.key)
            .join(Comment, ModerationAction.comment_id == Comment.id)
            .join(Thread, Comment.thread_id == Thread.id)
            .where(Thread.site_id == site.id)
            .order_by(ModerationAction.created_at, ModerationAction.id)
        ).all()
        for action, thread_key in rows:
            yield [
                action.created_at.strftime("%Y-%m-%d %H:%M:%S"),
                str(action.comment_id),
                thread_key,
                action.actor,
                action.action,
                action.from_status or "",
                action.to_status,
                ", ".join(str(c) for c in action.clauses),
                action.note,
                str(action.decision_id or ""),
            ]


def audit_csv(db: Database, site_key: str, sep: str = ";") -> bytes:
    """palabre's one CSV convention (palabre.csv_format): UTF-8 with a byte-order mark, « ; »
    unless told otherwise, as French Excel expects."""
    return csv_text(audit_rows(db, site_key), sep).encode("utf-8")
