"""Accuracy, memory and speed of the `langue` detector on one fixed set.

French: real comments of the shared data sets (toxifrench, ftr, cyberagression, mlma: chats,
forums, tweets — slang, typos, anglicisms), drawn with a fixed seed. Other languages: the
translated messages of the Debian system (gettext catalogues under /usr/share/locale: English
originals and their German, Spanish, Italian, Portuguese, Dutch, Russian, Turkish and Arabic
translations), 4 words or more. A French comment must get no `langue` finding; a foreign text
must get one. Short texts (under 200 characters) are counted apart: that is where the light
mode of language identification errs.

    .venv/bin/python eval/language_eval.py --data ../shared/data [--per-language 150]

Prints, for the detector as configured: accuracy on French and on each other language, memory
taken by language identification (RSS before/after its first calls) and time per text."""

from __future__ import annotations

import argparse
import csv
import gettext
import random
import re
import resource
import time
from collections.abc import Iterator
from pathlib import Path

FRENCH_SETS = ("toxifrench_fr", "ftr_racism_fr", "cyberagression_fr", "mlma_fr")
FOREIGN = ("de", "es", "it", "pt", "nl", "ru", "tr", "ar")
_PLACEHOLDER = re.compile(r"%[-+#0-9.]*[a-zA-Z]|\{[^}]*\}|<[^>]+>|[_&](?=\w)|\\n|\s+")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def french_comments(data: Path, n: int, rng: random.Random) -> list[str]:
    texts: list[str] = []
    for name in FRENCH_SETS:
        for path in sorted((data / name).glob("*.csv")):
            with path.open(encoding="utf-8") as f:
                texts.extend(row["text"] for row in csv.DictReader(f) if row["text"].strip())
    rng.shuffle(texts)
    return texts[:n]


def _catalogue(path: Path) -> Iterator[tuple[str, str]]:
    try:
        with path.open("rb") as f:
            cat = gettext.GNUTranslations(f)
    except Exception:
        return
    for key, value in cat._catalog.items():  # type: ignore[attr-defined]
        if isinstance(key, str) and isinstance(value, str) and key and value:
            yield key, value


def clean(text: str) -> str:
    return _PLACEHOLDER.sub(" ", text).strip()


def system_messages(n: int, rng: random.Random) -> dict[str, list[str]]:
    """{language: texts} from the gettext catalogues, texts of 4 words or more."""
    found: dict[str, set[str]] = {lang: set() for lang in ("en", *FOREIGN)}
    for lang in FOREIGN:
        for mo in sorted(Path("/usr/share/locale", lang, "LC_MESSAGES").glob("*.mo")):
            for original, translated in _catalogue(mo):
                english, text = clean(original), clean(translated)
                if len(english.split()) >= 4:
                    found["en"].add(english)
                if len(text.split()) >= 4 and text != english:  # untranslated: skipped
                    found[lang].add(text)
    out: dict[str, list[str]] = {}
    for lang, texts in found.items():
        ordered = sorted(texts)
        rng.shuffle(ordered)
        out[lang] = ordered[:n]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--french", type=int, default=1500)
    parser.add_argument("--per-language", type=int, default=150)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    french = french_comments(args.data, args.french, rng)
    foreign = system_messages(args.per_language, rng)

    from palabre.moderation.detectors.language import LanguageDetector

    detector = LanguageDetector()
    before = rss_mb()
    started = time.process_time()
    detector.check("Bonjour à tous, je trouve cet article vraiment très intéressant.")
    detector.check("Bonjour à tous, je trouve cet article vraiment très intéressant. " * 5)
    loaded = time.process_time() - started
    print(f"first calls (load): {loaded * 1000:.0f} ms CPU, RSS +{rss_mb() - before:.0f} MB")

    def flagged(text: str) -> bool:
        return bool(detector.check(text).findings)

    spent = 0.0
    count = 0
    short = [t for t in french if len(t) < 200]
    wrong = [t for t in french if flagged(t)]
    wrong_short = [t for t in wrong if len(t) < 200]
    print(
        f"French comments: {len(french)}, wrongly flagged {len(wrong)} "
        f"({100 * len(wrong) / len(french):.2f} %); under 200 characters: {len(short)}, "
        f"wrongly flagged {len(wrong_short)}"
    )
    total_ok = total = 0
    for lang, texts in foreign.items():
        t0 = time.process_time()
        ok = sum(flagged(t) for t in texts)
        spent += time.process_time() - t0
        count += len(texts)
        total_ok += ok
        total += len(texts)
        print(f"  {lang}: {ok}/{len(texts)} flagged ({100 * ok / max(1, len(texts)):.1f} %)")
    print(f"Other languages: {total_ok}/{total} flagged ({100 * total_ok / max(1, total):.1f} %)")
    print(f"time per foreign text: {1000 * spent / max(1, count):.2f} ms CPU")
    print(f"RSS after the run: {rss_mb():.0f} MB (process)")
    for text in wrong[:15]:
        print("  French flagged:", text[:110].replace("\n", " "))


if __name__ == "__main__":
    main()
