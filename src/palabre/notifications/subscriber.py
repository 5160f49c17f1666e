"""The event subscriber: it only enqueues background tasks, it never sends or waits."""

from __future__ import annotations

from palabre.events import CommentDeleted, CommentEdited, DecisionMade, Event, ReportFiled
from palabre.notifications import webhooks
from palabre.notifications.tasks import Tasks
from palabre.status import CommentStatus


class NotificationSubscriber:
    def __init__(self, tasks: Tasks) -> None:
        self.tasks = tasks
        self._edited: set[int] = set()  # an edit re-publishes: webhooks yes, e-mails no

    def _wanted(self) -> bool:
        """Nothing to send (no SMTP, no webhook): enqueue nothing, so no queue grows unread."""
        if self.tasks.sender.enabled:
            return True
        return webhooks.any_endpoint(self.tasks.db)

    def __call__(self, event: Event) -> None:
        if isinstance(event, CommentEdited):
            self._edited.add(event.comment_id)
        if isinstance(event, CommentDeleted):  # by a moderator: a statement to its author
            if self.tasks.sender.enabled:
                self.tasks.on_status(event.comment_id, "deleted")
            return
        if not isinstance(event, DecisionMade | ReportFiled) or not self._wanted():
            return
        if isinstance(event, ReportFiled):
            self.tasks.on_reported(event.comment_id, event.report_id, event.reason)
            return
        edited = event.comment_id in self._edited
        self._edited.discard(event.comment_id)
        if event.status == CommentStatus.PUBLISHED:
            self.tasks.on_published(event.comment_id, not edited)
        elif event.status in {CommentStatus.HELD, CommentStatus.REJECTED}:
            self.tasks.on_status(event.comment_id, event.status)
