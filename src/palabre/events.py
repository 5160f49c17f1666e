"""Domain events, dispatched after the write that caused them commits."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CommentPosted:
    comment_id: int
    thread_id: int


@dataclass(frozen=True, slots=True)
class DecisionMade:
    comment_id: int
    thread_id: int
    decision: str
    status: str


@dataclass(frozen=True, slots=True)
class CommentEdited:
    comment_id: int
    thread_id: int


@dataclass(frozen=True, slots=True)
class CommentDeleted:
    comment_id: int
    thread_id: int


@dataclass(frozen=True, slots=True)
class ReportFiled:
    comment_id: int
    report_id: int
    reason: str


Event: TypeAlias = CommentPosted | DecisionMade | CommentEdited | CommentDeleted | ReportFiled
Subscriber: TypeAlias = Callable[[Event], None]


class EventBus:
    """Synchronous in-process dispatch; a failing subscriber is logged, never breaks the write."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def publish(self, events: list[Event]) -> None:
        for event in events:
            for subscriber in self._subscribers:
                try:
                    subscriber(event)
                except Exception:
                    log.exception("event subscriber failed for %r", event)
