"""Statements of reasons (DSA art. 17). Every audit row that moves a comment into a held,
rejected or deleted state, by the system or a moderator, gets its statement in the same
transaction (`palabre.storage.statement_rows`); here it is put into the author's words: the
decision, the facts, the charter clauses with the words at fault, whether it was automated, and
how to contest. The text is generated from the charter and the decision, never from a
moderator's note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.storage.models import ModerationAction
from palabre.storage.models_legal import Appeal, Statement
from palabre.storage.statement_rows import AUTHOR as AUTHOR
from palabre.typography import french

HARM_CATEGORIES: Final = frozenset({"haine", "violence", "insulte", "grossierete", "illegal"})


@dataclass(frozen=True, slots=True)
class StatementView:
    """A statement in words, for the author (widget, page, e-mail)."""

    id: int
    comment_id: int
    decision: str
    headline: str
    facts: str
    automated: bool
    automation: str
    grounds: list[dict[str, Any]]
    redress: str
    appeal_until: datetime
    created_at: datetime
    appeal_status: str | None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "comment": self.comment_id,
            "decision": self.decision,
            "headline": self.headline,
            "facts": self.facts,
            "automated": self.automated,
            "automation": self.automation,
            "grounds": self.grounds,
            "redress": self.redress,
            "appeal_until": self.appeal_until.isoformat().replace("+00:00", "Z"),
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "appeal": self.appeal_status,
        }


HEADLINES: Final[dict[str, tuple[str, str]]] = {
    "hold": (
        "Votre commentaire n'est pas publié pour l'instant : il attend la relecture d'un "
        "modérateur.",
        "Your comment is not published for now: it awaits a moderator's review.",
    ),
    "reject": (
        "Votre commentaire a été refusé : il n'est pas publié.",
        "Your comment was rejected: it is not published.",
    ),
    "delete": (
        "Votre commentaire a été retiré du site.",
        "Your comment was removed from the site.",
    ),
}
FACTS: Final[dict[str, tuple[str, str]]] = {
    "auto_hold": (
        "Le moteur de modération a relevé dans votre texte un possible manquement à "
        "la charte du site.",
        "The moderation engine found a possible breach of the site's charter in your text.",
    ),
    "auto_reject": (
        "Le moteur de modération a relevé dans votre texte un manquement à la charte du site.",
        "The moderation engine found a breach of the site's charter in your text.",
    ),
    "reports_threshold": (
        "Plusieurs lecteurs ont signalé votre commentaire ; il attend un modérateur.",
        "Several readers reported your comment; it awaits a moderator.",
    ),
    "notice_removed": (
        "Un signalement de contenu illicite a été reçu ; un modérateur l'a "
        "examiné et a retiré votre commentaire.",
        "A notice of illegal content was received; a moderator examined it "
        "and removed your comment.",
    ),
}
PRE_FACTS: Final = (
    "Sur cet article, chaque commentaire est relu par un modérateur avant publication.",
    "On this article, every comment is read by a moderator before publication.",
)
HUMAN_FACTS: Final = (
    "Un modérateur a examiné votre commentaire au regard de la charte du site.",
    "A moderator examined your comment against the site's charter.",
)
AUTOMATION: Final[dict[bool, tuple[str, str]]] = {
    True: (
        "Décision prise par des moyens automatisés (le moteur de modération de palabre), "
        "sans intervention humaine.",
        "Decision taken by automated means (palabre's moderation engine), without human "
        "intervention.",
    ),
    False: (
        "Décision prise par une personne (un modérateur du site).",
        "Decision taken by a person (one of the site's moderators).",
    ),
}


def redress_text(until: datetime, locale: str) -> str:
    if locale == "en":
        return (
            f"You may contest this decision until {until:%d/%m/%Y} with the form below: "
            "a moderator, not the engine, will review your comment again and you will be "
            "told the outcome. You may also turn to a certified out-of-court dispute "
            "settlement body or to the courts."
        )
    return (
        f"Vous pouvez contester cette décision jusqu'au {until:%d/%m/%Y} avec le formulaire "
        "ci-dessous : un modérateur, et non le moteur, réexaminera votre commentaire et vous "
        "serez informé du résultat. Vous pouvez aussi vous adresser à un organisme de "
        "règlement extrajudiciaire des litiges certifié, ou à la justice."
    )


def view(
    session: Session,
    statement: Statement,
    appeal_days: int,
    locale: str = "fr",
    show_harm_words: bool = True,
) -> StatementView:
    """The statement in the author's words (French, or English)."""
    index = 1 if locale == "en" else 0
    action = session.get(ModerationAction, statement.action_id) if statement.action_id else None
    code = action.action if action else ""
    if statement.mode == "pre" and code == "auto_hold":
        facts = PRE_FACTS[index]
    elif code in FACTS:
        facts = FACTS[code][index]
    else:
        facts = HUMAN_FACTS[index]
    shown = [
        {
            **g,
            "words": g["words"]
            if show_harm_words or g.get("category") not in HARM_CATEGORIES
            else [],
        }
        for g in statement.grounds or []
    ]
    until = statement.created_at + timedelta(days=appeal_days)
    say = (lambda text: text) if locale == "en" else french
    appeal = session.scalar(
        select(Appeal.status)
        .where(Appeal.statement_id == statement.id)
        .order_by(Appeal.id.desc())
        .limit(1)
    )
    return StatementView(
        statement.id,
        statement.comment_id,
        statement.decision,
        say(HEADLINES[statement.decision][index]),
        say(facts),
        statement.automated,
        say(AUTOMATION[statement.automated][index]),
        shown,
        say(redress_text(until, locale)),
        until,
        statement.created_at,
        appeal,
    )


def latest(session: Session, comment_id: int) -> Statement | None:
    return session.scalars(
        select(Statement)
        .where(Statement.comment_id == comment_id)
        .order_by(Statement.id.desc())
        .limit(1)
    ).first()
