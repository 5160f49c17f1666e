"""Finds the language-quality issues of one comment with Grammalecte and the helpers of this
package. `analyse_language(text, settings)` is pure apart from Grammalecte's caches."""

from __future__ import annotations

import re
import time

from palabre.moderation.findings import Span
from palabre.moderation.quality import masks
from palabre.moderation.quality.dawg import DawgWalker, strip_accents, walker
from palabre.moderation.quality.grammalecte_checker import (
    GrammalecteChecker,
    GrammarError,
    get_checker,
    iter_paragraphs,
)
from palabre.moderation.quality.issues import (
    OPTIONS,
    Issue,
    IssueKind,
    LanguageAnalysis,
    QualitySettings,
)
from palabre.moderation.quality.known_names import misspelled_name
from palabre.moderation.quality.names import (
    capitalised,
    in_names,
    looks_like_name,
)
from palabre.moderation.quality.verbless import verbless_issues

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?…]+[\s»”\"’)]*\s")
IGNORED_RULE_PREFIXES = ("p_sigle",)
_KIND_OF_OPTION: dict[str, IssueKind] = {
    "tu": "trait_union",
    "maj": "majuscule",
    "bs": "style",
    "pleo": "style",
    "virg": "style",
    "eleu": "style",
}


def analyse_language(
    text: str, settings: QualitySettings, checker: GrammalecteChecker | None = None
) -> LanguageAnalysis:
    checker = checker or get_checker()
    limit = checked_end(text, settings.max_words)
    checked = text[:limit]
    spell = checker.spell_checker()
    walk = walker(spell)
    skip = masks.merge(masks.skip_spans(checked) + masks.english_spans(checked, checker.is_valid))
    options = checker.options_for(OPTIONS[settings.strictness])
    issues: list[Issue] = []
    name_spans: list[tuple[int, int]] = []
    for offset, para in iter_paragraphs(checked):
        result = checker.check_paragraph(para, options)
        for unknown in result.unknown:
            start, end = offset + unknown.start, offset + unknown.end
            issue = _spelling_issue(
                checked,
                start,
                end,
                skip,
                settings.proper_names,
                settings.allowed_words,
                walk,
                checker,
            )
            if issue is None:
                name_spans.append((start, end))
            elif issue.kind != "orthographe" or not masks.covered(skip, start, end):
                issues.append(issue)
        for err in result.grammar:
            issue = _grammar_issue(checked, offset, err, skip)
            if issue is not None:
                issues.append(issue)
    issues.extend(
        issue
        for issue in verbless_issues(checked, checker.morph, checker.homophones)
        if not masks.covered(skip, issue.start, issue.end)
    )
    issues = _dedupe(issues, masks.merge(name_spans))
    issues = _add_suggestions(issues, walk, settings.suggestion_budget_ms)
    words = [m for m in WORD.finditer(checked) if not masks.covered(skip, m.start(), m.end())]
    total = len(WORD.findall(text)) if limit < len(text) else len(words)
    ratio = upper_ratio(m.group(0) for m in words)
    long_words = sum(1 for m in words if len(m.group(0)) >= 3)
    shouting = long_words >= 4 and ratio >= settings.shouting_ratio
    return LanguageAnalysis(
        issues=tuple(issues),
        words=len(words),
        total_words=total,
        accentless=is_accentless(issues, checked),
        upper_ratio=ratio,
        shouting=shouting,
        shouted=tuple(
            Span(m.start(), m.end(), m.group(0))
            for m in words
            if len(m.group(0)) >= 3 and m.group(0).isupper()
        )[:30]
        if shouting
        else (),
    )


def _spelling_issue(
    text: str,
    start: int,
    end: int,
    skip: masks.Spans,
    names: frozenset[str],
    allowed: frozenset[str],
    walk: DawgWalker,
    checker: GrammalecteChecker,
) -> Issue | None:
    """The issue for an unknown word, or None when it is not an error (a name, a link…)."""
    word = text[start:end]
    letters = [c for c in word if c.isalpha()]
    if len(letters) <= 1 or any(c.isdigit() for c in word) or masks.covered(skip, start, end):
        return None
    if in_names(word, allowed):
        return None
    if in_names(word, names):
        if word[:1].islower() and word.isalpha():  # "washington", a known name in lower case
            upper = word[:1].upper() + word[1:]
            return Issue(
                start,
                end,
                word,
                "majuscule",
                "Nom propre : majuscule manquante.",
                (upper,),
                "majuscule",
            )
        return None
    accented = accent_fix(word, walk)
    if accented:
        return Issue(start, end, word, "accents", "Accent manquant.", accented, "accents")
    if word[:1].isupper():
        near = misspelled_name(word, names, checker.is_valid)
        if near:
            return Issue(
                start,
                end,
                word,
                "orthographe",
                f"Nom propre mal orthographié\u00a0: « {near} »\u00a0?",
                (near,),
                "nom_propre",
            )
    if looks_like_name(text, start, end, names | allowed):
        return None
    if capitalised(word) and not _near_lower_word(word, walk):
        return None  # "Juventus …" at a sentence start: no common word is one letter away
    if word.islower() and checker.is_valid(word[:1].upper() + word[1:]):
        upper = word[:1].upper() + word[1:]
        return Issue(
            start,
            end,
            word,
            "majuscule",
            "Nom propre : majuscule manquante.",
            (upper,),
            "majuscule",
        )
    if word.islower() and has_word(text, word.capitalize()):
        return Issue(
            start,
            end,
            word,
            "majuscule",
            "Nom propre : majuscule manquante.",
            (word.capitalize(),),
            "majuscule",
        )
    return Issue(start, end, word, "orthographe", "Mot inconnu du dictionnaire.", (), "orthographe")


def has_word(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` between word boundaries: what
    `re.search(r"\\b" + re.escape(word) + r"\\b", text)` finds, without compiling a pattern per
    word (each one would push one of Grammalecte's out of `re`'s cache of 512 patterns)."""
    start = text.find(word)
    while start >= 0:
        if _boundary(text, start) and _boundary(text, start + len(word)):
            return True
        start = text.find(word, start + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    """`\\b` at `i`: a word character on one side only (`re`'s word characters, for `str`
    patterns: `str.isalnum()` and « _ »)."""
    if not text:
        return False
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


def _near_lower_word(word: str, walk: DawgWalker) -> bool:
    """Whether a lower-case dictionary word is one edit from `word` ("Calui" → celui)."""
    low = word[:1].lower() + word[1:]
    return any(w.islower() for w in walk.near_words(low, limit=10))


def accent_fix(word: str, walk: DawgWalker) -> tuple[str, ...]:
    """Dictionary words equal to `word` except for diacritics ("ete" → "été")."""
    if strip_accents(word) != word and not word.isupper():
        # the word has some accents already: an accent error there is a plain misspelling
        found = walk.accent_variants(word)
        return found if found and strip_accents(found[0]) == strip_accents(word) else ()
    found = walk.accent_variants(word)
    if not found and capitalised(word):
        low = word[:1].lower() + word[1:]
        found = tuple(w[:1].upper() + w[1:] for w in walk.accent_variants(low))
    if not found and word.islower():
        found = walk.accent_variants(word[:1].upper() + word[1:])
    if not found and word.isupper() and len(word) > 1:
        found = tuple(w.upper() for w in walk.accent_variants(word.lower()))
    return tuple(dict.fromkeys(found))


def _grammar_issue(text: str, offset: int, err: GrammarError, skip: masks.Spans) -> Issue | None:
    if err.rule_id.startswith(IGNORED_RULE_PREFIXES):
        return None
    start, end = offset + err.start, offset + err.end
    if masks.covered(skip, start, end):
        return None
    kind = _KIND_OF_OPTION.get(err.option, "grammaire")
    span = text[start:end]
    if kind == "grammaire" and err.suggestions and _accent_only(span, err.suggestions[0]):
        # "A votre avis" → "À": an accent on a capital, a minor error
        kind = "majuscule" if span[:1].isupper() else "accents"
    return Issue(start, end, span, kind, err.message, err.suggestions, err.rule_id)


def _accent_only(a: str, b: str) -> bool:
    return a != b and strip_accents(a).lower() == strip_accents(b).lower()


def _dedupe(issues: list[Issue], name_spans: masks.Spans) -> list[Issue]:
    """One issue per span; grammar errors touching a word taken as a name are dropped."""
    out: list[Issue] = []
    seen: set[tuple[int, int]] = set()
    for issue in sorted(issues, key=lambda i: (i.start, i.end)):
        key = (issue.start, issue.end)
        if key in seen:
            continue
        if issue.rule not in ("orthographe", "accents", "majuscule") and masks.covered(
            name_spans, issue.start, issue.end
        ):
            continue
        seen.add(key)
        out.append(issue)
    return out


def _add_suggestions(issues: list[Issue], walk: DawgWalker, budget_ms: float) -> list[Issue]:
    """Cheap one-edit suggestions for unknown words, within a time budget per comment."""
    deadline = time.perf_counter() + budget_ms / 1000.0
    out: list[Issue] = []
    for issue in issues:
        if (
            issue.kind == "orthographe"
            and not issue.suggestions
            and (time.perf_counter() < deadline)
        ):
            issue = _with_suggestions(issue, walk)
        out.append(issue)
    return out


def _with_suggestions(issue: Issue, walk: DawgWalker) -> Issue:
    word = issue.text
    if capitalised(word):
        low = word[:1].lower() + word[1:]
        found = tuple(w[:1].upper() + w[1:] for w in walk.near_words(low))
    else:
        # no "kA" or "CA" (units, acronyms) among the suggestions for a lower-case word
        found = tuple(w for w in walk.near_words(word, limit=10) if w[1:] == w[1:].lower())
    return Issue(
        issue.start, issue.end, issue.text, issue.kind, issue.message, confident(found), issue.rule
    )


def confident(candidates: tuple[str, ...], limit: int = 5) -> tuple[str, ...]:
    """Suggestions most frequent first (« erreure » → erreur before erreurs), without the rare
    words nobody meant (Zipf < 1.5 in French) unless nothing else is left."""
    from wordfreq import zipf_frequency

    scored = sorted(candidates, key=lambda w: -zipf_frequency(w.lower(), "fr"))
    common = [w for w in scored if zipf_frequency(w.lower(), "fr") >= 1.5]
    return tuple((common or scored)[:limit])


def is_accentless(issues: list[Issue], text: str) -> bool:
    """A text "written without accents": 3+ words missing accents and hardly any accent."""
    missing = sum(1 for i in issues if i.kind == "accents")
    if missing < 3:
        return False
    accented = sum(1 for m in WORD.finditer(text) if strip_accents(m.group(0)) != m.group(0))
    return missing >= 2 * accented


def upper_ratio(words: object) -> float:
    """Share of words of 3+ letters written in capitals."""
    total = upper = 0
    for word in words:  # type: ignore[attr-defined]
        if len(word) >= 3:
            total += 1
            upper += word.isupper()
    return upper / total if total else 0.0


def checked_end(text: str, max_words: int) -> int:
    """Where checking stops: after the sentence holding the `max_words`-th word."""
    for count, m in enumerate(WORD.finditer(text), 1):
        if count >= max_words:
            end = _SENTENCE_END.search(text, m.end())
            nl = text.find("\n", m.end())
            stops = [p for p in (end.end() if end else -1, nl) if p >= 0]
            return min(stops) if stops else len(text)
    return len(text)
