"""Login (throttled, rotating the session), logout, language preference."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from palabre.errors import PalabreError
from palabre.review.accounts import Throttle, authenticate
from palabre.review.sessions import end_session, open_session
from palabre.storage.models_review import Account
from palabre.web.context import app_context, client_ip
from palabre.web.dashboard.core import (
    PREFIX,
    Posted,
    checked_form,
    dashboard_of,
    dashboard_router,
    field,
    posted,
    redirect,
    render,
    safe_back,
)
from palabre.web.dashboard.i18n import Translator, locale_for
from palabre.web.dashboard.session import dashboard_session

router = dashboard_router()


@router.get("/login")
def login_page(request: Request, next: str = "") -> Response:
    dashboard_session(request, dashboard_of(request).codec)
    return render(request, "login.html", {"next": safe_back(next), "email": "", "error": None})


def _try_login(request: Request, email: str, password: str) -> int | None:
    ctx = app_context(request)
    settings = ctx.settings
    throttle = Throttle(
        settings.login_max_failures,
        timedelta(minutes=settings.login_window_minutes),
        settings.login_max_failures_account,
    )
    ip = ctx.comments.fingerprint(client_ip(request) or "?")  # never the raw address
    with ctx.db.session() as session:
        account = authenticate(session, email, password, ip, datetime.now(UTC), throttle)
        return account.id if isinstance(account, Account) else None


@router.post("/login")
async def login(request: Request, form: Annotated[FormData, Depends(checked_form)]) -> Response:
    email = field(form, "email", limit=254)
    password = field(form, "password", limit=1000)
    target = safe_back(field(form, "next"))
    t = Translator(locale_for(request, None))
    try:
        account_id = await run_in_threadpool(_try_login, request, email, password)
    except PalabreError as throttled:
        return _refused(request, t, target, email, throttled)
    if account_id is None:
        return _refused(request, t, target, email, PalabreError("identifiants_invalides"))
    session = dashboard_session(request, dashboard_of(request).codec)
    session.rotate(account_id)
    await run_in_threadpool(_open, request, session.sid, account_id)
    return redirect(target)


def _open(request: Request, sid: str, account_id: int) -> None:
    ctx = app_context(request)
    lifetime = timedelta(hours=ctx.settings.dashboard_session_hours)
    with ctx.db.session() as session:
        open_session(session, sid, account_id, datetime.now(UTC), lifetime)


def _refused(
    request: Request, t: Translator, target: str, email: str, error: PalabreError
) -> Response:
    return render(
        request,
        "login.html",
        {"next": target, "email": email, "error": error.message(t.locale)},
        t=t,
        status=error.status,
    )


@router.post("/logout")
def logout(request: Request, form: Annotated[FormData, Depends(checked_form)]) -> Response:
    session = dashboard_session(request, dashboard_of(request).codec)
    with app_context(request).db.session() as db_session:
        end_session(db_session, session.sid)  # a copy of the cookie is worth nothing now
    session.rotate(None)
    return redirect(f"{PREFIX}/login")


@router.post("/preferences")
def preferences(request: Request, post: Annotated[Posted, Depends(posted)]) -> Response:
    lang = field(post.form, "lang")
    with post.viewer.ctx.db.session() as session:
        account = session.get(Account, post.viewer.moderator.id)
        if account is not None:
            account.locale = lang if lang in {"fr", "en"} else ""
    return redirect(safe_back(field(post.form, "back")))
