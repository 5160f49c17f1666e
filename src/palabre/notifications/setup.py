"""Wire notifications into the app: the task queue, the tasks, the event subscriber."""

from __future__ import annotations

from dataclasses import dataclass

from huey import Huey

from palabre.events import EventBus
from palabre.notifications.links import Links
from palabre.notifications.subscriber import NotificationSubscriber
from palabre.notifications.tasks import Tasks, build_huey
from palabre.settings import Settings
from palabre.storage.db import Database


@dataclass(frozen=True, slots=True)
class Notifications:
    huey: Huey
    tasks: Tasks
    links: Links
    events: EventBus


def install(
    settings: Settings, db: Database, events: EventBus, huey: Huey | None = None
) -> Notifications:
    queue = huey or build_huey(settings)
    tasks = Tasks(queue, settings, db)
    events.subscribe(NotificationSubscriber(tasks))
    return Notifications(queue, tasks, tasks.links, events)
