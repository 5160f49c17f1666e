"""Every audit row that moves a comment into a held, rejected or deleted state, by the system or
a moderator, gets its statement of reasons (DSA art. 17) in the same transaction: a mapper event
on `ModerationAction`, so no ORM path that writes one can forget it; the one Core path that
writes audit rows (the moderation step, comments/modes.py) calls `write_statement` itself,
tests/legal/test_statements.py and tests/perf/test_moderation_statements.py check both. `palabre.legal.statements`
puts the row into the author's words."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from sqlalchemy import Connection, event, insert, select
from sqlalchemy.orm import Mapper

from palabre.status import RESTRICTING, verb_for
from palabre.storage.models import Decision, ModerationAction
from palabre.storage.models_legal import Statement

AUTHOR: Final = "auteur"
SYSTEM: Final = "système"
MAX_WORDS: Final = 8


_INSERT_STATEMENT: Final = insert(Statement)


@event.listens_for(ModerationAction, "after_insert")
def _statement_for_action(
    _mapper: Mapper[Any], connection: Connection, action: ModerationAction
) -> None:
    if not needs_statement(action.actor, action.from_status, action.to_status):
        return
    query = select(Decision.reasons, Decision.mode).where(Decision.comment_id == action.comment_id)
    if action.decision_id is not None:
        query = query.where(Decision.id == action.decision_id)
    row = connection.execute(query.order_by(Decision.id.desc()).limit(1)).first()
    reasons: list[Any] = list(row[0] or []) if row else []
    mode = str(row[1] or "") if row else ""
    audit = {c: getattr(action, c) for c in ("comment_id", "actor", "to_status", "created_at")}
    write_statement(connection, {**audit, "clauses": action.clauses}, action.id, reasons, mode)


def needs_statement(actor: str, from_status: str | None, to_status: str) -> bool:
    """Whether an audit row moves a comment into a held, rejected or deleted state (not the
    author's own deletion): such a row gets its statement of reasons."""
    if to_status not in RESTRICTING or verb_for(to_status) is None:
        return False
    return from_status != to_status and actor != AUTHOR


def write_statement(
    connection: Connection,
    audit: Mapping[str, Any],
    action_id: int,
    reasons: list[Any],
    mode: str,
) -> None:
    """The statement of an audit row (its values, as written; `needs_statement` says whether it
    has one), from the reasons and mode of its decision. The mapper event above writes it for
    the ORM's audit rows; a Core write of an audit row calls it itself, in its transaction
    (comments/modes.py)."""
    decision = verb_for(audit["to_status"])
    assert decision is not None
    connection.execute(
        _INSERT_STATEMENT,
        {
            "comment_id": audit["comment_id"],
            "action_id": action_id,
            "decision": decision,
            "automated": audit["actor"] == SYSTEM,
            "mode": mode,
            "grounds": grounds(reasons, [str(c) for c in audit["clauses"] or []]),
            "created_at": audit["created_at"],
        },
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
