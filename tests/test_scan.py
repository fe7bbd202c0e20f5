import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.documents import split_sentences
from checker.ingest import ingest
from checker.prefilter import Starts, match_starts
from checker.rulebook import load_rulebook
from checker.scan import StartIndex, WordAlternation, at_boundary, count_word, may_match
from checker.value_mentions import value_finder_for

ALPHABET = st.sampled_from(list("ab AB-'’._1\u0301é\n") + ["Smith", "Ann Smith", "Ann"])
TEXT = st.lists(ALPHABET, max_size=25).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_boundary_is_regex_word_boundary(text):
    expected = {m.start() for m in regex.finditer(r"\b", text)}
    assert {i for i in range(len(text) + 1) if at_boundary(text, i)} == expected


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from(["Smith", "Ann Smith", "a", "b-a", "Ann", "é"]))
def test_count_word_is_findall(text, word):
    plain = len(regex.findall(rf"\b{regex.escape(word)}\b", text))
    capital = len(regex.findall(rf"\b{regex.escape(word)}\b(?!\s+\p{{Lu}})", text))
    assert count_word(text, word) == plain
    assert count_word(text, word, not_before_capital=True) == capital


@settings(max_examples=300, deadline=None)
@given(TEXT, st.lists(st.sampled_from(["Smith", "Ann Smith", "Ann", "a", "ab", "b a"]), min_size=1))
def test_word_alternation_is_the_regex(text, words):
    words = list(dict.fromkeys(words))
    pattern = regex.compile(
        r"\b(?:" + "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b"
    )
    expected = [(m.start(), m.group(0)) for m in pattern.finditer(text)]
    assert WordAlternation(words).finditer(text) == expected


def test_may_match_is_false_only_without_the_literals():
    pattern = regex.compile(r"(?<![\w-])(?:earthquake|quake)(?![\w])", regex.I)
    assert may_match(pattern, "A QUAKE struck")
    assert not may_match(pattern, "A storm struck")


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


def test_match_starts_skip_lookarounds_and_read_literals_and_digits():
    starts = match_starts(regex.compile(r"(?<!of\s)(?:(?i:about|over)\s+)?(?<![\w.])\d+"))
    assert starts == Starts(frozenset({"about", "over"}), True)
    assert match_starts(regex.compile(r"a*")) is None  # may match "": no start index
    assert match_starts(regex.compile(r"(?i)\p{Lu}\w+")) is None  # a case-insensitive class
    classes = match_starts(regex.compile(r"\p{Lu}\w+")).classes
    assert len(classes) == 1


SYNTHETIC = [
    r"(?<!of\s)(?:(?i:about|over)\s+)?(?<![\w.])\d+(?:\.\d+)?",
    r"(?i:\L<WORD>)\s+\d+",
    r"\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)*,\s+\d{1,3}",
    r"(?i)(?:k|s|i)\w*",
    r"\bab?(?=\d)",
    r"[A-Z]{2,}|\d",
]
PIECES = ["about", "ABOUT", "over", "of 3", "12", "4.5", "\u0663", "ſ", "K", "İ", "Ann", "Smith"]
PIECES += [",", " ", "Kab", "ab1", "sk", "I", "x", ".7"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_start_index_finds_what_finditer_finds(text):
    patterns = [
        regex.compile(p, ignore_unused=True, WORD=["about", "Over", "ſome"]) for p in SYNTHETIC
    ]
    starts = StartIndex(patterns).scan(text)
    for number, pattern in enumerate(patterns):
        assert _spans(starts.finditer(number)) == _spans(pattern.finditer(text)), pattern.pattern


def test_start_index_finds_what_finditer_finds_for_the_bundled_shapes_and_rules():
    rulebook = load_rulebook()
    patterns = [p for _, p in value_finder_for(rulebook).shapes]
    patterns += [p for rule in rulebook.rules for _, p in rule.compiled]
    index = StartIndex(patterns)
    assert sum(s is not None for s in index.starts) >= 0.9 * len(patterns)
    texts = [e.text for r in rulebook.rules for e in r.rule.examples]
    texts += [e.text for shape in rulebook.open.values for e in getattr(shape, "examples", [])]
    for document in ingest(["seeds"]).documents:
        texts += [s.text for s in split_sentences(document.text, document.body_start, ())]
    found = 0
    for text in texts:
        starts = index.scan(text)
        for number, pattern in enumerate(patterns):
            expected = _spans(pattern.finditer(text))
            found += len(expected)
            assert _spans(starts.finditer(number)) == expected, (pattern.pattern[:60], text)
    assert found > 200


def test_start_index_timeout_bounds_the_whole_pattern():
    pattern = regex.compile(r"(?:a|aa)+b|c")
    starts = StartIndex([pattern]).scan("a" * 40 + "c")
    with pytest.raises(TimeoutError):
        list(starts.finditer(0, timeout=0.01))


SHARED_STARTS = [r"\d+", r"\d{2}", r"\d+\s", r"(?i:about)\s+\d", r"(?i:about)\w*", r"\d\.\d"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join))
def test_patterns_that_share_their_starts_share_one_candidate_list_and_find_their_own(text):
    patterns = [regex.compile(p) for p in SHARED_STARTS]
    index = StartIndex(patterns)
    assert index.groups[0] == index.groups[1] == index.groups[2] != index.groups[3]
    assert index.groups[3] == index.groups[4]
    starts = index.scan(text)
    for number in (5, 3, 0, 4, 1, 2):  # any order: a shared list is not consumed by a pattern
        expected = _spans(patterns[number].finditer(text))
        assert _spans(starts.finditer(number)) == expected, SHARED_STARTS[number]
