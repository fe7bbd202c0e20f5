"""Input types and bad input: encodings, binaries, sizes, permissions, links, records, pages."""

from __future__ import annotations

import builtins
import datetime as dt
import gzip
import io
import json
import os
from pathlib import Path

import pytest
from conftest import ROOT

from checker.errors import UsageError
from checker.ingest import IngestOptions, ingest
from checker.sources.decoding import DecodeError, decode

MESSY = ROOT / "tests" / "fixtures" / "messy"
ARTICLE = (
    "Boeing chief executive Kelly Ortberg met union leaders in Seattle. "
    "The machinists\u2019 contract expires in September, and \u201cthe talks are hard\u201d, "
    "one said \u2014 a caf\u00e9 owner in Renton agreed.\n"
)


def codes(result):
    return sorted((d.document, d.code, d.skipped) for d in result.diagnostics)


# --- encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "utf-32", "cp1252"]
)
def test_text_in_common_encodings_reads_the_same(encoding):
    raw = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw  # a BOM, as Windows writes it
    decoded = decode(raw)
    assert decoded.text == ARTICLE


def test_windows_1252_is_read_and_noted(tmp_path):
    (tmp_path / "memo.txt").write_bytes(ARTICLE.encode("cp1252"))
    result = ingest([tmp_path])
    assert result.documents[0].text == ARTICLE
    assert codes(result) == [("memo.txt", "ingest.charset", False)]
    assert "cp1252" in result.diagnostics[0].message


def test_other_legacy_encodings_are_detected_and_named():
    """Bytes Windows-1252 does not define (0x9D here) go to charset-normalizer's detection."""
    text = (
        "Владата ќе ја објави одлуката во петок, рече министерот за финансии. "
        "Според него, буџетот ќе биде усвоен до крајот на годината.\n"
    )
    decoded = decode(text.encode("cp1251"))
    assert (decoded.text, decoded.encoding) == (text, "cp1251")
    assert decoded.note == "not UTF-8: read as cp1251 (detected)"


def test_utf16_without_bom_is_still_text():
    assert decode(ARTICLE.encode("utf-16-le")).text == ARTICLE


def test_utf8_with_a_few_bad_bytes_is_read_with_replacements_and_the_line_named(tmp_path):
    raw = ARTICLE.encode() + b"Second line \x81 here.\n" + ARTICLE.encode()
    (tmp_path / "damaged.txt").write_bytes(raw)
    result = ingest([tmp_path])
    assert "\ufffd" in result.documents[0].text
    (diagnostic,) = result.diagnostics
    assert (diagnostic.code, diagnostic.skipped, diagnostic.line) == ("ingest.encoding", False, 2)
    assert "invalid UTF-8 at line 2" in diagnostic.message


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (gzip.compress(b"<html>" * 50, mtime=0), "ingest.binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "ingest.binary"),
        (bytes(range(1, 32)) * 10, "ingest.binary"),
        (b"\xff\xfe\xfa not utf8 \x81", "ingest.encoding"),
        (b"\xef\xbb\xbfok \xff\xfe bad after a UTF-8 BOM", "ingest.encoding"),
    ],
)
def test_binary_and_undecodable_files_are_refused(raw, code):
    with pytest.raises(DecodeError) as caught:
        decode(raw)
    assert caught.value.code == code


def test_bad_files_are_skipped_and_named_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(gzip.compress(b"x" * 100, mtime=0))
    (tmp_path / "blank.txt").write_bytes(b"\n\n  \t\n")
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["good.txt"]
    assert codes(result) == [
        ("binary.txt", "ingest.binary", True),
        ("blank.txt", "ingest.empty", True),
        ("empty.md", "ingest.empty", True),
    ]


# --- files: size, permissions, links ------------------------------------------------------


def test_file_over_the_size_limit_is_skipped(tmp_path):
    (tmp_path / "big.txt").write_text(ARTICLE * 100, encoding="utf-8")
    (tmp_path / "small.txt").write_text(ARTICLE, encoding="utf-8")
    result = ingest([tmp_path], IngestOptions(max_bytes=1000))
    assert [d.id for d in result.documents] == ["small.txt"]
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "ingest.too-large" and diagnostic.document == "big.txt"
    assert "over the 1000 bytes limit" in diagnostic.message and "--max-size" in diagnostic.message
    assert [d.id for d in ingest([tmp_path]).documents] == ["big.txt", "small.txt"]


def test_unreadable_file_is_skipped_with_the_reason(tmp_path, monkeypatch):
    """As root, chmod 000 does not stop reads, so refusing is simulated at `open`."""
    (tmp_path / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "open.txt").write_text(ARTICLE, encoding="utf-8")
    real_open = builtins.open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["open.txt"]
    (diagnostic,) = result.diagnostics
    assert (diagnostic.document, diagnostic.code, diagnostic.skipped) == (
        "locked.txt",
        "ingest.unreadable",
        True,
    )
    assert "permission denied" in diagnostic.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_its_mode(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "open.txt").write_text(ARTICLE, encoding="utf-8")
    locked.chmod(0)
    try:
        result = ingest([tmp_path])
    finally:
        locked.chmod(0o644)
    assert codes(result) == [("locked.txt", "ingest.unreadable", True)]


def test_symlink_loops_and_broken_links_are_reported(tmp_path):
    (tmp_path / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["real.txt"]
    assert codes(result) == [
        ("a.txt", "ingest.symlink-loop", True),
        ("b.txt", "ingest.symlink-loop", True),
        ("gone.txt", "ingest.broken-link", True),
        ("sub/up", "ingest.symlink-loop", True),
    ]


def test_a_named_pipe_is_not_opened(tmp_path):
    (tmp_path / "real.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    result = ingest([tmp_path])
    assert codes(result) == [("pipe.txt", "ingest.not-a-file", True)]


def test_root_symlink_loop_and_missing_path_are_usage_errors(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with pytest.raises(UsageError, match="symbolic link loop"):
        ingest([tmp_path / "loop.txt"])
    with pytest.raises(UsageError, match="no such file"):
        ingest([tmp_path / "nope", tmp_path])


def test_saved_page_assets_are_not_reported_but_other_files_are(tmp_path):
    (tmp_path / "page.html").write_bytes((MESSY / "pages" / "boeing-ortberg.html").read_bytes())
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "other_files").mkdir()
    (tmp_path / "other_files" / "x.css").write_text("body{}", encoding="utf-8")
    result = ingest([tmp_path])
    assert codes(result) == [("other_files/x.css", "ingest.unsupported", True)]


def test_same_names_under_two_roots_get_distinct_ids(tmp_path):
    for root in ("one", "two"):
        (tmp_path / root).mkdir()
        (tmp_path / root / "story.txt").write_text(f"{root} {ARTICLE}", encoding="utf-8")
    result = ingest([tmp_path / "one", tmp_path / "two", tmp_path / "one"])
    assert sorted(d.id for d in result.documents) == [
        str(tmp_path / "one" / "story.txt"),
        str(tmp_path / "two" / "story.txt"),
    ]
    assert {d.code for d in result.diagnostics} == {"ingest.duplicate-id", "ingest.duplicate-path"}


# --- standard input ------------------------------------------------------------------------


def test_dash_reads_one_document_from_stdin():
    result = ingest(["-"], stdin=io.BytesIO(ARTICLE.encode("utf-16")))
    (document,) = result.documents
    assert (document.id, document.path, document.text) == ("<stdin>", None, ARTICLE)
    page = (MESSY / "pages" / "boeing-ortberg.html").read_bytes()
    (document,) = ingest(["-"], stdin=io.BytesIO(page)).documents
    assert document.format == "html" and document.outlet == "The Harbour Times"


def test_empty_stdin_is_explained():
    with pytest.raises(UsageError, match="<stdin>: empty file"):
        ingest(["-"], stdin=io.BytesIO(b""))


# --- saved web pages -----------------------------------------------------------------------


def test_saved_page_gives_article_text_and_metadata():
    result = ingest([MESSY / "pages" / "boeing-ortberg.html"])
    (page,) = result.documents
    assert page.format == "html"
    assert page.title == "Boeing turns to aerospace veteran Kelly Ortberg as chief executive"
    assert page.published == dt.date(2024, 8, 1)
    assert page.outlet == "The Harbour Times"
    assert page.url == "https://example.org/harbour-times/2024/08/01/boeing-names-ortberg"
    assert "Boeing has named Kelly Ortberg, the 64-year-old" in page.text
    for boilerplate in (
        "cookie",
        "partners",
        "Related stories",
        "Rishi Sunak",
        "Subscribe",
        "1851",
    ):
        assert boilerplate not in page.text


def test_boilerplate_gives_no_claims_and_offsets_point_into_the_extracted_text():
    from checker import check

    report = check([str(MESSY / "pages" / "boeing-ortberg.html")])
    page = ingest([MESSY / "pages" / "boeing-ortberg.html"]).documents[0]
    assert report.claims
    subjects = {c.subject for c in report.claims}
    for boilerplate in ("Rishi Sunak", "Guillaume Faury", "Anna Lindqvist", "Jonah Reyes"):
        assert boilerplate not in subjects
    assert not any(c.attribute == "founded" for c in report.claims)
    for claim in report.claims:
        assert page.text[claim.start : claim.end] == claim.text


def test_page_without_date_markup_gets_htmldate_guess_and_a_note(tmp_path):
    body = " ".join([ARTICLE.strip()] * 3)
    (tmp_path / "bare.html").write_text(
        "<html><head><title>Union talks</title></head><body><nav>Home | World</nav>"
        f"<div><p>Posted on 12 March 2023 by Staff.</p><p>{body}</p><p>{body}</p></div>"
        "</body></html>",
        encoding="utf-8",
    )
    result = ingest([tmp_path])
    assert result.documents[0].published == dt.date(2023, 3, 12)
    assert codes(result) == [("bare.html", "ingest.guessed-date", False)]


def test_page_with_no_article_is_skipped(tmp_path):
    (tmp_path / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8"
    )
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    assert codes(ingest([tmp_path])) == [("menu.html", "ingest.no-text", True)]


def test_page_in_a_declared_legacy_charset(tmp_path):
    html = (
        "<html><head><meta charset='windows-1252'><title>T</title></head><body><article>"
        + f"<p>{ARTICLE}</p>" * 3
        + "</article></body></html>"
    )
    (tmp_path / "legacy.htm").write_bytes(html.encode("cp1252"))
    (document,) = ingest([tmp_path]).documents
    assert "\u201cthe talks are hard\u201d" in document.text


# --- JSON Lines and JSON records -------------------------------------------------------------


def write_jsonl(path: Path, lines: list) -> None:
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n",
        encoding="utf-8",
    )


def test_jsonl_records_bad_lines_and_records_without_text(tmp_path):
    write_jsonl(
        tmp_path / "export.jsonl",
        [
            {"id": "a1", "text": ARTICLE, "title": "T", "published": "2024-05-08T10:00:00Z"},
            '{"id": "a2", "text": "cut off',
            "",
            {"id": "a3", "title": "no text here"},
            {"text": ARTICLE + "Another.", "outlet": "Wire", "date": 1715162400},
            ["not", "a", "record"],
            {"id": "a6", "text": ARTICLE + "Six.", "published": "someday"},
        ],
    )
    result = ingest([tmp_path])
    by_id = {d.id: d for d in result.documents}
    assert sorted(by_id) == ["a1", "a6", "export.jsonl:5"]
    assert by_id["a1"].published == dt.date(2024, 5, 8) and by_id["a1"].record == 1
    assert by_id["export.jsonl:5"].published == dt.date(2024, 5, 8)
    assert by_id["export.jsonl:5"].outlet == "Wire"
    assert by_id["a6"].published is None
    found = [(d.line, d.code, d.skipped, d.field) for d in result.diagnostics]
    assert sorted(found) == [
        (2, "ingest.json", True, None),
        (4, "ingest.no-text", True, "text"),
        (6, "ingest.record", True, None),
        (7, "ingest.bad-date", False, "published"),
    ]
    messages = " | ".join(d.message for d in result.diagnostics)
    assert "line 2 is not valid JSON" in messages and "'a3'" in messages


def test_field_options_map_other_names_and_nested_keys(tmp_path):
    write_jsonl(
        tmp_path / "cms.jsonl",
        [{"guid": 7, "body": ARTICLE, "meta": {"site": "Wire", "when": "2024-01-05"}}],
    )
    options = IngestOptions(
        fields={"text": "body", "id": "guid", "outlet": "meta.site", "published": "meta.when"}
    )
    (document,) = ingest([tmp_path], options).documents
    assert (document.id, document.outlet, document.published) == (
        "7",
        "Wire",
        dt.date(2024, 1, 5),
    )
    with pytest.raises(UsageError, match="cms.jsonl:1: line 1 has no text: field 'text'"):
        ingest([tmp_path])  # without the mapping there is no `text`


def test_json_array_and_single_record_and_broken_json(tmp_path):
    (tmp_path / "list.json").write_text(
        json.dumps([{"text": ARTICLE}, {"id": "x", "text": ARTICLE + "Two."}, 42]),
        encoding="utf-8",
    )
    (tmp_path / "one.json").write_text(json.dumps({"text": ARTICLE + "One."}), encoding="utf-8")
    (tmp_path / "broken.json").write_text('[{"text": "a"},\n  {"text": }]', encoding="utf-8")
    result = ingest([tmp_path])
    assert sorted(d.id for d in result.documents) == ["list.json[1]", "one.json", "x"]
    assert codes(result) == [
        ("broken.json", "ingest.json", True),
        ("list.json", "ingest.record", True),
    ]
    broken = next(d for d in result.diagnostics if d.document == "broken.json")
    assert broken.line == 2 and "column" in broken.message


def test_records_sharing_an_id_are_told_apart(tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [{"id": "s1", "text": ARTICLE}, {"id": "s1", "text": "B."}])
    result = ingest([tmp_path])
    assert sorted(d.id for d in result.documents) == ["s1 (a.jsonl:1)", "s1 (a.jsonl:2)"]
    assert all(d.code == "ingest.duplicate-id" for d in result.diagnostics)


def test_a_factlint_report_in_the_corpus_is_not_a_document(tmp_path):
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "report.json").write_text(
        json.dumps({"schema_version": 1, "tool": {"name": "factlint"}}), encoding="utf-8"
    )
    assert codes(ingest([tmp_path])) == [("report.json", "ingest.unsupported", True)]


# --- manifests --------------------------------------------------------------------------------


def test_yaml_manifest_gives_and_overrides_metadata(tmp_path):
    (tmp_path / "a.md").write_text(
        "---\noutlet: Old Name\npublished: 2020-01-01\n---\n" + ARTICLE, encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(ARTICLE + "B.", encoding="utf-8")
    write_jsonl(tmp_path / "feed.jsonl", [{"id": "r1", "text": ARTICLE + "R."}])
    (tmp_path / "sources.yaml").write_text(
        "- file: a.md\n  outlet: New Name\n  published: 2024-05-08\n"
        "- file: b.txt\n  published: not a date\n  url: https://example.org/b\n"
        "- file: feed.jsonl\n  outlet: Feed Wire\n"
        "- file: nowhere.txt\n  outlet: X\n"
        "- file: a.md\n  colour: blue\n",
        encoding="utf-8",
    )
    result = ingest([tmp_path])
    docs = {d.id: d for d in result.documents}
    assert (docs["a.md"].outlet, docs["a.md"].published) == ("New Name", dt.date(2024, 5, 8))
    assert docs["b.txt"].url == "https://example.org/b" and docs["b.txt"].published is None
    assert docs["r1"].outlet == "Feed Wire"
    problems = sorted((d.line, d.code, d.field) for d in result.diagnostics)
    assert problems == [
        (4, "ingest.bad-date", "published"),
        (9, "ingest.manifest", "file"),
        (11, "ingest.manifest", "colour"),
    ]
    assert all(d.document == "sources.yaml" for d in result.diagnostics)


def test_csv_manifest_and_mapping_form(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE + "B.", encoding="utf-8")
    (tmp_path / "sources.csv").write_text(
        "file,outlet,published\na.txt,CSV Outlet,2024-02-03\n", encoding="utf-8"
    )
    result = ingest([tmp_path])
    assert result.documents[0].outlet == "CSV Outlet"
    assert result.documents[0].published == dt.date(2024, 2, 3)
    (tmp_path / "sources.csv").unlink()
    (tmp_path / "sources.yaml").write_text(
        "documents:\n  b.txt: {outlet: Mapped, date: 'March 4, 2024'}\n", encoding="utf-8"
    )
    docs = {d.id: d for d in ingest([tmp_path]).documents}
    assert (docs["b.txt"].outlet, docs["b.txt"].published) == ("Mapped", dt.date(2024, 3, 4))


def test_broken_manifest_is_reported_and_the_corpus_still_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("- file: a.txt\n  outlet: [oops\n", encoding="utf-8")
    result = ingest([tmp_path])
    assert [d.id for d in result.documents] == ["a.txt"]
    (diagnostic,) = result.diagnostics
    assert diagnostic.code == "ingest.manifest" and diagnostic.line == 3
