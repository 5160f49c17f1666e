"""Opaque keyset-pagination cursors: (created_at, id) of the last comment of a page."""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime

from palabre.errors import PalabreError
from palabre.storage.models import MAX_ID


def encode(created_at: datetime, comment_id: int) -> str:
    raw = f"{created_at.isoformat()}|{comment_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime, int]:
    """The (UTC date, id) a cursor holds; `curseur_invalide` for anything a database could not
    compare against: an id outside 1..2^63-1, a date that leaves the calendar once in UTC."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, _, ident = raw.partition("|")
        if not ident.isascii() or not ident.isdigit() or len(ident) > 19:
            raise ValueError(ident)
        comment_id = int(ident)
        when = datetime.fromisoformat(stamp)
        when = when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except (binascii.Error, UnicodeDecodeError, ValueError, OverflowError):
        raise PalabreError("curseur_invalide", field="cursor") from None
    if not 1 <= comment_id <= MAX_ID:
        raise PalabreError("curseur_invalide", field="cursor")
    return when, comment_id
