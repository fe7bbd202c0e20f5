"""Values: a claim's value text becomes a typed, comparable value.

Numbers become intervals: a hedge ("more than", "about") sets the bound, and the precision a
figure is written with sets a rounding half-width ("$14 billion" covers 13.5 to 14.5 billion).
Titles become offices of the ontology; places go through the gazetteer; dates become spans.
"""

from __future__ import annotations

import functools
import math
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict

from checker.dates import DateSpan
from checker.lexicon import Lexicon
from checker.patterns import compiled, word_pattern
from checker.rulebook import Bound, Hedge, Office, StateLevel, Tense

ValueType = Literal[
    "quantity",
    "office",
    "person",
    "place",
    "date",
    "weekday",
    "tally",
    "text",
    "spelling",
    "state",
    "game_time",
]
_DIGITS = regex.compile(r"(?<![\w.])(\d{1,3}(?:, ?\d{3})+(?!\d)|\d+)(\.\d+)?")
_CONVERSION = regex.compile(r"\(([^()]*)\)\s*$")
_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}


class Value(BaseModel):
    """A normalised value; which fields are set depends on `type`."""

    model_config = ConfigDict(frozen=True)

    type: ValueType
    label: str
    low: float | None = None
    high: float | None = None
    point: float | None = None
    bound: Bound = "exact"
    precision: float = 0.0
    unit: str = ""
    conversions: tuple[tuple[str, float, float], ...] = ()
    office: str | None = None
    span: DateSpan | None = None
    weekday: int | None = None
    tally: tuple[float, ...] = ()

    @property
    def key(self) -> tuple:
        """Values with equal keys are the same value."""
        if self.type == "quantity":
            return (self.unit, self.bound, _round(self.point), _round(self.low), _round(self.high))
        if self.type == "office":
            return (self.office,)
        if self.type == "date" and self.span:
            return (self.span.start, self.span.end)
        if self.type == "weekday":
            return (self.weekday,)
        if self.type == "tally":
            return self.tally
        if self.type == "state":
            return (self.unit, self.point)
        if self.type == "game_time":
            return (self.low, self.high, self.unit, self.point)
        return (compiled(r"[^\p{L}\p{N}]+").sub(" ", self.label.casefold()).strip(),)

    def interval(self, unit: str | None = None) -> tuple[float, float] | None:
        """The values this one allows, in `unit` (a conversion in parentheses counts)."""
        if unit is None or unit == self.unit:
            return (
                self.low if self.low is not None else -math.inf,
                self.high if self.high is not None else math.inf,
            )
        for conv_unit, low, high in self.conversions:
            if conv_unit == unit:
                return (low, high)
        return None

    @property
    def is_bound(self) -> bool:
        """'more than', 'up to'...: the text gives a limit, not a figure."""
        return self.bound in ("lower", "at_least", "upper", "at_most", "range") or (
            self.type == "quantity"
            and self.low is not None
            and self.high is not None
            and self.bound == "exact"
            and self.point is None
        )


_SPACED_THOUSANDS = regex.compile(r"(?<=\d), (?=\d{3}(?!\d))")


def as_written(text: str) -> str:
    """A value's label: its text, with '1, 500' (text rebuilt from tokens) as '1,500'."""
    return _SPACED_THOUSANDS.sub(",", text.strip())


def _round(number: float | None) -> float | None:
    return None if number is None else round(number, 6)


# --- states -------------------------------------------------------------------------------


def state_value(text: str, scale: str, levels: list[StateLevel]) -> Value | None:
    """A level of a state scale: 'critical but stable' -> critical (the most severe written).

    `levels` run from the most severe; the level's rank is the value's point, the words as
    written its label ('stable', of level good). None when no level's word is in the text.
    """
    lowered = text.casefold()
    for rank, level in enumerate(levels):
        for word in level.words:
            if word_pattern(word).search(lowered):
                return Value(type="state", label=word, point=rank, unit=scale)
    return None


# --- numbers ------------------------------------------------------------------------------


def parse_number(text: str, lexicon: Lexicon) -> tuple[float, float] | None:
    """The number in `text` and the half-width its writing implies: '1,300' -> (1300, 50)."""
    match = _DIGITS.search(text)
    scale = _scale(text, lexicon, match.end() if match else 0)
    if match:
        whole, fraction = compiled(r", ?").sub("", match.group(1)), match.group(2) or ""
        number = float(whole + fraction)
        if fraction:
            half = 0.5 * 10 ** -(len(fraction) - 1)
        else:
            # Trailing zeros may be rounding, but at least two digits are taken as meant.
            trailing = len(whole) - len(whole.rstrip("0")) if whole != "0" else 0
            half = 0.5 * 10 ** min(trailing, max(len(whole) - 2, 0))
        return number * scale, half * scale
    words = compiled(r"[a-z]+(?:-[a-z]+)?").findall(text.lower())
    if " ".join(words) in lexicon.vocabulary.none_words:
        return 0.0, 0.0  # 'no one was hurt': 'one' is no count here
    total, current = 0.0, 0.0
    found = False
    number_words = lexicon.vocabulary.number_words
    for word in words:
        for part in word.split("-"):
            value = number_words.get(part)
            if value is None:
                continue
            found = True
            if value >= 100 and current:
                current *= value
                if value >= 1000:
                    total, current = total + current, 0.0
            else:
                current += value
    if not found:
        phrase = " ".join(words)
        value = next((v for k, v in number_words.items() if " " in k and k in phrase), None)
        return (value * scale, 0.0) if value else None
    return (total + current) * scale, 0.0


def _scale(text: str, lexicon: Lexicon, start: int) -> float:
    tail = text[start:].lower()
    match = compiled(r"(?:\s*|-)([a-z]+)\b").match(tail)  # '$137 million', '$137-million'
    if match and match.group(1) in lexicon.vocabulary.scale_words:
        return lexicon.vocabulary.scale_words[match.group(1)]
    return 1.0


_BETWEEN = regex.compile(r"^\s*between\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\s*$", regex.I)
_DASH = regex.compile(
    r"^\s*(?P<a>[^\d]{0,4}\d[\d,.]*(?:\s*[a-z]+)?)(?:\s*[-\u2013]\s*|\s+to\s+)"
    r"(?P<b>[^\d\s]{0,4}\s?\d.*?)\s*$",
    regex.I,
)


def number_range(text: str, lexicon: Lexicon) -> tuple[float, float] | None:
    """'between 700 and 750', '700-750', '$1bn-$2bn' -> the interval they span."""
    match = _BETWEEN.match(text) or _DASH.match(text)
    if not match:
        return None
    first, second = parse_number(match.group("a"), lexicon), parse_number(match.group("b"), lexicon)
    if first is None or second is None:
        return None
    (low, _), (high, _) = first, second
    if not _scale_word(match.group("a"), lexicon) and _scale_word(match.group("b"), lexicon):
        factor = lexicon.vocabulary.scale_words[_scale_word(match.group("b"), lexicon)]
        low *= factor
    if low > high:
        return None
    return low, high


def _scale_word(text: str, lexicon: Lexicon) -> str | None:
    found = compiled(r"\d\s*([a-z]+)\b").search(text.lower())
    return found.group(1) if found and found.group(1) in lexicon.vocabulary.scale_words else None


_ONE_IN = regex.compile(r"\b(?P<a>\w+)\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<b>\w+)\b", regex.I)


def measure(text: str, lexicon: Lexicon, tolerance: float | None = None) -> Value | None:
    """A quantity with a unit ('31,500 acres', '1,250 kg', '11 years') in the unit's base.

    Units of one dimension convert ('12,700 hectares' and '31,500 acres' compare); the
    dimension ('area', 'mass', 'duration'...) becomes the value's unit.
    """
    # the unit of the figure, not of a conversion after it: 'about 58km (36 miles)' is in km
    found = _unit(_CONVERSION.sub("", text), lexicon) or _unit(text, lexicon)
    if found is None:
        return quantity(text, lexicon, "", tolerance)
    phrase, (dimension, factor) = found
    # 'a mile and a half': the article before the unit is one of it
    read = compiled(rf"(?i)\ban?\s+(?={regex.escape(phrase)}\s+and\s+an?\s)").sub("one ", text)
    value = quantity(read.replace(phrase, " "), lexicon, dimension, tolerance)
    if value is None:
        return None
    scaled = {
        k: (getattr(value, k) * factor if getattr(value, k) is not None else None)
        for k in ("low", "high", "point")
    }
    return value.model_copy(
        update={**scaled, "precision": value.precision * factor, "label": as_written(text)}
    )


@functools.lru_cache(maxsize=16384)
def _unit(text: str, lexicon: Lexicon) -> tuple[str, tuple[str, float]] | None:
    units = lexicon.vocabulary.units
    for phrase in _longest_first(lexicon):
        match = _unit_pattern(phrase).search(text)
        if match:
            return match.group(0), units[phrase]
    return None


@functools.lru_cache(maxsize=8)
def _longest_first(lexicon: Lexicon) -> tuple[str, ...]:
    """The unit phrases of a lexicon, longest first (the first found is the unit)."""
    return tuple(sorted(lexicon.vocabulary.units, key=len, reverse=True))


@functools.lru_cache(maxsize=4096)
def _unit_pattern(phrase: str) -> regex.Pattern:
    return regex.compile(rf"(?<!\p{{L}}){regex.escape(phrase)}(?![\w])", regex.I)  # '58km' too


def tally(text: str, lexicon: Lexicon) -> Value | None:
    """A vote or score: '5-2', 'five votes to two', 'by 6 to 1' -> (5, 2)."""
    numbers = [
        parsed[0]
        for token in compiled(r"\d+|[A-Za-z]+").findall(text)
        if (parsed := parse_number(token, lexicon)) is not None
    ]
    if len(numbers) < 2:
        return None
    pair = (numbers[0], numbers[1])
    return Value(type="tally", label=f"{pair[0]:g}-{pair[1]:g}", tally=pair)


def _one_in(text: str, lexicon: Lexicon) -> float | None:
    match = _ONE_IN.search(text)
    if not match:
        return None
    part, whole = parse_number(match.group("a"), lexicon), parse_number(match.group("b"), lexicon)
    if not part or not whole or not whole[0]:
        return None
    return 100.0 * part[0] / whole[0]


def quantity(
    text: str, lexicon: Lexicon, unit: str = "", tolerance: float | None = None
) -> Value | None:
    """A number with its hedge as an interval, e.g. 'more than 1,500' -> (1500, inf)."""
    main, conversions = _split_conversion(text, lexicon)
    if unit == "%" and (share := _one_in(main, lexicon)) is not None:
        hedge = lexicon.hedge(main)
        bound = hedge[1].bound if hedge else "exact"
        low, high = _interval(share, 0.5, bound, 0.1)
        return Value(
            type="quantity",
            label=as_written(text),
            low=low,
            high=high,
            point=share,
            bound=bound,
            precision=0.5,
            unit=unit,
        )
    span = number_range(main, lexicon)
    if span is not None:
        return Value(
            type="quantity",
            label=as_written(text),
            low=span[0],
            high=span[1],
            bound="range",
            unit=unit,
            conversions=tuple(conversions),
        )
    hedge = lexicon.hedge(main)
    body = main[len(hedge[0]) :] if hedge else main
    parsed = parse_number(body, lexicon)
    if parsed is None:
        fraction = _fraction(body, lexicon)
        if fraction is None:
            return None
        low, high = fraction
        if hedge and hedge[1].bound == "approx":
            spread = (hedge[1].tolerance or 0.1) * (low + high) / 2
            low, high = low - spread, high + spread
        return Value(
            type="quantity", label=as_written(text), low=low, high=high, unit=unit, bound="exact"
        )
    number, half = parsed
    # 'almost $2 million' is just short of $2 million: the figure's rounding does not widen it.
    rounding = 0.0 if hedge and hedge[1].mark else half
    if tolerance is not None:
        half, rounding = max(half, tolerance), max(rounding, tolerance)
    bound = hedge[1].bound if hedge else "exact"
    width = _width(hedge[1], body) if hedge else 0.1
    low, high = _interval(number, rounding, bound, width)
    return Value(
        type="quantity",
        label=as_written(text),
        low=low,
        high=high,
        point=number,
        bound=bound,
        precision=half,
        unit=unit,
        conversions=tuple(conversions),
    )


def significant_digits(text: str) -> int:
    """The significant digits of the first figure in `text`: '102' -> 3, '1,300' -> 2, '2.50' -> 3."""
    match = _DIGITS.search(text)
    if not match:
        return 0
    whole = compiled(r", ?").sub("", match.group(1)).lstrip("0")
    fraction = (match.group(2) or "")[1:]
    if fraction:
        return len((whole + fraction).lstrip("0"))
    return len(whole.rstrip("0"))


def _width(hedge: Hedge, body: str) -> float:
    """The relative width of an approximation: narrower for a figure written precisely."""
    precise = hedge.precise
    if precise is not None and significant_digits(body) >= precise.digits:
        return precise.tolerance
    return hedge.tolerance if hedge.tolerance is not None else 0.1


def figures_agree(first: str, second: str, lexicon: Lexicon) -> bool:
    """Whether two figures, hedged as written, can both be right (their intervals overlap)."""
    values = [
        money(t, lexicon) if currency(t, lexicon) else quantity(t, lexicon) for t in (first, second)
    ]
    if values[0] is None or values[1] is None or values[0].unit != values[1].unit:
        return False
    (low_a, high_a), (low_b, high_b) = values[0].interval(), values[1].interval()
    return low_a < high_b and low_b < high_a


def _interval(
    number: float, half: float, bound: Bound, width: float
) -> tuple[float | None, float | None]:
    if bound == "lower":
        return number, None
    if bound == "at_least":
        return number, None
    if bound == "upper":
        return None, number
    if bound == "at_most":
        return None, number
    spread = max(abs(number) * width, half)
    if bound == "approx":
        return number - spread, number + spread
    if bound == "approx_below":
        return number - spread, number
    if bound == "approx_above":
        return number, number + spread
    return number - half, number + half


def _fraction(text: str, lexicon: Lexicon) -> tuple[float, float] | None:
    lowered = text.lower()
    for word, (low, high) in sorted(
        lexicon.vocabulary.fraction_words.items(), key=lambda kv: -len(kv[0])
    ):
        if word_pattern(word).search(lowered):
            return low, high
    return None


def _split_conversion(text: str, lexicon: Lexicon) -> tuple[str, list[tuple[str, float, float]]]:
    match = _CONVERSION.search(text)
    if not match:
        return text, []
    converted = money(match.group(1), lexicon)
    main = text[: match.start()].strip()
    if converted is None or converted.low is None or converted.high is None:
        return main, []
    return main, [(converted.unit, converted.low, converted.high)]


def currency(text: str, lexicon: Lexicon) -> str:
    """The ISO code of the currency in a money string ('' when none is written)."""
    vocabulary = lexicon.vocabulary
    for symbol in sorted(vocabulary.currencies, key=len, reverse=True):
        if symbol in text:
            return vocabulary.currencies[symbol]
    for letter, code in vocabulary.glued_currencies.items():
        if _glued(letter).search(text):
            return code  # 'e80 million'
    lowered = text.lower()
    for word in sorted(vocabulary.currency_words, key=len, reverse=True):
        if word_pattern(word).search(lowered):
            return vocabulary.currency_words[word]
    return ""


def _glued(letter: str) -> regex.Pattern:
    return compiled(rf"(?<![\w.,]){regex.escape(letter)}(?=\d)")


def money(text: str, lexicon: Lexicon) -> Value | None:
    """'more than $10 billion' -> an interval in USD; '(roughly £69bn)' is kept as a conversion."""
    main, _ = _split_conversion(text, lexicon)
    unit = currency(main, lexicon)
    for letter in lexicon.vocabulary.glued_currencies:
        text = _glued(letter).sub("", text)  # 'e80 million' is 80 million
    value = quantity(text, lexicon, unit=unit)
    if value is None:
        return None
    return value.model_copy(update={"label": money_label(value, lexicon)})


def money_label(value: Value, lexicon: Lexicon) -> str:
    """A canonical rendering: 'more than $10 billion'."""
    hedge = lexicon.hedge(value.label)
    prefix = (hedge[0].lower() + " ") if hedge else ""
    return (
        prefix + format_amount(value.point, value.unit) if value.point is not None else value.label
    )


def format_amount(number: float | None, unit: str) -> str:
    """1.43e10 USD -> '$14.3 billion'."""
    if number is None:
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            text = f"{number / size:.3f}".rstrip("0").rstrip(".") + f" {word}"
            break
    else:
        text = f"{number:,.2f}".rstrip("0").rstrip(".") if number % 1 else f"{number:,.0f}"
    symbol = _SYMBOLS.get(unit)
    if symbol:
        return symbol + text
    return f"{text} {unit}".strip()


# --- titles ---------------------------------------------------------------------------------


class OfficeUnit(BaseModel):
    """One office read from a title phrase, with the tense its modifiers give it."""

    model_config = ConfigDict(frozen=True)

    office: Office
    tense: Tense | None
    interim: bool = False


def offices(title: str, ontology: list[Office], lexicon: Lexicon) -> list[OfficeUnit]:
    """'co-founder and ex-CEO' -> [founder (no tense), chief executive (past)]."""
    by_name = {n.lower(): o for o in ontology for n in o.names}
    modifiers = lexicon.vocabulary.title_modifiers
    units: list[OfficeUnit] = []
    shared_tense: Tense | None = None
    for position, part in enumerate(compiled(r"\s*(?:,|\band\b|&)\s*").split(title.strip())):
        words = compiled(r"^(?:an?|the)\s+", regex.I).sub("", part.strip())
        tense: Tense | None = None
        interim = False
        while True:
            head = compiled(r"([A-Za-z]+-|[A-Za-z]+)\s*").match(words)
            if not head or head.group(1).lower() not in modifiers:
                break
            word = head.group(1).lower()
            interim = interim or word in ("interim", "acting")
            if modifiers[word] != "current" or tense is None:
                tense = modifiers[word] if modifiers[word] != "current" else tense
            words = words[head.end() :]
        if position == 0:
            shared_tense = tense
        office = by_name.get(words.lower().strip()) or _longest_office(words, by_name)
        if office is not None:
            units.append(OfficeUnit(office=office, tense=tense, interim=interim))
    if shared_tense and len(units) > 1 and all(u.tense is None for u in units[1:]):
        units = [units[0]] + [u.model_copy(update={"tense": shared_tense}) for u in units[1:]]
    return units


def _longest_office(words: str, by_name: dict[str, Office]) -> Office | None:
    lowered = words.lower()
    found = [
        (len(name), office)
        for name, office in by_name.items()
        if word_pattern(name).search(lowered)
    ]
    return max(found, key=lambda item: item[0])[1] if found else None


def office_value(unit: OfficeUnit) -> Value:
    """The value of one office."""
    label = ("interim " if unit.interim else "") + unit.office.label
    return Value(type="office", label=label, office=unit.office.id)


# --- times of day -------------------------------------------------------------------------

_CLOCK = regex.compile(
    r"(?<!\d)(?P<h>[01]?\d|2[0-3])(?:[:.]?(?P<m>[0-5]\d))?\s*(?P<ampm>a\.?m\b\.?|p\.?m\b\.?)?",
    regex.I,
)
_ZONE = regex.compile(r"\b(GMT|UTC|ET|EST|EDT|CST|CDT|PST|PDT|BST|CET|IST)\b")


def time_of_day(text: str, lexicon: Lexicon) -> Value | None:
    """'9 a.m.', 'just after 9am', '1353', '10:23 GMT' -> minutes after midnight, as an interval.

    A time written to the hour covers that hour; the time zone, when written, is the unit, so
    a local time and a GMT time are not compared.
    """
    hedge = lexicon.hedge(text)
    body = text[len(hedge[0]) :] if hedge else text
    match = _CLOCK.search(body)
    if match is None:
        return None
    hour, minutes = int(match.group("h")), int(match.group("m") or 0)
    ampm = (match.group("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    point = hour * 60 + minutes
    half = 30.0 if match.group("m") is None else 0.5
    bound = hedge[1].bound if hedge else "exact"
    low, high = _interval(point, half, bound, 0.0)
    if bound == "approx":
        low, high = point - 30.0, point + 30.0
    zone = _ZONE.search(text)
    return Value(
        type="quantity",
        label=f"{hour:02d}:{minutes:02d}" + (f" {zone.group(1)}" if zone else ""),
        low=low,
        high=high,
        point=point,
        bound=bound,
        precision=half,
        unit="time of day" + (f" {zone.group(1)}" if zone else ""),
    )


def unit_dimension(text: str, lexicon: Lexicon) -> str | None:
    """The dimension of the unit written in `text` ('58km' -> 'length'), if any."""
    found = _unit(text, lexicon)
    return found[1][0] if found else None
