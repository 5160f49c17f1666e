"""Comments and threads as the JSON the widget reads."""

from __future__ import annotations

from datetime import datetime
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
    """`node_json(node)` as JSON text, appended to `out`."""
    comment = node.comment
    status = comment.status
    shown = status == CommentStatus.PUBLISHED
    deleted = status == CommentStatus.DELETED
    parent = comment.parent_id
    author = comment.author_name
    out.append('{"id":')
    out.append(int.__repr__(comment.id))
    out.append(',"parent":')
    out.append("null" if parent is None else int.__repr__(parent))
    out.append(',"author":')
    out.append(encode_basestring(author) if shown and author is not None else "null")
    out.append(
        ',"verified":true,"html":' if comment.author_verified else ',"verified":false,"html":'
    )
    out.append(encode_basestring(comment.html) if shown else '""')
    out.append(',"status":')
    out.append(encode_basestring(status) if shown or deleted else '"hidden"')
    out.append(',"created_at":')
    out.append(_iso_text(comment.created_at))
    out.append(',"edited_at":')
    out.append(_iso_text(comment.edited_at))
    out.append(',"deleted":true,"replies":[' if deleted else ',"deleted":false,"replies":[')
    first = True
    for reply in node.replies:
        if reply.visible:
            if not first:
                out.append(",")
            first = False
            _comment_body(reply, out)
    out.append("]}")


def _iso_text(value: datetime | None) -> str:
    return "null" if value is None else encode_basestring(value.isoformat().replace("+00:00", "Z"))


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
