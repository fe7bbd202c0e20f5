"""The HTML report: one self-contained page (inline CSS and JS, nothing loaded from anywhere).

The page is rendered by jinja2 with autoescaping from the same Report as the JSON, through a
small view model built here (quotes cut at the claims' offsets, articles cut into highlighted
segments, the sources matrix). Everything taken from a document is text: the template escapes
it, and only http(s) urls and relative file links become links. A strict Content-Security-
Policy lets only the page's own inline style and script run, pinned by their hashes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import quote, urlsplit

import jinja2
from markupsafe import Markup

from checker.discrepancies import KIND_DESCRIPTIONS, SEVERITY_ORDER, ClaimRef, Discrepancy
from checker.documents import Document
from checker.open_claims import is_open_rule
from checker.report import ClaimRecord, DocumentSummary, Report
from checker.visible import visible

SEVERITIES = ("contradiction", "warning", "info")
SEVERITY_MEANINGS = {
    "contradiction": "the values cannot all be true at once",
    "warning": "they differ but may be compatible",
    "info": "worth a look, not a disagreement",
}
LINK_SCHEMES = {"http", "https"}
MATRIX_COLUMNS = 40  # documents in the sources matrix; more would not be readable
# From this many discrepancies, quotes are cut around the claim and name their document by
# outlet alone (the article, with title and link, is one click away): the page stays small.
COMPACT_FROM = 1000
COMPACT_CONTEXT = 40
SHORT_LABEL = 28
CAPTION_TITLE = 80
VALUE_COLOURS = 6
_ANCHOR_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass
class Segment:
    """A run of an article's text, with the claims that cover it."""

    text: str
    tips: list[str] = field(default_factory=list)
    anchor: str | None = None
    target: str | None = None
    severity: str | None = None


@dataclass
class DocView:
    """A document as the page shows it: number, anchor, link and highlighted text."""

    summary: DocumentSummary
    source: Document | None
    number: int
    anchor: str
    href: str | None
    url_text: str | None
    segments: list[Segment] = field(default_factory=list)
    quotes: list[tuple[ClaimRecord, tuple[str, str, str]]] = field(default_factory=list)
    discrepancies: set[str] = field(default_factory=set)
    alone: int = 0

    @property
    def name(self) -> str:
        """The most telling name: outlet, else title, else file id."""
        return self.summary.outlet or self.summary.title or self.summary.id

    @property
    def short(self) -> str:
        """The name cut for a column header or a menu."""
        return _cut(self.name, SHORT_LABEL)

    def caption(self, compact: bool) -> str:
        """How a quote names its document: outlet and title (compact: the outlet alone)."""
        title = _cut(self.summary.title or self.summary.id, CAPTION_TITLE)
        outlet = self.summary.outlet
        if not outlet:
            return title
        return outlet if compact else f"{outlet}: {title}"

    @property
    def date(self) -> str:
        """The publication date, or 'undated'."""
        return self.summary.published.isoformat() if self.summary.published else "undated"

    @property
    def link_label(self) -> str:
        """What the link opens: the source online, or the file."""
        return "file" if self.url_text or not self.summary.url else "source"


@dataclass
class QuoteView:
    """A supporting quote: the sentence cut around the claim's span."""

    ref: ClaimRef
    doc: DocView | None
    before: str
    span: str
    after: str
    tags: list[str]
    claim_anchor: str | None


@dataclass
class ValueView:
    """One side of a discrepancy: a value and every quote that supports it."""

    letter: str
    colour: int
    value: str
    quotes: list[QuoteView]
    documents: list[int]


@dataclass
class Cell:
    """A filled cell of the sources matrix: the values one document backs."""

    column: int
    values: list[ValueView]
    alone: bool


@dataclass
class DiscrepancyView:
    """A discrepancy as a card of the page and a row of the sources matrix."""

    d: Discrepancy
    values: list[ValueView]
    status: str | None
    status_note: str | None
    cells: list[Cell] = field(default_factory=list)


@dataclass
class SubjectGroup:
    """The discrepancies about one subject."""

    subject: str
    discrepancies: list[DiscrepancyView]


def render_html(
    report: Report,
    destination: Path | None = None,
    generated: dt.datetime | None = None,
    **_: object,
) -> str:
    """The report as one self-contained HTML page.

    Args:
        report: The report to show; its sources (`Report.source`) give the articles' text.
        destination: Where the page will be written, so links to document files are relative
            to it (default: the current directory).
        generated: The run date shown in the header (default: now).
    """
    documents = _document_views(report, destination)
    by_id = {d.summary.id: d for d in documents}
    compact = len(report.discrepancies) >= COMPACT_FROM
    cards = [_discrepancy_view(d, by_id, compact) for d in _ordered(report.discrepancies)]
    columns = _fill_matrix(cards, documents)
    _segment_documents(report, documents, {c.d.id: c.d.severity for c in cards}, compact)
    css = _asset("report.css") + _matrix_css(len(columns))
    js = _asset("report.js")
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            report=report,
            groups=_groups(cards),
            cards=cards,
            documents=documents,
            involved=[d for d in documents if d.discrepancies],
            columns=columns,
            compact=compact,
            severities=SEVERITIES,
            meanings=SEVERITY_MEANINGS,
            kinds=Counter(c.d.kind for c in cards),
            kind_help=KIND_DESCRIPTIONS,
            subjects=sorted(Counter(c.d.subject for c in cards).items(), key=_casefold_first),
            statuses=Counter(c.status for c in cards if c.status),
            generated=(generated or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC"),
            css=Markup(css),
            js=Markup(js),
            csp=content_security_policy(css, js),
        )
    )


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("checker", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        finalize=_shown,
    )


def _shown(value: object) -> object:
    """Every value the template prints: control characters from a document made visible."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


@cache
def _asset(name: str) -> str:
    environment = _environment()
    assert environment.loader is not None
    return environment.loader.get_source(environment, name)[0]


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load; only this page's own style and script may run (pinned by hash)."""

    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    return (
        f"default-src 'none'; script-src {digest(js)}; style-src {digest(css)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


def _matrix_css(columns: int) -> str:
    """Grid columns of the sources matrix (rows list only their filled cells)."""
    places = "".join(f".c{n}{{grid-column:{n + 1}}}" for n in range(1, columns + 1))
    return f".mx{{--cols:{max(columns, 1)}}}{places}\n"


def _ordered(discrepancies: Iterable[Discrepancy]) -> list[Discrepancy]:
    """Subjects with the most severe discrepancy first; in a subject, most severe first."""
    items = list(discrepancies)
    worst: dict[str, int] = defaultdict(int)
    for d in items:
        worst[d.subject] = max(worst[d.subject], SEVERITY_ORDER[d.severity])
    return sorted(
        items,
        key=lambda d: (
            -worst[d.subject],
            d.subject.casefold(),
            d.subject,
            -SEVERITY_ORDER[d.severity],
            d.attribute,
            d.id,
        ),
    )


def _groups(cards: list[DiscrepancyView]) -> list[SubjectGroup]:
    groups: list[SubjectGroup] = []
    for card in cards:
        if not groups or groups[-1].subject != card.d.subject:
            groups.append(SubjectGroup(card.d.subject, []))
        groups[-1].discrepancies.append(card)
    return groups


def _document_views(report: Report, destination: Path | None) -> list[DocView]:
    base = (destination.parent if destination else Path(".")).resolve()
    anchors: set[str] = set()
    views = []
    for number, summary in enumerate(report.documents, start=1):
        anchor = _unique(f"doc-{_ANCHOR_UNSAFE.sub('-', summary.id)}", anchors)
        url = safe_link(summary.url)
        href = url or file_link(summary.path, base)
        url_text = summary.url if summary.url and not url else None
        views.append(DocView(summary, report.source(summary.id), number, anchor, href, url_text))
    return views


def _unique(anchor: str, taken: set[str]) -> str:
    candidate, n = anchor, 1
    while candidate in taken:
        n += 1
        candidate = f"{anchor}-{n}"
    taken.add(candidate)
    return candidate


def safe_link(url: str | None) -> str | None:
    """An absolute http(s) url as a link target; anything else (javascript:, data:...) is None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in LINK_SCHEMES or not parts.netloc:
        return None
    return parts.geturl()


def file_link(path: str | None, base: Path) -> str | None:
    """A relative link from the page's folder to a document file (quoted, so never a scheme)."""
    if not path:
        return None
    try:
        relative = os.path.relpath(Path(path).resolve(), base)
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_uri()
    return quote(Path(relative).as_posix(), safe="/")


def _discrepancy_view(d: Discrepancy, docs: dict[str, DocView], compact: bool) -> DiscrepancyView:
    values = []
    for index, value in enumerate(d.values):
        quotes = [_quote_view(ref, docs.get(ref.document), compact) for ref in value.claims]
        numbers = sorted({q.doc.number for q in quotes if q.doc})
        values.append(
            ValueView(_letter(index), index % VALUE_COLOURS, value.value, quotes, numbers)
        )
    status, note = _status(d)
    return DiscrepancyView(d, values, status, note)


def _letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _status(d: Discrepancy) -> tuple[str | None, str | None]:
    """A baseline status, when the discrepancy carries one (a string, or an object with a note)."""
    for name in ("baseline", "status"):
        value = getattr(d, name, None)
        if value is None:
            continue
        if isinstance(value, str):
            return value, None
        return str(getattr(value, "status", value)), getattr(value, "note", None)
    return None, None


def _quote_view(ref: ClaimRef, doc: DocView | None, compact: bool) -> QuoteView:
    source = doc.source if doc else None
    before, span, after = cut_sentence(ref, source)
    if compact:
        before, after = _shorten_before(before), _shorten_after(after)
    tags = [
        tag
        for tag in (
            f"as of {ref.as_of}" if ref.as_of else None,
            ref.attribution,
            ref.hedge and f"hedge: {ref.hedge}",
            ref.tense if ref.tense != "current" else None,
            ref.scope and f"scope: {ref.scope}",
            f"open claim: {ref.rule}" if is_open_rule(ref.rule) else None,
        )
        if tag
    ]
    anchor = f"c-{doc.number}-{ref.start}" if doc and source else None
    return QuoteView(ref, doc, before, span, after, tags, anchor)


def cut_sentence(ref: ClaimRef | ClaimRecord, source: Document | None) -> tuple[str, str, str]:
    """The quote's sentence as (before, claim span, after), placed by the claim's offsets.

    The offsets point into the document's text; the sentence is found around them there. A
    report read back from JSON has no texts: the span is then looked up in the sentence.
    """
    sentence = ref.sentence
    if source is not None:
        low = max(0, ref.start - len(sentence))
        at = source.text.find(sentence, low, ref.start + len(sentence))
        if 0 <= at <= ref.start < at + len(sentence):
            a, b = ref.start - at, min(ref.end - at, len(sentence))
            return sentence[:a], sentence[a:b], sentence[b:]
    at = sentence.find(ref.text)
    if at < 0:
        return sentence, "", ""
    return sentence[:at], ref.text, sentence[at + len(ref.text) :]


def _fill_matrix(cards: list[DiscrepancyView], documents: list[DocView]) -> list[DocView]:
    """Count who stands alone and fill each card's row; the matrix's columns are returned.

    A document stands alone in a discrepancy when every value it backs has fewer sources than
    another value. The columns are the documents in the most discrepancies (MATRIX_COLUMNS).
    """
    by_number = {d.number: d for d in documents}
    alone: dict[str, set[int]] = {}
    for card in cards:
        backing = [set(v.documents) for v in card.values]
        most = max(len(b) for b in backing)
        minority = {i for i, b in enumerate(backing) if len(b) < most}
        alone[card.d.id] = set()
        for number in set().union(*backing):
            by_number[number].discrepancies.add(card.d.id)
            if {i for i, b in enumerate(backing) if number in b} <= minority:
                alone[card.d.id].add(number)
                by_number[number].alone += 1
    involved = [d for d in documents if d.discrepancies]
    columns = sorted(involved, key=lambda d: (-len(d.discrepancies), d.number))[:MATRIX_COLUMNS]
    columns.sort(key=lambda d: d.number)
    place = {d.number: n for n, d in enumerate(columns, start=1)}
    for card in cards:
        shown = sorted({n for v in card.values for n in v.documents if n in place}, key=place.get)
        card.cells = [
            Cell(place[n], [v for v in card.values if n in v.documents], n in alone[card.d.id])
            for n in shown
        ]
    return columns


def _segment_documents(
    report: Report, documents: list[DocView], severities: dict[str, str], compact: bool
) -> None:
    claims: dict[str, list[ClaimRecord]] = defaultdict(list)
    for record in report.claims:
        claims[record.document].append(record)
    for doc in documents:
        records = claims[doc.summary.id]
        if doc.source is not None:
            doc.segments = segments(doc.source, records, doc.number, severities, compact)
        else:  # a report read back from JSON has no texts: show each claim in its sentence
            doc.quotes = [(r, cut_sentence(r, None)) for r in records]


def segments(
    source: Document,
    claims: list[ClaimRecord],
    number: int,
    severities: dict[str, str],
    compact: bool = False,
) -> list[Segment]:
    """The article's body cut at every claim boundary; each piece knows the claims covering it.

    Overlapping claims are handled by the cutting: a piece covered by two claims lists both.
    Compact: a claim that links to its discrepancy says only its attribute and value on hover.
    """
    text = source.text
    start = min([source.body_start, *(c.start for c in claims)])
    start += len(text[start:]) - len(text[start:].lstrip())  # blank lines before the body
    end = max([len(text.rstrip()), *(c.end for c in claims)])
    cuts = sorted({start, end, *(c.start for c in claims), *(c.end for c in claims)})
    starting: dict[int, list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        starting[claim.start].append(claim)
    active: list[ClaimRecord] = []
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [c for c in active if c.end > a] + starting.get(a, [])
        if start <= a < end:
            piece = _segment(text[a:b], active, starting.get(a, []), number, severities, compact)
            pieces.append(piece)
    return pieces


def _segment(
    text: str,
    active: list[ClaimRecord],
    starting: list[ClaimRecord],
    number: int,
    severities: dict[str, str],
    compact: bool,
) -> Segment:
    piece = Segment(text)
    if not active:
        return piece
    piece.tips = [_tip(c, compact and bool(c.discrepancies)) for c in active]
    piece.anchor = f"c-{number}-{starting[0].start}" if starting else None
    linked = [d for c in active for d in c.discrepancies if d in severities]
    if linked:
        piece.target = max(linked, key=lambda d: (SEVERITY_ORDER[severities[d]], d))
        piece.severity = severities[piece.target]
    return piece


def _tip(claim: ClaimRecord, short: bool = False) -> str:
    if short:
        return f"{claim.attribute}: {claim.value}"
    extras = [
        f'as written "{claim.raw}"' if claim.raw != claim.value else None,
        claim.hedge and f"hedge {claim.hedge}",
        claim.tense if claim.tense != "current" else None,
        claim.scope and f"scope {claim.scope}",
        claim.as_of and f"as of {claim.as_of}",
    ]
    detail = ", ".join(e for e in extras if e)
    return (
        f"{claim.subject} · {claim.attribute}: {claim.value}"
        + (f" ({detail})" if detail else "")
        + f" [{claim.rule}]"
    )


def _shorten_before(text: str, limit: int = COMPACT_CONTEXT) -> str:
    if len(text) <= limit:
        return text
    kept = text[-limit:]
    return "…" + kept[kept.find(" ") + 1 :] if " " in kept else "…" + kept


def _shorten_after(text: str, limit: int = COMPACT_CONTEXT) -> str:
    if len(text) <= limit:
        return text
    kept = text[:limit]
    return (kept[: kept.rfind(" ")] if " " in kept else kept) + "…"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _casefold_first(item: tuple[str, int]) -> tuple[str, str]:
    return item[0].casefold(), item[0]
