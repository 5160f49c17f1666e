"""Runs detector calls on daemon worker threads with a timeout.

Unlike `ThreadPoolExecutor`, the workers are daemon threads, a new one is started when none
is idle (so concurrent checks do not queue behind each other and eat each other's budget) and
a worker stuck past its budget is simply abandoned: a hung detector neither blocks later
checks nor the process exit."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")
_Job = tuple[Callable[[], Any], "Future[Any]"]
MAX_WORKERS = 64


class Guard:
    def __init__(self, workers: int = 1) -> None:
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._idle = 0
        self._size = 0
        for _ in range(workers):
            self._spawn()

    def _spawn(self) -> None:
        self._idle += 1
        self._size += 1
        threading.Thread(target=self._work, name="palabre-detect", daemon=True).start()

    def _work(self) -> None:
        while True:
            call, future = self._jobs.get()
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(call())
                except BaseException as exc:  # reported to the caller, never lost
                    future.set_exception(exc)
            with self._lock:
                self._idle += 1

    def run(self, call: Callable[[], T], timeout: float) -> T:
        """`call()` on a worker; raises TimeoutError after `timeout` seconds, or whatever
        `call` raised."""
        future: Future[T] = Future()
        with self._lock:
            if self._idle == 0 and self._size < MAX_WORKERS:
                self._spawn()
            self._idle -= 1
        self._jobs.put((call, future))
        try:
            return future.result(timeout=timeout)
        except TimeoutError:
            future.cancel()
            raise
