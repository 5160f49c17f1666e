"""/api/docs: the API reference as one self-contained page, rendered on the server from the
OpenAPI description. No script, style sheet, font or icon from elsewhere: it reads the same
offline as online (Swagger UI would load from a CDN, against « sans réseau ni service tiers »)."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

if TYPE_CHECKING:
    from jinja2 import Environment

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


@lru_cache(maxsize=1)
def _templates() -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape  # at first use

    env = Environment(
        loader=PackageLoader("palabre.web", "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pretty"] = lambda value: json.dumps(value, ensure_ascii=False, indent=2)
    return env


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the description, in path order, with what a reader needs."""
    out = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if op is None:
                continue
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {})
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "tag": (op.get("tags") or [""])[0],
                    "parameters": op.get("parameters", []),
                    "body": _resolve(spec, body.get("schema")),
                    "responses": sorted(op.get("responses", {}).items()),
                }
            )
    return out


def _resolve(spec: dict[str, Any], schema: dict[str, Any] | None) -> dict[str, Any] | None:
    if not schema or "$ref" not in schema:
        return schema
    name = str(schema["$ref"]).rsplit("/", 1)[-1]
    found: dict[str, Any] = spec.get("components", {}).get("schemas", {}).get(name, schema)
    return found


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> Response:
    spec = request.app.openapi()
    html = (
        _templates()
        .get_template("api_docs.html")
        .render(info=spec.get("info", {}), operations=operations(spec))
    )
    # nothing but itself: a policy that would block any script, style sheet or font from elsewhere
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        "frame-ancestors 'none'; base-uri 'none'"
    )
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


@router.get("/favicon.ico")
def favicon() -> Response:
    """No icon to fetch from anywhere: an empty answer rather than a 404 in the logs."""
    return Response(status_code=204)
