"""Publish or reject a held comment from the moderator e-mail, without logging in. The link is
signed, expires (`moderation_link_hours`) and works once: its id is recorded when used, and the
comment must still be held. The change goes through the review actions (audit row with the actor
« lien e-mail : address », reports closed), like a change made from the dashboard, by a
`LinkActor` rather than an account."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from palabre.errors import PalabreError
from palabre.events import Event
from palabre.notifications.links import MODERATION, Links
from palabre.review import actions
from palabre.status import CommentStatus
from palabre.storage.models import Comment, UsedLink

Verb = Literal["publish", "reject"]
VERBS: tuple[Verb, ...] = ("publish", "reject")


@dataclass(frozen=True, slots=True)
class LinkAction:
    comment_id: int
    action: Verb
    jti: str
    moderator: str


@dataclass(frozen=True, slots=True)
class LinkActor:
    """The moderator who follows the link, without logging in. The signed link names the one
    held comment it acts on, so it is not limited to sites as an account is."""

    address: str

    @property
    def audit_name(self) -> str:
        return f"lien e-mail : {self.address}"[:120]

    def may_act_on(self, site_id: int) -> bool:
        return True


def read(session: Session, links: Links, token: str, max_age: int) -> tuple[LinkAction, Comment]:
    """Check the link without using it (the confirmation page)."""
    payload = links.load(MODERATION, token, max_age)
    if not (isinstance(payload, list) and len(payload) == 4 and payload[1] in VERBS):
        raise PalabreError("lien_invalide")
    verb: Verb = "publish" if payload[1] == "publish" else "reject"
    link = LinkAction(int(payload[0]), verb, str(payload[2]), str(payload[3]))
    comment = session.get(Comment, link.comment_id, with_for_update=True)
    if comment is None:
        raise PalabreError("commentaire_inconnu")
    if session.get(UsedLink, link.jti) is not None or comment.status != CommentStatus.HELD:
        raise PalabreError("lien_expire")
    return link, comment


def apply(
    session: Session, links: Links, token: str, max_age: int, now: datetime
) -> tuple[LinkAction, list[Event]]:
    """Use the link: the status change and its audit row; returns the events to publish once
    the transaction has committed."""
    link, comment = read(session, links, token, max_age)
    session.add(UsedLink(jti=link.jti, used_at=now))
    done = actions.apply(session, LinkActor(link.moderator), [comment.id], link.action, "", now)
    return link, done.events
