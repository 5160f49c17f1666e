"""What every dashboard route shares: the logged-in viewer, CSRF-checked forms, template
rendering, and a route class that turns errors into French (or English) HTML pages."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Annotated, Any, Final
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.routing import APIRoute
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from palabre.errors import PalabreError
from palabre.review.accounts import Moderator, moderator_of
from palabre.review.highlight import kind_of
from palabre.review.sessions import session_is_open
from palabre.storage.models import MAX_ID, Site
from palabre.web.context import AppContext, app_context
from palabre.web.dashboard.i18n import Translator, locale_for
from palabre.web.dashboard.session import DashboardSession, SessionCodec, dashboard_session

if TYPE_CHECKING:
    from jinja2 import Environment

PREFIX = "/moderation"
QUEUE_TITLES: Final[dict[str, str]] = {
    "held": "À modérer",
    "reported": "Signalés",
    "rejected": "Rejetés",
    "recent": "Publiés récemment",
}


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Per-app dashboard state, on `app.state.palabre_dashboard`."""

    codec: SessionCodec
    undo_signer: URLSafeTimedSerializer
    undo_seconds: int


class LoginRequired(Exception):
    pass


def dashboard_of(request: Request) -> Dashboard:
    dash: Dashboard = request.app.state.palabre_dashboard
    return dash


@dataclass(frozen=True, slots=True)
class Viewer:
    """A logged-in moderator on one request."""

    request: Request
    ctx: AppContext
    dash: Dashboard
    session: DashboardSession
    moderator: Moderator
    t: Translator
    now: datetime

    @property
    def scope(self) -> frozenset[int] | None:
        return self.moderator.site_ids

    def sites(self) -> list[Site]:
        with self.ctx.db.session() as session:
            query = select(Site).order_by(Site.key)
            if self.scope is not None:
                query = query.where(Site.id.in_(self.scope or {-1}))
            return list(session.scalars(query).all())

    def require_admin(self) -> None:
        if not self.moderator.is_admin:
            raise PalabreError("reserve_admin")


def _load_viewer(request: Request) -> Viewer:
    ctx = app_context(request)
    dash = dashboard_of(request)
    session = dashboard_session(request, dash.codec)
    moderator = None
    if session.account_id is not None:
        with ctx.db.session() as db_session:
            if session_is_open(db_session, session.sid, session.account_id, datetime.now(UTC)):
                moderator = moderator_of(db_session, session.account_id)
    if moderator is None:
        raise LoginRequired()
    t = Translator(locale_for(request, moderator.locale))
    return Viewer(request, ctx, dash, session, moderator, t, datetime.now(UTC))


async def viewer(request: Request) -> Viewer:
    """Dependency for pages: the logged-in moderator, else a redirect to the login page."""
    return await run_in_threadpool(_load_viewer, request)


@dataclass(frozen=True, slots=True)
class Posted:
    viewer: Viewer
    form: FormData


async def checked_form(request: Request) -> FormData:
    """The posted form, after its CSRF token was checked against the session (403 else)."""
    form = await request.form()
    session = dashboard_session(request, dashboard_of(request).codec)
    token = form.get("csrf")
    if not session.csrf_ok(token if isinstance(token, str) else None):
        raise PalabreError("csrf_invalide")
    return form


async def posted(request: Request) -> Posted:
    """Dependency for state-changing routes: CSRF first, then the logged-in moderator."""
    form = await checked_form(request)
    return Posted(await viewer(request), form)


def field(form: FormData, name: str, default: str = "", limit: int = 2000) -> str:
    value = form.get(name)
    return value.replace("\x00", "").strip()[:limit] if isinstance(value, str) else default


def db_id(value: object) -> int | None:
    """An identifier from a form or a query: ASCII digits within what a database stores, else
    None (never a 500 on « ² », a 5,000-digit number or 2^64)."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit() or len(value) > 19:
        return None
    number = int(value)
    return number if 1 <= number <= MAX_ID else None


def ints(form: FormData, name: str) -> list[int]:
    found = (db_id(v) for v in form.getlist(name)[:500])
    return [v for v in found if v is not None]


def page_number(page: int) -> int:
    """A list page number, bounded so that its offset stays a small number."""
    return min(max(1, page), 100_000)


DbId = Annotated[int, Path(ge=1, le=MAX_ID)]  # an identifier in a dashboard path


def safe_back(value: str, default: str = f"{PREFIX}/") -> str:
    """Only our own dashboard paths, never another host."""
    if value.startswith(PREFIX + "/") and "//" not in value and "\\" not in value:
        return value
    return default


@lru_cache(maxsize=1)
def templates() -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape  # at first use

    env = Environment(
        loader=PackageLoader("palabre.web.dashboard", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["urlquote"] = lambda v: quote(str(v), safe="")
    env.globals["kind_of"] = kind_of
    return env


def render(
    request: Request,
    name: str,
    values: dict[str, Any],
    *,
    viewer: Viewer | None = None,
    t: Translator | None = None,
    status: int = 200,
) -> HTMLResponse:
    translator = viewer.t if viewer else t or Translator(locale_for(request, None))
    if viewer is not None and "counts" not in values:
        from palabre.review.queues import counts

        with viewer.ctx.db.session() as db_session:
            values = {**values, "counts": counts(db_session, viewer.scope)}
    session = dashboard_session(request, dashboard_of(request).codec)
    html = (
        templates()
        .get_template(name)
        .render(
            **{"titles": QUEUE_TITLES, **values},
            t=translator,
            lang=translator.locale,
            me=viewer.moderator if viewer else None,
            csrf=session.csrf,
            path=request.url.path,
            now=viewer.now if viewer else datetime.now(UTC),
            query=str(request.url.query),
        )
    )
    return HTMLResponse(html, status_code=status)


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def error_page(request: Request, error: PalabreError) -> Response:
    translator = Translator(locale_for(request, None))
    if "application/json" in request.headers.get("accept", ""):
        return JSONResponse(error.envelope(translator.locale), status_code=error.status)
    return render(
        request,
        "error.html",
        {"error": error.message(translator.locale), "status": error.status},
        t=translator,
        status=error.status,
    )


class DashboardRoute(APIRoute):
    """Errors on dashboard routes leave as HTML pages; a missing login redirects to it."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def guarded(request: Request) -> Response:
            try:
                return await handler(request)
            except LoginRequired:
                if request.method != "GET":
                    return error_page(request, PalabreError("non_connecte"))
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return redirect(f"{PREFIX}/login?next={quote(target, safe='')}")
            except PalabreError as error:
                return error_page(request, error)
            except RequestValidationError:  # e.g. /comments/abc or an id past 2^63
                return error_page(request, PalabreError("introuvable"))

        return guarded


def undo_token(
    dash: Dashboard, moderator: Moderator, actions: list[int], reports: list[int]
) -> str:
    return dash.undo_signer.dumps({"m": moderator.id, "a": actions, "r": reports})


def read_undo_token(
    dash: Dashboard, moderator: Moderator, token: str
) -> tuple[list[int], list[int]]:
    try:
        data = dash.undo_signer.loads(token, max_age=dash.undo_seconds + 5)
    except BadSignature:
        raise PalabreError("annulation_expiree") from None
    if not isinstance(data, dict) or data.get("m") != moderator.id:
        raise PalabreError("annulation_expiree")
    return [int(a) for a in data.get("a", [])], [int(r) for r in data.get("r", [])]


def dashboard_router() -> APIRouter:
    """A router for one group of dashboard pages (prefix, error pages, hidden from OpenAPI)."""
    return APIRouter(prefix=PREFIX, route_class=DashboardRoute, include_in_schema=False)


Page = Annotated[Viewer, Depends(viewer)]  # a page for a signed-in moderator
Post = Annotated[Posted, Depends(posted)]  # a form post with a checked CSRF token
