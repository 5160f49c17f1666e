"""Opaque keyset-pagination cursors: (created_at, id) of the last comment of a page."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from palabre.errors import PalabreError


def encode(created_at: datetime, comment_id: int) -> str:
    raw = f"{created_at.isoformat()}|{comment_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        stamp, _, ident = raw.partition("|")
        return datetime.fromisoformat(stamp), int(ident)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise PalabreError("curseur_invalide", field="cursor") from None
