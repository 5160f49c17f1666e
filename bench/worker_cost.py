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
`time.process_time`. Then the engine alone checks the same texts with the same context.
Prints one JSON line: the medians over the rounds of the worker's CPU per comment (ms), of
the engine's, and of their difference; with `--profile`, a cProfile of the worker's loop of
the last round (pstats file)."""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import random
import shutil
import statistics
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

import seed
from dataset import EPOCH, Generator
from light_workers import ENDINGS, OPENINGS, T20


def environment(work: Path) -> None:
    url = f"sqlite:///{work / 'palabre.sqlite3'}"
    gen = Generator(random.Random(8))
    gen.published_only = True
    seed.palabre_load(url, [T20], gen.thread(0, 20, EPOCH, timedelta(days=2)))
    os.environ.update(
        {
            "PALABRE_DATA_DIR": str(work),
            "PALABRE_DATABASE_URL": "",
            "PALABRE_SECRET_KEY": "bench-secret-not-for-production",
            "PALABRE_PUBLIC_URL": "http://127.0.0.1:9",
            "PALABRE_REDIS_URL": "",
            "PALABRE_MODERATION_IN_WORKER": "true",
            "PALABRE_FLOOD_MAX_POSTS": "0",
        }
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="palabre-worker-cost-"))
    try:
        environment(work)
        report = measure(args.posts, args.rounds, args.profile)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    import palabre

    report["code"] = str(Path(palabre.__file__).parent)
    print(json.dumps(report))


def measure(posts: int, rounds: int, profile: Path | None) -> dict[str, Any]:
    from palabre.cli.worker_wiring import install_worker
    from palabre.comments.background import register
    from palabre.comments.moderation_step import context_for
    from palabre.comments.service import NewComment
    from palabre.legal.mail import attach_statement_mail
    from palabre.notifications.tasks import Tasks, build_huey
    from palabre.services import build
    from palabre.settings import load_settings
    from palabre.storage.models import Comment

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
            text = f"{OPENINGS[i % 5]} {ENDINGS[(i // 5) % 5]} Avis numéro {i}."
            result = web.comments.post(
                NewComment(site="default", thread=T20, text=text, email=f"lecteur{i}@example.org")
            )
            out.append((result.comment.id, text))
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
        posted = post_all(r * posts)
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
        contexts = []
        with database.session() as session:
            for comment_id, _ in posted:
                comment = session.get(Comment, comment_id)
                assert comment is not None and comment.status != "pending"
                contexts.append(context_for(session, comment, comment.created_at))
        t = time.process_time()
        for (_, text), context in zip(posted, contexts, strict=True):
            moderator.check(text, context)
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
