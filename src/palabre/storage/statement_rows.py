"""Every audit row that moves a comment into a held, rejected or deleted state, by the system or
a moderator, gets its statement of reasons (DSA art. 17) in the same transaction: a mapper event
on `ModerationAction`, so no path that writes one can forget it. `palabre.legal.statements`
puts the row into the author's words."""

from __future__ import annotations

from typing import Any, Final

from sqlalchemy import Connection, event, insert, select
from sqlalchemy.orm import Mapper

from palabre.status import RESTRICTING, verb_for
from palabre.storage.models import Decision, ModerationAction
from palabre.storage.models_legal import Statement

AUTHOR: Final = "auteur"
SYSTEM: Final = "système"
MAX_WORDS: Final = 8


@event.listens_for(ModerationAction, "after_insert")
def _statement_for_action(
    _mapper: Mapper[Any], connection: Connection, action: ModerationAction
) -> None:
    decision = verb_for(action.to_status) if action.to_status in RESTRICTING else None
    if decision is None or action.from_status == action.to_status or action.actor == AUTHOR:
        return
    query = select(Decision.reasons, Decision.mode).where(Decision.comment_id == action.comment_id)
    if action.decision_id is not None:
        query = query.where(Decision.id == action.decision_id)
    row = connection.execute(query.order_by(Decision.id.desc()).limit(1)).first()
    reasons: list[Any] = list(row[0] or []) if row else []
    mode = str(row[1] or "") if row else ""
    connection.execute(
        insert(Statement).values(
            comment_id=action.comment_id,
            action_id=action.id,
            decision=decision,
            automated=action.actor == SYSTEM,
            mode=mode,
            grounds=grounds(reasons, [str(c) for c in action.clauses or []]),
            created_at=action.created_at,
        )
    )


def grounds(reasons: list[Any], clauses: list[str]) -> list[dict[str, Any]]:
    """One ground per clause cited (in the decision's order), with its text, category and the
    distinct words at fault."""
    found: dict[str, dict[str, Any]] = {}
    for reason in reasons:
        clause = str(reason.get("clause") or "")
        if not clause or (clauses and clause not in clauses):
            continue
        ground = found.setdefault(
            clause,
            {
                "clause": clause,
                "text": str(reason.get("clause_text") or ""),
                "category": reason.get("category"),
                "words": [],
            },
        )
        for span in reason.get("spans") or []:
            word = str(span[2]).strip() if len(span) > 2 else ""
            if word and word not in ground["words"] and len(ground["words"]) < MAX_WORDS:
                ground["words"].append(word[:80])
    return list(found.values())
