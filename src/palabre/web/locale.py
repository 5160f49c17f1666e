"""Pick the reader's locale: French first, English second."""

from __future__ import annotations

from starlette.requests import Request


def request_locale(request: Request, default: str = "fr") -> str:
    explicit = request.query_params.get("lang")
    if explicit in {"fr", "en"}:
        return explicit
    header = request.headers.get("accept-language", "")
    first = header.split(",")[0].strip().lower()
    if first.startswith("en"):
        return "en"
    if first.startswith("fr"):
        return "fr"
    return default
