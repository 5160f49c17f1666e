"""The e-mails of a publisher's duties: a notifier's acknowledgement and decision (DSA art. 16),
an appeal's outcome (art. 20). Plain text in French (or English), an HTML twin; built here,
sent by the notification queue."""

from __future__ import annotations

from html import escape

from palabre.notifications.mail import Email
from palabre.typography import french


def _email(to: str, subject: str, paragraphs: list[str], locale: str) -> Email:
    if locale != "en":
        subject = french(subject)
        paragraphs = [french(p) for p in paragraphs]
    html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return Email(to, subject, "\n\n".join(paragraphs) + "\n", f"<html><body>{html}</body></html>")


def notice_received(to: str, notice_id: int, location: str, category: str,
                    locale: str = "fr") -> Email:
    if locale == "en":
        return _email(to, f"Notice no. {notice_id} received", [
            f"We received your notice of illegal content (category: {category}) about {location}.",
            "A moderator will examine it and you will be told the decision by e-mail.",
        ], locale)
    return _email(to, f"Signalement n° {notice_id} reçu", [
        f"Nous avons bien reçu votre signalement de contenu illicite (catégorie : {category}) "
        f"concernant {location}.",
        "Un modérateur va l'examiner ; la décision vous sera communiquée par e-mail.",
    ], locale)


def notice_decided(to: str, notice_id: int, location: str, removed: bool,
                   locale: str = "fr") -> Email:
    if locale == "en":
        outcome = ("The content was removed." if removed else
                   "After examination, the content was kept: it was not found to be illegal or "
                   "contrary to the site's charter.")
        return _email(to, f"Decision on your notice no. {notice_id}", [
            f"A moderator examined your notice about {location}.", outcome,
            "The decision was taken by a person. You may contest it before the courts.",
        ], locale)
    outcome = ("Le contenu a été retiré." if removed else
               "Après examen, le contenu a été maintenu : il n'a pas été jugé illicite ni "
               "contraire à la charte du site.")
    return _email(to, f"Décision sur votre signalement n° {notice_id}", [
        f"Un modérateur a examiné votre signalement concernant {location}.", outcome,
        "La décision a été prise par une personne. Vous pouvez la contester devant la justice.",
    ], locale)


def appeal_decided(to: str, comment_id: int, reversed_: bool, statement_url: str,
                   locale: str = "fr") -> Email:
    if locale == "en":
        outcome = ("Your appeal was upheld: the decision was reversed and your comment is "
                   "published." if reversed_ else
                   "After a new examination, the decision on your comment is maintained.")
        return _email(to, f"Your appeal on comment no. {comment_id}", [
            outcome, "A moderator, not the engine, examined your appeal.",
            f"The statement of reasons: {statement_url}",
        ], locale)
    outcome = ("Votre recours est accueilli : la décision est annulée et votre commentaire est "
               "publié." if reversed_ else
               "Après un nouvel examen, la décision sur votre commentaire est maintenue.")
    return _email(to, f"Votre recours sur le commentaire n° {comment_id}", [
        outcome, "Un modérateur, et non le moteur, a examiné votre recours.",
        f"L'exposé des motifs : {statement_url}",
    ], locale)


def statement_sent(to: str, comment_id: int, headline: str, statement_url: str,
                   locale: str = "fr") -> Email:
    if locale == "en":
        return _email(to, f"Decision on your comment no. {comment_id}", [
            headline, f"The reasons, and how to contest them: {statement_url}",
        ], locale)
    return _email(to, f"Décision sur votre commentaire n° {comment_id}", [
        headline, f"Les motifs, et comment les contester : {statement_url}",
    ], locale)
