"""Charter versions edited from the dashboard. Each save is a new numbered row; the highest is
the active charter. Clauses may be retired, never removed, so old decisions keep their meaning.
`CharterAwareModerator` makes the running engine follow the active version."""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from palabre.moderation.charter import DEFAULT_CHARTER, Charter, CharterError, default_charter
from palabre.moderation.charter_parse import parse_charter
from palabre.moderation.engine import ModerationEngine
from palabre.moderation.findings import CheckContext
from palabre.moderation.verdict import Verdict
from palabre.status import DECIDED
from palabre.storage.db import Database
from palabre.storage.models import Comment
from palabre.storage.models_review import CharterVersion

if TYPE_CHECKING:  # the engine is loaded only where it runs (not in a web process in worker mode)
    from palabre.moderation.charter_engine import CharterEngine

_VERSION_LINE = re.compile(r'^(version\s*=\s*)"([^"\n]*)"', re.MULTILINE)


def active_version(session: Session) -> CharterVersion | None:
    return session.scalars(
        select(CharterVersion).order_by(CharterVersion.number.desc()).limit(1)
    ).first()


def active_number(db: Database) -> int | None:
    with db.session() as session:
        return session.scalar(select(func.max(CharterVersion.number)))


def file_source(charter_path: str = "") -> str:
    """The TOML text of the configured charter file, or of the shipped default."""
    if charter_path:
        return Path(charter_path).read_text(encoding="utf-8")
    ref = resources.files("palabre.moderation").joinpath("charters", DEFAULT_CHARTER)
    return ref.read_text(encoding="utf-8")


def active_source(db: Database, charter_path: str = "") -> str:
    with db.session() as session:
        version = active_version(session)
        return version.source if version else file_source(charter_path)


def active_charter(db: Database, fallback: Charter | None = None) -> Charter:
    """The charter the engine uses: the latest saved version, else `fallback` (the configured
    file), else the shipped default."""
    with db.session() as session:
        version = active_version(session)
        source = version.source if version else None
        number = version.number if version else None
    if source is None:
        return fallback or default_charter()
    return parse_charter(source, source=f"dashboard#{number}")


def validate(source: str, current: Charter) -> Charter:
    """The parsed charter, or CharterError: malformed, or a current clause removed."""
    charter = parse_charter(source, source="charte modifiée")
    kept = {c.id for c in charter.clauses}
    for clause in current.clauses:
        if clause.id not in kept:
            raise CharterError(
                f"la clause « {clause.id} » ne peut pas être supprimée : retirez-la "
                f'(retiree_en = "{charter.version}") pour que les décisions passées gardent '
                "leur sens"
            )
    return charter


def save_version(
    session: Session, source: str, current: Charter, actor: str, note: str, now: datetime
) -> CharterVersion:
    """Validates and stores `source` as the new active version. When its `version` label is
    already taken, it gets a revision suffix, so decisions always name one text."""
    charter = validate(source, current)
    number = (session.scalar(select(func.max(CharterVersion.number))) or 0) + 1
    taken = set(session.scalars(select(CharterVersion.label)).all()) | {current.version}
    label = charter.version
    if label in taken:
        label = f"{charter.version.split('+')[0]}+r{number}"[:64]
        source = _VERSION_LINE.sub(lambda m: f'{m[1]}"{label}"', source, count=1)
        parse_charter(source, source="charte modifiée")
    row = CharterVersion(
        number=number,
        label=label,
        source=source,
        note=note[:2000],
        created_by=actor,
        created_at=now,
    )
    session.add(row)
    session.flush()
    return row


def history(session: Session, limit: int = 50) -> list[CharterVersion]:
    return list(
        session.scalars(
            select(CharterVersion).order_by(CharterVersion.number.desc()).limit(limit)
        ).all()
    )


@dataclass(frozen=True, slots=True)
class PreviewRow:
    comment_id: int
    excerpt: str
    status: str
    before: str
    after: str
    after_clauses: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Preview:
    examined: int
    changed: list[PreviewRow]
    before_counts: dict[str, int]
    after_counts: dict[str, int]


def recent_texts(session: Session, limit: int) -> list[tuple[int, str, str]]:
    rows = session.execute(
        select(Comment.id, Comment.text, Comment.status)
        .where(Comment.status.in_(DECIDED), Comment.text != "")
        .order_by(Comment.created_at.desc(), Comment.id.desc())
        .limit(limit)
    ).all()
    return list(rows)


def preview(
    current: Charter, proposed: Charter, comments: Sequence[tuple[int, str, str]]
) -> Preview:
    """What `proposed` would decide on these comments, against what `current` decides on the
    same texts (both without author context, so only the charter differs)."""
    old, new = cached_engine(current, PREVIEW_BUDGET_S), cached_engine(proposed, PREVIEW_BUDGET_S)
    changed: list[PreviewRow] = []
    before: dict[str, int] = {}
    after: dict[str, int] = {}
    for comment_id, text, status in comments:
        a, b = old.check(text), new.check(text)
        before[a.decision] = before.get(a.decision, 0) + 1
        after[b.decision] = after.get(b.decision, 0) + 1
        if a.decision != b.decision:
            clauses = tuple(sorted({r.clause for r in b.reasons}))
            excerpt = text if len(text) <= 160 else text[:157] + "…"
            changed.append(PreviewRow(comment_id, excerpt, status, a.decision, b.decision, clauses))
    return Preview(len(comments), changed, before, after)


# The preview runs off the reader's path: a slow detector should wait, not hold the comment.
PREVIEW_BUDGET_S = 15.0
_ENGINES: dict[str, CharterEngine] = {}
_ENGINES_LOCK = threading.Lock()


def cached_engine(charter: Charter, budget_s: float | None = None) -> CharterEngine:
    """One engine per charter text and time budget (a few kept), built lazily."""
    key = hashlib.sha256(
        repr(
            (
                budget_s,
                charter.version,
                charter.clauses,
                charter.thresholds,
                charter.banned_words,
                charter.suspect_words,
                charter.proper_names,
                charter.allowed_words,
                charter.language_strictness,
            )
        ).encode()
    ).hexdigest()
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            if len(_ENGINES) >= 4:
                _ENGINES.pop(next(iter(_ENGINES)))
            from palabre.moderation.charter_engine import build_engine

            engine = _ENGINES[key] = build_engine(charter)
            if budget_s is not None:
                engine.budget_s = budget_s
        return engine


class CharterAwareModerator:
    """A `ModerationEngine` that checks with the active charter version saved from the dashboard, and
    with `fallback` (the configured engine) while none is saved. A new save takes effect on the
    next comment: one indexed `max(number)` query per check tells whether to rebuild."""

    def __init__(self, db: Database, fallback: ModerationEngine) -> None:
        self.db = db
        self.fallback = fallback
        self._engine: tuple[int, CharterEngine] | None = None
        self._lock = threading.Lock()

    def current(self) -> ModerationEngine:
        number = active_number(self.db)
        if number is None:
            return self.fallback
        with self._lock:
            if self._engine is None or self._engine[0] != number:
                self._engine = (number, cached_engine(active_charter(self.db)))
            return self._engine[1]

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        return self.current().check(text, context)

    def __getattr__(self, name: str) -> Any:  # e.g. `.charter` for code that reads it
        return getattr(self.current(), name)
