"""Jinja2 templates of the e-mails (plain text and HTML, French first, English second) and of
the small pages that signed links open."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

from palabre.notifications.mail import Email

if TYPE_CHECKING:
    from jinja2 import Environment

LOCALES = ("fr", "en")

SUBJECTS: dict[str, dict[str, str]] = {
    "fr": {
        "confirm": "Confirmez votre abonnement : {title}",
        "comment": "Nouveau commentaire : {title}",
        "digest": "Résumé des commentaires : {title}",
        "reply": "Réponse à votre commentaire : {title}",
        "held": "Commentaire à relire : {title}",
    },
    "en": {
        "confirm": "Confirm your subscription: {title}",
        "comment": "New comment: {title}",
        "digest": "Comments digest: {title}",
        "reply": "Reply to your comment: {title}",
        "held": "Comment to review: {title}",
    },
}


def locale_of(value: str | None) -> str:
    return value if value in LOCALES else "fr"


@lru_cache(maxsize=1)
def environment() -> Environment:
    # Imported at the first e-mail or page rendered, not when a web process starts.
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("palabre.notifications", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render_email(
    name: str,
    locale: str,
    to: str,
    context: dict[str, Any],
    headers: dict[str, str] | None = None,
) -> Email:
    lang = locale_of(locale)
    subject = SUBJECTS[lang][name].format(title=context.get("thread_title", ""))
    values = {**context, "lang": lang, "subject": subject}
    env = environment()
    text = env.get_template(f"mail/{name}.{lang}.txt").render(values)
    html = env.get_template(f"mail/{name}.{lang}.html").render(values)
    return Email(to=to, subject=subject, text=text, html=html, headers=headers or {})


def render_page(
    lang: str,
    title: str,
    paragraphs: list[str],
    *,
    quote: str = "",
    form_action: str = "",
    button: str = "",
    error: bool = False,
) -> str:
    return (
        environment()
        .get_template("pages/message.html")
        .render(
            lang=locale_of(lang),
            title=title,
            paragraphs=paragraphs,
            quote=quote,
            form_action=form_action,
            button=button,
            error=error,
        )
    )
