"""Load generation on 127.0.0.1: Debian's `wrk` (installed on demand), or a bounded Python
generator in a separate process when wrk cannot be had. Every run is bounded in time; the
Python one also in request count."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# A wrk script prints one JSON line at the end: requests, latency percentiles (µs), errors.
WRK_DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "errors_connect": %d, "errors_read": %d, "errors_write": %d, ' ..
    '"errors_status": %d, "errors_timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""

# Distinct, well-formed French comments for POST runs (the spam detector rightly holds repeats).
POST_WORDS = r"""
local openings = {"Merci pour cet article", "Je ne suis pas d'accord", "Article très clair",
  "Bonne analyse", "Il faudrait préciser", "Je partage votre avis", "Reste à savoir",
  "Les chiffres cités", "Personnellement", "Comme souvent", "À mon sens", "Sur ce point"}
local middles = {"la réforme des retraites", "le budget de la commune", "les négociations européennes",
  "la politique énergétique", "la situation des hôpitaux", "le prix des loyers",
  "les transports en commun", "l'école publique", "la sécurité routière", "le climat",
  "les élections municipales", "la dette publique", "l'agriculture bretonne"}
local endings = {"mérite un vrai débat.", "me paraît bien documenté.", "n'est pas si simple.",
  "devrait être expliqué davantage.", "reste une priorité pour beaucoup d'entre nous.",
  "a été trop peu abordé ces derniers mois.", "dépendra des prochaines décisions.",
  "est résumé avec justesse, merci.", "me laisse sceptique, pour être honnête."}
local counter = 0
local function pick(list, n) return list[(n % #list) + 1] end
function comment_text(n)
  local a = pick(openings, n) .. " : " .. pick(middles, math.floor(n / 12)) .. " " .. pick(endings, math.floor(n / 156))
  local b = pick(openings, math.floor(n / 7) + 3) .. ", " .. pick(middles, math.floor(n / 5) + 1) .. " " .. pick(endings, math.floor(n / 3) + 2)
  return a .. " " .. b .. " (lecteur n° " .. n .. ")"
end
function next_n() counter = counter + 1; return counter end
"""


@dataclass(frozen=True, slots=True)
class Load:
    """What to send: method, path, headers, body; or a Lua `request` function for POST runs."""

    url: str
    method: str = "GET"
    body: str | None = None
    lua_request: str | None = None  # Lua code defining request() (uses comment_text/next_n)


def wrk_binary() -> str | None:
    found = shutil.which("wrk")
    if found:
        return found
    try:
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "wrk"], check=True, capture_output=True, timeout=300
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return shutil.which("wrk")


def run(
    load: Load,
    *,
    seconds: float,
    connections: int,
    workdir: Path,
    max_requests: int = 200_000,
    close: bool = False,
) -> dict[str, float]:
    """`close`: one TCP connection per request (`Connection: close`), so that the kernel spreads
    the requests over all the worker processes; with a few keep-alive connections, uvicorn's
    workers (one shared listening socket) may each keep a different share of them."""
    wrk = wrk_binary()
    if wrk is None:
        return _python_load(
            load, seconds=seconds, connections=connections, max_requests=max_requests
        )
    script = workdir / "load.lua"
    parts = [
        f"CLOSE = {'true' if close else 'false'}",
        'if CLOSE then wrk.headers["Connection"] = "close" end',
        POST_WORDS if load.lua_request else "",
        WRK_DONE,
    ]
    if load.lua_request:
        parts.append(load.lua_request)
    elif load.method != "GET" or load.body:
        body = json.dumps(load.body) if load.body is not None else "nil"
        parts.append(
            f'wrk.method = "{load.method}"\nwrk.body = {body}\n'
            'wrk.headers["Content-Type"] = "application/json"\n'
        )
    script.write_text("\n".join(parts), encoding="utf-8")
    argv = [
        wrk,
        "-t1",
        f"-c{connections}",
        f"-d{max(1, round(seconds))}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        load.url,
    ]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60)
    line = next((x for x in done.stdout.splitlines() if x.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result: {done.stdout}\n{done.stderr}")
    raw = json.loads(line[len("WRKJSON ") :])
    seconds_run = raw["duration_us"] / 1e6
    errors = sum(v for k, v in raw.items() if k.startswith("errors_"))
    return {
        "requests": raw["requests"],
        "seconds": round(seconds_run, 2),
        "rps": round(raw["requests"] / seconds_run, 1),
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "errors": errors,
        "non_2xx": raw["errors_status"],
        "tool": "wrk",
    }


def _python_load(
    load: Load, *, seconds: float, connections: int, max_requests: int
) -> dict[str, float]:
    """Fallback: `connections` threads in a separate Python process, bounded in time and count."""
    if load.lua_request:
        raise RuntimeError("POST runs need wrk (apt-get install -y wrk)")
    spec = json.dumps(
        {
            "url": load.url,
            "method": load.method,
            "body": load.body,
            "seconds": seconds,
            "connections": connections,
            "max": max_requests,
        }
    )
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("pyload.py")), spec],
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    return dict(json.loads(done.stdout), tool="python")


def now() -> float:
    return time.perf_counter()
