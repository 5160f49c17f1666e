"""Rate limits per IP, author and thread with the `limits` library (memory, or Redis shared by
several processes). A request is counted only when every window still has room."""

from __future__ import annotations

import math
import threading
import time

from limits import RateLimitItem, parse_many, storage, strategies

from palabre.errors import PalabreError
from palabre.settings import Settings


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        url = settings.redis_url
        backend = storage.storage_from_string(url) if url else storage.MemoryStorage()
        self._limiter = strategies.MovingWindowRateLimiter(backend)
        self._rules: dict[str, list[RateLimitItem]] = {
            "posts_ip": _parse(settings.rate_limit_posts_ip),
            "posts_author": _parse(settings.rate_limit_posts_author),
            "posts_thread": _parse(settings.rate_limit_posts_thread),
            "reports_ip": _parse(settings.rate_limit_reports_ip),
            "subscriptions_ip": _parse(settings.rate_limit_subscriptions_ip),
            "check_ip": _parse(settings.rate_limit_check_ip),
        }

    def hit(self, *checks: tuple[str, str | None]) -> None:
        """`checks` are (rule, key) pairs; a None key is skipped. Raises `trop_de_requetes`."""
        active = [(item, rule, key) for rule, key in checks if key for item in self._rules[rule]]
        for item, rule, key in active:
            if not self._limiter.test(item, rule, key):
                stats = self._limiter.get_window_stats(item, rule, key)
                retry = max(1, math.ceil(stats.reset_time - time.time()))
                raise PalabreError("trop_de_requetes", params={"retry": retry})
        for item, rule, key in active:
            self._limiter.hit(item, rule, key)


def _parse(spec: object) -> list[RateLimitItem]:
    text = str(spec).strip()
    return list(parse_many(text)) if text else []


class ConcurrencyGate:
    """At most `size` costly requests (the pre-submit check) at once in this process; one more
    is answered `trop_de_requetes` at once instead of waiting for a worker thread, so that the
    costly ones never starve the others."""

    def __init__(self, size: int) -> None:
        self._slots = threading.BoundedSemaphore(max(1, size))

    def enter(self) -> None:
        if not self._slots.acquire(blocking=False):
            raise PalabreError("trop_de_requetes", params={"retry": 1})

    def leave(self) -> None:
        self._slots.release()
