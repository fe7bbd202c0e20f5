"""Literal prefilters: which rule patterns can possibly match a sentence, decided in one scan.

Most sentences match no rule, and running ~100 large regexes over every sentence is what
extraction used to spend its time on. Every pattern (and its rule's trigger) is analysed
once: from its parse tree we derive clauses of literals, such as {"invested", "invests",
"poured", ...} and {"in"}, with the guarantee that any text the pattern matches contains at
least one literal of every clause. One Aho-Corasick scan of a sentence finds every literal it
contains; only the patterns whose clauses are all satisfied are run. The filter is a
necessary condition, never a guess: the same hits come out, in the same order.

Literals are compared case-insensitively (text and literals both go through `fold`), which
is weaker than the patterns' own case rules but never wrong. Constructs the analysis does not
understand count as "could be anything", which only makes the filter less selective.
"""

from __future__ import annotations

import functools
import operator
import unicodedata
from dataclasses import dataclass

import ahocorasick
import regex
from regex import _regex_core as core

from checker.per_rulebook import PerRulebook
from checker.rulebook import _MACRO, CompiledRule, Rulebook, expand

MAX_EXACT = 16  # largest set of exact strings kept before it turns into a clause
# Characters that case-insensitive regex matching equates with an ASCII letter although
# str.lower() does not map them to it (tests/test_prefilter.py checks this list is complete).
_FOLD_EXTRA = {"\u017f": "s", "\u212a": "k", "\u0130": "i"}
_FOLD_TABLE = str.maketrans(_FOLD_EXTRA)
_CONTEXTUAL = frozenset("\u03a3\u03c3\u03c2")  # sigma: its lower case depends on context


@functools.lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """The form in which literals are looked for: lower case, odd case variants mapped.

    Cached: one sentence is folded for the rules' filter, the value shapes and the game clock.
    """
    return text.translate(_FOLD_TABLE).lower()


@dataclass(frozen=True)
class Info:
    """What a regex node guarantees about the text it matches."""

    exact: frozenset[str] | None  # it matches exactly one of these strings (None: unknown)
    clauses: tuple[frozenset[str], ...] = ()  # each: the match contains one of these

    def as_clauses(self) -> tuple[frozenset[str], ...]:
        """The guarantee as clauses only."""
        if self.exact is not None and "" not in self.exact:
            return (self.exact,)
        return self.clauses


EMPTY = Info(frozenset({""}))
_PLACEHOLDER = 0xF0000  # supplementary private use area: one code point per macro


def _is_placeholder(code: int) -> bool:
    return _PLACEHOLDER <= code < _PLACEHOLDER + 0xFFFD


ANY = Info(None)


def required_literals(
    pattern: str, flags: int = regex.V0, named_lists: dict | None = None
) -> tuple[frozenset[str], ...]:
    """Clauses of folded literals that every match of `pattern` contains (empty: no filter).

    `named_lists` are the lists the pattern's named-list references use (as regex.compile).
    """
    try:
        tree = _parse(pattern, flags, named_lists=named_lists)
    except Exception:  # noqa: BLE001 - an unparsable pattern simply gets no prefilter
        return ()
    clauses = _walk(tree).as_clauses()
    return tuple(sorted(set(clauses), key=_selectivity))


def _parse(pattern: str, flags: int, strict: bool = False, named_lists: dict | None = None):
    """The parse tree `regex` builds for a pattern (strict: refuse unscoped inline flags)."""
    global_flags = flags
    while True:
        source = core.Source(pattern)
        info = core.Info(global_flags, source.char_type, dict(named_lists or {}))
        info.guess_encoding = core.UNICODE
        source.ignore_space = bool(info.flags & regex.VERBOSE)
        try:
            tree = core._parse_pattern(source, info)
        except core._UnscopedFlagSet:
            if strict:
                raise
            global_flags = info.global_flags
            continue
        if not source.at_end():
            raise ValueError("unbalanced parenthesis")
        return tree


def _selectivity(clause: frozenset[str]) -> tuple:
    """Sort key: clauses of long literals first (they are rarer), then smaller clauses."""
    return (-min(len(s) for s in clause), len(clause), sorted(clause))


def _walk(node, macro=None) -> Info:
    kind = type(node)
    if kind is core.Sequence:
        return _sequence([_walk(item, macro) for item in node.items])
    if kind in (core.Branch, core.StringSet):  # a named list \L<name> is a branch of strings
        return _branch([_walk(b, macro) for b in node.branches])
    if kind in (core.Group, core.Atomic):
        return _walk(node.subpattern, macro)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        inner = _walk(node.subpattern, macro)
        if node.min_count == 0:
            optional = node.max_count == 1 and inner.exact is not None
            return Info(inner.exact | {""}) if optional else ANY  # 'a\.?m': "am" or "a.m"
        if node.min_count == node.max_count == 1:
            return inner
        return Info(None, inner.as_clauses())
    if kind is core.Character:
        if macro is not None and node.positive and _is_placeholder(node.value):
            return macro(node.value, bool(node.case_flags & regex.IGNORECASE))
        return _character(node)
    if kind is core.LookAround or (
        issubclass(kind, core.ZeroWidthBase) and kind is not core.Failure
    ):
        return EMPTY
    return ANY


def _character(node) -> Info:
    if not node.positive or node.zerowidth:
        return ANY
    char = chr(node.value)
    if node.case_flags & regex.FULLCASE:
        return ANY
    if node.case_flags & regex.IGNORECASE:
        if char.isascii():
            return Info(frozenset({char.lower()}))
        return Info(frozenset({char})) if is_caseless(char) else ANY
    folded = fold(char)
    if len(folded) != 1 or char in _CONTEXTUAL or folded in _CONTEXTUAL:
        return ANY
    return Info(frozenset({folded}))


def is_caseless(char: str) -> bool:
    """A symbol, punctuation mark or digit without case ('€'): ignoring case, it matches itself only."""
    caseless = char.lower() == char.upper() == char.casefold() == char
    return caseless and unicodedata.category(char)[0] in "SPN"


def _sequence(items: list[Info]) -> Info:
    """Adjacent exact parts join into longer literals; anything else separates them."""
    clauses: list[frozenset[str]] = []
    run: frozenset[str] | None = frozenset({""})
    whole = True  # every item so far was exact and joined into `run`
    for item in items:
        if item.exact is None:
            clauses.extend(_flush(run))
            clauses.extend(item.clauses)
            run, whole = None, False
        elif run is not None and len(run) * len(item.exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in item.exact)
        else:
            clauses.extend(_flush(run))
            run, whole = item.exact, False
    if whole and run is not None:
        return Info(run)
    clauses.extend(_flush(run))
    return Info(None, tuple(clauses))


def _flush(run: frozenset[str] | None) -> list[frozenset[str]]:
    return [run] if run is not None and "" not in run else []


def _branch(infos: list[Info]) -> Info:
    if all(i.exact is not None for i in infos):
        union = frozenset().union(*(i.exact for i in infos))
        if len(union) <= MAX_EXACT:
            return Info(union)
        return Info(None, (union,)) if "" not in union else ANY
    best = []
    for info in infos:
        clauses = info.as_clauses()
        if not clauses:
            return ANY
        best.append(min(clauses, key=_selectivity))
    return Info(None, (frozenset().union(*best),))


# --- the matcher ------------------------------------------------------------------------------


_value = operator.itemgetter(1)  # of an automaton's (end, value) pairs


class LiteralIndex:
    """One automaton over the literals of numbered requirements; answers which may hold."""

    def __init__(self, requirements: list[tuple[frozenset[str], ...]]) -> None:
        literals = sorted({lit for clauses in requirements for c in clauses for lit in c})
        ids = {lit: i for i, lit in enumerate(literals)}
        self._automaton = ahocorasick.Automaton()
        for literal, index in ids.items():
            self._automaton.add_word(literal, index)
        if literals:
            self._automaton.make_automaton()
        self._empty = not literals
        # The first (most selective) clause of each requirement is indexed: literal id ->
        # bitmask of the requirements it may satisfy; the other clauses are checked after.
        self._first: dict[int, int] = {}
        self._rest: list[tuple[frozenset[int], ...]] = []
        self._always = 0
        for position, clauses in enumerate(requirements):
            id_clauses = [frozenset(ids[lit] for lit in clause) for clause in clauses]
            self._rest.append(tuple(id_clauses[1:]))
            if not id_clauses:
                self._always |= 1 << position
            for index in id_clauses[0] if id_clauses else ():
                self._first[index] = self._first.get(index, 0) | 1 << position

    def possible(self, text: str) -> list[int]:
        """The requirements (by number, ascending) that the literals in `text` satisfy."""
        present = set() if self._empty else set(map(_value, self._automaton.iter(fold(text))))
        mask = self._always
        first = self._first
        for index in present:
            mask |= first.get(index, 0)
        found = []
        while mask:
            low = mask & -mask
            position = low.bit_length() - 1
            mask ^= low
            for clause in self._rest[position]:
                if clause.isdisjoint(present):
                    break
            else:
                found.append(position)
        return found


class MacroAnalyser:
    """`required_literals` for patterns written with {MACRO}s, analysing each macro once.

    Expanded patterns are large (a title alternation appears in many of them) and parsing
    them is slow; here each {MACRO} becomes a private-use placeholder character whose Info is
    computed from its definition, once per case context.
    """

    def __init__(self, definitions: dict[str, str], named_lists: dict | None = None) -> None:
        self.definitions = definitions
        self.named_lists = named_lists or {}
        self.names = sorted(definitions)
        self._codes = {name: _PLACEHOLDER + i for i, name in enumerate(self.names)}
        self._infos: dict[tuple[str, bool], Info] = {}
        self._starts: dict[tuple[str, bool], tuple] = {}  # per macro: (_first, _exact)

    def literals(self, source: str, expanded: str) -> tuple[frozenset[str], ...]:
        """Clauses for a pattern `source` whose macro expansion is `expanded`."""
        try:
            if expand(source, self.definitions) != expanded:
                raise ValueError("the pattern was not expanded from this source")
            info = self._info(source, ci=False)
        except Exception:  # noqa: BLE001 - fall back to parsing the whole expansion
            return required_literals(expanded, named_lists=self.named_lists)
        return tuple(sorted(set(info.as_clauses()), key=_selectivity))

    def _info(self, source: str, ci: bool) -> Info:
        if any(_is_placeholder(ord(c)) for c in source):
            raise ValueError("pattern contains placeholder characters")
        marked = _MACRO.sub(lambda m: f"(?:{chr(self._codes[m.group(1)])})", source)
        tree = _parse(
            f"(?i:{marked})" if ci else marked,
            regex.V0,
            strict=True,
            named_lists=self.named_lists,
        )
        return _walk(tree, self._macro)

    def starts(self, source: str, expanded: str) -> Starts | None:
        """match_starts for a pattern `source` whose expansion is `expanded`, macro by macro."""
        try:
            if expand(source, self.definitions) != expanded:
                raise ValueError("the pattern was not expanded from this source")
            first = _first(self._marked(source, ci=False), self._macro_starts)
        except Exception:  # noqa: BLE001 - no start index for this pattern
            return None
        if first is None or first[3]:
            return None
        return Starts(*first[:3])

    def _marked(self, source: str, ci: bool):
        if any(_is_placeholder(ord(c)) for c in source):
            raise ValueError("pattern contains placeholder characters")
        marked = _MACRO.sub(lambda m: f"(?:{chr(self._codes[m.group(1)])})", source)
        return _parse(
            f"(?i:{marked})" if ci else marked, regex.V0, strict=True, named_lists=self.named_lists
        )

    def _macro_starts(self, code: int, ci: bool) -> tuple[_First | None, frozenset[str] | None]:
        key = (self.names[code - _PLACEHOLDER], ci)
        if key not in self._starts:
            tree = self._marked(self.definitions[key[0]], ci)
            self._starts[key] = (
                _first(tree, self._macro_starts),
                _exact(tree, self._macro_starts),
            )
        return self._starts[key]

    def _macro(self, code: int, ci: bool) -> Info:
        key = (self.names[code - _PLACEHOLDER], ci)
        if key not in self._infos:
            self._infos[key] = self._info(self.definitions[key[0]], ci)
        return self._infos[key]


class RuleFilter:
    """The rules of a rulebook with the literal requirements of each pattern and trigger."""

    def __init__(self, rulebook: Rulebook) -> None:
        analyser = MacroAnalyser(rulebook.definitions, getattr(rulebook, "word_lists", None))
        self._patterns: list[tuple[CompiledRule, str, regex.Pattern]] = []
        requirements = []
        for rule in rulebook.rules:
            trigger: tuple[frozenset[str], ...] = ()
            if rule.trigger is not None and rule.rule.trigger is not None:
                trigger = analyser.literals(f"(?i:{rule.rule.trigger})", rule.trigger.pattern)
            for source, (name, compiled) in zip(rule.rule.patterns, rule.compiled, strict=True):
                self._patterns.append((rule, name, compiled))
                requirements.append(trigger + analyser.literals(source.regex, compiled.pattern))
        self.index = LiteralIndex(requirements)

    def candidates(self, text: str):
        """(rule, [(name, compiled pattern)]) for each rule some pattern of which may match."""
        current: CompiledRule | None = None
        patterns: list[tuple[str, regex.Pattern]] = []
        for position in self.index.possible(text):
            rule, name, compiled = self._patterns[position]
            if rule is not current:
                if patterns:
                    yield current, patterns
                current, patterns = rule, []
            patterns.append((name, compiled))
        if patterns:
            yield current, patterns


rule_filter_for: PerRulebook[RuleFilter] = PerRulebook(RuleFilter)
"""The RuleFilter of a rulebook, built once (`rule_filter_for.remember` takes a cached one)."""


# --- where a match can start ------------------------------------------------------------------


@dataclass(frozen=True)
class Starts:
    r"""Where every match of a pattern begins: at a folded literal, a digit or a class's member.

    `classes` are case-sensitive character classes of the parse tree (`\p{Lu}`, `[A-Z]`): their
    `matches(code point)` is the `regex` module's own test.
    """

    literals: frozenset[str]
    digits: bool
    classes: frozenset = frozenset()


_DIGIT_VALUE = None  # the Property value of `\d`, read from regex itself on first use
_First = tuple[frozenset[str], bool, frozenset, bool]  # literals, digits, classes, may match ""
_CLASSES = (core.Property, core.Range, core.SetUnion, core.SetDiff, core.SetInter, core.SetSymDiff)


def match_starts(pattern: regex.Pattern) -> Starts | None:
    """Where the matches of `pattern` can begin, or None when unknown (or it may match "").

    A match begins where its first consumed character is: lookarounds and anchors consume
    nothing, so they are skipped. Like the literal filter, this is a necessary condition.
    """
    if pattern.flags & regex.REVERSE:
        return None
    try:
        tree = _parse(pattern.pattern, pattern.flags, named_lists=pattern.named_lists)
        first = _first(tree)
    except Exception:  # noqa: BLE001 - an unparsable pattern gets no start index
        return None
    if first is None or first[3]:
        return None
    return Starts(*first[:3])


def _first(node, macro=None) -> _First | None:
    """The starts of a node; `macro(code, ci)` gives (starts, exact) of a macro placeholder."""
    kind = type(node)
    if kind is core.Sequence:
        run = _exact_run(node.items, macro)
        if run:
            return run, False, frozenset(), False
        return _union([_first(item, macro) for item in node.items], sequence=True)
    if kind in (core.Branch, core.StringSet):
        return _union([_first(b, macro) for b in node.branches], sequence=False)
    if kind in (core.Group, core.Atomic):
        return _first(node.subpattern, macro)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        inner = _first(node.subpattern, macro)
        if inner is None or node.max_count == 0:
            return None
        return *inner[:3], inner[3] or node.min_count == 0
    if kind is core.Character:
        if macro is not None and node.positive and _is_placeholder(node.value):
            return macro(node.value, bool(node.case_flags & regex.IGNORECASE))[0]
        info = _character(node)
        return None if info.exact is None else (info.exact, False, frozenset(), False)
    if kind is core.Property and _is_digit(node):
        return frozenset(), True, frozenset(), False
    if kind in _CLASSES and node.case_flags == core.NOCASE and not node.zerowidth:
        return frozenset(), False, frozenset({node}), False
    if kind is core.LookAround or (
        issubclass(kind, core.ZeroWidthBase) and kind not in (core.Failure, core.Keep)
    ):
        return frozenset(), False, frozenset(), True
    return None


def _union(parts: list[_First | None], sequence: bool) -> _First | None:
    """The starts of a branch (any part), or of a sequence (its parts up to one that consumes)."""
    literals, digits, classes = frozenset(), False, frozenset()
    for part in parts:
        if part is None:
            return None
        literals, digits, classes = literals | part[0], digits or part[1], classes | part[2]
        if sequence and not part[3]:
            return literals, digits, classes, False
    return literals, digits, classes, sequence or any(p[3] for p in parts)  # type: ignore[index]


def _exact_run(items: list, macro=None) -> frozenset[str] | None:
    """The strings a sequence's leading exact items join into ('over', 'more than'), if any."""
    run = frozenset({""})
    for item in items:
        exact = _exact(item, macro)
        if exact is None or len(run) * len(exact) > MAX_EXACT:
            break
        run = frozenset(a + b for a in run for b in exact)
    return None if "" in run else run


def _exact(node, macro=None) -> frozenset[str] | None:
    """The folded strings a node matches, when there are at most MAX_EXACT (else None)."""
    kind = type(node)
    if kind is core.Character:
        if macro is not None and node.positive and _is_placeholder(node.value):
            return macro(node.value, bool(node.case_flags & regex.IGNORECASE))[1]
        return _character(node).exact
    if kind is core.Sequence:
        run = frozenset({""})
        for item in node.items:
            exact = _exact(item, macro)
            if exact is None or len(run) * len(exact) > MAX_EXACT:
                return None
            run = frozenset(a + b for a in run for b in exact)
        return run
    if kind in (core.Branch, core.StringSet):
        if len(node.branches) > MAX_EXACT:
            return None
        union: frozenset[str] = frozenset()
        for branch in node.branches:
            exact = _exact(branch, macro)
            if exact is None:
                return None
            union |= exact
        return union if len(union) <= MAX_EXACT else None
    if kind in (core.Group, core.Atomic):
        return _exact(node.subpattern, macro)
    if kind in (core.GreedyRepeat, core.LazyRepeat, core.PossessiveRepeat):
        inner = _exact(node.subpattern, macro) if node.max_count == 1 else None
        if inner is None or node.min_count > 1:
            return None
        return inner | {""} if node.min_count == 0 else inner
    if kind is core.LookAround or (
        issubclass(kind, core.ZeroWidthBase) and kind is not core.Failure
    ):
        return frozenset({""})
    return None


def _is_digit(node) -> bool:
    global _DIGIT_VALUE
    if _DIGIT_VALUE is None:
        _DIGIT_VALUE = _parse(r"\d", regex.V0).items[0].value
    return node.value == _DIGIT_VALUE and node.positive and not node.zerowidth
