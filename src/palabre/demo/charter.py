"""The demo site's own charter: the shipped default's clauses, with the preamble and notes that
the seed site prints above its comments. Stored as the demo's charter version (what an editor
would save from the dashboard), so the shipped default stays neutral for every other site."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime

from palabre.demo.seeds import SEED_IDS, load_seed
from palabre.moderation.charter import default_charter
from palabre.review.charters import active_version, file_source, save_version
from palabre.storage.db import Database

ACTOR = "démonstration"
_PREAMBLE = re.compile(r'^preambule = """.*?"""$', re.S | re.M)
_NOTES = re.compile(r"^mentions = \[.*?^\]$", re.S | re.M)


def demo_charter_source() -> str | None:
    """The default charter's TOML with the seed site's preamble and notes, or None when
    no seed article carries its site's charter."""
    found = next((load_seed(i) for i in SEED_IDS if load_seed(i).charter), None)
    if found is None or found.charter is None:
        return None
    seed = found.charter
    notes = [str(seed[k]) for k in ("moderators_need_not_justify", "liability") if seed.get(k)]
    source = file_source()
    preamble = json.dumps(str(seed["preamble"]), ensure_ascii=False)
    source = _PREAMBLE.sub(lambda _m: f"preambule = {preamble}", source, count=1)
    listed = ",\n".join(f"  {json.dumps(n, ensure_ascii=False)}" for n in notes)
    return _NOTES.sub(lambda _m: f"mentions = [\n{listed},\n]", source, count=1)


def install_demo_charter(db: Database) -> bool:
    """Save the demo site's charter as the active version, once (an editor's later versions are
    kept). True when it was saved now."""
    source = demo_charter_source()
    if source is None:
        return False
    with db.session() as session:
        if active_version(session) is not None:
            return False
        save_version(
            session,
            source,
            default_charter(),
            ACTOR,
            "Charte du site d’exemple de la démonstration",
            datetime.now(UTC),
        )
    return True
