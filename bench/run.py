"""palabre and Isso 0.14 side by side, in the same run, on this machine.

Usage: .venv/bin/python bench/run.py [--workers 2] [--seconds 10] [--connections 8] [--rounds 1]
                                    [--keep-alive] [--no-unmoderated]   (or `make bench-http`)
                                    [--moderation-workers 2] [--postgres ADMIN_URL]
                                    [--no-isso] [--no-bare]

The limit of the stack is measured in the same run: uvicorn + Starlette answering one route with
the bytes of palabre's 20-comment thread (bench/bare_factory.py, same number of processes);
palabre is printed as a fraction of it. `--moderation-workers N` runs palabre's web processes
without the engine (`moderation_in_worker`) and N `palabre worker` processes beside them: the POST
row then gives the web side's CPU, and the workers' CPU per comment is printed apart.
`--postgres` puts palabre on a fresh PostgreSQL database instead of SQLite.

Both servers get the same data (bench/dataset.py: a 20-comment thread, a 1,000-comment thread,
50 threads for counts, 1,000 background threads) and the same number of worker processes:
palabre through `palabre serve --workers N` (uvicorn), Isso through gunicorn as its docs set it
up (`gunicorn -w N --preload isso.run`). Load comes from wrk on 127.0.0.1 (one thread, 8
connections, one TCP connection per request unless --keep-alive: with a few keep-alive
connections uvicorn's workers do not share the load evenly), each configuration for `--seconds`;
palabre and Isso alternate inside every round (A/B interleaved, order swapped each round) and
the medians over rounds are reported, because the machine is shared. CPU per request is the servers' own CPU time (master + workers, from
/proc) divided by the requests served: it depends much less on the noise than req/s does.

Results: a table on stdout, bench/results/http-<UTC stamp>.json and http-latest.json."""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import loadgen
import seed
from dataset import EPOCH, Generator, Row, long_tail_size
from servers import Background, Server, code_state, free_port, uvicorn_argv

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
ISSO_VENV = BENCH / ".venv-isso"

T20, T1000, TPOST = (
    "/2026/01/vingt-commentaires/",
    "/2026/01/mille-commentaires/",
    "/2026/01/debat/",
)
COUNT_KEYS = [f"/2026/02/compte-{i:02d}/" for i in range(50)]


def build_dataset(seed_value: int = 8) -> tuple[list[str], list[Row]]:
    """Thread keys (index = thread id - 1) and all rows."""
    rng = random.Random(seed_value)
    gen = Generator(rng)
    keys: list[str] = []
    rows: list[Row] = []

    def add(key: str, size: int, published_only: bool = False) -> None:
        gen.published_only = published_only
        start = EPOCH + timedelta(hours=len(keys))
        rows.extend(gen.thread(len(keys), size, start, timedelta(days=2)))
        keys.append(key)

    add(T20, 20, published_only=True)  # 20 visible comments, as the figure
    add(T1000, 1000)
    add(TPOST, 12)
    for key in COUNT_KEYS:
        add(key, long_tail_size(rng))
    for i in range(1000):
        add(f"/archives/{i:04d}/", long_tail_size(rng))
    gen.published_only = False
    return keys, rows


# -- servers -----------------------------------------------------------------------------------

UNCACHED = "palabre (sans cache)"


def palabre_server(
    work: Path,
    workers: int,
    *,
    moderated: bool = True,
    cached: bool = True,
    database_url: str = "",
    in_worker: bool = False,
) -> Server:
    port = free_port()
    env = {
        "PALABRE_DATA_DIR": str(work / "palabre"),
        "PALABRE_DATABASE_URL": database_url,
        "PALABRE_MODERATION_IN_WORKER": "true" if in_worker else "false",
        "PALABRE_SECRET_KEY": "bench-secret-not-for-production",
        "PALABRE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "PALABRE_HOST": "127.0.0.1",
        "PALABRE_PORT": str(port),
        "PALABRE_REDIS_URL": "",
        # The load comes from one address: lift the per-IP/author/thread quotas for the run.
        "PALABRE_RATE_LIMIT_POSTS_IP": "1000000/minute",
        "PALABRE_RATE_LIMIT_POSTS_AUTHOR": "1000000/minute",
        "PALABRE_RATE_LIMIT_POSTS_THREAD": "1000000/minute",
        # Without the read cache every request runs its SQL (the cost of a cache miss).
        "PALABRE_READ_CACHE_ENTRIES": "1024" if cached else "0",
    }
    if moderated:  # the interpreter running the benchmark, so the same venv and sources
        argv = [sys.executable, "-m", "palabre", "serve", "--workers", str(workers)]
        name = "palabre" if cached else UNCACHED
    else:
        argv = uvicorn_argv(
            "palabre_factories:without_moderation",
            port,
            "--timeout-worker-healthcheck",
            "120",
            "--proxy-headers",
            workers=workers,
        )
        name = "palabre (sans modération)"
    return Server(
        name,
        argv,
        env,
        port,
        f"/api/comments?thread={quote(T20)}",
        work / f"{name.split()[0]}-{port}.log",
    )


BARE = "pile nue"


def bare_server(work: Path, workers: int, body: bytes) -> Server:
    """The stack's limit: uvicorn + Starlette answering the 20-comment thread's bytes."""
    port = free_port()
    (work / "bare.json").write_bytes(body)
    argv = uvicorn_argv("bare_factory:bare", port, "--no-access-log", workers=workers)
    return Server(
        BARE,
        argv,
        {"BENCH_BARE_BODY": str(work / "bare.json")},
        port,
        f"/api/comments?thread={quote(T20)}",
        work / f"bare-{port}.log",
    )


def moderation_workers(palabre: Server, count: int, work: Path) -> list[Background]:
    """`palabre worker` processes on palabre's queue (SQLite in its data_dir, or Redis)."""
    return [
        Background(
            f"worker-{i}",
            [sys.executable, "-m", "palabre", "worker", "--workers", "1"],
            palabre.env,
            work / f"worker-{i}.log",
        )
        for i in range(count)
    ]


def postgres_database(admin_url: str) -> str:
    """A fresh database on the server of `admin_url` for this run."""
    import psycopg

    name = f"palabre_bench_{os.getpid()}"
    plain = admin_url.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{admin_url.rsplit('/', 1)[0]}/{name}"


def read_only(loads: dict[str, loadgen.Load]) -> dict[str, loadgen.Load]:
    return {name: load for name, load in loads.items() if name != "post"}


def isso_config(work: Path) -> Path:
    conf = work / "isso.cfg"
    conf.write_text(
        f"""[general]
dbpath = {work / "isso.sqlite3"}
host = http://127.0.0.1/
notify = stdout
reply-notifications = false
gravatar = false
[moderation]
enabled = false
[guard]
enabled = false
[hash]
salt = Eech7co8Ohloopo9Ol6baimi
algorithm = pbkdf2
""",
        encoding="utf-8",
    )
    return conf


def isso_server(work: Path, workers: int, conf: Path) -> Server:
    port = free_port()
    argv = [
        str(ISSO_VENV / "bin" / "gunicorn"),
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--preload",
        "--log-level",
        "warning",
        "isso.run:application",
    ]
    return Server(
        "isso",
        argv,
        {"ISSO_SETTINGS": str(conf)},
        port,
        f"/?uri={quote(T20)}&nested_limit=5",
        work / f"isso-{port}.log",
    )


def ensure_isso() -> None:
    if (ISSO_VENV / "bin" / "gunicorn").exists():
        return
    subprocess.run([sys.executable, "-m", "venv", str(ISSO_VENV)], check=True)
    subprocess.run(
        [str(ISSO_VENV / "bin" / "pip"), "install", "-q", "isso==0.14.*", "gunicorn"],
        check=True,
        timeout=900,
    )


# -- scenarios ---------------------------------------------------------------------------------

PALABRE_POST = """
request = function()
  local n = next_n()
  local body = string.format('{"thread": "%s", "text": "%s", "author": "Lecteur %d", "email": "lecteur%d@example.org"}', "THREAD", comment_text(n), n, n)
  local headers = {["Content-Type"] = "application/json",
                   ["X-Forwarded-For"] = string.format("10.%d.%d.7", math.floor(n / 250) % 250, n % 250)}
  if CLOSE then headers["Connection"] = "close" end
  return wrk.format("POST", "/api/comments", headers, body)
end
"""
ISSO_POST = """
request = function()
  local n = next_n()
  local body = string.format('{"text": "%s", "author": "Lecteur %d", "email": "lecteur%d@example.org"}', comment_text(n), n, n)
  local headers = {["Content-Type"] = "application/json",
                   ["X-Forwarded-For"] = string.format("10.%d.%d.7", math.floor(n / 250) % 250, n % 250)}
  if CLOSE then headers["Connection"] = "close" end
  return wrk.format("POST", "/new?uri=URI", headers, body)
end
"""


def scenarios(server: Server) -> dict[str, loadgen.Load]:
    b = server.base
    if server.name == BARE:
        return {"thread_20": loadgen.Load(f"{b}/api/comments?thread={quote(T20)}")}
    if server.name.startswith("palabre"):
        counts = "&".join(f"thread={quote(k)}" for k in COUNT_KEYS)
        return {
            "thread_20": loadgen.Load(f"{b}/api/comments?thread={quote(T20)}"),
            "thread_1000_page1": loadgen.Load(f"{b}/api/comments?thread={quote(T1000)}"),
            "counts_50": loadgen.Load(f"{b}/api/counts?{counts}"),
            "post": loadgen.Load(f"{b}/", lua_request=PALABRE_POST.replace("THREAD", TPOST)),
        }
    return {
        # What Isso's widget asks for by default (data-isso-max-comments-nested = 5, no limit).
        "thread_20": loadgen.Load(f"{b}/?uri={quote(T20)}&nested_limit=5"),
        "thread_1000_page1": loadgen.Load(f"{b}/?uri={quote(T1000)}&nested_limit=5"),
        "thread_1000_limit20": loadgen.Load(f"{b}/?uri={quote(T1000)}&limit=20&nested_limit=5"),
        "counts_50": loadgen.Load(f"{b}/count", method="POST", body=json.dumps(COUNT_KEYS)),
        "post": loadgen.Load(f"{b}/", lua_request=ISSO_POST.replace("URI", quote(TPOST))),
    }


def warm_up(server: Server, loads: dict[str, loadgen.Load], workers: int) -> None:
    """A few requests of each kind per worker: lazy imports, the moderation engine's models."""
    if server.name == BARE:
        return
    for name, load in loads.items():
        if name == "post":
            continue
        for _ in range(3 * workers):
            data = load.body.encode() if load.body else None
            request = urllib.request.Request(
                load.url,
                data=data,
                method=load.method,
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                response.read()
    for i in range(4 * workers):
        text = f"Premier avis sur ce débat, merci pour l'article numéro {i}."
        if server.name.startswith("palabre"):
            url, body = (
                f"{server.base}/api/comments",
                {"thread": TPOST, "text": text, "email": f"chauffe{i}@example.org"},
            )
        else:
            url, body = f"{server.base}/new?uri={quote(TPOST)}", {"text": text}
        request = urllib.request.Request(
            url,
            data=json.dumps(body).encode(),
            method="POST",
            headers={"Content-Type": "application/json", "X-Forwarded-For": f"10.99.{i}.1"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()


def measure(
    server: Server,
    load: loadgen.Load,
    args: argparse.Namespace,
    work: Path,
    others: Sequence[Server] = (),
) -> dict[str, float]:
    """One load run. Every server of the run is settled first: after Isso's 1,000-comment run,
    its workers keep serving the queued requests (1.5 s of CPU each) for several seconds after
    wrk stops, and would otherwise share the two cores with the next measurement."""
    for other in others:
        other.settle()
    server.settle()
    solo = solo_ms(load) if load.lua_request is None else float("nan")
    cpu_before = server.cpu_seconds()
    result = loadgen.run(
        load,
        seconds=args.seconds,
        connections=args.connections,
        workdir=work,
        close=not args.keep_alive,
    )
    cpu = server.cpu_seconds() - cpu_before
    result["cpu_ms_per_request"] = round(1000 * cpu / max(result["requests"], 1), 2)
    result["solo_ms"] = round(solo, 2)
    return result


def solo_ms(load: loadgen.Load, n: int = 5) -> float:
    """Median of `n` requests sent one at a time (no load): the latency a reader sees."""
    samples = []
    for _ in range(n):
        data = load.body.encode() if load.body else None
        request = urllib.request.Request(
            load.url, data=data, method=load.method, headers={"Content-Type": "application/json"}
        )
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


# -- report ------------------------------------------------------------------------------------


def median_runs(runs: list[dict[str, float]]) -> dict[str, float]:
    keys = ("rps", "p50_ms", "p99_ms", "cpu_ms_per_request", "solo_ms")
    merged = {k: round(statistics.median(r[k] for r in runs), 2) for k in keys}
    if any(r["requests"] < 20 for r in runs):
        merged["note"] = "moins de 20 réponses par passe : p50/p99 peu fiables"  # type: ignore[assignment]
    merged["errors"] = sum(r["errors"] for r in runs)
    merged["requests"] = sum(r["requests"] for r in runs)
    return merged


def table(summary: dict[str, dict[str, dict[str, float]]]) -> str:
    rows = [
        "| Scénario | Serveur | req/s | p50 (ms) | p99 (ms) | CPU/req (ms) | à vide (ms) | erreurs |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    ratio_rows = [
        "| Scénario | req/s palabre/Isso | p99 palabre/Isso | CPU/req Isso/palabre |",
        "| --- | ---: | ---: | ---: |",
    ]
    for scenario, by_server in summary.items():
        for name, m in by_server.items():
            rows.append(
                f"| {scenario} | {name} | {m['rps']:.0f} | {m['p50_ms']:.1f} | "
                f"{m['p99_ms']:.1f} | {m['cpu_ms_per_request']:.2f} | {m['solo_ms']:.1f} | "
                f"{m['errors']:.0f} |"
            )
        i = by_server.get("isso")
        for name in ("palabre", UNCACHED):
            p = by_server.get(name)
            if p and i:
                label = scenario if name == "palabre" else f"{scenario} ({name})"
                ratio_rows.append(
                    f"| {label} | {p['rps'] / max(i['rps'], 0.01):.1f}× | "
                    f"{p['p99_ms'] / max(i['p99_ms'], 0.001):.3f} | "
                    f"{i['cpu_ms_per_request'] / max(p['cpu_ms_per_request'], 0.001):.1f}× |"
                )
    bare_rows = [
        "| Scénario | palabre, req/s en part de la pile nue | CPU/req pile nue / palabre |",
        "| --- | ---: | ---: |",
    ]
    for scenario, by_server in summary.items():
        limit = by_server.get(BARE)
        for name in ("palabre", UNCACHED):
            p = by_server.get(name)
            if limit and p:
                bare_rows.append(
                    f"| {scenario} ({name}) | {p['rps'] / max(limit['rps'], 0.01):.0%} | "
                    f"{limit['cpu_ms_per_request'] / max(p['cpu_ms_per_request'], 0.001):.0%} |"
                )
    return "\n".join(rows) + "\n\n" + "\n".join(ratio_rows) + "\n\n" + "\n".join(bare_rows) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--keep-alive",
        action="store_true",
        help="Keep-alive connections (default: one connection per request, which "
        "spreads the load evenly over uvicorn's workers; see loadgen.run).",
    )
    parser.add_argument(
        "--no-uncached",
        action="store_true",
        help="Skip the reads of palabre with its read cache off.",
    )
    parser.add_argument(
        "--no-unmoderated",
        action="store_true",
        help="Skip the POST run of palabre with a publish-everything engine.",
    )
    parser.add_argument("--work", type=Path, default=BENCH / ".data" / "http")
    parser.add_argument(
        "--postgres",
        metavar="ADMIN_URL",
        default="",
        help="palabre on PostgreSQL (a fresh database created through this "
        "URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres) "
        "instead of SQLite.",
    )
    parser.add_argument(
        "--moderation-workers",
        type=int,
        default=0,
        help="Moderation in N `palabre worker` processes "
        "(moderation_in_worker) instead of in the request.",
    )
    parser.add_argument("--no-isso", action="store_true", help="palabre and the bare stack only.")
    parser.add_argument("--no-bare", action="store_true", help="Skip the bare Starlette stack.")
    args = parser.parse_args()
    args.seconds = min(args.seconds, 20.0)  # every configuration stays short
    work: Path = args.work
    if work.exists():
        subprocess.run(["rm", "-rf", str(work)], check=True)
    (work / "palabre").mkdir(parents=True)
    if not args.no_isso:
        ensure_isso()

    keys, rows = build_dataset()
    print(f"Données : {len(keys)} fils, {len(rows)} commentaires", flush=True)
    database_url = postgres_database(args.postgres) if args.postgres else ""
    timings = seed.palabre_load(
        database_url or f"sqlite:///{work / 'palabre' / 'palabre.sqlite3'}", keys, rows
    )
    if not args.no_isso:
        conf = isso_config(work)
        seed.isso_load(ISSO_VENV / "bin" / "python", conf, work / "isso.sqlite3", keys, rows)
    print(f"Chargé (palabre {timings['load_s']:.1f} s)", flush=True)

    code = code_state(ROOT)  # taken when the servers start, i.e. when the code is imported
    in_worker = args.moderation_workers > 0
    servers = [palabre_server(work, args.workers, database_url=database_url, in_worker=in_worker)]
    if not args.no_isso:
        servers.append(isso_server(work, args.workers, conf))
    if not args.no_uncached:
        servers.insert(
            1,
            palabre_server(
                work, args.workers, cached=False, database_url=database_url, in_worker=in_worker
            ),
        )
    helpers = moderation_workers(servers[0], args.moderation_workers, work)
    results: dict[str, dict[str, list[dict[str, float]]]] = {}
    memory: dict[str, dict[str, object]] = {}
    try:
        for helper in helpers:
            helper.start()
        for server in servers:
            server.start()
            print(f"{server.name} : premier 200 après {server.cold_start_s:.2f} s", flush=True)
        if not args.no_bare:  # the same bytes as palabre's 20-comment thread
            with urllib.request.urlopen(
                f"{servers[0].base}/api/comments?thread={quote(T20)}", timeout=30
            ) as response:
                limit = bare_server(work, args.workers, response.read())
            limit.start()
            print(f"{limit.name} : premier 200 après {limit.cold_start_s:.2f} s", flush=True)
            servers.append(limit)
        loads = {s.name: scenarios(s) for s in servers}
        if UNCACHED in loads:  # reads only: it shares palabre's database
            loads[UNCACHED] = read_only(loads[UNCACHED])
        for server in servers:
            warm_up(server, loads[server.name], args.workers)
            memory[server.name] = {"after_warm_up": server.rss_mib()}
        names = list(dict.fromkeys(n for load in loads.values() for n in load))
        for round_ in range(args.rounds):
            order = servers if round_ % 2 == 0 else servers[::-1]
            for scenario in names:
                for server in order:
                    if scenario not in loads[server.name]:
                        continue
                    busy = helpers if scenario == "post" and server is servers[0] else []
                    before = sum(h.cpu_seconds() for h in busy)
                    r = measure(server, loads[server.name][scenario], args, work, servers)
                    if busy:  # what the moderation workers spent on these comments
                        for helper in busy:
                            helper.settle()
                        r["worker_cpu_ms_per_request"] = round(
                            1000
                            * (sum(h.cpu_seconds() for h in busy) - before)
                            / max(r["requests"], 1),
                            2,
                        )
                    results.setdefault(scenario, {}).setdefault(server.name, []).append(r)
                    print(
                        f"  [{round_ + 1}] {scenario:20s} {server.name:8s} {r['rps']:8.1f} req/s"
                        f"  p50 {r['p50_ms']:7.1f} ms  p99 {r['p99_ms']:7.1f} ms"
                        f"  CPU {r['cpu_ms_per_request']:6.2f} ms/req  erreurs {r['errors']}",
                        flush=True,
                    )
        for server in servers:
            memory.setdefault(server.name, {})["after_load"] = server.rss_mib()
            memory[server.name]["cold_start_s"] = round(server.cold_start_s, 2)
        for helper in helpers:
            memory[helper.name] = {"after_load_mib": helper.rss_mib()}
    finally:
        for server in servers:
            server.stop()
        for helper in helpers:
            helper.stop()

    if not args.no_unmoderated and not in_worker:
        bare = palabre_server(work, args.workers, moderated=False)
        try:
            bare.start()
            warm_up(bare, scenarios(bare), args.workers)
            runs = [measure(bare, scenarios(bare)["post"], args, work) for _ in range(args.rounds)]
            results["post"][bare.name] = runs
        finally:
            bare.stop()

    summary = {s: {n: median_runs(r) for n, r in by.items()} for s, by in results.items()}
    # The 1,000-comment thread's first page against the 20-comment thread, for palabre.
    p = summary["thread_1000_page1"]["palabre"]["rps"] / summary["thread_20"]["palabre"]["rps"]
    worker_cpu = [
        r["worker_cpu_ms_per_request"]
        for r in results.get("post", {}).get("palabre", [])
        if "worker_cpu_ms_per_request" in r
    ]
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join([".venv/bin/python", "bench/run.py", *sys.argv[1:]]),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "kernel": platform.release(),
        },
        "settings": {
            "workers": args.workers,
            "seconds": args.seconds,
            "connections": args.connections,
            "rounds": args.rounds,
            "keep_alive": args.keep_alive,
            "database": "postgresql" if database_url else "sqlite",
            "moderation_workers": args.moderation_workers,
        },
        "data": {"threads": len(keys), "comments": len(rows)},
        "code": code,
        "summary": summary,
        "memory": memory,
        "runs": results,
        "palabre_page1_of_1000_vs_20_rps": round(p, 2),
        "post_moderation_worker_cpu_ms": statistics.median(worker_cpu) if worker_cpu else None,
    }
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for path in (RESULTS / f"http-{stamp}.json", RESULTS / "http-latest.json"):
        path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print()
    print(table(summary))
    print("Mémoire (RSS, maître + workers, MiB) et démarrage à froid :")
    for name, m in memory.items():
        print(f"  {name}: {m}")
    print(f"palabre, 1re page du fil de 1 000 / fil de 20 (req/s) : {p:.2f}")
    if worker_cpu:
        print(
            f"POST : CPU des processus de modération par commentaire : "
            f"{statistics.median(worker_cpu):.2f} ms (en plus du CPU côté web ci-dessus)"
        )
    print(f"Résultats : {RESULTS / f'http-{stamp}.json'}")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"Durée totale : {time.perf_counter() - started:.0f} s")
