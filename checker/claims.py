"""Claims: what extraction finds in a sentence, with its qualifiers and evidence."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from checker.rulebook import ClaimKind, SubjectType, Tense


class Evidence(BaseModel):
    """Where a claim was read: document, sentence and character offsets, and by which rule."""

    model_config = ConfigDict(frozen=True)

    document: str
    sentence: str
    sentence_start: int = Field(description="Offset of the sentence in the document text.")
    start: int = Field(description="Offset of the claim's span in the document text.")
    end: int
    text: str = Field(description="The claim's span, exactly as in the document.")
    rule: str = Field(description="Full id of the rule that extracted the claim.")
    pattern: str = Field(description="Name of the rule's pattern that matched.")


class Qualifiers(BaseModel):
    """Words around a claim that limit what it asserts."""

    model_config = ConfigDict(frozen=True)

    hedge: str | None = Field(
        None, description="'more than', 'about'...: the value is an interval."
    )
    tense: Tense = "current"
    markers: tuple[str, ...] = Field(
        (), description="Tense and modality words seen: 'former', 'will'..."
    )
    change: bool = Field(False, description="The sentence says the value is new or changed.")
    revision: bool = Field(False, description="The sentence says an earlier plan changed.")
    interim: bool = False
    attribution: str | None = Field(None, description="'according to X', 'reportedly'...")
    disputed: bool = Field(
        False,
        description="The sentence denies the value or calls it wrong: not the source's own claim.",
    )
    reference: bool = Field(
        False,
        description="A figure another is measured against ('surpassing the $90 million deal').",
    )
    generic: bool = Field(
        False,
        description="A general statement ('a magnitude 6 quake can...'), not about the story.",
    )
    scope: str | None = Field(None, description="A place or population the value is limited to.")
    whole: bool = Field(
        False, description="The value explicitly covers the whole ('combined', 'nationwide')."
    )
    population: str | None = Field(
        None, description="'of its 770 staff': the whole the count is part of."
    )
    when: str | None = Field(None, description="A time expression that dates the claim.")
    actor: str | None = Field(
        None,
        description="The organisation a sentence opening with a descriptor ('The team made its "
        "offer') is about: the one named before (checker.qualifiers.described_actor).",
    )


class Claim(BaseModel):
    """One factual claim as written, before normalisation."""

    model_config = ConfigDict(frozen=True)

    kind: ClaimKind
    subject: str = Field(description="The entity mention as written (pronouns already resolved).")
    subject_type: SubjectType = "any"
    subject_mention: str | None = Field(
        None, description="The words in the text when they differ (he, the company)."
    )
    alternatives: tuple[str, ...] = Field(
        (),
        description="Other organisations an ambiguous 'the company' may stand for; normalise picks one.",
    )
    attribute: str
    policy: str | None = Field(
        None, description="The comparison policy's name, when it is not the attribute's."
    )
    value: str = Field(description="The value as written.")
    object: str | None = Field(None, description="The other party of a relation (the investee...).")
    object_alternatives: tuple[str, ...] = Field(
        (), description="Like `alternatives`, for the object."
    )
    org: str | None = Field(None, description="The organisation a title is held at.")
    counted: str | None = Field(
        None, description="The noun a count counts ('rifle'); None for people or a bare number."
    )
    qualifiers: Qualifiers = Field(default_factory=Qualifiers)
    evidence: Evidence
