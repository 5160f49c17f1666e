"""Conditional GETs: a strong validator computed from the body, so any change (a new comment, a
moderator's decision, an edit) changes it at once; readers revalidate on every load and get a
body-less 304 when nothing changed."""

from __future__ import annotations

import hashlib
import json

from fastapi import Request, Response

CACHE_CONTROL = "public, no-cache"


def conditional_json(request: Request, payload: object) -> Response:
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return conditional_body(request, body)


def conditional_body(request: Request, body: bytes) -> Response:
    """The same for a body already encoded as JSON."""
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept-Language, Origin"}
    if etag_matches(request.headers.get("if-none-match", ""), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Whether an `If-None-Match` header names `etag` (strong or weak form)."""
    candidates = {tag.strip() for tag in if_none_match.split(",")}
    return etag in candidates or f"W/{etag}" in candidates
