"""The thread page written directly as JSON text gives the bytes `json.dumps` gives for the
page's dicts (web/api/serialize.py)."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta

from palabre.comments.queries import CommentRow, Node, ThreadPage, ThreadRow
from palabre.status import CommentStatus
from palabre.web.api.serialize import page_body, page_json

_STRINGS = (
    "",
    "Avis simple",
    "« guillemets » — tiret, espace\u202finsécable",
    'des "guillemets" droits et une \\ barre',
    "retour\nà la ligne\tet tabulation\r",
    "contrôle \x00 \x01 \x1f \x7f fin",
    "séparateurs \u2028 et \u2029 de JavaScript",
    "émoji 🙂 et 漢字",
    "<script>alert('x')</script>&amp;",
    "/",
)


def _expected(page: ThreadPage) -> bytes:
    return json.dumps(page_json(page), ensure_ascii=False, separators=(",", ":")).encode()


def _comment(rng: random.Random, ident: int, parent: int | None) -> CommentRow:
    created = datetime(2026, 3, 2, 8, 0, tzinfo=UTC) + timedelta(
        minutes=ident, microseconds=rng.choice((0, 1, 123456, 999999))
    )
    return CommentRow(
        id=ident,
        parent_id=parent,
        author_name=rng.choice((None, *_STRINGS)),
        author_verified=rng.random() < 0.3,
        html=rng.choice(_STRINGS),
        status=rng.choice(list(CommentStatus)).value,
        created_at=created,
        edited_at=rng.choice((None, created + timedelta(seconds=30, microseconds=7))),
    )


def _node(rng: random.Random, ident: list[int], parent: int | None, depth: int) -> Node:
    ident[0] += 1
    node = Node(_comment(rng, ident[0], parent))
    if depth < 3:
        own = ident[0]
        node.replies = [_node(rng, ident, own, depth + 1) for _ in range(rng.randrange(3))]
    return node


def test_page_body_is_json_dumps_of_page_json() -> None:
    rng = random.Random(21)
    for case in range(400):
        thread = (
            None
            if case % 10 == 0
            else ThreadRow(case, rng.choice(_STRINGS), rng.choice(_STRINGS), rng.choice(_STRINGS))
        )
        ident = [case * 1000]
        roots = (
            [] if thread is None else [_node(rng, ident, None, 0) for _ in range(rng.randrange(6))]
        )
        cursor = rng.choice((None, "MjAyNi0wMy0wMlQwODowMDowMHwxMg"))
        page = ThreadPage(thread, roots, cursor, rng.randrange(0, 10**12))
        assert page_body(page) == _expected(page)


def test_statuses_as_enum_members_read_the_same() -> None:
    created = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)
    rows = [
        CommentRow(i, None, "Nom", False, "<p>x</p>", status, created, None)
        for i, status in enumerate(CommentStatus, start=1)
    ]
    page = ThreadPage(ThreadRow(1, "fil", "Fil", ""), [Node(r) for r in rows], None, 5)
    assert page_body(page) == _expected(page)
