"""Charter versions edited from the dashboard. Each save is a new numbered row; the highest is
the active charter. Clauses may be retired, never removed, so old decisions keep their meaning.
`CharterSource` is the one place that says which charter is active (the latest saved version,
else the configured file, else the shipped default), parsed once per version;
`CharterAwareModerator` makes the running engine follow it."""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from palabre.moderation.charter import (
    DEFAULT_CHARTER,
    Charter,
    CharterError,
    default_charter,
    load_charter,
)
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


# The active version's number (built once: it is asked before every check).
_ACTIVE_NUMBER: Final = select(func.max(CharterVersion.number))


def active_number(db: Database) -> int | None:
    """One indexed statement on a Core connection (no ORM session: a moderation worker asks it
    for every comment, docs/benchmarks.md, issue 21)."""
    with db.engine.connect() as connection:
        number: int | None = connection.execute(_ACTIVE_NUMBER).scalar()
        return number


def file_source(charter_path: str = "") -> str:
    """The TOML text of the configured charter file, or of the shipped default."""
    if charter_path:
        return Path(charter_path).read_text(encoding="utf-8")
    ref = resources.files("palabre.moderation").joinpath("charters", DEFAULT_CHARTER)
    return ref.read_text(encoding="utf-8")


def active_charter(db: Database, fallback: Charter | None = None) -> Charter:
    """The charter the engine uses: the latest saved version, else `fallback` (the configured
    file), else the shipped default (see `CharterSource`)."""
    source = CharterSource(db)
    number = source.version()
    return source.charter(number) if number is not None else fallback or default_charter()


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
    old, new = _preview_engine(current), _preview_engine(proposed)
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


def _preview_engine(charter: Charter) -> CharterEngine:
    """An engine for a previewed charter (cheap to build: the detectors' models are shared)."""
    from palabre.moderation.charter_engine import build_engine

    engine = build_engine(charter)
    engine.budget_s = PREVIEW_BUDGET_S
    return engine


class CharterSource:
    """Which charter is active, and its text: the latest version saved from the dashboard, else
    the configured file (`charter_path`), else the shipped default. Versioned by the saved
    version's number (None while none is saved); each version is read and parsed once."""

    def __init__(self, db: Database, charter_path: str = "") -> None:
        self.db = db
        self.charter_path = charter_path
        self._file: Charter | None = None
        self._file_text: str | None = None
        self._saved: tuple[int, Charter] | None = None
        self._lock = threading.Lock()

    def version(self) -> int | None:
        """The number of the active saved version (one indexed query), None when none is."""
        return active_number(self.db)

    def file_charter(self) -> Charter:
        """The configured file's charter, or the shipped default (read once)."""
        with self._lock:
            if self._file is None:
                self._file = load_charter(self.charter_path or None)
            return self._file

    def charter(self, version: int | None = None) -> Charter:
        """The active charter (`version`: one already read by `version()`)."""
        number = self.version() if version is None else version
        if number is None:
            return self.file_charter()
        with self._lock:
            if self._saved is not None and self._saved[0] == number:
                return self._saved[1]
        with self.db.session() as session:
            row = session.scalar(select(CharterVersion).where(CharterVersion.number == number))
            source = row.source if row is not None else None
        if source is None:  # versions are never deleted; a number not saved (yet)
            return self.file_charter()
        charter = parse_charter(source, source=f"dashboard#{number}")
        with self._lock:
            self._saved = (number, charter)
        return charter

    def text(self) -> str:
        """The TOML text of the active charter (what the dashboard's editor starts from)."""
        with self.db.session() as session:
            version = active_version(session)
            if version is not None:
                return version.source
        with self._lock:
            if self._file_text is None:
                self._file_text = file_source(self.charter_path)
            return self._file_text


class CharterAwareModerator:
    """A `ModerationEngine` that checks with the active charter version saved from the
    dashboard (`CharterSource`), and with `fallback` (the configured engine) while none is
    saved. A new save takes effect on the next comment: one indexed `max(number)` query per
    check tells whether to rebuild; the engine is built once per version."""

    def __init__(self, source: CharterSource | Database, fallback: ModerationEngine) -> None:
        self.source = source if isinstance(source, CharterSource) else CharterSource(source)
        self.fallback = fallback
        self._engine: tuple[int, CharterEngine] | None = None
        self._lock = threading.Lock()

    def current(self) -> ModerationEngine:
        number = self.source.version()
        if number is None:
            return self.fallback
        from palabre.moderation.charter_engine import build_engine

        with self._lock:  # checks run on several threads: one build per version
            if self._engine is None or self._engine[0] != number:
                self._engine = (number, build_engine(self.source.charter(number)))
            return self._engine[1]

    def check(self, text: str, context: CheckContext | None = None) -> Verdict:
        return self.current().check(text, context)
