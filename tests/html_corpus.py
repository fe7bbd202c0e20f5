"""Generated corpora for the HTML report's tests: a hostile one and a large one."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from checker.discrepancies import (
    SEVERITY_ORDER,
    ClaimRef,
    Discrepancy,
    DiscrepancyValue,
    fingerprint,
)
from checker.documents import Document
from checker.report import ClaimRecord, DocumentSummary, Report, Stats

HOSTILE = {
    "a-hostile.md": """---
title: "<script>alert(1)</script> Sunak welcomes the deal"
date: 2024-05-08
outlet: "\\"><img src=x onerror=alert(1)>"
url: "javascript:alert(1)"
---
Prime Minister Rishi Sunak welcomed the deal <script>alert(1)</script> on Tuesday.

Scale AI was founded in 2016. "><img src=x onerror=alert(1)> </textarea><textarea>
""",
    "b-hostile.md": """---
title: "Chancellor speaks </textarea><script>alert(2)</script>"
date: 2024-05-09
outlet: "Daily <b>Bold</b>"
url: "https://example.com/story?a=1&b=\\"><script>alert(3)</script>"
---
Chancellor Rishi Sunak said: <img src=x onerror=alert(4)> javascript:alert(5)

Scale AI was founded in 2017 </textarea><svg onload=alert(6)>.
""",
    "c-hostile.md": """---
title: Data urls are not links either
date: 2024-05-10
outlet: " javascript:alert(7)"
url: "  JaVaScRiPt:alert(8)"
---
Scale AI was founded in 2016, the company said <iframe src="https://example.com"></iframe>.
""",
}


def write_hostile_corpus(folder: Path) -> Path:
    """Documents whose text and front matter try to inject markup and script."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in HOSTILE.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


_SYLLABLES = "ka lo mi ze ru vo ta ni sha bel dor fen gra hul jin kor pel quin sar tov".split()
_SUFFIXES = ["Analytics", "Robotics", "Capital", "Systems", "Labs", "Energy", "Health", "Foods"]
_OUTLETS = [
    "The Morning Ledger",
    "Harbour City Times",
    "Northern Wire",
    "Global Markets Daily",
    "The Civic Courier",
    "Tech Dispatch",
    "Evening Standard Review",
    "Pacific Business Journal",
]
_FILLER = [
    "Analysts said the announcement had been expected for several weeks, although the timing surprised some investors.",
    "The company did not respond to a request for comment on the figures before publication.",
    "Shares in the sector moved little on the news, with most traders waiting for quarterly results.",
    "People familiar with the matter, who asked not to be named, described the talks as cordial.",
]
# attribute -> (severity, kind, values, sentence template with {subject} and {value})
_FACTS = [
    (
        "founded",
        "contradiction",
        "conflicting_values",
        ["1998", "2001", "2004"],
        "{subject} was founded in {value} by two former university researchers, according to filings seen by the newspaper.",
    ),
    (
        "headquarters",
        "contradiction",
        "conflicting_values",
        ["Leeds", "Bristol", "Glasgow"],
        "{subject}, which is based in {value}, said the expansion would create hundreds of jobs over the next three years.",
    ),
    (
        "employees",
        "warning",
        "bound_vs_value",
        ["more than 1,200", "1,450"],
        "The firm now employs {value} people across its offices, up sharply from a year earlier, {subject} said in a statement.",
    ),
    (
        "valuation",
        "info",
        "changed_over_time",
        ["$2.1 billion", "$3.4 billion"],
        "The latest funding round values {subject} at {value}, making it one of the most valuable private companies in the region.",
    ),
]


def large_report(discrepancies: int = 10_000, documents: int = 240, seed: int = 4) -> Report:
    """A report with this many discrepancies over a generated corpus of news-like articles.

    The articles are generated first (claim sentences between filler sentences, with titles,
    outlets and dates); each discrepancy quotes real sentences of them at their real offsets,
    so the page shows and highlights them as it would for a real run.
    """
    rnd = random.Random(seed)
    ids = [
        f"{n:04d}-{_OUTLETS[n % len(_OUTLETS)].lower().replace(' ', '-')}.md"
        for n in range(documents)
    ]
    titles = {doc: _title(rnd) for doc in ids}
    parts: dict[str, list[str]] = {doc: [titles[doc], ""] for doc in ids}
    sizes = {doc: len(titles[doc]) + 2 for doc in ids}

    def add(doc: str, sentence: str) -> int:
        at = sizes[doc]
        parts[doc].append(sentence)
        sizes[doc] += len(sentence) + 1
        return at

    found, records = [], []
    for n in range(discrepancies):
        subject = _company(n // 3)  # a company disputed on three attributes
        attribute, severity, kind, values, template = _FACTS[n % len(_FACTS)]
        sources = rnd.sample(ids, rnd.choice([2, 2, 2, 3, 4]))
        backing: dict[str, list[ClaimRef]] = {}
        for i, doc in enumerate(sources):
            value = values[i % len(values)] if i < len(values) else rnd.choice(values)
            if rnd.random() < 0.3:
                add(doc, rnd.choice(_FILLER))
            sentence = template.format(subject=subject, value=value)
            at = add(doc, sentence)
            span = sentence.index(value)
            ref = ClaimRef(
                document=doc,
                text=value,
                sentence=sentence,
                start=at + span,
                end=at + span + len(value),
                rule=f"generated.{attribute}",
                published=_published(doc),
            )
            backing.setdefault(value, []).append(ref)
        if len(backing) < 2:
            continue
        d = _discrepancy(subject, attribute, severity, kind, backing)
        found.append(d)
        for value in d.values:
            records.extend(
                _record(ref, subject, attribute, value.value, d.id) for ref in value.claims
            )
    texts = [
        Document(
            id=doc,
            text="\n".join(parts[doc]) + "\n",
            title=titles[doc],
            outlet=_OUTLETS[int(doc[:4]) % len(_OUTLETS)],
            published=_published(doc),
            url=f"https://news.example/{doc[:-3]}",
            path=f"generated/{doc}",
        )
        for doc in ids
    ]
    return _assemble(found, records, texts)


def _company(n: int) -> str:
    a, b, c = n % 20, (n // 20) % 20, (n // 400) % 20
    name = (_SYLLABLES[a] + _SYLLABLES[b] + _SYLLABLES[c]).capitalize()
    return f"{name} {_SUFFIXES[(n // 8000 + n) % len(_SUFFIXES)]}"


def _title(rnd: random.Random) -> str:
    return rnd.choice(
        [
            "Regional start-ups race to raise money as investors return to the sector",
            "Inside the deal that reshaped the market for industrial software",
            "Founders, funding and friction: a year of rapid growth in the north",
            "What the latest filings reveal about the country's fastest-growing firms",
        ]
    )


def _published(doc: str) -> dt.date:
    return dt.date(2024, 1, 1) + dt.timedelta(days=int(doc[:4]) % 300)


def _discrepancy(
    subject: str, attribute: str, severity: str, kind: str, backing: dict[str, list[ClaimRef]]
) -> Discrepancy:
    labels = list(backing)
    first, second = backing[labels[0]][0], backing[labels[1]][0]
    return Discrepancy(
        id=fingerprint(subject, attribute, None, labels),
        severity=severity,
        kind=kind,
        subject=subject,
        attribute=attribute,
        summary=f"Sources disagree on {subject}'s {attribute}: {' vs '.join(labels)}",
        explanation=(
            f"{labels[0]} and {labels[1]} cannot both be right, even allowing for rounding and "
            f"hedges: {first.document} ({first.published:%d %b %Y}) says {labels[0]}, "
            f"{second.document} ({second.published:%d %b %Y}) says {labels[1]}."
        ),
        values=[DiscrepancyValue(value=v, claims=refs) for v, refs in backing.items()],
    )


def _record(ref: ClaimRef, subject: str, attribute: str, value: str, did: str) -> ClaimRecord:
    return ClaimRecord(
        document=ref.document,
        kind="quantity",
        subject=subject,
        attribute=attribute,
        value=value,
        raw=ref.text,
        text=ref.text,
        sentence=ref.sentence,
        start=ref.start,
        end=ref.end,
        rule=ref.rule,
        discrepancies=[did],
    )


def _assemble(
    found: list[Discrepancy], records: list[ClaimRecord], texts: list[Document]
) -> Report:
    per_document: dict[str, int] = {}
    for record in records:
        per_document[record.document] = per_document.get(record.document, 0) + 1
    report = Report(
        corpus=["generated/"],
        documents=[
            DocumentSummary(
                id=t.id,
                title=t.title,
                published=t.published,
                outlet=t.outlet,
                url=t.url,
                path=t.path,
                claims=per_document.get(t.id, 0),
            )
            for t in texts
        ],
        discrepancies=found,
        claims=sorted(records, key=lambda r: (r.document, r.start)),
        stats=Stats(
            documents=len(texts),
            claims=len(records),
            discrepancies=len(found),
            by_severity={s: sum(1 for d in found if d.severity == s) for s in SEVERITY_ORDER},
        ),
    )
    return report.with_sources(texts)
