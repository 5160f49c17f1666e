"""Real-browser fixtures: the real palabre app on a free loopback port, one headless Debian
Chromium for the whole session, and a fake newspaper origin whose pages embed the widget.

The app runs with uvicorn in a background thread, on a fresh SQLite data dir, with the demo seeds
loaded through the real comment service (so through moderation). Host pages on
another loopback port (`http://localhost:N`) are served by a tiny stdlib server, so the widget runs
cross-origin as on a real newspaper, through the app's CORS rules. (A fake public origin answered by
Playwright's router would be blocked by Chromium's Local Network Access checks.)"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Dialog, Page

from browser.browser_support import CHROMIUM, HostSite, LiveServer, Watch
from notifications.notify_support import free_port


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CHROMIUM.exists():
        return
    reason = f"browser tests need Debian Chromium at {CHROMIUM} (apt-get install chromium)"
    print(f"\n[tests/browser] skipped: {reason}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


def _free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@pytest.fixture(scope="session")
def newspaper() -> Iterator[HostSite]:
    site = HostSite()
    yield site
    site.close()


@pytest.fixture(scope="session")
def live_server(
    tmp_path_factory: pytest.TempPathFactory, newspaper: HostSite
) -> Iterator[LiveServer]:
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    import uvicorn

    from palabre.demo.loader import load_demo
    from palabre.demo.pages import install as install_demo_pages
    from palabre.settings import load_settings
    from palabre.web.app import create_app

    sock = _free_socket()
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    settings = load_settings(
        environ={},
        data_dir=str(tmp_path_factory.mktemp("palabre-data")),
        public_url=url,
        allowed_origins=newspaper.origin,
        # every test reader posts from 127.0.0.1: lift the per-IP limit, keep the per-author one
        rate_limit_posts_ip="10000/minute",
        rate_limit_check_ip="10000/minute",
    )
    app = create_app(settings)
    install_demo_pages(app)
    load_demo(app.state.palabre.comments)
    config = uvicorn.Config(app, log_level="warning", lifespan="off", ws="none", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("palabre did not start")
        time.sleep(0.02)
    newspaper.widget_base = url
    yield LiveServer(url, settings, app)
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def page(browser: Browser, watch: Watch) -> Iterator[Page]:
    context = browser.new_context(
        locale="fr-FR", timezone_id="Europe/Paris", viewport={"width": 1000, "height": 1200}
    )
    context.set_default_timeout(10_000)
    pg = context.new_page()

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("pageerror", lambda exc: watch.errors.append(str(exc)))
    pg.on("dialog", on_dialog)
    pg.on("request", lambda r: watch.requests.append(r.url))
    yield pg
    context.close()
    assert not watch.errors, f"JavaScript errors on the page: {watch.errors}"


@pytest.fixture
def host(newspaper: HostSite, live_server: LiveServer) -> HostSite:
    newspaper.server = live_server
    return newspaper


@pytest.fixture
def thread_key(request: pytest.FixtureRequest) -> str:
    """A fresh thread per test, so tests do not depend on each other's comments."""
    return f"https://journal.example/{request.node.name}-{time.monotonic_ns()}"


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo exactly as `palabre demo` builds it (build_demo), served on a free port."""
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}")
    import uvicorn

    from palabre.demo.site import build_demo

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    demo = build_demo(
        data_dir=str(tmp_path_factory.mktemp("demo")), public_url=url, host="127.0.0.1", port=port
    )
    server = uvicorn.Server(
        uvicorn.Config(
            demo.app, host="127.0.0.1", port=port, log_level="warning", lifespan="off", ws="none"
        )
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the demo did not start"
        time.sleep(0.02)
    yield url
    server.should_exit = True
    thread.join(10)
    demo.close()
