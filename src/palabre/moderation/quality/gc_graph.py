"""A faster equivalent of Grammalecte's `TextParser.parseGraph` (fr/gc_engine.py).

Adapted from Grammalecte 2.1.2 by Olivier R. (GPL-3.0; palabre is AGPL-3.0, which may include
GPL-3.0 code). `parseGraph` walks each rule graph over the tokens of a sentence: for every
token, every live pointer (a path started at an earlier token) and the graph's root are matched
against the token (`_getMatches`), then the rules at the nodes reached are executed. It is most
of the time of a check (~80 % of a 300-word comment). What changed, nothing else:

- the result of matching a node against a token depends only on the node and on the token's
  value, type, morphologies and tags (`gc_matcher.py`), so it is memoised for every node, not
  only at the roots, as the nodes it leads to; the token's key is built once per token and
  graph, not once per node tried;
- pointers are `(first token, node)` tuples instead of dicts (they are never changed);
- the nodes that hold rules are found once per graph, and noted in the memo.

The memo is kept small for the garbage collector, which scans every container object that
lives long (a full collection took up to 0.2 s with a memo of tuples): a node that leads
nowhere is the empty tuple, one that leads to one node is that node's number (`~number` when
it holds rules), and only several next nodes make a tuple (of numbers, which the collector
stops following).

Same pointers in the same order, the same rules executed in the same order with the same
arguments: `tests/moderation/test_spelling_checker.py` compares it with Grammalecte's own pass.
Debugging calls go to Grammalecte's own `parseGraph`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: A token's key: value, type, morphologies (None: the dictionary's), tags (None: none).
_Key = tuple[str, str, tuple[str, ...] | None, frozenset[str] | None]
#: Where a node leads for a token: the next node (`~node` where it holds rules), or a tuple of
#: them, () for none. A jump that matched nothing keeps the pointer where it is.
_Next = int | tuple[int, ...]
#: The arcs of a node that read more than the token's value and type, and its jump.
_SPECIAL = frozenset(
    ["<re_value>", "<lemmas>", "<phonet>", "<morph>", "<re_morph>", "<tags>", "<>"]
)
#: The memo's key for the graph's root tried as a start (where « keep » matches are dropped).
_ROOT = -1
#: Where a node that matches nothing leads (one object, so that `is` finds it).
_NOWHERE: tuple[int, ...] = ()


class _Graph:
    """What is kept about one rule graph: its rule nodes and its memo, token by token (two
    generations of `generation` tokens: a hit in `old` moves to `young`; a full `young`
    becomes `old`, and the previous `old`, tokens not seen since, is dropped)."""

    __slots__ = ("generation", "graph", "old", "rules", "simple", "young")

    def __init__(self, graph: dict[int, Any], generation: int) -> None:
        self.graph = graph
        self.generation = generation
        self.rules: dict[int, Any] = {i: n["<rules>"] for i, n in graph.items() if "<rules>" in n}
        self.simple = frozenset(i for i, n in graph.items() if not _SPECIAL.intersection(n))
        self.young: dict[_Key, dict[int, _Next]] = {}
        self.old: dict[_Key, dict[int, _Next]] = {}

    def of(self, token: _Key) -> dict[int, _Next]:
        """Where each node already tried leads for `token`."""
        found = self.young.get(token)
        if found is None:
            found = self.old.get(token)
            if found is None:
                found = {}
            if len(self.young) >= self.generation:
                self.old, self.young = self.young, {}
            self.young[token] = found
        return found

    def step(self, get_matches: Callable[..., Any], dToken: Any, node: int) -> _Next:
        """Where `node` (`_ROOT`: the root, as a start) leads for `dToken`."""
        if node != _ROOT and node in self.simple:
            found = _literal(self.graph[node], dToken["sValue"], dToken["sType"])
        else:
            found = []
            for kind, _, target in get_matches(self.graph, dToken, self.graph[max(node, 0)]):
                if kind is not None:
                    found.append(target)
                elif node != _ROOT:
                    found.append(node)
        if not found:
            return _NOWHERE
        rules = self.rules
        out = tuple(~t if t in rules else t for t in found)
        return out[0] if len(out) == 1 else out


def make_parse_graph(gc_engine: Any, generation: int) -> Callable[..., str]:
    """The method that stands for `TextParser.parseGraph` in palabre's subclass; `generation`
    tokens per generation of each graph's memo."""
    graphs: dict[int, _Graph] = {}
    original = gc_engine.TextParser.parseGraph

    def parse_graph(
        self: Any,
        dGraph: dict[int, Any],
        sCountry: str = "FR",
        dOptions: dict[str, bool] | None = None,
        bShowRuleId: bool = False,
        bDebug: bool = False,
        bContext: bool = False,
    ) -> str:
        if bDebug:
            return str(original(self, dGraph, sCountry, dOptions, bShowRuleId, bDebug, bContext))
        known = graphs.get(id(dGraph))
        if known is None or known.graph is not dGraph:
            known = graphs[id(dGraph)] = _Graph(dGraph, generation)
        rules = known.rules
        get_matches = self._getMatches
        execute = self._executeActions
        step = known.step
        young = known.young
        pointers: list[tuple[int, int]] = []
        changed = False
        for iToken, dToken in enumerate(self.lTokens):
            morph = dToken.get("lMorph")
            tags = dToken.get("aTags")
            token = (
                dToken["sValue"],
                dToken["sType"],
                tuple(morph) if morph is not None else None,
                frozenset(tags) if tags else None,
            )
            memo = young.get(token)
            if memo is None:
                memo = known.of(token)
                young = known.young
            following: list[tuple[int, int]] = []
            firing: list[tuple[int, Any]] = []
            for first, node in pointers:
                targets = memo.get(node)
                if targets is None:
                    targets = memo[node] = step(get_matches, dToken, node)
                if targets is _NOWHERE:
                    continue
                if type(targets) is int:
                    if targets < 0:
                        targets = ~targets
                        firing.append((first, rules[targets]))
                    following.append((first, targets))
                    continue
                for target in targets:  # type: ignore[union-attr]
                    if target < 0:
                        target = ~target
                        firing.append((first, rules[target]))
                    following.append((first, target))
            targets = memo.get(_ROOT)
            if targets is None:
                targets = memo[_ROOT] = step(get_matches, dToken, _ROOT)
            if type(targets) is int:
                targets = (targets,)
            for target in targets:  # type: ignore[union-attr]
                if target < 0:
                    target = ~target
                    firing.append((iToken, rules[target]))
                following.append((iToken, target))
            pointers = following
            for first, found in firing:
                if execute(
                    dGraph,
                    found,
                    first - 1,
                    iToken,
                    dOptions,
                    sCountry,
                    bShowRuleId,
                    bDebug,
                    bContext,
                ):
                    changed = True
        if changed:
            self.rewriteFromTags(bDebug)
        return str(self.sSentence)

    return parse_graph


def _literal(node: dict[str, Any], value: str, kind: str) -> list[int]:
    """What `_getMatches` gives at a node whose only arcs are token values and token types
    (no jump): the same arcs tried in the same order."""
    out: list[int] = []
    if value in node:
        out.append(node[value])
    if value[0:2].istitle():
        low = value.lower()
        if low in node:
            out.append(node[low])
    elif value.isupper():
        low = value.lower()
        if low in node:
            out.append(node[low])
        cap = value.capitalize()
        if cap in node:
            out.append(node[cap])
    meta = node.get("<meta>")
    if meta is not None:
        for sMeta, target in meta.items():
            if sMeta == "*" or kind == sMeta or ("¬" in sMeta and kind not in sMeta):
                out.append(target)
    return out
