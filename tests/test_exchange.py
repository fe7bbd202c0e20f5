"""Exchange: amounts in pounds or euros convert at the rate of their article's month."""

from __future__ import annotations

import datetime as dt

import pytest

from checker import check
from checker.exchange import usd_rate, with_dated_conversion
from checker.lexicon import lexicon_for
from checker.rulebook import load_rulebook
from checker.values import money

RULEBOOK = load_rulebook()
LEXICON = lexicon_for(RULEBOOK)
EXAMPLES = [e for table in RULEBOOK.exchange for e in table.examples]


def test_every_rate_table_says_where_its_rates_come_from():
    assert RULEBOOK.exchange and all(t.source.strip() for t in RULEBOOK.exchange)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.amount for e in EXAMPLES])
def test_rate_examples(example):
    value = with_dated_conversion(money(example.amount, LEXICON), example.published, RULEBOOK)
    low, high = value.interval("USD")
    assert (low + high) / 2 == pytest.approx(example.usd, rel=0.01)


def test_an_undated_amount_converts_nothing():
    value = money("£1.2m", LEXICON)
    assert with_dated_conversion(value, None, RULEBOOK).interval("USD") is None
    assert usd_rate("GBP", dt.date(1900, 1, 1), RULEBOOK) is None


def test_a_dollar_amount_gets_the_currencies_of_its_month():
    value = with_dated_conversion(money("$2.5 million", LEXICON), dt.date(2013, 9, 9), RULEBOOK)
    assert value.interval("GBP") is not None and value.interval("EUR") is not None


def _flags(tmp_path, first: str, second: str, date: str = "2013-09-09"):
    corpus = tmp_path / "c"
    corpus.mkdir(parents=True)
    for name, sentence in (("a.txt", first), ("b.txt", second)):
        (corpus / name).write_text(f"date {date}\n\n{sentence}\n")
    return [d for d in check([str(corpus)]).discrepancies if d.severity != "info"]


def test_pounds_and_dollars_of_one_theft_compare_at_the_month_rate(tmp_path):
    first = "Thieves stole a necklace worth £1.2m from the Marlow Hotel."
    assert _flags(
        tmp_path / "x", first, "Thieves stole a necklace worth $2.5 million from the Marlow Hotel."
    )
    assert not _flags(
        tmp_path / "y", first, "Thieves stole a necklace worth $1.9 million from the Marlow Hotel."
    )


def test_pounds_and_euros_compare_through_dollars(tmp_path):
    first = "Thieves stole jewels worth £1.7m from the Marlow Hotel."
    assert not _flags(
        tmp_path, first, "Thieves stole jewels worth €2 million from the Marlow Hotel."
    )
