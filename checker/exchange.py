"""Exchange: an amount in another currency, converted at the rate of its article's month.

'£1.2m' in an article of September 2013 is about $1.9 million at that month's average rate
(rules/rates.yaml); the converted interval is kept on the value as a conversion, the way a
conversion written in parentheses is, so that compare can set it against a dollar figure.
An undated article, or a month with no rate, converts nothing.
"""

from __future__ import annotations

import datetime as dt
import functools
import math

from checker.rulebook import Rulebook
from checker.values import Value

BASE = "USD"


@functools.lru_cache(maxsize=8)
def _rates(rulebook: Rulebook) -> dict[tuple[str, str], float]:
    """(month, currency) -> US dollars per unit, over every pack's rates."""
    return {
        (rate.month, rate.currency): rate.usd for table in rulebook.exchange for rate in table.rates
    }


def usd_rate(currency: str, published: dt.date | None, rulebook: Rulebook) -> float | None:
    """US dollars per unit of `currency` in the month of `published` (None when not known)."""
    if published is None:
        return None
    if currency == BASE:
        return 1.0
    return _rates(rulebook).get((published.strftime("%Y-%m"), currency))


def with_dated_conversion(value: Value, published: dt.date | None, rulebook: Rulebook) -> Value:
    """The value with its amount in US dollars at its article's rate, when that is known.

    A dollar amount gets the other currencies of its month the same way, so that either
    side of a pair can be converted. A conversion the text wrote itself is kept.
    """
    if value.type != "quantity" or not value.unit or published is None:
        return value
    own = usd_rate(value.unit, published, rulebook)
    if own is None:
        return value
    month = published.strftime("%Y-%m")
    written = {unit for unit, _, _ in value.conversions}
    targets = [BASE] + sorted(c for m, c in _rates(rulebook) if m == month)
    added = []
    for target in targets:
        if target in (value.unit, *written):
            continue
        rate = own / usd_rate(target, published, rulebook)
        low, high = value.interval()
        added.append((target, _times(low, rate), _times(high, rate)))
    if not added:
        return value
    return value.model_copy(update={"conversions": (*value.conversions, *added)})


def _times(number: float, rate: float) -> float:
    return number if math.isinf(number) else number * rate
