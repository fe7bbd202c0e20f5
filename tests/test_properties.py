"""Property-based tests: random unicode, numbers, money, dates and markup at every input stage.

No exception escapes ingest, extraction or normalisation, and every claim's offsets point at
the text it quotes.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from checker.compare import compare
from checker.dates import resolve_text
from checker.documents import Document, split_sentences
from checker.extract import extract_reporting
from checker.ingest import IngestOptions, ingest, read_source
from checker.lexicon import lexicon_for
from checker.normalise import normalise
from checker.rulebook import load_rulebook
from checker.sources.base import Source
from checker.sources.decoding import DecodeError, decode
from checker.sources.text import parse_document
from checker.values import money, parse_number, quantity

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

names = st.sampled_from(
    ["Kelly Ortberg", "Dave Calhoun", "Rishi Sunak", "Scale AI", "Boeing", "the company", "he"]
)
titles = st.sampled_from(["chief executive", "Prime Minister", "chairman", "founder", "CEO"])
hedges = st.sampled_from(["", "more than ", "about ", "nearly ", "up to ", "at least "])
numbers = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    st.sampled_from(["one", "twenty-five", "a dozen", "half", "0", "00", "1e308", "٣٤"]),
)
scales = st.sampled_from(["", " million", " billion", "bn", "m", " trillion", "k"])
currencies = st.sampled_from(["$", "£", "€", "¥", "US$", "", "C$"])
money_strings = st.builds(lambda h, c, n, s: f"{h}{c}{n}{s}", hedges, currencies, numbers, scales)
dates = st.one_of(
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(
        lambda d: d.strftime("%d %B %Y")
    ),
    st.dates().map(dt.date.isoformat),
    st.sampled_from(
        ["Monday", "last October", "yesterday", "31 February 2024", "March 4", "end of 2025"]
    ),
    st.builds(lambda d, m: f"{d} {m}", st.integers(-5, 40), st.sampled_from(["May", "Sept", "x"])),
)
markup = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<b>",
        "&amp;",
        "&#x2014;",
        "<!-- c -->",
        "<script>x</script>",
        "**",
        "# ",
        "\n",
    ]
)
sentences = st.one_of(
    st.builds(lambda n, t: f"{t.capitalize()} {n} said.", names, titles),
    st.builds(lambda n, m: f"{n} raised {m} from investors.", names, money_strings),
    st.builds(lambda n, a: f"{n}, {a}, spoke on Monday.", names, numbers),
    st.builds(lambda n, d: f"{n} was founded on {d}.", names, dates),
    st.builds(lambda n, c: f"{n} employs {c} people.", names, numbers),
    st.text(max_size=80),
    markup,
)


@functools.cache
def bundled():
    """The bundled rulebook (not a fixture: hypothesis would print all of it on a failure)."""
    return load_rulebook()


documents_text = st.lists(sentences, max_size=12).map(lambda parts: " ".join(parts))


@given(st.binary(max_size=2000))
@SETTINGS
def test_decode_never_raises_anything_but_decode_error(raw):
    try:
        decoded = decode(raw)
    except DecodeError as exc:
        assert exc.code in ("ingest.binary", "ingest.encoding") and exc.message
    else:
        assert isinstance(decoded.text, str)


printable = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co")) | st.sampled_from("\t\n\r"),
    max_size=500,
)


@given(printable, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32"]))
@SETTINGS
def test_any_text_in_a_unicode_encoding_decodes_to_itself(text, codec):
    assume(not text.startswith("\ufeff"))  # a leading U+FEFF is a byte-order mark by definition
    raw = text.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    assert decode(raw).text == text


@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-16", "utf-32"]))
@SETTINGS
def test_text_with_control_characters_is_read_faithfully_or_refused(text, codec):
    assume(not text.startswith("\ufeff"))  # a leading U+FEFF is a byte-order mark by definition
    raw = text.encode(codec, errors="surrogatepass")
    try:
        decoded = decode(raw)
    except DecodeError:
        return  # too many control or unassigned characters: refused
    if decoded.text != text:
        # bytes such as b"a\x00b\x00" are also UTF-16 without a BOM, and FF FE 00 00 is the
        # UTF-32 BOM: then the reading must be exact in the encoding it names
        assert decoded.encoding in ("utf-16-le", "utf-16-be", "utf-32")
        assert decoded.text.encode(decoded.encoding).removeprefix(b"\xff\xfe\x00\x00") == (
            raw.removeprefix(b"\xff\xfe\x00\x00")
        )


@given(st.one_of(documents_text, st.text(max_size=300)), st.sampled_from(["", "---\n", "date "]))
@SETTINGS
def test_parse_document_never_fails_and_keeps_the_body_inside_the_text(text, prefix):
    document, problems = parse_document(prefix + text, "doc.md")
    assert 0 <= document.body_start <= len(document.text)
    assert all(p.document == "doc.md" for p in problems)


@given(
    st.binary(max_size=600) | documents_text.map(lambda t: t.encode("utf-8")),
    st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl"]),
)
@SETTINGS
def test_every_reader_turns_any_bytes_into_documents_or_diagnostics(data, suffix):
    reading = read_source(Source(data=data, name="x" + suffix), IngestOptions(), suffix)
    for document in reading.documents:
        assert document.text.strip()
    for diagnostic in reading.diagnostics:
        assert diagnostic.document == "x" + suffix and diagnostic.message


@given(
    st.lists(
        st.one_of(
            st.dictionaries(
                st.sampled_from(["id", "text", "title", "published", "outlet", "url", "date"]),
                st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.none(), dates),
            ),
            st.text(max_size=30),
        ),
        max_size=6,
    )
)
@SETTINGS
def test_jsonl_files_of_arbitrary_records_never_fail(records):
    lines = [json.dumps(r) if isinstance(r, dict) else r for r in records]
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "export.jsonl").write_text("\n".join(lines), encoding="utf-8")
        Path(folder, "anchor.txt").write_text("Anchor text.", encoding="utf-8")
        result = ingest([folder])
    assert {d.id for d in result.documents} >= {"anchor.txt"}
    assert len({d.id for d in result.documents}) == len(result.documents)


@given(st.lists(st.one_of(sentences, markup), max_size=15))
@settings(max_examples=25, deadline=None)
def test_random_markup_pages_never_fail(parts):
    html = (
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in parts) + "</article></body></html>"
    )
    reading = read_source(
        Source(data=html.encode("utf-8"), name="p.html"), IngestOptions(), ".html"
    )
    assert len(reading.documents) + len(reading.diagnostics) >= 1


@given(documents_text, st.one_of(st.none(), st.dates()))
@SETTINGS
def test_extraction_offsets_always_point_at_the_quoted_text(text, published):
    rulebook = bundled()
    document = Document(id="d.txt", text=text, published=published)
    claims, problems = extract_reporting(document, rulebook)
    assert all(p.code == "extract.timeout" for p in problems)
    for claim in claims:
        evidence = claim.evidence
        assert 0 <= evidence.sentence_start <= evidence.start <= evidence.end <= len(text)
        # line breaks inside a sentence may be read as spaces; every other character is exact
        assert _flat(text[evidence.start : evidence.end]) == _flat(evidence.text)
        sentence = text[evidence.sentence_start : evidence.sentence_start + len(evidence.sentence)]
        assert _flat(sentence) == _flat(evidence.sentence)


@given(st.lists(st.tuples(documents_text, st.one_of(st.none(), st.dates())), max_size=3))
@SETTINGS
def test_normalisation_and_comparison_never_fail(corpus):
    rulebook = bundled()
    documents = [
        Document(id=f"d{i}.txt", text=text, published=published)
        for i, (text, published) in enumerate(corpus)
    ]
    claims = [c for d in documents for c in extract_reporting(d, rulebook)[0]]
    normalised = normalise(claims, documents, rulebook)
    compare(normalised, rulebook)


@given(money_strings)
@SETTINGS
def test_money_and_numbers_parse_or_return_none(text):
    lexicon = lexicon_for(bundled())
    for value in (money(text, lexicon), quantity(text, lexicon)):
        if value is not None and value.low is not None and value.high is not None:
            assert value.low <= value.high or value.low != value.low  # NaN compares false
    parse_number(text, lexicon)


@given(dates, st.one_of(st.none(), st.dates()), st.sampled_from(["past", "future"]))
@SETTINGS
def test_dates_resolve_or_return_none(text, published, prefer):
    span = resolve_text(text, published, prefer)
    if span is not None:
        assert span.start <= span.end


@given(st.text(max_size=300))
@SETTINGS
def test_sentences_keep_offsets(text):
    for sentence in split_sentences(text, 0, ["Mr", "Dr"]):
        assert _flat(text[sentence.start : sentence.end]) == _flat(sentence.text)


def _flat(text: str) -> str:
    return text.replace("\n", " ")
