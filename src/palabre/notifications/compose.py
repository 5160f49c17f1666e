"""Which e-mails an event calls for, and their content. Pure reads: nothing is sent here."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from palabre.notifications.links import Links
from palabre.notifications.mail import Email, valid_address
from palabre.notifications.render import render_email
from palabre.status import CommentStatus
from palabre.storage.models import Comment, Decision, EmailOptOut, Subscription, Thread

ONE_CLICK = {"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def comment_url(thread: Thread, comment_id: int) -> str:
    base = thread.url or (thread.key if thread.key.startswith(("http://", "https://")) else "")
    return f"{base.split('#')[0]}#palabre-comment-{comment_id}" if base else ""


def thread_title(thread: Thread) -> str:
    return thread.title or thread.url or thread.key


def comment_view(comment: Comment, thread: Thread, anonymous: str = "Anonyme") -> dict[str, Any]:
    return {
        "id": comment.id,
        "author": comment.author_name or anonymous,
        "verified": comment.author_verified,
        "text": comment.text,
        "html": comment.html,
        "url": comment_url(thread, comment.id),
        "date": comment.created_at.strftime("%d/%m/%Y %H:%M"),
    }


def unsubscribe_headers(url: str) -> dict[str, str]:
    """RFC 2369 + RFC 8058: mail clients offer a one-click « Se désabonner »."""
    return {"List-Unsubscribe": f"<{url}>", **ONE_CLICK}


def confirm_email(links: Links, sub: Subscription, thread: Thread) -> Email:
    context = {
        "thread_title": thread_title(thread),
        "mode": sub.mode,
        "confirm_url": links.confirm_url(sub.id, sub.token, sub.locale),
    }
    return render_email("confirm", sub.locale, sub.email, context)


def published_emails(
    session: Session, links: Links, comment_id: int, locale: str = "fr"
) -> list[Email]:
    """New published comment: immediate subscribers of the thread, and the parent's author
    (who has no subscription, so gets the site's default `locale`)."""
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status != CommentStatus.PUBLISHED:
        return []
    thread = session.get(Thread, comment.thread_id)
    assert thread is not None
    author = (comment.author_email or "").lower()
    emails: list[Email] = []
    subscribers = session.scalars(
        select(Subscription)
        .where(
            Subscription.thread_id == thread.id,
            Subscription.mode == "immediate",
            Subscription.confirmed_at.is_not(None),
        )
        .order_by(Subscription.id)
    ).all()
    for sub in subscribers:
        if sub.email.lower() == author:
            continue
        unsubscribe = links.unsubscribe_url(sub.id, sub.token, sub.locale)
        anonymous = "Anonymous" if sub.locale == "en" else "Anonyme"
        context = {
            "thread_title": thread_title(thread),
            "c": comment_view(comment, thread, anonymous),
            "unsubscribe_url": unsubscribe,
        }
        emails.append(
            render_email(
                "comment", sub.locale, sub.email, context, unsubscribe_headers(unsubscribe)
            )
        )
    reply = reply_email(session, links, comment, thread, locale)
    if reply is not None and reply.to.lower() not in {e.to.lower() for e in emails}:
        emails.append(reply)
    return emails


def reply_email(
    session: Session, links: Links, comment: Comment, thread: Thread, locale: str = "fr"
) -> Email | None:
    if comment.parent_id is None:
        return None
    parent = session.get(Comment, comment.parent_id)
    if parent is None or not parent.author_email or not valid_address(parent.author_email):
        return None
    to = parent.author_email
    if to.lower() == (comment.author_email or "").lower():
        return None
    if session.get(EmailOptOut, (to.lower(), "replies")) is not None:
        return None
    optout = links.replies_optout_url(to.lower(), locale)
    anonymous = "Anonymous" if locale == "en" else "Anonyme"
    context = {
        "thread_title": thread_title(thread),
        "c": comment_view(comment, thread, anonymous),
        "optout_url": optout,
    }
    return render_email("reply", locale, to, context, unsubscribe_headers(optout))


def held_emails(
    session: Session,
    links: Links,
    comment_id: int,
    moderators: list[str],
    locale: str,
    hours: int,
) -> list[Email]:
    """A held comment: each moderator gets signed links to publish or reject it, once."""
    comment = session.get(Comment, comment_id)
    if comment is None or comment.status != CommentStatus.HELD or not moderators:
        return []
    thread = session.get(Thread, comment.thread_id)
    assert thread is not None
    decision = session.scalars(
        select(Decision)
        .where(Decision.comment_id == comment.id)
        .order_by(Decision.id.desc())
        .limit(1)
    ).first()
    reasons = list(
        dict.fromkeys(
            f"{r.get('clause', '')} {r.get('clause_text', '')}".strip()
            for r in (decision.reasons if decision else [])
            if isinstance(r, dict)
        )
    )
    emails = []
    for moderator in moderators:
        jti = secrets.token_urlsafe(16)  # shared by both links: using one spends the other
        context = {
            "thread_title": thread_title(thread),
            "c": comment_view(comment, thread),
            "reasons": reasons,
            "hours": hours,
            "publish_url": links.moderation_url(comment.id, "publish", jti, moderator),
            "reject_url": links.moderation_url(comment.id, "reject", jti, moderator),
        }
        emails.append(render_email("held", locale, moderator, context))
    return emails


def digest_emails(session: Session, links: Links, now: datetime) -> list[tuple[int, Email]]:
    """The daily digest: for each confirmed digest subscription, what was published in the last
    24 hours (and since its previous digest). Returns (subscription id, e-mail) pairs."""
    out: list[tuple[int, Email]] = []
    day_ago = now - timedelta(hours=24)
    subs = session.scalars(
        select(Subscription)
        .where(
            Subscription.mode == "digest",
            Subscription.confirmed_at.is_not(None),
        )
        .order_by(Subscription.id)
    ).all()
    for sub in subs:
        since = max(d for d in (day_ago, sub.last_digest_at, sub.confirmed_at) if d is not None)
        comments = session.scalars(
            select(Comment)
            .where(
                Comment.thread_id == sub.thread_id,
                Comment.status == CommentStatus.PUBLISHED,
                Comment.created_at > since,
                Comment.created_at <= now,
            )
            .order_by(Comment.created_at, Comment.id)
        ).all()
        comments = [c for c in comments if (c.author_email or "").lower() != sub.email.lower()]
        if not comments:
            continue
        thread = session.get(Thread, sub.thread_id)
        assert thread is not None
        unsubscribe = links.unsubscribe_url(sub.id, sub.token, sub.locale)
        anonymous = "Anonymous" if sub.locale == "en" else "Anonyme"
        context = {
            "thread_title": thread_title(thread),
            "unsubscribe_url": unsubscribe,
            "comments": [comment_view(c, thread, anonymous) for c in comments],
        }
        out.append(
            (
                sub.id,
                render_email(
                    "digest", sub.locale, sub.email, context, unsubscribe_headers(unsubscribe)
                ),
            )
        )
    return out
