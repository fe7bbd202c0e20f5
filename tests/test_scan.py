import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.scan import WordAlternation, at_boundary, count_word, may_match

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
