"""The common model every importer produces: threads and comments as the source knew them.

Readers only parse and validate; `palabre.interop.writer` stores a whole `ImportBatch` in one
transaction. Statuses are already mapped to palabre's (see docs/migration.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from palabre.status import CommentStatus

STATUSES: Final[tuple[CommentStatus, ...]] = tuple(CommentStatus)
SOURCES: Final[tuple[str, ...]] = ("disqus", "wordpress", "isso", "blogger", "palabre")


@dataclass(frozen=True, slots=True)
class ImportedThread:
    """An article. `key` is the normalised URL (or the key a palabre export carried)."""

    external_id: str
    key: str
    url: str
    title: str = ""
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class History:
    """What only a palabre export carries: moderation history and provenance, restored as is."""

    author_key: str | None = None
    html: str | None = None
    edited_at: datetime | None = None
    deleted_at: datetime | None = None
    report_count: int = 0
    decisions: tuple[dict[str, Any], ...] = ()
    reports: tuple[dict[str, Any], ...] = ()
    audit: tuple[dict[str, Any], ...] = ()
    import_source: str | None = None
    external_id: str | None = None
    author_verified: bool = False
    author_external_id: str | None = None


@dataclass(frozen=True, slots=True)
class ImportedComment:
    """One comment. `text` is already in palabre's Markdown subset; `place` names it in the
    source file for error messages (« commentaire wp:comment_id=12 »)."""

    external_id: str
    thread_id: str
    text: str
    created_at: datetime
    status: CommentStatus
    place: str
    parent_id: str | None = None
    author_name: str | None = None
    author_email: str | None = None
    history: History | None = None


@dataclass(slots=True)
class ImportBatch:
    """Everything read from one file, before anything is written."""

    source: str
    site_key: str = ""
    threads: list[ImportedThread] = field(default_factory=list)
    comments: list[ImportedComment] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    site_name: str = ""
    site_origins: tuple[str, ...] = ()
    site_created_at: datetime | None = None
    site_auto_create: bool = True
    subscriptions: tuple[dict[str, Any], ...] = ()
    bans: tuple[dict[str, Any], ...] = ()  # palabre exports only

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1
