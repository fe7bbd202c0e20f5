import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.documents import split_sentences
from checker.ingest import ingest
from checker.prefilter import (
    _FOLD_EXTRA,
    MacroAnalyser,
    RuleFilter,
    fold,
    is_caseless,
    match_starts,
    required_literals,
    rule_filter_for,
)
from checker.rulebook import load_rulebook


def test_literals_of_a_sequence_and_alternation():
    assert set(required_literals(r"take\s+over\s+(?:on|from)\s+\d")) == {
        frozenset({"take"}),
        frozenset({"over"}),
        frozenset({"on", "from"}),
    }


def test_case_insensitive_and_optional_parts():
    assert set(required_literals(r"(?i:ABC)(?:xyz)*d")) == {frozenset({"abc"}), frozenset({"d"})}
    assert required_literals(r"(?i:ABC)(?:xyz)?d") == (frozenset({"abcd", "abcxyzd"}),)
    assert required_literals(r"a\.?m") == (frozenset({"am", "a.m"}),)
    assert required_literals(r"(?:abc|)") == ()
    assert required_literals(r"a*") == ()
    assert required_literals(r"(?:ab){2}") == (frozenset({"ab"}),)


def test_caseless_symbols_are_literals_ignoring_case():
    assert required_literals(r"(?i:€|£)\d") == (frozenset({"€", "£"}),)
    everything = "".join(map(chr, range(0x110000)))
    for code in range(0x110000):
        char = chr(code)
        for variant in {char.lower(), char.upper(), char.casefold()} - {char}:
            assert len(variant) > 1 or not is_caseless(variant), f"U+{code:04X}"
    for symbol in load_rulebook().word_lists["CURRENCY"]:
        if not symbol.isascii() and len(symbol) == 1:
            assert regex.findall(f"(?i){regex.escape(symbol)}", everything) == [symbol]


def test_lookarounds_do_not_split_literals():
    assert required_literals(r"ab(?=c)\bcd") == (frozenset({"abcd"}),)


def test_unparsable_pattern_gets_no_filter():
    assert required_literals(r"(unbalanced") == ()


def test_fold_covers_every_character_that_matches_an_ascii_letter_ignoring_case():
    letters = regex.compile(r"(?i)[a-z]")
    for code in range(0x110000):
        char = chr(code)
        if letters.fullmatch(char) and not char.isascii():
            assert char in _FOLD_EXTRA, f"U+{code:04X} matches an ASCII letter ignoring case"
            assert regex.fullmatch(f"(?i){_FOLD_EXTRA[char]}", char)
    for char, letter in _FOLD_EXTRA.items():
        assert fold(char) == letter


def test_macro_analysis_equals_analysis_of_the_expanded_pattern():
    rulebook = load_rulebook()
    analyser = MacroAnalyser(rulebook.definitions, rulebook.word_lists)
    for rule in rulebook.rules:
        for source, (_, compiled) in zip(rule.rule.patterns, rule.compiled, strict=True):
            assert analyser.literals(source.regex, compiled.pattern) == required_literals(
                compiled.pattern, named_lists=rulebook.word_lists
            ), rule.id


def test_most_bundled_patterns_get_a_filter():
    # Guards against the analysis silently degrading (e.g. if regex's parser changes).
    rulebook = load_rulebook()
    analysed = RuleFilter(rulebook)
    filtered = [
        position
        for position in range(len(analysed._patterns))
        if analysed.index._always & (1 << position) == 0
    ]
    assert len(filtered) >= 0.9 * len(analysed._patterns)


def _sentences(rulebook):
    texts = [e.text for r in rulebook.rules for e in r.rule.examples]
    for document in ingest(["seeds"]).documents:
        texts += [
            s.text
            for s in split_sentences(
                document.text, document.body_start, rulebook.vocabulary.abbreviations
            )
        ]
    return texts


def _possible_patterns(rulebook, text):
    return {
        (rule.id, name)
        for rule, patterns in rule_filter_for(rulebook).candidates(text)
        for name, _ in patterns
    }


def test_the_filter_never_drops_a_pattern_that_matches():
    rulebook = load_rulebook()
    checked = 0
    for text in _sentences(rulebook):
        possible = _possible_patterns(rulebook, text)
        for rule in rulebook.rules:
            if rule.trigger is not None and not rule.trigger.search(text):
                continue
            for name, pattern in rule.compiled:
                if pattern.search(text):
                    checked += 1
                    assert (rule.id, name) in possible, (rule.id, name, text)
    assert checked > 100


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Meta",
                "invested",
                "$14.3 billion",
                "in",
                "Scale AI",
                ",",
                "CEO",
                "Alexandr Wang",
                "chief executive",
                "64-year-old",
                "the company",
                "stake",
                "49%",
                "founded",
                "1999",
                "ſ",
                "K",
                "İ",
                "Friday",
                "17 November",
                "will",
                "take over",
                "on",
                "said",
                ".",
            ]
        ),
        min_size=1,
        max_size=14,
    )
)
def test_the_filter_is_sound_on_generated_sentences(words):
    rulebook = load_rulebook()
    text = " ".join(words)
    possible = _possible_patterns(rulebook, text)
    for rule in rulebook.rules:
        for name, pattern in rule.compiled:
            if pattern.search(text):
                assert (rule.id, name) in possible, (rule.id, name, text)


def test_macro_start_analysis_equals_analysis_of_the_expanded_pattern():
    rulebook = load_rulebook()
    analyser = MacroAnalyser(rulebook.definitions, rulebook.word_lists)
    pairs = [
        (s.regex, c)
        for r in rulebook.rules
        for s, (_, c) in zip(r.rule.patterns, r.compiled, strict=True)
    ]
    pairs += [(f"(?i:{r.rule.trigger})", r.trigger) for r in rulebook.rules if r.trigger]
    for source, pattern in pairs[::4]:
        assert analyser.starts(source, pattern.pattern) == match_starts(pattern), source


_SCOPE_WORDS = ["in", "Turkey", "alone", "ALONE", "only", "Only", "across", "the"]
_SCOPE_WORDS += ["country", "Syria"]
_SCOPE_WORDS += ["1,200", "died", ",", "within", "Aleppo", "for", "lone", "onl", "y"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SCOPE_WORDS), min_size=1, max_size=10))
def test_a_sentence_the_part_scope_prefilter_rejects_has_no_part_scope(words):
    from checker.lexicon import lexicon_for
    from checker.scan import may_match

    part_scope = lexicon_for(load_rulebook()).part_scope
    text = " ".join(words)
    if not may_match(part_scope, text):
        assert part_scope.search(text) is None, text
    assert may_match(part_scope, "1,200 died in Turkey alone")
    assert not may_match(part_scope, "1,200 died across the country")
