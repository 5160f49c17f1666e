"""CPU per comment of a moderation worker (`palabre worker` with `moderation_in_worker`), in one
process: the queue's task taken and run as huey's consumer does, with the engine's own share
measured apart on the same texts. Finer than bench/light_workers.py (10 ms ticks from /proc).

Usage: PYTHONPATH=SRC .venv/bin/python bench/worker_cost.py [--posts 200] [--rounds 5]
                                                           [--profile FILE]

SRC is the `src` folder of the code to measure. Same base as light_workers.py (a 20-comment
thread, SQLite, huey's SQLite queue in data_dir) and the same 60–90-character comments (each
from its own e-mail address). Each round posts `--posts` comments through the web side (stored
pending, their ids queued), then the worker drains the queue: `huey.dequeue()` then
`huey.execute(task)` per comment, as the consumer's thread does, timed with
`time.process_time`. Then the engine alone checks as many texts of the same shape, new to it
(its caches are keyed by text), with a context like the worker's.
Prints one JSON line: the medians over the rounds of the worker's CPU per comment (ms), of
the engine's, and of their difference; with `--profile`, a cProfile of the worker's loop of
the last round (pstats file)."""

from __future__ import annotations

import argparse
import cProfile
import json
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from inprocess_cost import seed_in_process
from light_workers import ENDINGS, OPENINGS, T20

# The engine's share is measured on texts numbered from here (never posted).
ENGINE_OFFSET = 5_000_000


def text(i: int) -> str:
    """The i-th comment, as bench/light_workers.py posts it (60–90 characters)."""
    return f"{OPENINGS[i % 5]} {ENDINGS[(i // 5) % 5]} Avis numéro {i}."


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="palabre-worker-cost-"))
    try:
        seed_in_process(work)
        report = measure(args.posts, args.rounds, args.profile)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import palabre

    report["code"] = str(Path(palabre.__file__).parent)
    print(json.dumps(report))


def measure(posts: int, rounds: int, profile: Path | None) -> dict[str, Any]:
    from palabre.cli.worker_wiring import install_worker
    from palabre.comments.background import register
    from palabre.comments.service import NewComment
    from palabre.legal.mail import attach_statement_mail
    from palabre.moderation.findings import CheckContext
    from palabre.notifications.tasks import Tasks, build_huey
    from palabre.services import build
    from palabre.settings import load_settings

    # The worker, wired as `palabre worker` wires it (cli/notify_cmd.py).
    services = build(load_settings(None))
    settings, database = services.settings, services.db
    huey = build_huey(settings)
    tasks = Tasks(huey, settings, database)
    attach_statement_mail(tasks, settings)
    install_worker(huey, settings, database, tasks)
    # The web side: stores pending, queues the id (its own registration, as web/app.py does).
    web = build(load_settings(None))
    web_queue = register(build_huey(web.settings))
    web.comments.defer = web_queue.defer

    def post_all(start: int) -> list[tuple[int, str]]:
        out = []
        for i in range(start, start + posts):
            body = text(i)
            result = web.comments.post(
                NewComment(site="default", thread=T20, text=body, email=f"lecteur{i}@example.org")
            )
            out.append((result.comment.id, body))
        return out

    def drain() -> int:
        done = 0
        while (task := huey.dequeue()) is not None:
            huey.execute(task)
            done += 1
        return done

    post_all(1_000_000)  # warm-up: the worker loads its engine on its first task
    drain()
    worker_ms: list[float] = []
    engine_ms: list[float] = []
    profiler = cProfile.Profile() if profile else None
    moderator = None
    for r in range(rounds):
        post_all(r * posts)
        last = profiler is not None and r == rounds - 1
        t = time.process_time()
        if last:
            assert profiler is not None
            profiler.enable()
        done = drain()
        if last:
            assert profiler is not None
            profiler.disable()
        worker_ms.append((time.process_time() - t) / posts * 1000)
        assert done == posts, (done, posts)
        if moderator is None:
            moderator = services_engine(settings, database)
        # The engine alone on texts of the same shape it has not seen (it keeps caches keyed
        # by text: the worker's own texts again would be cheaper than in the worker).
        fresh = [text(i) for i in range(ENGINE_OFFSET + r * posts, ENGINE_OFFSET + (r + 1) * posts)]
        context = CheckContext(author_key="0" * 32, thread_title="Article 1")
        t = time.process_time()
        for sample in fresh:
            moderator.check(sample, replace(context, now=datetime.now(UTC)))
        engine_ms.append((time.process_time() - t) / posts * 1000)
    if profiler is not None and profile is not None:
        profiler.dump_stats(str(profile))
    worker, engine = statistics.median(worker_ms), statistics.median(engine_ms)
    return {
        "posts": posts,
        "rounds": rounds,
        "worker_ms_median": round(worker, 3),
        "engine_ms_median": round(engine, 3),
        "outside_engine_ms_median": round(worker - engine, 3),
        "worker_ms": [round(x, 3) for x in worker_ms],
        "engine_ms": [round(x, 3) for x in engine_ms],
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def services_engine(settings: Any, database: Any) -> Any:
    """The bare engine the worker checks with (the active charter's), built and warmed apart:
    its `check` alone, without the lookup of the active charter version."""
    from palabre.services import charter_engine, charter_source

    engine = charter_engine(charter_source(settings, database)).current()
    engine.check("Bonjour à tous, merci pour cet article.")
    return engine


if __name__ == "__main__":
    main()
