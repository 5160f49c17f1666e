"""Helpers of the import writer: replies after their parents, and the identity of a comment that
has no source id."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from palabre.errors import PalabreError
from palabre.interop.model import ImportedComment


def natural_key(created: datetime, author: str | None, text: str) -> str:
    """A comment's identity when it has no source id (a palabre export of native comments)."""
    stamp = created.astimezone(UTC).isoformat() if created.tzinfo else created.isoformat()
    digest = hashlib.sha256(f"{stamp}\x00{author or ''}\x00{text}".encode()).hexdigest()
    return f"\x02{digest}"


def first_dates(comments: list[ImportedComment]) -> dict[str, datetime]:
    firsts: dict[str, datetime] = {}
    for c in comments:
        if c.thread_id not in firsts or c.created_at < firsts[c.thread_id]:
            firsts[c.thread_id] = c.created_at
    return firsts


def parents_first(comments: list[ImportedComment]) -> list[ImportedComment]:
    """Source order, except that a reply always comes after its parent; a cycle is an error."""
    by_id = {(c.thread_id, c.external_id): c for c in comments}
    ordered: list[ImportedComment] = []
    state: dict[tuple[str, str], int] = {}  # 1 visiting, 2 done
    for start in comments:
        chain: list[ImportedComment] = []
        node: ImportedComment | None = start
        while node is not None and state.get((node.thread_id, node.external_id)) != 2:
            key = (node.thread_id, node.external_id)
            if state.get(key) == 1:
                raise PalabreError(
                    "import_valeur_invalide",
                    params={
                        "place": node.place,
                        "field": "parent",
                        "value": f"{node.parent_id} (boucle de réponses)",
                    },
                )
            state[key] = 1
            chain.append(node)
            node = by_id.get((node.thread_id, node.parent_id)) if node.parent_id else None
        for item in reversed(chain):
            state[(item.thread_id, item.external_id)] = 2
            ordered.append(item)
    return ordered
