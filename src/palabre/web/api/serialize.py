"""Comments and threads as the JSON the widget reads."""

from __future__ import annotations

from datetime import datetime

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
