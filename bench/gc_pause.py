"""Pause of a full garbage collection in a moderation worker, before and after its start-up
freeze (`palabre.cli.worker_wiring.freeze_loaded`): the default engine is loaded and warmed by a
few checks, then `gc.collect(2)` is timed (CPU, one thread) 5 times on each side.

    PYTHONPATH=src .venv/bin/python bench/gc_pause.py
"""

from __future__ import annotations

import gc
import time

from palabre.cli._common import engine_for
from palabre.cli.worker_wiring import WARM_TEXT, freeze_loaded

TEXTS = (
    "Merci pour cet article : la réforme des retraites mérite un vrai débat.",
    "Je ne suis pas d'accord, le budget de la commune n'est pas si simple à expliquer.",
    "Bonne analyse. Reste à savoir ce que décidera le conseil municipal en janvier.",
    "Personnellement, la situation des hôpitaux me laisse sceptique, pour être honnête.",
)


def full_collections(times: int = 5) -> list[float]:
    """CPU milliseconds of `times` full collections, sorted."""
    out = []
    for _ in range(times):
        started = time.process_time()
        gc.collect(2)
        out.append(round(1000 * (time.process_time() - started), 1))
    return sorted(out)


def main() -> None:
    engine = engine_for(None)
    engine.check(WARM_TEXT)
    for text in TEXTS:
        engine.check(text)
    print(f"objets suivis par le ramasse-miettes : {len(gc.get_objects())}")
    print(f"collecte complète, sans gel (ms CPU) : {full_collections()}")
    freeze_loaded(engine)
    print(f"objets gelés : {gc.get_freeze_count()}")
    print(f"collecte complète, après le gel (ms CPU) : {full_collections()}")


if __name__ == "__main__":
    main()
