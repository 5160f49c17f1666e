"""Every error leaves as the one JSON envelope with a stable code and a localised message."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, OperationalError
from starlette.exceptions import HTTPException

from palabre.errors import PalabreError
from palabre.web.locale import request_locale
from palabre.web.validation import DEFAULT, describe

log = logging.getLogger(__name__)


def error_response(request: Request, error: PalabreError) -> JSONResponse:
    return JSONResponse(error.envelope(request_locale(request)), status_code=error.status)


def install(app: FastAPI) -> None:
    @app.exception_handler(PalabreError)
    async def _palabre(request: Request, exc: PalabreError) -> JSONResponse:
        response = error_response(request, exc)
        if "retry" in exc.params:
            response.headers["Retry-After"] = str(exc.params["retry"])
        return response

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        if first.get("type") == "json_invalid":
            return error_response(request, PalabreError("json_invalide"))
        loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "header")]
        field = ".".join(loc) or "body"
        if request.headers.get("content-type", "").split(";")[0].strip() not in (
            "application/json",
            "",
        ) and request.method in {"POST", "PATCH", "PUT"}:
            return error_response(request, PalabreError("type_contenu"))
        detail_fr, detail_en = describe(first)
        params: dict[str, object] = {"field": field, "detail_fr": detail_fr, "detail_en": detail_en}
        return error_response(request, PalabreError("requete_invalide", params=params, field=field))

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        code = {404: "introuvable", 405: "methode_refusee"}.get(exc.status_code, "requete_invalide")
        # Starlette's detail is English: the reader gets our own words instead.
        detail_fr, detail_en = DEFAULT
        error = PalabreError(
            code, params={"field": "body", "detail_fr": detail_fr, "detail_en": detail_en}
        )
        response = error_response(request, error)
        response.status_code = exc.status_code
        return response

    @app.exception_handler(OperationalError)
    async def _database(request: Request, exc: OperationalError) -> JSONResponse:
        log.error("database unavailable: %s", exc)
        full = "full" in str(exc.orig).lower()
        response = error_response(
            request, PalabreError("stockage_plein" if full else "base_indisponible")
        )
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> JSONResponse:
        # A value the database refuses (out of range, not storable): the request's fault. The
        # inputs are checked before; this is the net under them.
        log.warning("value refused by the database on %s: %s", request.url.path, exc.orig)
        detail = "valeur refusée par la base" if request_locale(request) != "en" else "bad value"
        return error_response(
            request, PalabreError("requete_invalide", params={"field": "requête", "detail": detail})
        )

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(request, PalabreError("erreur_interne"))
