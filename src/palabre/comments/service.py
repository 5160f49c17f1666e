"""The comment use cases: post, edit, delete, report. Every new or edited text is stored as
pending first (durable before moderation runs), then moderated in its own transaction."""

from __future__ import annotations

import hashlib
import logging
import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final, cast

from sqlalchemy import Table, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from palabre.comments import controls, moderation_step, modes
from palabre.comments import text as comment_text
from palabre.comments.authors import VerifiedIdentity
from palabre.comments.bans import raise_if_banned
from palabre.comments.reports import REASON_IDS
from palabre.comments.sites import create_thread, site_and_thread
from palabre.comments.tokens import EditTokens, ViewTokens
from palabre.errors import PalabreError
from palabre.events import (
    CommentDeleted,
    CommentEdited,
    CommentPosted,
    DecisionMade,
    Event,
    EventBus,
    ReportFiled,
)
from palabre.moderation.engine import ModerationEngine
from palabre.moderation.fallback import engine_failure_verdict
from palabre.moderation.verdict import Verdict
from palabre.settings import Settings
from palabre.status import CommentStatus, verb_for
from palabre.storage.db import Database
from palabre.storage.models import Comment, Decision, ModerationAction, Report, Thread

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class NewComment:
    site: str
    thread: str
    text: str
    thread_title: str = ""
    thread_url: str = ""
    parent: int | None = None
    author: str | None = None
    email: str | None = None
    client_ip: str | None = None
    reader: str | None = None  # the random token the reader's browser keeps (widget)
    honeypot: str | None = None
    identity: VerifiedIdentity | None = None  # signed in through the host site (SSO)
    browser: str | None = None  # the widget's random browser token (X-Palabre-Browser)


@dataclass(frozen=True, slots=True)
class Reporter:
    """Who files a report, as far as we can tell: IP, browser token, e-mail when given."""

    client_ip: str | None = None
    browser: str | None = None
    email: str | None = None


# Clauses whose words a site may prefer not to quote back to the author (setting show_harm_words)
HARM_CATEGORIES = frozenset({"haine", "violence", "insulte", "grossierete", "illegal"})
MAX_WORDS = 8


@dataclass(frozen=True, slots=True)
class ClauseNotice:
    """What the author is told of one clause: its text, and the words at fault."""

    clause: str
    text: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Moderated:
    """What the moderation step made of a comment: its status now, the decision the author is
    told, the clauses, and whether this step decided (False: decided before, or left pending)."""

    status: str
    decision: str
    notices: tuple[ClauseNotice, ...]
    decided: bool


@dataclass(frozen=True, slots=True)
class PostResult:
    comment: Comment
    edit_token: str
    edit_until: datetime
    decision: str
    clauses: tuple[ClauseNotice, ...]
    view_token: str = ""


# A new root comment points at itself (set once its id is known).
_COMMENTS: Final = cast(Table, Comment.__table__)
_INSERT_COMMENT: Final = insert(_COMMENTS)
_SET_OWN_ROOT: Final = (
    update(_COMMENTS)
    .where(_COMMENTS.c.id == bindparam("comment_id"))
    .values(root_id=_COMMENTS.c.id)
)

# An author's latest posts since a moment, newest first (the flood limit; built once).
_RECENT_BY_AUTHOR: Final = (
    select(Comment.created_at)
    .where(Comment.author_key == bindparam("key"), Comment.created_at >= bindparam("since"))
    .order_by(Comment.created_at.desc())
    .limit(bindparam("limit"))
)

# An edit of a comment in one of these states goes to a moderator, never back to the engine.
HUMAN_REVIEW_AFTER_EDIT: Final = frozenset({CommentStatus.HELD, CommentStatus.REJECTED})


class CommentService:
    def __init__(
        self,
        db: Database,
        moderator: ModerationEngine,
        settings: Settings,
        events: EventBus | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.db = db
        self.moderator = moderator
        self.settings = settings
        self.events = events or EventBus()
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        # When set (setting `moderation_in_worker`), new and edited comments stay pending and
        # are handed to a background worker instead of being moderated in the request.
        self.defer: Callable[[int], object] | None = None
        self.tokens = EditTokens(settings.resolved_secret_key, settings.edit_window_seconds)
        self.view_tokens = ViewTokens(settings.resolved_secret_key)

    # -- posting -------------------------------------------------------------------------------

    def post(self, new: NewComment) -> PostResult:
        """A reader posts: validate, store as pending (durable), moderate, dispatch events."""
        return self._post(new, created_at=None, strict_parent=True)

    def post_imported(self, new: NewComment, created_at: datetime) -> PostResult:
        """An existing comment brought in (seeds, imports): its date is kept and it may answer a
        comment that is not published; it goes through moderation like any other."""
        return self._post(new, created_at=created_at, strict_parent=False)

    def _post(
        self, new: NewComment, *, created_at: datetime | None, strict_parent: bool
    ) -> PostResult:
        if new.honeypot:
            raise PalabreError("pot_de_miel", field="website")
        body = comment_text.clean_text(new.text, self.settings.max_comment_length)
        author = comment_text.clean_author(new.author)
        email = comment_text.clean_email(new.email)
        now = created_at or self.clock()
        with self.db.session() as session:
            site, thread = site_and_thread(session, new.site, new.thread)
            ip_key = self._author_key(None, new.client_ip)
            browser_key = self.browser_key(new.browser or new.reader)
            author_key = self.author_key(email, new.reader or new.browser, author, new.client_ip)
            if created_at is None:  # a reader posting now (imports of old comments are not)
                keys = (self._author_key(email, None), ip_key, browser_key, author_key)
                raise_if_banned(session, site.id, keys, email, now)
                self._check_flood(session, site.id, author_key, now)
            if thread is None:  # its first comment
                thread = create_thread(
                    session, site, new.thread, new.thread_title, new.thread_url, now
                )
            if created_at is None:  # closed articles and per-article quotas (comments/controls.py)
                controls.check_post(session, site, thread, author_key, body, now, self.settings)
            root_id: int | None = None
            if new.parent is not None:
                parent = session.get(Comment, new.parent)
                if parent is None:
                    raise PalabreError("parent_inconnu", field="parent")
                if parent.thread_id != thread.id:
                    raise PalabreError("parent_autre_fil", field="parent")
                if strict_parent and parent.status not in {
                    CommentStatus.PUBLISHED,
                    CommentStatus.DELETED,
                }:
                    raise PalabreError("parent_indisponible", field="parent")
                root_id = parent.root_id or parent.id
            values: dict[str, Any] = {
                "thread_id": thread.id,
                "parent_id": new.parent,
                "root_id": root_id,
                "author_name": author,
                "author_email": email,
                "author_key": author_key,
                "ip_key": ip_key,
                "browser_key": browser_key,
                "text": body,
                "html": comment_text.render(body),
                "status": CommentStatus.PENDING,
                "created_at": now,
                "edited_at": None,
                "deleted_at": None,
                "report_count": 0,
                "edit_nonce": secrets.token_hex(8),
                "author_verified": new.identity is not None,
                "author_external_id": new.identity.external_id if new.identity else None,
            }
            # A Core INSERT, not the unit of work (a fifth of the post's CPU in the process).
            connection = session.connection()
            inserted = connection.execute(_INSERT_COMMENT, values).inserted_primary_key
            assert inserted is not None
            comment_id = int(inserted[0])
            if root_id is None and new.parent is None:
                # A root is its own root: one prepared UPDATE.
                connection.execute(_SET_OWN_ROOT, {"comment_id": comment_id})
                values["root_id"] = comment_id
        # The author's answer, from the values as written (tests/perf/test_post_statements.py).
        comment = Comment(id=comment_id, **values)
        events: list[Event] = [CommentPosted(comment.id, comment.thread_id)]
        comment, decision, clauses = self._moderate_or_defer(comment, events)
        self.events.publish(events)
        until = comment.created_at + timedelta(seconds=self.tokens.window_seconds)
        return PostResult(
            comment,
            self.tokens.issue(comment.id, comment.edit_nonce),
            until,
            decision,
            clauses,
            self.view_tokens.issue(comment.id),
        )

    def _author_key(self, email: str | None, client_ip: str | None) -> str | None:
        ident = email or client_ip
        if not ident:
            return None
        return self.fingerprint(ident)

    def fingerprint(self, value: str) -> str:
        """A keyed hash (BLAKE2b with the server's secret): what palabre keeps of an IP, an
        e-mail or a browser token when it only needs to recognise them."""
        salt = self.settings.resolved_secret_key.encode()
        return hashlib.blake2b(value.encode(), key=salt[:64], digest_size=16).hexdigest()

    def browser_key(self, token: str | None) -> str | None:
        token = (token or "").strip()[:200]
        return self.fingerprint("browser\n" + token) if token else None

    def author_key(
        self, email: str | None, reader: str | None, name: str | None, client_ip: str | None
    ) -> str | None:
        """Who wrote this, as well as we can tell without an account: the e-mail, else the
        browser's token, else the pseudonym on that address, and the bare IP only last. Readers
        who share an address (a newsroom, a mobile carrier) stay different authors."""
        if email:
            return self._author_key(email, None)
        if reader and reader.strip():
            return self._author_key(f"navigateur:{reader.strip()}", None)
        if name:
            return self._author_key(f"pseudonyme:{name.casefold()}|{client_ip or ''}", None)
        return self._author_key(None, client_ip)

    def _check_flood(self, session: Session, site_id: int, key: str | None, now: datetime) -> None:
        """Too many messages from one author in a short time: ask them to wait (429), a limit
        that grows with the site's traffic. Not spam: nothing is held, nothing is said of it.
        The site's traffic only raises the limit, so it is counted only for an author already
        at the fixed limit: an ordinary post asks one indexed statement, not a count of every
        recent comment of the site (docs/benchmarks.md, issue 21)."""
        limit = self.settings.flood_max_posts
        if not key or limit <= 0:
            return
        window = timedelta(minutes=self.settings.flood_window_minutes)
        since = now - window
        recent = self._recent_posts(session, key, since, limit)
        if len(recent) < limit:
            return
        step = self.settings.flood_traffic_step
        if step > 0:
            site_posts = (
                session.scalar(
                    select(func.count(Comment.id))
                    .join(Thread, Thread.id == Comment.thread_id)
                    .where(Thread.site_id == site_id, Comment.created_at >= since)
                )
                or 0
            )
            if site_posts >= step:
                limit += int(site_posts) // step
                recent = self._recent_posts(session, key, since, limit)
                if len(recent) < limit:
                    return
        oldest = min(_aware(t) for t in recent)
        minutes = max(1, math.ceil((oldest + window - now).total_seconds() / 60))
        raise PalabreError(
            "trop_de_messages",
            params={
                "retry": minutes * 60,
                "delay_fr": f"{minutes} minute" + ("s" if minutes > 1 else ""),
                "delay_en": f"{minutes} minute" + ("s" if minutes > 1 else ""),
            },
        )

    @staticmethod
    def _recent_posts(session: Session, key: str, since: datetime, limit: int) -> list[datetime]:
        """When the author's latest `limit` posts since `since` were made, newest first."""
        params = {"key": key, "since": since, "limit": limit}
        return list(session.connection().execute(_RECENT_BY_AUTHOR, params).scalars().all())

    # -- moderation ----------------------------------------------------------------------------

    def _moderate(self, comment_id: int, events: list[Event]) -> Moderated:
        """The moderation step on one stored comment: read it (two statements), check it,
        record the verdict (one transaction). Core statements on one connection each time, no
        ORM object: tests/perf/test_moderation_statements.py."""
        now = self.clock()
        with self.db.engine.connect() as connection:
            pending = moderation_step.read_pending(connection, comment_id, now)
        assert pending is not None, f"comment {comment_id} not found"
        if pending.status != CommentStatus.PENDING:  # a queued duplicate, or decided meanwhile
            return Moderated(pending.status, _decision_of(pending.status), (), False)
        try:
            verdict = self.moderator.check(pending.text, pending.context)
        except Exception as exc:
            log.exception("moderation engine failed for comment %s", comment_id)
            verdict = engine_failure_verdict(repr(exc))
        try:
            with self.db.engine.begin() as connection:
                status, decided = modes.record_verdict(
                    connection, comment_id, verdict, now, self.settings
                )
        except OperationalError:
            # The comment is stored (pending): the sweeper moderates it later. The reader is
            # told it awaits moderation, which is true.
            log.exception("could not record the decision for comment %s; left pending", comment_id)
            return Moderated(CommentStatus.PENDING, "hold", (), False)
        decision = _decision_of(status)  # the mode in force may differ from the engine
        if not decided:  # moderated meanwhile (idempotent)
            return Moderated(status, decision, (), False)
        events.append(DecisionMade(comment_id, pending.thread_id, decision, status))
        return Moderated(status, decision, self._notices(verdict), True)

    def _notices(self, verdict: Verdict) -> tuple[ClauseNotice, ...]:
        """One notice per clause, in the verdict's order, with the distinct words at fault."""
        return clause_notices([r.as_dict() for r in verdict.reasons], self.settings.show_harm_words)

    def _moderate_or_defer(
        self, comment: Comment, events: list[Event]
    ) -> tuple[Comment, str, tuple[ClauseNotice, ...]]:
        if self.defer is None:
            moderated = self._moderate(comment.id, events)
            if moderated.decided:  # the comment as written, with the status just recorded
                comment.status = moderated.status
            else:  # decided by someone else meanwhile, or left pending: as stored now
                with self.db.session() as session:
                    stored = session.get(Comment, comment.id)
                    assert stored is not None
                comment = stored
            return comment, moderated.decision, moderated.notices
        try:
            self.defer(comment.id)
        except Exception:  # the queue is down: the sweeper will moderate it in a minute
            log.exception("could not hand comment %s to the background worker", comment.id)
        return comment, "pending", ()  # the widget asks for the decision (GET …/decision)

    def moderate_one(self, comment_id: int) -> str:
        """Moderate one pending comment now (the background worker's task); idempotent."""
        events: list[Event] = []
        decision = self._moderate(comment_id, events).decision
        self.events.publish(events)
        return decision

    def decision(
        self, comment_id: int, view_token: str | None
    ) -> tuple[Comment, str, tuple[ClauseNotice, ...]]:
        """Where the author's comment stands (the widget asks while a worker moderates it):
        "pending" until decided, then the decision with its clauses. The view token proves
        authorship."""
        if not view_token or self.view_tokens.comment_id(view_token) != comment_id:
            raise PalabreError("commentaire_inconnu")
        with self.db.session() as session:
            comment = session.get(Comment, comment_id)
            if comment is None or comment.status == "deleted":
                raise PalabreError("commentaire_inconnu")
            if comment.status == "pending":
                return comment, "pending", ()
            reasons = session.scalar(
                select(Decision.reasons)
                .where(Decision.comment_id == comment_id)
                .order_by(Decision.id.desc())
                .limit(1)
            )
        notices = clause_notices(list(reasons or []), bool(self.settings.show_harm_words))
        return comment, _decision_of(comment.status), notices

    def moderate_pending(self, limit: int = 1000, older_than: timedelta | None = None) -> int:
        """Resume after a crash or a failed decision write: moderate every comment still pending
        (`older_than` leaves alone those a request is moderating right now). Returns how many."""
        query = select(Comment.id).where(Comment.status == CommentStatus.PENDING)
        if older_than is not None:
            cutoff = self.clock() - older_than
            query = query.where(func.coalesce(Comment.edited_at, Comment.created_at) < cutoff)
        try:
            with self.db.session() as session:
                ids = session.scalars(query.order_by(Comment.id).limit(limit)).all()
        except OperationalError:
            log.exception("could not list pending comments")
            return 0
        events: list[Event] = []
        for comment_id in ids:
            self._moderate(comment_id, events)
        self.events.publish(events)
        return len(ids)

    # -- author actions ------------------------------------------------------------------------

    def edit(self, comment_id: int, token: str | None, new_text: str) -> PostResult:
        """The author changes their text. A published (or pending) comment is moderated again;
        one that is held or rejected goes to the moderators' queue as it is: a decision already
        made is never undone by the engine, and a rejected text cannot be edited into view."""
        body = comment_text.clean_text(new_text, self.settings.max_comment_length)
        now = self.clock()
        with self.db.session() as session:
            comment = self._owned(session, comment_id, token)
            previous = comment.status
            to_human = previous in HUMAN_REVIEW_AFTER_EDIT
            comment.text = body
            comment.html = comment_text.render(body)
            comment.edited_at = now
            comment.status = CommentStatus.HELD if to_human else CommentStatus.PENDING
            session.add(
                ModerationAction(
                    comment_id=comment.id,
                    actor="auteur",
                    action="author_edit",
                    from_status=previous,
                    to_status=comment.status,
                    clauses=[],
                    note="modifié après une décision : revu par un modérateur" if to_human else "",
                    created_at=now,
                )
            )
        events: list[Event] = [CommentEdited(comment.id, comment.thread_id)]
        if to_human:
            decision: str = "hold"
            clauses: tuple[ClauseNotice, ...] = ()
        else:
            comment, decision, clauses = self._moderate_or_defer(comment, events)
        self.events.publish(events)
        until = comment.created_at + timedelta(seconds=self.tokens.window_seconds)
        return PostResult(
            comment, token or "", until, decision, clauses, self.view_tokens.issue(comment.id)
        )

    def delete(self, comment_id: int, token: str | None) -> Comment:
        now = self.clock()
        with self.db.session() as session:
            comment = self._owned(session, comment_id, token)
            delete_audited(session, comment, "auteur", "author_delete", "", now)
        self.events.publish([CommentDeleted(comment.id, comment.thread_id)])
        return comment

    def _owned(self, session: Session, comment_id: int, token: str | None) -> Comment:
        comment = session.get(Comment, comment_id, with_for_update=True)
        if comment is None:
            raise PalabreError("commentaire_inconnu")
        self.tokens.verify(token, comment.id, comment.edit_nonce)
        if comment.status == CommentStatus.DELETED:
            raise PalabreError("commentaire_supprime")
        return comment

    # -- reports -------------------------------------------------------------------------------

    def report(
        self, comment_id: int, reason: str, details: str = "", reporter: Reporter | None = None
    ) -> Report:
        """A reader's « Alerter ». Each reporter counts once per comment (a report sharing an IP
        fingerprint, a browser token or an e-mail with an earlier one is a repeat and is not
        counted again); `reports_to_hold` distinct reporters send a published comment back to
        the moderators, unless a moderator already kept it as it is."""
        if reason not in REASON_IDS:
            raise PalabreError("motif_invalide", params={"reason": reason[:40]}, field="reason")
        details = comment_text.clean_author_free_text(details, 500)
        reporter = reporter or Reporter()
        email = comment_text.clean_email(reporter.email)
        keys = (
            self._author_key(None, reporter.client_ip),
            self.browser_key(reporter.browser),
            self._author_key(email, None) if email else None,
        )
        now = self.clock()
        with self.db.session() as session:
            comment = session.get(Comment, comment_id, with_for_update=True)
            if comment is None or comment.status != CommentStatus.PUBLISHED:
                raise PalabreError("commentaire_inconnu")
            earlier = _earlier_report(session, comment.id, keys)
            if earlier is not None:
                return earlier
            report = Report(
                comment_id=comment.id,
                reason=reason,
                details=details,
                reporter_key=keys[0],
                reporter_browser=keys[1],
                reporter_email=keys[2],
                created_at=now,
            )
            session.add(report)
            comment.report_count += 1
            threshold = self.settings.reports_to_hold
            if threshold and comment.report_count >= threshold and not _kept(session, comment):
                comment.status = CommentStatus.HELD
                session.add(
                    ModerationAction(
                        comment_id=comment.id,
                        actor="système",
                        action="reports_threshold",
                        from_status=CommentStatus.PUBLISHED,
                        to_status=CommentStatus.HELD,
                        clauses=[],
                        note=f"{comment.report_count} signalements",
                        created_at=now,
                    )
                )
            session.flush()
        self.events.publish([ReportFiled(comment.id, report.id, reason)])
        return report


def clause_notices(reasons: list[dict[str, Any]], show_harm: bool) -> tuple[ClauseNotice, ...]:
    """One notice per clause, in the reasons' order (`Reason.as_dict()`, as a verdict gives them
    or as a decision row keeps them), with the distinct words at fault."""
    texts: dict[str, str] = {}
    words: dict[str, list[str]] = {}
    for reason in reasons:
        clause = str(reason.get("clause", ""))
        texts.setdefault(clause, str(reason.get("clause_text", "")))
        mine = words.setdefault(clause, [])
        if reason.get("category") in HARM_CATEGORIES and not show_harm:
            continue
        for span in reason.get("spans") or ():
            word = str(span[2]).strip() if len(span) > 2 else ""
            if word and word not in mine and len(mine) < MAX_WORDS and len(word) <= 80:
                mine.append(word)
    return tuple(ClauseNotice(c, texts[c], tuple(words[c])) for c in texts)


def _earlier_report(
    session: Session, comment_id: int, keys: tuple[str | None, str | None, str | None]
) -> Report | None:
    """A report on this comment by the same reporter (any shared key), if any."""
    columns = (Report.reporter_key, Report.reporter_browser, Report.reporter_email)
    matches = [column == key for column, key in zip(columns, keys, strict=True) if key]
    if not matches:
        return None
    return session.scalars(
        select(Report)
        .where(Report.comment_id == comment_id, or_(*matches))
        .order_by(Report.id)
        .limit(1)
    ).first()


# A moderator's decision to keep a comment as it is (publish it, or dismiss its reports).
KEEP_ACTIONS: Final = ("publish", "dismiss_reports")


def _kept(session: Session, comment: Comment) -> bool:
    """Whether a moderator kept this text (since its last edit): readers' reports then go to the
    reported queue but no longer hide it."""
    since = comment.edited_at or comment.created_at
    return (
        session.scalar(
            select(ModerationAction.id)
            .where(
                ModerationAction.comment_id == comment.id,
                ModerationAction.action.in_(KEEP_ACTIONS),
                ModerationAction.created_at >= since,
            )
            .limit(1)
        )
        is not None
    )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def delete_audited(
    session: Session, comment: Comment, actor: str, action: str, note: str, now: datetime
) -> None:
    """`tombstone`, with the audit row that records who deleted the comment and why."""
    session.add(
        ModerationAction(
            comment_id=comment.id,
            actor=actor,
            action=action,
            from_status=comment.status,
            to_status=CommentStatus.DELETED,
            clauses=[],
            note=note,
            created_at=now,
        )
    )
    tombstone(comment, now)


def tombstone(comment: Comment, now: datetime) -> None:
    """A deleted comment keeps its place so its replies stay readable, but nothing of its author."""
    comment.status = CommentStatus.DELETED
    comment.text = ""
    comment.html = ""
    comment.author_name = None
    comment.author_email = None
    comment.deleted_at = now


def _decision_of(status: str) -> str:
    verb = verb_for(status)
    return "hold" if verb is None or verb == "delete" else verb
