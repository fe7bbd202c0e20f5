"""Saved web pages: the article's text and metadata, extracted by trafilatura.

trafilatura keeps the main text and drops menus, cookie banners, related links and footers;
the extracted text is the document's text, so claim offsets point into it. The publication
date comes from the page's markup (trafilatura calls htmldate); only when the markup has
none does htmldate search the page more widely.
"""

from __future__ import annotations

import datetime as dt

import regex

from checker.documents import Document
from checker.sources.base import IngestOptions, Reading, Source, note, skip
from checker.sources.decoding import decode_source
from checker.sources.metadata import BadValue, read_date

# A fixed ceiling instead of htmldate's default (today), so that the date read from a page
# does not depend on the day factlint runs.
LATEST_DATE = "2099-12-31"
DATE_PARAMS = {
    "extensive_search": False,
    "original_date": True,
    "max_date": LATEST_DATE,
    "outputformat": "%Y-%m-%d",
}
# Fewer words than this is a menu or a button label that trafilatura fell back on, not an article.
MIN_ARTICLE_WORDS = 8
_META_CHARSET = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", regex.I)
_SNIFF = regex.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", regex.I | regex.S
)


def looks_like_html(data: bytes) -> bool:
    """True when bytes start like an HTML page (for standard input, which has no suffix)."""
    return bool(_SNIFF.match(data[:4096]))


def read_html(source: Source, options: IngestOptions) -> Reading:
    """Read a saved web page: main text, title, date, site name and canonical url."""
    declared = _META_CHARSET.search(source.data[:4096])
    html, problems = decode_source(source, declared.group(1).decode("ascii") if declared else None)
    if html is None:
        return Reading(diagnostics=problems)
    import trafilatura  # slow to import; only needed when the corpus has web pages

    extracted = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params=DATE_PARAMS,
    )
    text = (extracted.text or "").strip() if extracted is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        kept = f"only {text[:60]!r}" if text else "nothing"
        message = f"no article text found in the page (trafilatura kept {kept})"
        return Reading(diagnostics=[*problems, skip("ingest.no-text", source.name, message)])
    published = _date(extracted.date, source.name, problems)
    if published is None and (published := _date_from_page(html)) is not None:
        problems.append(
            note(
                "ingest.guessed-date",
                source.name,
                f"no date in the page's markup: publication date {published} guessed from its "
                "text (set it in sources.yaml if wrong)",
                field="published",
            )
        )
    document = Document(
        id=source.name,
        text=text.replace("\r\n", "\n"),
        title=_clean(extracted.title),
        published=published,
        outlet=_clean(extracted.sitename),
        url=_clean(extracted.url),
        path=source.path,
        format="html",
    )
    return Reading(documents=[document], diagnostics=problems)


def _date(value: str | None, name: str, problems: list) -> dt.date | None:
    try:
        return read_date(value)
    except BadValue:
        problems.append(
            note("ingest.bad-date", name, f"cannot read the page's date {value!r}", field="date")
        )
        return None


def _date_from_page(html: str) -> dt.date | None:
    """The date found by htmldate's wider search (text and url), when the markup has none."""
    from htmldate import find_date

    found = find_date(
        html,
        extensive_search=True,
        original_date=True,
        max_date=LATEST_DATE,
        outputformat="%Y-%m-%d",
    )
    try:
        return read_date(found)
    except BadValue:
        return None


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value else None
