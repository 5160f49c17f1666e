"""Article controls: closing comments (by hand, or N days after an article's first comment)
and per-article limits per author (comments per day, length), each a setting with a per-site
value (`palabre site set`). The widget shows them before the reader types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from palabre.comments.modes import Mode, mode_in_force
from palabre.errors import PalabreError
from palabre.settings import Settings
from palabre.storage.models import Comment, Site, Thread
from palabre.typography import french

DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Controls:
    """What holds on one article right now."""

    mode: Mode
    closed: bool
    closes_at: datetime | None
    per_day: int
    max_length: int

    def notice(self, locale: str = "fr") -> str:
        """The sentence the widget shows above the form (empty when nothing limits)."""
        en = locale == "en"
        if self.closed:
            return (
                "Comments are closed on this article."
                if en
                else french("Les commentaires sont fermés sur cet article.")
            )
        parts: list[str] = []
        if self.per_day and self.max_length:
            parts.append(
                f"At most {self.per_day} comments of {self.max_length} characters per "
                "day on this article."
                if en
                else f"Au plus {self.per_day} commentaires de {self.max_length} caractères "
                "par jour sur cet article."
            )
        elif self.per_day:
            parts.append(
                f"At most {self.per_day} comments per day on this article."
                if en
                else f"Au plus {self.per_day} commentaires par jour sur cet article."
            )
        elif self.max_length:
            parts.append(
                f"At most {self.max_length} characters per comment on this article."
                if en
                else f"Au plus {self.max_length} caractères par commentaire sur cet article."
            )
        if self.closes_at is not None:
            parts.append(
                f"Comments close on {self.closes_at:%d/%m/%Y at %H:%M} UTC."
                if en
                else f"Les commentaires fermeront le {self.closes_at:%d/%m/%Y à %H:%M} UTC."
            )
        if self.mode == "pre":
            parts.append(
                "Every comment is read by a moderator before publication."
                if en
                else "Chaque commentaire est relu par un modérateur avant publication."
            )
        text = " ".join(parts)
        return text if en else french(text)

    def as_dict(self, locale: str = "fr") -> dict[str, object]:
        closes = self.closes_at.isoformat().replace("+00:00", "Z") if self.closes_at else None
        return {
            "mode": self.mode,
            "closed": self.closed,
            "closes_at": closes,
            "per_day": self.per_day,
            "max_length": self.max_length,
            "notice": self.notice(locale),
        }


def _site_or_setting(value: int | None, default: object) -> int:
    return max(0, int(value if value is not None else int(str(default))))


def controls_for(
    session: Session, site: Site, thread: Thread | None, now: datetime, settings: Settings
) -> Controls:
    after = _site_or_setting(site.close_after_days, settings.close_after_days)
    closes_at: datetime | None = None
    if thread is not None and after:
        first = session.scalar(
            select(func.min(Comment.created_at)).where(Comment.thread_id == thread.id)
        )
        if first is not None:
            closes_at = _aware(first) + timedelta(days=after)
    closed = thread is not None and thread.closed_at is not None and thread.closed_at <= now
    if closes_at is not None and closes_at <= now:
        closed = True
    mode = (
        mode_in_force(thread, site, settings)
        if thread is not None
        else mode_in_force(Thread(), site, settings)
    )
    return Controls(
        mode,
        closed,
        None if closed else closes_at,
        _site_or_setting(site.quota_per_day, settings.quota_per_day),
        _site_or_setting(site.quota_max_length, settings.quota_max_length),
    )


def check_post(
    session: Session,
    site: Site,
    thread: Thread,
    author_key: str | None,
    body: str,
    now: datetime,
    settings: Settings,
) -> None:
    """Refuse a new comment on a closed article, or past the article's limits for its author."""
    controls = controls_for(session, site, thread, now, settings)
    if controls.closed:
        raise PalabreError("commentaires_fermes")
    if controls.max_length and len(body) > controls.max_length:
        raise PalabreError(
            "texte_trop_long_article",
            field="text",
            params={"limit": controls.max_length, "length": len(body)},
        )
    if controls.per_day and author_key:
        mine = (
            session.scalar(
                select(func.count(Comment.id)).where(
                    Comment.thread_id == thread.id,
                    Comment.author_key == author_key,
                    Comment.created_at > now - DAY,
                )
            )
            or 0
        )
        if mine >= controls.per_day:
            raise PalabreError("quota_article", params={"limit": controls.per_day})


def set_closed(thread: Thread, closed: bool, now: datetime) -> None:
    thread.closed_at = now if closed else None


def _aware(value: datetime) -> datetime:
    from datetime import UTC

    return value if value.tzinfo else value.replace(tzinfo=UTC)
