"""Discrepancies: what the comparison reports, with every supporting quote, and their ids."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from checker.rulebook import Severity, Tense

SEVERITY_ORDER: dict[str, int] = {"contradiction": 3, "warning": 2, "info": 1}
LISTED_VALUES = 100  # a discrepancy lists its first 100 values and counts the rest
LISTED_CLAIMS = 100  # a value lists its first 100 claims and counts the rest

Kind = Literal[
    "conflicting_values",
    "exclusive_titles",
    "bound_vs_value",
    "weekday_mismatch",
    "age_mismatch",
    "possible_birthday",
    "changed_over_time",
    "name_spelling",
]
KIND_DESCRIPTIONS: dict[str, str] = {
    "conflicting_values": "The values cannot all be true for the same subject at the same time and scope.",
    "exclusive_titles": "One person is given two offices nobody holds at once (rules/titles.yaml groups).",
    "bound_vs_value": "A bound ('more than', 'up to', 'a minority') is compatible with a figure but less precise.",
    "weekday_mismatch": "Sources give different weekdays for the same calendar date.",
    "age_mismatch": "Ages that no birthday between the publication dates can explain.",
    "possible_birthday": "Ages one year apart that only a birthday between the publication dates could explain.",
    "changed_over_time": "Values that differ because they hold at different times (former, will, new dates).",
    "name_spelling": "Sources spell one person's given name two ways (checker/spellings.py).",
}


class ClaimRef(BaseModel):
    """One quote supporting a value: where it is, and what qualifies it."""

    model_config = ConfigDict(frozen=True)

    document: str
    text: str = Field(description="The claim's span as it appears in the document.")
    sentence: str
    start: int
    end: int
    rule: str
    published: dt.date | None = None
    as_of: str | None = Field(
        None, description="When the value holds, as read from the text or the date."
    )
    tense: Tense = "current"
    hedge: str | None = None
    scope: str | None = None
    attribution: str | None = None


class DiscrepancyValue(BaseModel):
    """A distinct normalised value and every claim that supports it."""

    model_config = ConfigDict(frozen=True)

    value: str
    claims: list[ClaimRef] = Field(
        description=f"The claims that support the value, by position; the first {LISTED_CLAIMS}."
    )
    unlisted_claims: int | None = Field(
        None,
        description=f"How many more claims support the value (set past {LISTED_CLAIMS}).",
    )

    @model_serializer(mode="wrap")
    def _serialise(self, handler: SerializerFunctionWrapHandler) -> dict:
        return drop_when_unset(handler(self), "unlisted_claims")


BaselineStatus = Literal["known", "accepted", "false_positive"]


def drop_when_unset(data: dict, *names: str) -> dict:
    """Leave out optional fields that are None, so reports without them serialise as before."""
    for name in names:
        if data.get(name, ...) is None:
            del data[name]
    return data


class BaselineMark(BaseModel):
    """How a discrepancy stands against the baseline the run was checked with."""

    model_config = ConfigDict(frozen=True)

    state: Literal["new", "known"] = Field(
        description="new: not in the baseline (fails the run at or above --fail-on); known: in it."
    )
    status: BaselineStatus | None = Field(
        None, description="The triage status the baseline records (known ones only)."
    )
    note: str | None = Field(None, description="The triage note the baseline records.")
    replaces: list[str] = Field(
        default_factory=list,
        description="Ids of baseline entries about the same subject, attribute and scope that "
        "no longer occur: a value was added or changed.",
    )
    severity_was: Severity | None = Field(
        None,
        description="The lower severity the baseline recorded for this id: it rose (say, ages "
        "a birthday explained that now no birthday does), so it counts as new.",
    )


class Discrepancy(BaseModel):
    """Sources that disagree about one attribute of one subject."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(
        description="Stable fingerprint: subject, attribute, scope and the set of values."
    )
    severity: Severity
    kind: Kind
    subject: str
    attribute: str
    scope: str | None = None
    summary: str
    explanation: str
    values: list[DiscrepancyValue] = Field(
        min_length=2,
        description=f"The values, by where they are first stated; the first {LISTED_VALUES}.",
    )
    unlisted_values: int | None = Field(
        None,
        description=f"How many more values the sources give (set past {LISTED_VALUES}); "
        "the id counts them all.",
    )
    baseline: BaselineMark | None = Field(
        None, description="Set when the run was checked against a baseline (--baseline)."
    )
    # Where the claims of unlisted values are, so that they name the discrepancy they support.
    _unlisted_support: tuple[tuple[str, int, int, str], ...] = PrivateAttr(default=())

    @model_serializer(mode="wrap")
    def _serialise(self, handler: SerializerFunctionWrapHandler) -> dict:
        return drop_when_unset(handler(self), "unlisted_values", "baseline")

    def supported_also_by(self, keys: list[tuple[str, int, int, str]]) -> Discrepancy:
        """The discrepancy, also supported by claims it does not list (see `supports`)."""
        self._unlisted_support = tuple(keys)
        return self

    def supports(self) -> list[tuple[str, int, int, str]]:
        """Where every claim that supports it is, listed or not (see `support_key`)."""
        listed = [support_key(ref) for value in self.values for ref in value.claims]
        return listed + list(self._unlisted_support)


def support_key(claim) -> tuple[str, int, int, str]:
    """Where a claim (a ClaimRef or an Evidence) is: document, offsets and rule."""
    return (claim.document, claim.start, claim.end, claim.rule)


def fingerprint(
    subject: str,
    attribute: str,
    scope: str | None,
    value_keys: list[str],
    *,
    over_time: bool = False,
) -> str:
    """The id of a discrepancy: what it is about, never where it was found.

    A hash of the normalised subject, attribute and scope, the set of normalised value keys
    and whether it is a change over time or a disagreement (so a change that turns into a
    contradiction is new). File names, order, offsets, wording and how many sources repeat a
    value play no part.
    """
    parts = [
        subject.casefold(),
        attribute.casefold(),
        (scope or "").casefold(),
        *sorted(set(value_keys)),
    ]
    if over_time:
        parts.append("\x1echanged_over_time")
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"d-{digest[:10]}"
