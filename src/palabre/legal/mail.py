"""The e-mails of a publisher's duties: a notifier's acknowledgement and decision (DSA art. 16),
an appeal's outcome (art. 20). Plain text in French (or English), an HTML twin; built here,
sent by the notification queue."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from sqlalchemy.orm import Session

from palabre.legal import statements
from palabre.legal.statements import StatementView
from palabre.notifications.mail import Email, valid_address
from palabre.notifications.tasks import Tasks
from palabre.settings import Settings
from palabre.status import RESTRICTING, verb_for
from palabre.storage.models import Comment
from palabre.typography import french


def _email(to: str, subject: str, paragraphs: list[str], locale: str) -> Email:
    if locale != "en":
        subject = french(subject)
        paragraphs = [french(p) for p in paragraphs]
    html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return Email(to, subject, "\n\n".join(paragraphs) + "\n", f"<html><body>{html}</body></html>")


def notice_received(
    to: str, notice_id: int, location: str, category: str, locale: str = "fr"
) -> Email:
    if locale == "en":
        return _email(
            to,
            f"Notice no. {notice_id} received",
            [
                f"We received your notice of illegal content (category: {category}) about {location}.",
                "A moderator will examine it and you will be told the decision by e-mail.",
            ],
            locale,
        )
    return _email(
        to,
        f"Signalement n° {notice_id} reçu",
        [
            f"Nous avons bien reçu votre signalement de contenu illicite (catégorie : {category}) "
            f"concernant {location}.",
            "Un modérateur va l'examiner ; la décision vous sera communiquée par e-mail.",
        ],
        locale,
    )


def notice_decided(
    to: str, notice_id: int, location: str, removed: bool, locale: str = "fr"
) -> Email:
    if locale == "en":
        outcome = (
            "The content was removed."
            if removed
            else "After examination, the content was kept: it was not found to be illegal or "
            "contrary to the site's charter."
        )
        return _email(
            to,
            f"Decision on your notice no. {notice_id}",
            [
                f"A moderator examined your notice about {location}.",
                outcome,
                "The decision was taken by a person. You may contest it before the courts.",
            ],
            locale,
        )
    outcome = (
        "Le contenu a été retiré."
        if removed
        else "Après examen, le contenu a été maintenu : il n'a pas été jugé illicite ni "
        "contraire à la charte du site."
    )
    return _email(
        to,
        f"Décision sur votre signalement n° {notice_id}",
        [
            f"Un modérateur a examiné votre signalement concernant {location}.",
            outcome,
            "La décision a été prise par une personne. Vous pouvez la contester devant la justice.",
        ],
        locale,
    )


def appeal_decided(
    to: str, comment_id: int, reversed_: bool, statement_url: str, locale: str = "fr"
) -> Email:
    if locale == "en":
        outcome = (
            "Your appeal was upheld: the decision was reversed and your comment is published."
            if reversed_
            else "After a new examination, the decision on your comment is maintained."
        )
        return _email(
            to,
            f"Your appeal on comment no. {comment_id}",
            [
                outcome,
                "A moderator, not the engine, examined your appeal.",
                f"The statement of reasons: {statement_url}",
            ],
            locale,
        )
    outcome = (
        "Votre recours est accueilli : la décision est annulée et votre commentaire est publié."
        if reversed_
        else "Après un nouvel examen, la décision sur votre commentaire est maintenue."
    )
    return _email(
        to,
        f"Votre recours sur le commentaire n° {comment_id}",
        [
            outcome,
            "Un modérateur, et non le moteur, a examiné votre recours.",
            f"L'exposé des motifs : {statement_url}",
        ],
        locale,
    )


def statement_sent(to: str, view: StatementView, statement_url: str, locale: str = "fr") -> Email:
    """The statement of reasons itself (DSA art. 17): decision, facts, grounds with the words at
    fault, automated or human, how to contest, and the link to the page with the form."""
    en = locale == "en"
    grounds = [
        (g.get("text") or g.get("clause") or "")
        + (
            f" ({'words at fault' if en else 'mots en cause'}: {', '.join(g['words'])})"
            if g.get("words")
            else ""
        )
        for g in view.grounds
    ] or (["The site's charter as a whole."] if en else ["La charte du site dans son ensemble."])
    ground_label = "Grounds (the site's charter)" if en else "Fondement (la charte du site)"
    if en:
        return _email(
            to,
            f"Decision on your comment no. {view.comment_id}",
            [
                view.headline,
                view.facts,
                f"{ground_label}: " + " ; ".join(grounds),
                view.automation,
                view.redress,
                f"The statement of reasons, and the form to contest it: {statement_url}",
            ],
            locale,
        )
    return _email(
        to,
        f"Décision sur votre commentaire n° {view.comment_id}",
        [
            view.headline,
            view.facts,
            f"{ground_label} : " + " ; ".join(grounds),
            view.automation,
            view.redress,
            f"L'exposé des motifs, et le formulaire pour le contester : {statement_url}",
        ],
        locale,
    )


def statement_email(
    session: Session,
    comment_id: int,
    url_for: Callable[[int], str],
    locale: str,
    appeal_days: int,
    show_harm_words: bool,
) -> Email | None:
    """The e-mail of the latest statement of reasons to the comment's author, where their
    address is known and the statement is still the comment's state (a hold already decided is
    not sent late). A hold under pre-moderation is the site's rule, not a decision about the
    comment: it is shown in the widget and not e-mailed."""
    comment = session.get(Comment, comment_id)
    if comment is None or not comment.author_email or not valid_address(comment.author_email):
        return None
    stored = statements.latest(session, comment_id)
    if (
        stored is None
        or comment.status not in RESTRICTING
        or verb_for(comment.status) != stored.decision
    ):
        return None
    if stored.decision == "hold" and stored.mode == "pre":
        return None
    shown = statements.view(session, stored, appeal_days, locale, show_harm_words)
    return statement_sent(comment.author_email, shown, url_for(comment_id), locale)


def statement_mailer(
    locale: str, appeal_days: int, show_harm_words: bool
) -> Callable[[Session, int, Callable[[int], str]], Email | None]:
    """The status mailer that `notifications.tasks.Tasks.status_mailers` runs on every
    restricting status change: the statement of reasons to the author."""

    def mailer(session: Session, comment_id: int, url_for: Callable[[int], str]) -> Email | None:
        return statement_email(session, comment_id, url_for, locale, appeal_days, show_harm_words)

    return mailer


def attach_statement_mail(tasks: Tasks, settings: Settings) -> None:
    """Registers the statement e-mail on a `Tasks` (called by the composition roots)."""
    tasks.status_mailers.append(
        statement_mailer(settings.locale, settings.appeal_days, settings.show_harm_words)
    )
