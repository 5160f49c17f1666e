"""Evaluates the language-quality detectors (`orthographe`, `langue`).

    .venv/bin/python eval/spelling_eval.py --data ../shared/data

1. Seeds: recall of the deliberate errors listed by hand in tests/spelling_cases.py (from the
   notes of expected-verdicts.json), matched by span overlap; proper names wrongly reported.
2. grammalecte_tests_fr: span recall on has_error=1 rows and false-alarm rate on has_error=0
   rows, per rule_option, on a seeded sample. Typography options (and rows needing an option
   that is off by default) are filtered out. These are Grammalecte's own unit tests, so for a
   Grammalecte-based checker this is a regression and coverage test, not an independent
   benchmark: it measures what palabre's filters (names, English, masks) cost Grammalecte.
3. Speed: per-comment latency of each detector (p50/p95/p99) on the seed comments and on
   synthetic 30-150-word comments made of consecutive real comments from the data sets.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import random
import statistics
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from palabre.demo.seeds import load_seed
from palabre.moderation.detectors.language import LanguageDetector
from palabre.moderation.detectors.spelling import SpellingDetector, quality_settings
from palabre.moderation.findings import DetectorOutput
from palabre.moderation.quality.grammalecte_checker import TYPOGRAPHY_OPTIONS, get_checker
from palabre.moderation.quality.issues import OPTIONS, QualitySettings

ROOT = Path(__file__).resolve().parents[1]


def _load_cases() -> ModuleType:
    """tests/spelling_cases.py: the hand-written list of the seeds' deliberate errors."""
    spec = importlib.util.spec_from_file_location(
        "spelling_cases", ROOT / "tests" / "spelling_cases.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_CASES = _load_cases()
SEED_ERRORS: tuple[tuple[str, str], ...] = _CASES.SEED_ERRORS
SEED_NAMES: tuple[tuple[str, str], ...] = _CASES.SEED_NAMES
found: Callable[[str, str, list[tuple[int, int]]], bool] = _CASES.found

NOT_LANGUAGE = TYPOGRAPHY_OPTIONS | {"md", "latex", "html"}
COMMENT_SOURCES = (
    "toxifrench_fr/toxifrench_fr_train.csv",
    "ftr_racism_fr/ftr_racism_fr.csv",
    "toxifrench_agreement_fr/toxifrench_agreement_fr.csv",
)


def spans(out: DetectorOutput) -> list[tuple[int, int]]:
    found_spans = [(s.start, s.end) for f in out.findings for s in f.spans]
    return found_spans + [(c.start, c.end) for c in out.corrections]


def seed_eval(settings: QualitySettings) -> None:
    texts = {c.id: c.text for s in ("seed-000", "seed-003") for c in load_seed(s).comments}
    detector = SpellingDetector()
    outs = {cid: detector.check(text, settings) for cid, text in texts.items()}
    missed = [
        f"{cid}: {err}" for cid, err in SEED_ERRORS if not found(texts[cid], err, spans(outs[cid]))
    ]
    hits = len(SEED_ERRORS) - len(missed)
    print(f"\n== Seeds ({settings.strictness}) ==")
    print(
        f"deliberate errors found: {hits}/{len(SEED_ERRORS)} = {100 * hits / len(SEED_ERRORS):.1f} %"
    )
    print("missed: " + (", ".join(missed) or "none"))
    flagged = [f"{cid}: {n}" for cid, n in SEED_NAMES if found(texts[cid], n, spans(outs[cid]))]
    print(f"proper names reported as errors: {len(flagged)}/{len(SEED_NAMES)} {flagged or ''}")
    for cid, out in outs.items():
        score = max((f.score for f in out.findings), default=0.0)
        print(f"  {cid:8s} score {score:.2f}  {len(out.corrections):2d} corrections")


def grammalecte_eval(data: Path, sample: int, seed: int, settings: QualitySettings) -> None:
    path = data / "grammalecte_tests_fr" / "grammalecte_tests_fr.csv"
    with path.open(encoding="utf-8") as fh:
        rows = [
            r
            for r in csv.DictReader(fh)
            if r["rule_option"] not in NOT_LANGUAGE and not r["test_option"]
        ]
    rows = random.Random(seed).sample(rows, min(sample, len(rows)))
    detector = SpellingDetector()
    checker = get_checker()
    options = checker.options_for(OPTIONS[settings.strictness])
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    for r in rows:
        text = r["text"]
        ours = spans(detector.check(text, settings))
        raw = checker.check_paragraph(text, options) if text.strip() else None
        theirs = (
            [(e.start, e.end) for e in raw.grammar] + [(u.start, u.end) for u in raw.unknown]
            if raw
            else []
        )
        st = stats[r["rule_option"] or "(none)"]
        if r["has_error"] == "1":
            for a, b in json.loads(r["error_spans"]):
                st[0] += 1
                st[1] += any(s < b and a < e for s, e in ours)
                st[2] += any(s < b and a < e for s, e in theirs)
        else:
            st[3] += 1
            st[4] += bool(ours)
            st[5] += bool(theirs)
    print(
        f"\n== grammalecte_tests_fr: {len(rows)} rows sampled (seed {seed}), strictness {settings.strictness} =="
    )
    print("Grammalecte's own unit tests: a regression/coverage test, not an independent benchmark.")
    print(
        f"{'option':8s} {'errors':>6s} {'recall':>7s} {'raw GC':>7s} {'clean':>6s} {'false+':>7s} {'raw GC':>7s}"
    )
    total = [0] * 6
    for opt, st in sorted(stats.items(), key=lambda kv: -kv[1][0] - kv[1][3]):
        total = [t + s for t, s in zip(total, st, strict=True)]
        print(
            f"{opt:8s} {st[0]:6d} {_pct(st[1], st[0])} {_pct(st[2], st[0])} {st[3]:6d} {_pct(st[4], st[3])} {_pct(st[5], st[3])}"
        )
    print(
        f"{'all':8s} {total[0]:6d} {_pct(total[1], total[0])} {_pct(total[2], total[0])} {total[3]:6d} {_pct(total[4], total[3])} {_pct(total[5], total[3])}"
    )
    print(
        "recall = share of expected error spans overlapped by a reported span; false+ = share "
        "of correct sentences with any report; raw GC = Grammalecte alone, same options."
    )


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:6.1f}%" if b else "     - "


def synthetic_comments(data: Path, n: int, seed: int) -> list[str]:
    """Real comments joined into 30-150-word comments (consecutive rows, so one thread's
    register), each different."""
    texts: list[str] = []
    for rel in COMMENT_SOURCES:
        with (data / rel).open(encoding="utf-8") as fh:
            texts += [r["text"] for r in csv.DictReader(fh)]
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        target = rng.randint(30, 150)
        i = rng.randrange(len(texts))
        parts: list[str] = []
        while sum(len(p.split()) for p in parts) < target and i < len(texts):
            parts.append(texts[i])
            i += 1
        out.append("\n".join(parts) if rng.random() < 0.5 else " ".join(parts))
    return out


def timings(run: Callable[[str], object], texts: Sequence[str]) -> tuple[list[float], list[float]]:
    """(wall-clock ms, CPU ms of this process) per text."""
    wall: list[float] = []
    cpu: list[float] = []
    for text in texts:
        t0, c0 = time.perf_counter(), time.process_time()
        run(text)
        cpu.append(1000 * (time.process_time() - c0))
        wall.append(1000 * (time.perf_counter() - t0))
    return wall, cpu


def describe(name: str, measured: tuple[list[float], list[float]]) -> None:
    for kind, ms in zip(("wall", "cpu"), measured, strict=True):
        q = statistics.quantiles(ms, n=100, method="inclusive")
        mean = statistics.fmean(ms)
        print(
            f"  {name:30s} {kind:4s} n={len(ms):4d}  p50 {q[49]:6.2f}  p95 {q[94]:6.2f}  "
            f"p99 {q[98]:6.2f}  max {max(ms):6.1f}  mean {mean:6.2f} ms  -> {1000 / mean:4.0f}/s"
        )


def by_length(texts: Sequence[str], cpu: list[float]) -> None:
    for low, high in ((0, 30), (30, 60), (60, 100), (100, 150), (150, 10_000)):
        ms = [c for t, c in zip(texts, cpu, strict=True) if low <= len(t.split()) < high]
        if len(ms) >= 5:
            print(
                f"    {low:3d}-{high:<5d} words: n={len(ms):4d}  cpu p50 {statistics.median(ms):6.2f} ms"
            )


def speed_eval(data: Path, n: int, seed: int, settings: QualitySettings) -> None:
    spelling = SpellingDetector()
    language = LanguageDetector()
    t0 = time.perf_counter()
    spelling.check("Premier appel : Grammalecte se charge.", settings)
    language.check("Premier appel : lingua se charge aussi.")
    loaded = 1000 * (time.perf_counter() - t0)
    print(
        f"\n== Speed (one thread; wall and CPU time) ==\nfirst call (loads Grammalecte + lingua): {loaded:.0f} ms"
    )
    comments = synthetic_comments(data, 200 + 3 * n, seed)
    warm, set_a, set_b, set_c = (
        comments[:200],
        comments[200 : 200 + n],
        comments[200 + n : 200 + 2 * n],
        comments[200 + 2 * n :],
    )
    words = statistics.fmean(len(c.split()) for c in set_a)
    print(f"synthetic comments: {n} per set, {words:.0f} words on average; each set unseen before")
    describe("orthographe, first 200", timings(lambda t: spelling.check(t, settings), warm))
    measured = timings(lambda t: spelling.check(t, settings), set_a)
    describe("orthographe, steady state", measured)
    by_length(set_a, measured[1])
    describe("langue", timings(language.check, set_a))
    both = timings(lambda t: (spelling.check(t, settings), language.check(t)), set_b)
    describe("orthographe + langue", both)
    by_length(set_b, both[1])
    seeds = [c.text for s in ("seed-000", "seed-003") for c in load_seed(s).comments]
    get_checker().clear_cache()
    describe(
        "seeds: orthographe + langue",
        timings(lambda t: (spelling.check(t, settings), language.check(t)), seeds),
    )
    describe(
        "seeds again (paragraph cache)",
        timings(lambda t: (spelling.check(t, settings), language.check(t)), seeds),
    )
    try:
        from palabre.moderation.charter_engine import default_engine
    except ImportError:
        return
    engine = default_engine()
    engine.check("Premier appel du moteur complet.")
    describe("whole engine (all detectors)", timings(engine.check, set_c))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--sample", type=int, default=3000, help="grammalecte_tests_fr rows")
    parser.add_argument("--comments", type=int, default=500, help="synthetic comments timed")
    parser.add_argument("--seed", type=int, default=20250816)
    parser.add_argument("--strictness", choices=("souple", "normale", "stricte"), default="stricte")
    parser.add_argument("--skip", nargs="*", default=(), choices=("seeds", "grammalecte", "speed"))
    args = parser.parse_args(argv)
    settings = quality_settings(args.strictness)
    if "seeds" not in args.skip:
        for strictness in ("normale", "stricte"):
            seed_eval(quality_settings(strictness))
    if "grammalecte" not in args.skip:
        grammalecte_eval(args.data, args.sample, args.seed, settings)
    if "speed" not in args.skip:
        speed_eval(args.data, args.comments, args.seed, settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
