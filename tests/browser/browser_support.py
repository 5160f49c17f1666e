"""Helpers for the browser tests: the live server handle, the fake newspaper, page watchers."""

from __future__ import annotations

import html
import itertools
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DEMO_THREAD = "demo/seed-000"


_readers = itertools.count(1)


def reader_email() -> str:
    """A new reader. Every post from the tests comes from 127.0.0.1; without distinct e-mails
    they would all be one author, and the spam detector would hold the flood."""
    return f"lecteur-{next(_readers)}@journal.example"


@dataclass
class LiveServer:
    url: str
    settings: Any
    app: Any

    def api(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30)

    def post(self, thread: str, text: str, **extra: Any) -> dict[str, Any]:
        """Post through the public API, as a reader without a browser would."""
        with self.api() as client:
            res = client.post(
                "/api/comments",
                json={"thread": thread, "text": text, "email": reader_email(), **extra},
            )
        assert res.status_code == 201, res.text
        body: dict[str, Any] = res.json()
        return body

    def count(self, thread: str) -> int:
        with self.api() as client:
            res = client.get("/api/counts", params={"thread": thread})
        res.raise_for_status()
        return int(res.json()["counts"][thread])


@dataclass
class Watch:
    """What a page did that a test may assert on: JS errors, dialogs (alert/confirm), requests."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


class HostSite:
    """A fake newspaper on its own loopback origin (another port, so cross-origin), whose pages
    embed the widget served by the live app. Pages are added per test in `pages`."""

    server: LiveServer  # set by the `host` fixture once the app is up

    def __init__(self, widget_base: str = "") -> None:
        self.pages: dict[str, str] = {}
        self.widget_base = widget_base
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                body = pages.get(self.path.split("?")[0])
                data = (body or "introuvable").encode()
                self.send_response(200 if body is not None else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.origin = f"http://localhost:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def article(
        self,
        path: str,
        thread: str,
        *,
        lang: str = "fr",
        title: str = "Article",
        extra_attrs: str = "",
        head: str = "",
    ) -> str:
        """Publish an article page embedding the widget for `thread`; return its URL."""
        self.pages[path] = f"""<!doctype html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>{head}</head>
<body><main><h1>{html.escape(title)}</h1><p>Le texte de l'article.</p>
<div id="palabre-thread"></div>
<script src="{self.widget_base}/widget.js" data-palabre-thread="{html.escape(thread)}"
        data-palabre-title="{html.escape(title)}" {extra_attrs} async></script>
</main></body></html>"""
        return self.origin + path

    def index(self, path: str, threads: list[str]) -> str:
        """Publish a home page listing `threads` with count placeholders; return its URL."""
        items = "".join(
            f'<li><a href="/a/{i}">Article {i}</a> '
            f'<span data-palabre-count="{html.escape(key)}">…</span></li>'
            for i, key in enumerate(threads)
        )
        self.pages[path] = f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>À la une</title></head>
<body><ul>{items}</ul><script src="{self.widget_base}/count.js" async></script></body></html>"""
        return self.origin + path
