"""Counts for many threads, the widget's configuration, and the pre-submit check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from palabre.comments import text as comment_text
from palabre.comments.queries import counts
from palabre.comments.reports import REPORT_REASONS
from palabre.comments.sites import get_site
from palabre.web.api.schemas import CheckIn, CountsIn
from palabre.web.caching import conditional_json
from palabre.web.context import AppContext, client_ip, current_context
from palabre.web.locale import request_locale
from palabre.web.ratelimit import ConcurrencyGate

router = APIRouter(prefix="/api", tags=["fils"])
Ctx = Annotated[AppContext, Depends(current_context)]


@router.get("/counts", summary="Nombre de commentaires publiés de plusieurs fils")
async def get_counts(
    request: Request,
    ctx: Ctx,
    thread: Annotated[list[str], Query(max_length=500)],
    site: Annotated[str, Query(max_length=64)] = "default",
) -> Response:
    with ctx.db.session() as session:
        return conditional_json(request, {"counts": counts(session, site, thread)})


@router.post("/counts", summary="Nombre de commentaires (liste de fils dans le corps)")
async def post_counts(ctx: Ctx, body: CountsIn) -> dict[str, object]:
    with ctx.db.session() as session:
        return {"counts": counts(session, body.site, body.threads)}


@router.get("/config", summary="Réglages utiles au widget")
async def get_config(
    request: Request, ctx: Ctx, site: Annotated[str, Query(max_length=64)] = "default"
) -> dict[str, object]:
    locale = request_locale(request, ctx.settings.locale)
    with ctx.db.session() as session:
        get_site(session, site)
    return {
        "site": site,
        "edit_window_seconds": ctx.settings.edit_window_seconds,
        "max_length": ctx.settings.max_comment_length,
        "report_reasons": [{"id": r.id, "label": r.label(locale)} for r in REPORT_REASONS],
        "locale": locale,
        # without mail the widget offers the Atom feed instead of the e-mail form
        "mail": bool(ctx.settings.smtp_host.strip()),
    }


@router.post("/check", summary="Vérifier un texte selon la charte, sans le publier")
async def check_text(request: Request, ctx: Ctx, body: CheckIn) -> dict[str, object]:
    """Limited per IP like posting, and to `check_concurrency` checks at once: the engine
    costs a fraction of a second of CPU, the other requests must not wait for it."""
    text = comment_text.clean_text(body.text, ctx.settings.max_comment_length)
    ctx.limiter.hit(("check_ip", client_ip(request)))
    gate: ConcurrencyGate = request.app.state.check_gate
    gate.enter()
    try:
        # in-process, or a moderation worker's answer (palabre.comments.background)
        return await run_in_threadpool(request.app.state.check_text, text)
    finally:
        gate.leave()
