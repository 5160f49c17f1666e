"""Comments and threads as the JSON the widget reads."""

from __future__ import annotations

from datetime import UTC, datetime
from json.encoder import encode_basestring

from palabre.comments.queries import CommentView, Node, ThreadPage
from palabre.comments.service import ClauseNotice, PostResult
from palabre.status import CommentStatus
from palabre.typography import french

MESSAGES: dict[str, dict[str, str]] = {
    "fr": {
        "publish": "Votre commentaire est publié. Merci !",
        "pending": "Votre commentaire est en cours de vérification…",
        "hold": "Votre commentaire est en attente de modération ; il sera publié après relecture.",
        "reject": "Votre commentaire n'a pas été publié : il ne respecte pas la charte du site.",
    },
    "en": {
        "publish": "Your comment is published. Thank you!",
        "pending": "Your comment is being checked…",
        "hold": "Your comment is awaiting moderation; it will be published after review.",
        "reject": "Your comment was not published: it breaks the site's charter.",
    },
}


def iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def comment_json(
    comment: CommentView, replies: list[Node] | None = None, *, own: bool = False
) -> dict[str, object]:
    """`own`: the author's own view (after posting), which shows a held comment in full."""
    shown = comment.status == CommentStatus.PUBLISHED or own
    deleted = comment.status == CommentStatus.DELETED
    status = comment.status if shown or deleted else "hidden"
    return {
        "id": comment.id,
        "parent": comment.parent_id,
        "author": comment.author_name if shown else None,
        "verified": bool(comment.author_verified),
        "html": comment.html if shown else "",
        "status": status,
        "created_at": iso(comment.created_at),
        "edited_at": iso(comment.edited_at),
        "deleted": deleted,
        "replies": [node_json(r) for r in (replies or []) if r.visible],
    }


def node_json(node: Node) -> dict[str, object]:
    return comment_json(node.comment, node.replies)


def page_json(page: ThreadPage) -> dict[str, object]:
    thread = None
    if page.thread is not None:
        thread = {
            "key": page.thread.key,
            "title": page.thread.title,
            "url": page.thread.url,
            "count": page.total,
        }
    return {
        "thread": thread,
        "comments": [node_json(n) for n in page.roots],
        "next_cursor": page.next_cursor,
        "total": page.total,
    }


def page_body(page: ThreadPage) -> bytes:
    """`json.dumps(page_json(page), ensure_ascii=False, separators=(",", ":")).encode()`, the
    same bytes written directly (a fifth of an uncached read's CPU went to building the dicts
    and encoding them): strings through the function `json.dumps` itself uses for them,
    integers through `int.__repr__` as its encoder does (tests/api/test_page_body.py)."""
    out: list[str] = []
    thread = page.thread
    if thread is None:
        out.append('{"thread":null,"comments":[')
    else:
        out.append('{"thread":{"key":')
        out.append(encode_basestring(thread.key))
        out.append(',"title":')
        out.append(encode_basestring(thread.title))
        out.append(',"url":')
        out.append(encode_basestring(thread.url))
        out.append(',"count":')
        out.append(int.__repr__(page.total))
        out.append('},"comments":[')
    first = True
    for node in page.roots:
        if not first:
            out.append(",")
        first = False
        _comment_body(node, out)
    out.append('],"next_cursor":')
    cursor = page.next_cursor
    out.append("null" if cursor is None else encode_basestring(cursor))
    out.append(',"total":')
    out.append(int.__repr__(page.total))
    out.append("}")
    return "".join(out).encode()


def _comment_body(node: Node, out: list[str]) -> None:
    """`node_json(node)` as JSON text, appended to `out`: one f-string per comment."""
    comment = node.comment
    status = comment.status
    shown = status == CommentStatus.PUBLISHED
    deleted = status == CommentStatus.DELETED
    parent = comment.parent_id
    author = comment.author_name
    out.append(
        f'{{"id":{int.__repr__(comment.id)},'
        f'"parent":{"null" if parent is None else int.__repr__(parent)},'
        f'"author":{encode_basestring(author) if shown and author is not None else "null"},'
        f'"verified":{"true" if comment.author_verified else "false"},'
        f'"html":{encode_basestring(comment.html) if shown else _EMPTY},'
        f'"status":{encode_basestring(status) if shown or deleted else _HIDDEN},'
        f'"created_at":{_iso_text(comment.created_at)},'
        f'"edited_at":{_iso_text(comment.edited_at)},'
        f'"deleted":{"true" if deleted else "false"},"replies":['
    )
    first = True
    for reply in node.replies:
        if reply.visible:
            if not first:
                out.append(",")
            first = False
            _comment_body(reply, out)
    out.append("]}")


_EMPTY = '""'
_HIDDEN = '"hidden"'
#: Dates in UTC as JSON text, by date: a thread's dates come back on every read of it. Only
#: UTC dates are kept (two equal dates in other zones would not write the same text).
_ISO_TEXT: dict[datetime, str] = {}
_ISO_TEXT_MAX = 20_000


def _iso_text(value: datetime | None) -> str:
    if value is None:
        return "null"
    text = _ISO_TEXT.get(value) if value.tzinfo is UTC else None
    if text is None:
        text = encode_basestring(value.isoformat().replace("+00:00", "Z"))
        if value.tzinfo is UTC:
            if len(_ISO_TEXT) >= _ISO_TEXT_MAX:
                _ISO_TEXT.clear()
            _ISO_TEXT[value] = text
    return text


def post_json(result: PostResult, locale: str) -> dict[str, object]:
    return {
        "comment": comment_json(result.comment, own=result.comment.status != CommentStatus.DELETED),
        "edit_token": result.edit_token,
        "edit_until": iso(result.edit_until),
        "view_token": result.view_token,
        "moderation": moderation_json(result.decision, result.clauses, locale),
    }


def moderation_json(
    decision: str, clauses: tuple[ClauseNotice, ...], locale: str
) -> dict[str, object]:
    """The decision told to the author: its message and the clauses at fault."""
    messages = MESSAGES.get(locale, MESSAGES["fr"])
    message = messages[decision]
    return {
        "decision": decision,
        "message": message if locale == "en" else french(message),
        "clauses": [
            {
                "clause": n.clause,
                "text": n.text if locale == "en" else french(n.text),
                "words": list(n.words),
            }
            for n in clauses
        ],
    }
