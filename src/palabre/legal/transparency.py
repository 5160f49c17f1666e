"""Transparency report (DSA art. 15 and 24) over a period: notices received by category and
how they were decided, restricting decisions by ground (charter clause, or the legal category
of the notice that caused them) and by automated or human means, median handling times
(notices, appeals, the « À modérer » queue), appeals and reversals.

`load()` reads the rows (audit, statements, notices, appeals) of a period and a scope;
`compute()` is pure and makes the report from them; the CLI and the dashboard both call it.
The report is written as a dict (JSON), as CSV rows (palabre's « ; » convention) and as text."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final

from sqlalchemy import ColumnElement, or_, select, true
from sqlalchemy.orm import Session

from palabre.legal import notices
from palabre.status import CommentStatus
from palabre.storage.models import Comment, ModerationAction, Thread
from palabre.storage.models_legal import Appeal, Notice, Statement
from palabre.typography import french

DECISIONS: Final[dict[str, str]] = {
    "hold": "mise en attente",
    "reject": "rejet",
    "delete": "retrait",
}
NO_GROUND: Final = "aucun motif cité"


@dataclass(frozen=True, slots=True)
class NoticeRow:
    category: str
    created_at: datetime
    decided_at: datetime | None
    outcome: str | None


@dataclass(frozen=True, slots=True)
class StatementRow:
    decision: str  # hold, reject, delete
    automated: bool
    clauses: tuple[tuple[str, str], ...]  # (clause id, clause text)
    legal_category: str | None  # the notice's category, for a removal after a notice
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AppealRow:
    status: str  # open, upheld, reversed
    created_at: datetime
    decided_at: datetime | None


@dataclass(frozen=True, slots=True)
class HeldMove:
    """An audit row that puts a comment into the « À modérer » queue or takes it out."""

    comment_id: int
    from_status: str | None
    to_status: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Rows:
    notices: list[NoticeRow] = field(default_factory=list)
    statements: list[StatementRow] = field(default_factory=list)
    appeals: list[AppealRow] = field(default_factory=list)
    held_moves: list[HeldMove] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Ground:
    kind: str  # clause, categorie, aucun
    id: str
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Report:
    since: date
    until: date
    site: str | None
    notices_by_category: list[tuple[str, str, int]]  # (id, French label, count)
    notices_removed: int
    notices_kept: int
    notices_open: int
    decisions: dict[str, dict[str, int]]  # decision → {"automatique": n, "humaine": n}
    grounds: list[Ground]
    appeals_filed: int
    appeals_upheld: int
    appeals_reversed: int
    appeals_open: int
    median_notice: timedelta | None
    median_appeal: timedelta | None
    median_held: timedelta | None
    held_decided: int

    @property
    def notices_received(self) -> int:
        return sum(n for _, _, n in self.notices_by_category)

    @property
    def automated(self) -> int:
        return sum(d["automatique"] for d in self.decisions.values())

    @property
    def human(self) -> int:
        return sum(d["humaine"] for d in self.decisions.values())

    def as_dict(self) -> dict[str, Any]:
        """The report as JSON: English keys, French labels, durations in seconds."""
        return {
            "period": {"from": self.since.isoformat(), "to": self.until.isoformat()},
            "site": self.site,
            "notices": {
                "received": self.notices_received,
                "by_category": [
                    {"category": c, "label": label, "count": n}
                    for c, label, n in self.notices_by_category
                ],
                "removed": self.notices_removed,
                "kept": self.notices_kept,
                "open": self.notices_open,
                "median_handling_seconds": _seconds(self.median_notice),
            },
            "decisions": {
                "total": self.automated + self.human,
                "automated": self.automated,
                "human": self.human,
                "by_decision": {
                    d: {"label": DECISIONS[d], "automated": c["automatique"], "human": c["humaine"]}
                    for d, c in self.decisions.items()
                },
                "by_ground": [
                    {"kind": g.kind, "id": g.id, "label": g.label, "count": g.count}
                    for g in self.grounds
                ],
            },
            "appeals": {
                "filed": self.appeals_filed,
                "upheld": self.appeals_upheld,
                "reversed": self.appeals_reversed,
                "open": self.appeals_open,
                "median_handling_seconds": _seconds(self.median_appeal),
            },
            "held_queue": {
                "decided": self.held_decided,
                "median_wait_seconds": _seconds(self.median_held),
            },
        }

    def csv_rows(self) -> list[list[str]]:
        """Rows for palabre's CSV convention: rubric, item, label, value (decimal commas)."""
        rows = [
            ["rubrique", "élément", "libellé", "valeur"],
            ["période", "du", "premier jour", self.since.isoformat()],
            ["période", "au", "dernier jour", self.until.isoformat()],
            ["période", "site", "site", self.site or "tous"],
            ["signalements", "reçus", "signalements reçus", str(self.notices_received)],
        ]
        rows += [
            ["signalements par catégorie", c, label, str(n)]
            for c, label, n in self.notices_by_category
        ]
        rows += [
            ["signalements", "retirés", "contenus retirés", str(self.notices_removed)],
            ["signalements", "maintenus", "contenus maintenus", str(self.notices_kept)],
            [
                "signalements",
                "en_attente",
                "sans décision à la fin de la période",
                str(self.notices_open),
            ],
        ]
        for decision, counts in self.decisions.items():
            for means in ("automatique", "humaine"):
                rows.append(
                    [
                        "décisions",
                        f"{decision}_{means}",
                        f"{DECISIONS[decision]}, décision {means}",
                        str(counts[means]),
                    ]
                )
        rows += [
            ["décisions par motif", f"{g.kind}:{g.id}" if g.id else g.kind, g.label, str(g.count)]
            for g in self.grounds
        ]
        rows += [
            ["recours", "déposés", "recours déposés", str(self.appeals_filed)],
            ["recours", "maintenus", "décision maintenue", str(self.appeals_upheld)],
            ["recours", "annulés", "décision annulée", str(self.appeals_reversed)],
            [
                "recours",
                "en_attente",
                "sans décision à la fin de la période",
                str(self.appeals_open),
            ],
        ]
        for key, label, value in self._medians():
            rows.append(["délais médians (heures)", key, label, _hours(value)])
        return rows

    def _medians(self) -> list[tuple[str, str, timedelta | None]]:
        return [
            ("signalements", "du signalement à la décision", self.median_notice),
            ("recours", "du recours à la décision", self.median_appeal),
            ("à_modérer", "de la mise en attente à la décision", self.median_held),
        ]

    def text(self) -> str:
        """The report in French, for a terminal or an e-mail."""
        lines = [
            f"Rapport de transparence du {self.since:%d/%m/%Y} au {self.until:%d/%m/%Y}"
            f" — {'site « ' + self.site + ' »' if self.site else 'tous les sites'}",
            "",
            f"Signalements de contenu illicite reçus : {self.notices_received}",
        ]
        lines += [f"  {label} : {n}" for _, label, n in self.notices_by_category if n]
        lines += [
            f"  décidés : {self.notices_removed} retirés, {self.notices_kept} maintenus ; "
            f"{self.notices_open} sans décision à la fin de la période",
            "",
            f"Décisions restreignant un commentaire : {self.automated + self.human} "
            f"({self.automated} automatiques, {self.human} humaines)",
        ]
        lines += [
            f"  {DECISIONS[d]} : {c['automatique']} automatiques, {c['humaine']} humaines"
            for d, c in self.decisions.items()
        ]
        lines += ["  par motif :"] + [f"    {g.label} : {g.count}" for g in self.grounds]
        lines += [
            "",
            f"Recours : {self.appeals_filed} déposés, {self.appeals_upheld} décisions "
            f"maintenues, {self.appeals_reversed} annulées, {self.appeals_open} en attente",
            "",
            "Délais médians de traitement :",
        ]
        lines += [
            f"  {key.replace('_', ' ')} ({label}) : {duration(value)}"
            for key, label, value in self._medians()
        ]
        return "\n".join(french(line) for line in lines) + "\n"


def _seconds(value: timedelta | None) -> int | None:
    return None if value is None else round(value.total_seconds())


def _hours(value: timedelta | None) -> str:
    return "" if value is None else f"{value.total_seconds() / 3600:.2f}".replace(".", ",")


def duration(value: timedelta | None) -> str:
    """« 35 min », « 2 h 05 », « 3 j 4 h », « — » when there is nothing to measure."""
    if value is None:
        return "—"
    minutes = int(value.total_seconds() // 60)
    if minutes < 1:
        return "< 1 min"
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60:02d}"
    return f"{minutes // 1440} j {minutes % 1440 // 60} h"


def bounds(since: date, until: date) -> tuple[datetime, datetime]:
    """The period as UTC datetimes: from the first day's midnight to the day after the last."""
    start = datetime.combine(since, time())
    return start, datetime.combine(until, time()) + timedelta(days=1)


def _median(values: Iterable[timedelta]) -> timedelta | None:
    found = list(values)
    return statistics.median_low(sorted(found)) if found else None


def _naive(value: datetime) -> datetime:
    return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)


def compute(rows: Rows, since: date, until: date, site: str | None = None) -> Report:
    """The report for `since`–`until` (whole days, UTC) from the rows; nothing else is read."""
    start, end = bounds(since, until)

    def within(at: datetime | None) -> bool:
        return at is not None and start <= _naive(at) < end

    received = [n for n in rows.notices if within(n.created_at)]
    by_category = Counter(n.category for n in received)
    decided = [n for n in rows.notices if within(n.decided_at)]
    open_notices = [n for n in received if n.decided_at is None or _naive(n.decided_at) >= end]

    decisions = {d: {"automatique": 0, "humaine": 0} for d in DECISIONS}
    grounds: Counter[tuple[str, str]] = Counter()
    texts: dict[tuple[str, str], str] = {}
    for s in rows.statements:
        if not within(s.created_at) or s.decision not in decisions:
            continue
        decisions[s.decision]["automatique" if s.automated else "humaine"] += 1
        keys = [("clause", c) for c, _ in s.clauses]
        texts.update({("clause", c): text for c, text in s.clauses if text})
        if s.legal_category:
            keys.append(("categorie", s.legal_category))
        for key in keys or [("aucun", "")]:
            grounds[key] += 1

    filed = [a for a in rows.appeals if within(a.created_at)]
    answered = [a for a in rows.appeals if within(a.decided_at)]
    waits = _held_waits(rows.held_moves, within)
    return Report(
        since,
        until,
        site,
        [(c.id, c.fr, by_category.get(c.id, 0)) for c in notices.CATEGORIES],
        sum(n.outcome == "removed" for n in decided),
        sum(n.outcome == "kept" for n in decided),
        len(open_notices),
        decisions,
        [
            Ground(kind, gid, _ground_label(kind, gid, texts), n)
            for (kind, gid), n in sorted(grounds.items(), key=lambda kv: (-kv[1], kv[0]))
        ],
        len(filed),
        sum(a.status == "upheld" for a in answered),
        sum(a.status == "reversed" for a in answered),
        sum(a.decided_at is None or _naive(a.decided_at) >= end for a in filed),
        _median(
            _naive(n.decided_at) - _naive(n.created_at) for n in decided if n.decided_at is not None
        ),
        _median(
            _naive(a.decided_at) - _naive(a.created_at)
            for a in answered
            if a.decided_at is not None
        ),
        _median(waits),
        len(waits),
    )


def _ground_label(kind: str, gid: str, texts: dict[tuple[str, str], str]) -> str:
    if kind == "categorie":
        return f"{notices.label(gid)} (signalement de contenu illicite)"
    if kind == "clause":
        text = texts.get((kind, gid))
        return f"{gid} — {text}" if text else gid
    return NO_GROUND


def _held_waits(moves: list[HeldMove], within: Any) -> list[timedelta]:
    """How long each comment that left the queue during the period had waited in it."""
    entered: dict[int, datetime] = {}
    waits: list[timedelta] = []
    for move in sorted(moves, key=lambda m: (_naive(m.created_at), m.comment_id)):
        if move.to_status == CommentStatus.HELD and move.from_status != CommentStatus.HELD:
            entered[move.comment_id] = _naive(move.created_at)
        elif move.from_status == CommentStatus.HELD and move.to_status != CommentStatus.HELD:
            began = entered.pop(move.comment_id, None)
            if began is not None and within(move.created_at):
                waits.append(_naive(move.created_at) - began)
    return waits


def load(session: Session, since: date, until: date, site_ids: frozenset[int] | None) -> Rows:
    """The rows that `compute()` needs for the period, limited to `site_ids` (None: all)."""
    start, end = bounds(since, until)
    return Rows(
        _notices(session, start, end, site_ids),
        _statements(session, start, end, site_ids),
        _appeals(session, start, end, site_ids),
        _moves(session, start, end, site_ids),
    )


def _in_sites(site_ids: frozenset[int] | None) -> ColumnElement[bool]:
    return true() if site_ids is None else Thread.site_id.in_(site_ids or {-1})


def _notices(
    session: Session, start: datetime, end: datetime, site_ids: frozenset[int] | None
) -> list[NoticeRow]:
    query = select(Notice.category, Notice.created_at, Notice.decided_at, Notice.outcome).where(
        Notice.created_at < end, or_(Notice.created_at >= start, Notice.decided_at >= start)
    )
    if site_ids is not None:
        query = query.where(Notice.site_id.in_(site_ids or {-1}))
    return [NoticeRow(*row) for row in session.execute(query).all()]


def _statements(
    session: Session, start: datetime, end: datetime, site_ids: frozenset[int] | None
) -> list[StatementRow]:
    query = (
        select(Statement, ModerationAction.action)
        .join(Comment, Comment.id == Statement.comment_id)
        .join(Thread, Thread.id == Comment.thread_id)
        .outerjoin(ModerationAction, ModerationAction.id == Statement.action_id)
        .where(Statement.created_at >= start, Statement.created_at < end, _in_sites(site_ids))
    )
    found = session.execute(query).all()
    removed_by_notice = {s.comment_id for s, action in found if action == "notice_removed"}
    categories = {
        cid: category
        for cid, category in session.execute(
            select(Notice.comment_id, Notice.category)
            .where(Notice.comment_id.in_(removed_by_notice or {-1}), Notice.outcome == "removed")
            .order_by(Notice.id)
        ).all()
    }
    return [
        StatementRow(
            s.decision,
            s.automated,
            tuple(
                (str(g.get("clause") or ""), str(g.get("text") or ""))
                for g in s.grounds or []
                if g.get("clause")
            ),
            categories.get(s.comment_id) if action == "notice_removed" else None,
            s.created_at,
        )
        for s, action in found
    ]


def _appeals(
    session: Session, start: datetime, end: datetime, site_ids: frozenset[int] | None
) -> list[AppealRow]:
    query = (
        select(Appeal.status, Appeal.created_at, Appeal.decided_at)
        .join(Comment, Comment.id == Appeal.comment_id)
        .join(Thread, Thread.id == Comment.thread_id)
        .where(
            Appeal.created_at < end,
            or_(Appeal.created_at >= start, Appeal.decided_at >= start),
            _in_sites(site_ids),
        )
    )
    return [AppealRow(*row) for row in session.execute(query).all()]


def _moves(
    session: Session, start: datetime, end: datetime, site_ids: frozenset[int] | None
) -> list[HeldMove]:
    """The moves in and out of « held » of the comments that left it during the period."""
    left = (
        select(ModerationAction.comment_id)
        .join(Comment, Comment.id == ModerationAction.comment_id)
        .join(Thread, Thread.id == Comment.thread_id)
        .where(
            ModerationAction.from_status == CommentStatus.HELD,
            ModerationAction.to_status != CommentStatus.HELD,
            ModerationAction.created_at >= start,
            ModerationAction.created_at < end,
            _in_sites(site_ids),
        )
    )
    query = select(
        ModerationAction.comment_id,
        ModerationAction.from_status,
        ModerationAction.to_status,
        ModerationAction.created_at,
    ).where(
        ModerationAction.comment_id.in_(left),
        ModerationAction.created_at < end,
        or_(
            ModerationAction.from_status == CommentStatus.HELD,
            ModerationAction.to_status == CommentStatus.HELD,
        ),
    )
    return [HeldMove(*row) for row in session.execute(query).all()]
