"""Fallback load generator when wrk is missing: N threads with keep-alive connections, bounded
in time and in requests. Usage: python pyload.py '{"url": …, "seconds": 10, "connections": 8,
"max": 200000, "method": "GET", "body": null}'. Prints one JSON object."""

from __future__ import annotations

import http.client
import json
import statistics
import sys
import threading
import time
from urllib.parse import urlsplit


def main() -> None:
    spec = json.loads(sys.argv[1])
    parts = urlsplit(spec["url"])
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    deadline = time.perf_counter() + float(spec["seconds"])
    budget = [int(spec["max"])]
    lock = threading.Lock()
    latencies: list[float] = []
    errors = [0]
    body = spec["body"].encode() if spec["body"] else None

    def worker() -> None:
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        mine: list[float] = []
        while time.perf_counter() < deadline:
            with lock:
                if budget[0] <= 0:
                    break
                budget[0] -= 1
            started = time.perf_counter()
            try:
                conn.request(
                    spec["method"],
                    path,
                    body=body,
                    headers={"Content-Type": "application/json"} if body else {},
                )
                response = conn.getresponse()
                response.read()
                if response.status >= 300:
                    errors[0] += 1
            except (OSError, http.client.HTTPException):
                errors[0] += 1
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(int(spec["connections"]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    print(
        json.dumps(
            {
                "requests": len(latencies),
                "seconds": round(elapsed, 2),
                "rps": round(len(latencies) / elapsed, 1),
                "p50_ms": cuts[49] * 1000,
                "p90_ms": cuts[89] * 1000,
                "p99_ms": cuts[98] * 1000,
                "max_ms": max(latencies, default=0.0) * 1000,
                "errors": errors[0],
                "non_2xx": errors[0],
            }
        )
    )


if __name__ == "__main__":
    main()
