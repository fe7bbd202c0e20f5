from __future__ import annotations

import datetime as dt

import pytest

from checker.documents import split_sentences
from checker.errors import UsageError
from checker.ingest import ingest, parse_document


def test_front_matter_gives_metadata_and_body_offset():
    text = "---\ntitle: Big news\noutlet: The Paper\npublished: 2024-07-05\nurl: https://example.org/a\n---\n\nBody here.\n"
    doc, problems = parse_document(text, "a.md")
    assert (doc.title, doc.outlet, doc.url, doc.published) == (
        "Big news",
        "The Paper",
        "https://example.org/a",
        dt.date(2024, 7, 5),
    )
    assert doc.text[doc.body_start :].strip() == "Body here."
    assert problems == []


def test_leading_date_lines():
    doc, _ = parse_document(" date 2024-05-08 \n\n\nScale AI has chosen London.", "b.txt")
    assert doc.published == dt.date(2024, 5, 8)
    doc, _ = parse_document("March 4, 2024\n\nOpenAI is expanding overseas.", "c.txt")
    assert doc.published == dt.date(2024, 3, 4)
    assert doc.body.strip().startswith("OpenAI")


def test_headline_is_the_title_and_prose_is_not():
    doc, _ = parse_document("Scale AI Opens UK Office\n\nScale AI said so.", "d.txt")
    assert doc.title == "Scale AI Opens UK Office"
    doc, _ = parse_document("OpenAI is expanding overseas. Specifically to London.\n", "e.txt")
    assert doc.title is None
    assert doc.published is None


def test_bad_date_and_bad_front_matter_are_diagnostics():
    doc, problems = parse_document("---\npublished: someday\n---\nText.", "f.md")
    assert doc.published is None and problems[0].code == "ingest.bad-date"
    doc, problems = parse_document("---\ntitle: [unclosed\n---\nText.", "g.md")
    assert problems[0].code == "ingest.front-matter" and problems[0].line


def test_folders_are_read_recursively_with_relative_ids(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.md").write_text("Alpha.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Beta.", encoding="utf-8")
    (tmp_path / "skip.pdf").write_text("x", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["sub/one.md", "two.txt"]
    assert [(d.document, d.code, d.skipped) for d in result.diagnostics] == [
        ("empty.txt", "ingest.empty", True),
        ("skip.pdf", "ingest.unsupported", True),
    ]
    assert ".pdf files are not documents" in result.diagnostics[1].message


def test_missing_path_and_empty_folder_are_usage_errors(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        ingest([tmp_path / "nope"])
    with pytest.raises(UsageError, match="no documents"):
        ingest([tmp_path])
    (tmp_path / "blank.txt").write_text("  \n", encoding="utf-8")
    with pytest.raises(UsageError, match="no documents.*blank.txt: empty file"):
        ingest([tmp_path])


def test_undecodable_file_is_skipped_not_fatal(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\xfa not utf8 \x81")
    (tmp_path / "good.txt").write_text("Fine.", encoding="utf-8")
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["good.txt"]
    assert result.diagnostics[0].code == "ingest.encoding"


def test_sentences_keep_offsets_and_respect_abbreviations():
    text = "Mr. Smith met Dr. Jones in the U.S. on Monday. They spoke.\nHeadline without stop\nLast one!"
    sentences = split_sentences(text, 0, ["Mr", "Dr", "U.S"])
    assert [s.text for s in sentences] == [
        "Mr. Smith met Dr. Jones in the U.S. on Monday.",
        "They spoke.",
        "Headline without stop",
        "Last one!",
    ]
    for sentence in sentences:
        assert text[sentence.start : sentence.end] == sentence.text
