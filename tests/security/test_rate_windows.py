"""The in-process rate limiter: a moving window per rule and key, whose work per hit does not
grow with the hits in the window or the keys seen (web/ratelimit.py)."""

from __future__ import annotations

import threading

import pytest

from palabre.errors import PalabreError
from palabre.settings import load_settings
from palabre.web.ratelimit import MemoryWindows, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_moving_window_counts_the_last_period() -> None:
    clock = Clock()
    windows = MemoryWindows(clock)
    key = ("posts_ip", "10.0.0.1", 3, 60)
    for _ in range(3):
        assert windows.hit([(key, 3, 60)]) is None
        clock.now += 10
    # Hits at 0, 10, 20; now 30: full until the first one is 60 s old.
    assert windows.hit([(key, 3, 60)]) == 30
    clock.now += 29.5
    assert windows.hit([(key, 3, 60)]) == 1
    clock.now += 0.5
    assert windows.hit([(key, 3, 60)]) is None
    assert windows.entries() == {key: 3}


def test_a_refused_hit_is_counted_in_no_window() -> None:
    clock = Clock()
    windows = MemoryWindows(clock)
    ip, thread = ("posts_ip", "a", 5, 60), ("posts_thread", "t", 1, 60)
    assert windows.hit([(ip, 5, 60), (thread, 1, 60)]) is None
    assert windows.hit([(ip, 5, 60), (thread, 1, 60)]) == 60
    assert windows.entries() == {ip: 1, thread: 1}


def test_work_per_hit_does_not_grow_with_the_window_or_the_keys() -> None:
    """Many hits inside one window (a generous limit), each from a new key as well: every time
    stored is dropped once, every window once when it empties, and a window never holds more
    than its limit; once the period has passed, nothing is left."""
    clock = Clock()
    windows = MemoryWindows(clock)
    hits = 5000
    shared = ("posts_thread", "default\nfil", 1_000_000, 60)
    for i in range(hits):
        own = ("posts_author", f"lecteur{i}@example.org", 1_000_000, 60)
        assert windows.hit([(shared, 1_000_000, 60), (own, 1_000_000, 60)]) is None
        clock.now += 0.05  # 250 s in all: the shared window holds up to 1 200 times
    held = windows.entries()
    assert held[shared] == 60 / 0.05
    assert max(n for k, n in held.items() if k != shared) == 1
    # Times dropped plus windows swept: a bounded number of operations per hit.
    assert windows.work <= 4 * hits
    clock.now += 61
    for _ in range(64):
        windows.hit([(("posts_ip", "late", 100, 60), 100, 60)])
    assert windows.entries() == {("posts_ip", "late", 100, 60): 64}
    assert windows.work <= 4 * (hits + 64)


def test_the_limiter_starts_no_thread() -> None:
    before = threading.active_count()
    settings = load_settings(environ={}, secret_key="k" * 40, rate_limit_posts_ip="2/minute")
    limiter = RateLimiter(settings)
    limiter.hit(("posts_ip", "10.0.0.2"))
    limiter.hit(("posts_ip", "10.0.0.2"))
    with pytest.raises(PalabreError) as refused:
        limiter.hit(("posts_ip", "10.0.0.2"))
    assert refused.value.code == "trop_de_requetes" and refused.value.params["retry"] == 60
    assert threading.active_count() == before
