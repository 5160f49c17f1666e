"""Rate limits per IP, author and thread: a moving window ("N per period", the hits of the
last period counted at each request, not per calendar minute) per rule and key. With `redis_url`, the `limits` library's
moving window in Redis, shared by several processes; otherwise this process's own windows
(`MemoryWindows`), whose cost per hit does not grow with the hits or the keys they hold. A
request is counted only when every window still has room."""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable

from limits import RateLimitItem, parse_many, storage, strategies

from palabre.errors import PalabreError
from palabre.settings import Settings

_Key = tuple[str, str, int, int]


class RateLimiter:
    def __init__(self, settings: Settings) -> None:
        url = settings.redis_url
        self._shared = (
            strategies.MovingWindowRateLimiter(storage.storage_from_string(url)) if url else None
        )
        self._memory = MemoryWindows()
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
        if not active:
            return
        limiter = self._shared
        if limiter is None:
            windows = [
                ((rule, key, item.amount, item.get_expiry()), item.amount, item.get_expiry())
                for item, rule, key in active
            ]
            retry = self._memory.hit(windows)
            if retry is not None:
                raise PalabreError("trop_de_requetes", params={"retry": retry})
            return
        for item, rule, key in active:
            if not limiter.test(item, rule, key):
                stats = limiter.get_window_stats(item, rule, key)
                retry = max(1, math.ceil(stats.reset_time - time.time()))
                raise PalabreError("trop_de_requetes", params={"retry": retry})
        for item, rule, key in active:
            limiter.hit(item, rule, key)


class MemoryWindows:
    """Moving windows in this process: for each (rule, key, amount, period), the times of the
    hits of the last period, oldest first, never more than `amount` of them (a hit is only
    counted when the window has room). A hit drops the expired times of its own windows; every
    so many hits (as many as there are windows), a sweep drops the windows left empty. So the
    work per hit is constant, amortised: `work` counts the times and windows dropped, for the
    tests. No background thread (the `limits` library's memory storage starts one every 10 ms
    and walks every key it ever saw)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._windows: dict[_Key, deque[float]] = {}
        self._since_sweep = 0
        self.work = 0

    def hit(self, windows: list[tuple[_Key, int, int]]) -> int | None:
        """Count one hit in every window if each has room, and return None; else count none
        and return the seconds until the first full one has room (at least 1)."""
        with self._lock:
            now = self._clock()
            times: list[deque[float]] = []
            for key, amount, period in windows:
                kept = self._windows.get(key)
                if kept is None:
                    kept = self._windows[key] = deque()
                horizon = now - period
                while kept and kept[0] <= horizon:
                    kept.popleft()
                    self.work += 1
                if len(kept) >= amount:
                    return max(1, math.ceil(kept[0] + period - now))
                times.append(kept)
            for kept in times:
                kept.append(now)
            self._since_sweep += 1
            if self._since_sweep >= max(64, len(self._windows)):
                self._sweep(now)
        return None

    def _sweep(self, now: float) -> None:
        self._since_sweep = 0
        for key in list(self._windows):
            kept = self._windows[key]
            horizon = now - key[3]
            while kept and kept[0] <= horizon:
                kept.popleft()
                self.work += 1
            if not kept:
                del self._windows[key]
            self.work += 1

    def entries(self) -> dict[_Key, int]:
        """How many times each window holds (for the tests)."""
        with self._lock:
            return {key: len(kept) for key, kept in self._windows.items()}


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
