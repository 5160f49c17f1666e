"""The demo as `palabre demo` serves it: the app with its local mail sink, tasks run at once,
the seed articles loaded through moderation. Tests build the very same thing."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI

from palabre.demo.charter import install_demo_charter
from palabre.demo.loader import LoadedSeed, load_demo
from palabre.demo.mailbox import DemoMailbox


@dataclass
class Demo:
    app: FastAPI
    mailbox: DemoMailbox
    loaded: list[LoadedSeed]

    def close(self) -> None:
        self.mailbox.stop()


def build_demo(**settings: Any) -> Demo:
    """`settings` as for `load_settings` (data_dir, public_url, host, port…). « Suivre les
    commentaires » works end to end: mail goes to a local sink shown on /demo/courriels, and
    mail tasks run at once (no separate `palabre worker` to start)."""
    from palabre.demo.pages import install as install_demo_pages
    from palabre.notifications.tasks import build_huey
    from palabre.settings import load_settings
    from palabre.web.app import create_app

    mailbox = DemoMailbox()
    mailbox.start()
    try:
        resolved = load_settings(database_url="", **settings, **mailbox.settings())
        app = create_app(resolved, huey=build_huey(resolved, immediate=True))
        app.state.demo_mailbox = mailbox
        install_demo_charter(app.state.palabre.db)
        install_demo_pages(app)
        loaded = load_demo(app.state.palabre.comments)
    except BaseException:
        mailbox.stop()
        raise
    return Demo(app, mailbox, loaded)
