"""Small HTML pages opened from e-mails (French first, English with `?lang=en`)."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from palabre.errors import PalabreError
from palabre.notifications.render import render_page
from palabre.notifications.setup import Notifications
from palabre.web.locale import request_locale

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


def notifications_of(request: Request) -> Notifications:
    value: Notifications = request.app.state.notifications
    return value


def page(
    request: Request,
    title: tuple[str, str],
    paragraphs: list[tuple[str, str]],
    *,
    status: int = 200,
    form_action: str = "",
    button: tuple[str, str] = ("", ""),
    quote: str = "",
) -> HTMLResponse:
    """`title`, each paragraph and `button` are (French, English) pairs."""
    en = request_locale(request) == "en"
    pick = 1 if en else 0
    html = render_page(
        "en" if en else "fr",
        title[pick],
        [p[pick] for p in paragraphs],
        quote=quote,
        form_action=form_action,
        button=button[pick],
        error=status >= 400,
    )
    return HTMLResponse(
        html,
        status_code=status,
        headers={
            "Content-Security-Policy": CSP,
            "Cache-Control": "no-store",
            "X-Robots-Tag": "noindex",
            "Referrer-Policy": "no-referrer",
        },
    )


def error_page(request: Request, error: PalabreError) -> HTMLResponse:
    return page(
        request,
        ("Lien inutilisable", "Link unusable"),
        [(error.message("fr"), error.message("en"))],
        status=error.status,
    )
