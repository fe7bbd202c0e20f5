"""A hostile corpus, as a pull request from anyone can make it: every case of issue 12.

Outputs never destroy, inputs never crash the run, nothing is read from outside the corpus,
and control characters never reach a terminal or a report raw. The big and deep inputs are
built here, in tmp_path.
"""

from __future__ import annotations

import json
import os
import shutil
import stat

import pytest
from click.testing import CliRunner
from conftest import SEEDS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.cli import main

ARTICLE = "000_a2a26cc6c8a62233.txt"


def invoke(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def snapshot(folder):
    """Every path under a folder with its bytes (or link target), to prove nothing changed."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[path] = ("link", os.readlink(path))
        elif path.is_file():
            found[path] = ("file", path.read_bytes())
        else:
            found[path] = ("other", stat.S_IFMT(path.lstat().st_mode))
    return found


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


# --- outputs ----------------------------------------------------------------------------------


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
def test_a_device_output_is_written_to_and_stays_a_device(corpus, tmp_path):
    device = tmp_path / "fakenull"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    result = invoke("check", corpus, "-o", device, "--format", "json", "-q")
    assert result.exit_code == 1  # the seeds have a contradiction
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_dev_null_and_stdout_are_outputs(corpus):
    result = invoke("check", corpus, "-o", os.devnull, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0 and result.stdout.startswith("factlint ")
    result = invoke("check", corpus, "-o", "/dev/stdout", "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0 and json.loads(result.stdout)["schema_version"] == 1
    result = invoke("check", corpus, "--json", "-", "--fail-on", "never")
    assert result.exit_code == 0 and json.loads(result.stdout)["schema_version"] == 1


def test_a_fifo_output_is_written_to_directly(corpus, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the reader
        with open(fifo, "rb") as stream:
            os._exit(0 if stream.read().startswith(b"{") else 1)
    result = invoke("check", corpus, "--json", fifo, "-q", "--fail-on", "never")
    _, status = os.waitpid(pid, 0)
    assert result.exit_code == 0 and os.waitstatus_to_exitcode(status) == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_a_symlink_output_is_refused_never_replaced(corpus, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(victim)
    result = invoke("check", corpus, "--html", link)
    assert result.exit_code == 2 and "symbolic link" in result.output
    assert link.is_symlink() and victim.read_text(encoding="utf-8") == "keep me\n"


def test_an_output_that_is_an_article_of_the_corpus_is_a_usage_error(corpus):
    before = snapshot(corpus)
    result = invoke("check", corpus, "--html", corpus / ARTICLE)
    assert result.exit_code == 2 and "input of this run" in result.output
    assert snapshot(corpus) == before


@pytest.mark.parametrize("which", ["file", "baseline", "rules"])
def test_an_output_that_is_another_input_is_a_usage_error(corpus, tmp_path, which):
    article = corpus / ARTICLE
    baseline = tmp_path / "b.json"
    assert invoke("baseline", corpus, "-o", baseline).exit_code == 0
    rules = tmp_path / "mine.yaml"
    rules.write_text("pack: mine\nrules: []\n", encoding="utf-8")
    target = {"file": article, "baseline": baseline, "rules": rules}[which]
    before = target.read_bytes()
    args = ["check", article if which == "file" else corpus, "--baseline", baseline]
    result = invoke(*args, "--rules", rules, "--json", target)
    assert result.exit_code == 2 and "input of this run" in result.output
    assert target.read_bytes() == before


def test_two_outputs_naming_one_file_is_a_usage_error(corpus, tmp_path):
    out = tmp_path / "r.json"
    result = invoke("check", corpus, "--json", out, "-o", tmp_path / "." / "r.json")
    assert result.exit_code == 2 and "name the same file" in result.output
    assert not out.exists()


def test_an_earlier_report_in_the_corpus_folder_is_replaced(corpus):
    for option, name in (("--html", "r.html"), ("--json", "r.json"), ("--text", "r.txt")):
        first = invoke("check", corpus, option, corpus / name, "-q")
        assert first.exit_code == 1
        again = invoke("check", corpus, option, corpus / name, "-q")
        assert again.exit_code == 1, again.output


# --- control characters -----------------------------------------------------------------------

PADDING = "The company said more about its plans for the plant in a statement. " * 12
HOSTILE_TEXT = (
    "Boeing chief executive Kelly Ortberg, 64, said \x1b]0;pwned\x07\x1b[2Jon Monday "
    f"\u202ekool\u202c.\n\n{PADDING}\n"
)
RECORD = {"id": "rec", "text": "Boeing chief executive Kelly Ortberg, 61, said \x00\x0b on Monday."}
OTHER = "Boeing chief executive Kelly Ortberg, 66, said \x9bworkers \u2066x\u2069.\n"
RAW = ("\x1b", "\x00", "\x0b", "\x07", "\x9b", "\u202e", "\u2066")


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "b\x1b[31m.txt").write_text(OTHER, encoding="utf-8")
    (folder / "c.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return folder


def test_control_characters_never_reach_a_report_raw(hostile, tmp_path):
    from xml.etree import ElementTree

    outputs = {name: tmp_path / f"r.{name}" for name in ("text", "markdown", "github", "junit")}
    outputs |= {"sarif": tmp_path / "r.sarif", "html": tmp_path / "r.html"}
    args = [arg for name, path in outputs.items() for arg in (f"--{name}", path)]
    result = invoke("check", hostile, *args, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    assert "Kelly Ortberg - age" in result.stdout and "\\u202e" in result.stdout
    assert not any(c in result.output for c in RAW)
    for name, path in outputs.items():
        text = path.read_text(encoding="utf-8")
        assert not any(c in text for c in RAW), name
    assert "\\x1b" in outputs["text"].read_text(encoding="utf-8")
    ElementTree.parse(outputs["junit"])  # well-formed
    json.loads(outputs["sarif"].read_text(encoding="utf-8"))


def test_claim_offsets_point_into_the_original_text(hostile):
    result = invoke("check", hostile, "--format", "json", "--fail-on", "never")
    report = json.loads(result.stdout)
    claims = [c for c in report["claims"] if c["document"] == "a.txt"]
    assert claims
    for claim in claims:
        assert HOSTILE_TEXT[claim["start"] : claim["end"]] == claim["text"]


# --- exit codes -------------------------------------------------------------------------------


def test_ctrl_c_exits_130_and_writes_nothing(corpus, tmp_path, monkeypatch):
    from checker import pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "compare", interrupted)
    out = tmp_path / "r.json"
    result = invoke("check", corpus, "--json", out, "--html", tmp_path / "r.html")
    assert result.exit_code == 130 and "interrupted" in result.output
    assert sorted(tmp_path.iterdir()) == [corpus]


def test_an_internal_error_is_one_line_and_exit_2(corpus, monkeypatch):
    from checker import pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "compare", broken)
    result = invoke("check", corpus)
    assert result.exit_code == 2
    assert "internal error: ZeroDivisionError: boom" in result.output
    assert "Traceback" not in result.output


# --- bounded parsing: small hostile inputs never crash the run --------------------------------

GOOD = "Boeing chief executive Kelly Ortberg, 64, said on Monday.\n"


def deep_folders(base, depth):
    path = base
    for _ in range(depth):
        path = path / "d"
        path.mkdir()
    return path


def remove_deep(base, depth):
    paths = [base]
    for _ in range(depth):
        paths.append(paths[-1] / "d")
    for path in reversed(paths[1:]):
        for child in path.iterdir():
            child.unlink()
        path.rmdir()


HOSTILE_INPUTS = {
    "brackets.jsonl": "[" * 1000 + "\n",
    "digits.jsonl": '{"text": "' + GOOD.strip() + '", "published": ' + "9" * 5000 + "}\n",
    "digits.json": '{"text": "x", "id": ' + "1" * 5000 + "}",
    "deep-front-matter.md": "---\ntitle: " + "[" * 1000 + "\n---\n" + GOOD,
    "nested-front-matter.md": "---\n"
    + "".join("  " * i + "a:\n" for i in range(1000))
    + "---\n"
    + GOOD,
    "bad-date.md": "---\npublished: 2024-13-45\n---\n" + GOOD,
    "laughs.md": "---\na: &a [x, x, x]\nb: &b [*a, *a, *a]\ntitle: *b\n---\n" + GOOD,
    "surrogate.jsonl": '{"id": "s\\ud800", "text": "' + GOOD.strip() + ' \\udfff"}\n',
}


@pytest.mark.parametrize("name", sorted(HOSTILE_INPUTS))
def test_a_hostile_input_is_a_diagnostic_and_the_rest_is_checked(tmp_path, name):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / name).write_text(HOSTILE_INPUTS[name], encoding="utf-8")
    result = invoke("check", folder, "--format", "json", "--fail-on", "never", "--no-cache")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert "good.txt" in [d["id"] for d in report["documents"]]
    mentioned = [d for d in report["diagnostics"] if d["document"] == name]
    if name.startswith(("brackets", "digits", "deep", "nested", "laughs")):
        (diagnostic,) = [d for d in mentioned if d["code"] == "ingest.limit"]
        assert diagnostic["line"] is not None


def test_a_manifest_nested_1000_deep_or_with_a_huge_csv_field_is_a_diagnostic(tmp_path):
    for name, text in (
        ("sources.yaml", "- file: good.txt\n  outlet: " + "[" * 1000 + "\n"),
        ("sources.csv", "file,outlet\ngood.txt,Wire\nother.txt," + "x" * 200_000 + "\n"),
    ):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
        (folder / name).write_text(text, encoding="utf-8")
        result = invoke("check", folder, "--format", "json", "--fail-on", "never")
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        (diagnostic,) = [d for d in report["diagnostics"] if d["code"] == "ingest.limit"]
        assert diagnostic["document"] == name and diagnostic["line"] in (1, 2, 3)
        if name == "sources.csv":  # the rows before the bad one still apply
            assert report["documents"][0]["outlet"] == "Wire"


def test_a_baseline_of_100000_brackets_is_an_error_naming_it(corpus, tmp_path):
    baseline = tmp_path / "b.json"
    baseline.write_text("[" * 100_000, encoding="utf-8")
    result = invoke("check", corpus, "--baseline", baseline)
    assert result.exit_code == 2
    assert "b.json" in result.output and "nested deeper" in result.output
    assert "Traceback" not in result.output


def test_a_baseline_of_200000_keys_is_read_in_linear_time(corpus, tmp_path):
    baseline = tmp_path / "b.json"
    baseline.write_text(
        "{" + ",".join(f'"k{i}": 1' for i in range(200_000)) + ', "k7": 2}', encoding="utf-8"
    )
    result = invoke("check", corpus, "--baseline", baseline)
    assert result.exit_code == 2 and "'k7' appears twice" in result.output


def test_folders_nested_1500_deep_are_walked(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "top.txt").write_text(GOOD, encoding="utf-8")
    bottom = deep_folders(folder, 1500)
    (bottom / "deep.txt").write_text(GOOD.replace("64", "65"), encoding="utf-8")
    try:
        result = invoke("check", folder, "--format", "json", "--fail-on", "never")
        assert result.exit_code == 0, result.output[-500:]
        ids = [d["id"] for d in json.loads(result.stdout)["documents"]]
        assert "top.txt" in ids and "d/" * 1500 + "deep.txt" in ids
    finally:
        remove_deep(folder, 1500)


# --- corpus confinement -----------------------------------------------------------------------


def test_a_symlink_out_of_the_corpus_is_skipped_unless_asked(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Boeing chief executive Kelly Ortberg, 99, root:x:0:0.\n", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "p.txt").symlink_to(secret)
    (folder / "inner.txt").symlink_to(folder / "good.txt")
    (folder / "sources.yaml").symlink_to(secret)
    html = tmp_path / "r.html"
    result = invoke("check", folder, "--format", "json", "--html", html, "--fail-on", "never")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert "p.txt" not in [d["id"] for d in report["documents"]]
    skipped = {d["document"]: d["code"] for d in report["diagnostics"]}
    assert skipped["p.txt"] == "ingest.outside-corpus"
    assert skipped["sources.yaml"] == "ingest.outside-corpus"
    assert "root:x" not in html.read_text(encoding="utf-8")
    assert "root:x" not in result.stdout
    followed = invoke(
        "check", folder, "--format", "json", "--follow-symlinks", "--fail-on", "never"
    )
    assert "p.txt" in [d["id"] for d in json.loads(followed.stdout)["documents"]]


# --- no input produces a traceback: random and adversarial bytes to every reader --------------

fragments = st.sampled_from(
    [
        "[",
        "]",
        "{",
        "}",
        '"',
        "\\",
        "\\ud800",
        ":",
        ",",
        "-",
        "- ",
        "---\n",
        "\n",
        "  ",
        "&a ",
        "*a",
        "!!python/object:os.system ",
        "!!binary ",
        "!!timestamp ",
        "? ",
        "<<: ",
        "2024-13-45",
        "9" * 80,
        "1e999",
        "NaN",
        "text",
        "published",
        "file",
        "outlet",
        "schema_version",
        "entries",
        "\x00",
        "\x1b[2J",
        "\u202e",
        "\ufeff",
        "<html>",
        "<meta charset=utf-7>",
        "date 2024-05-08\n",
    ]
)
adversarial = st.one_of(
    st.binary(max_size=400),
    st.lists(fragments, max_size=60).map(lambda parts: "".join(parts).encode("utf-8")),
    st.tuples(fragments, st.integers(1, 3000)).map(lambda p: (p[0] * p[1]).encode("utf-8")),
)
PROPERTY = settings(
    max_examples=int(os.environ.get("HOSTILE_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@given(adversarial, st.sampled_from([".txt", ".md", ".json", ".jsonl", ".html"]))
@PROPERTY
def test_every_document_reader_gives_documents_or_diagnostics_for_any_bytes(data, suffix):
    from checker.ingest import READERS
    from checker.sources.base import IngestOptions, Source

    reading = READERS[suffix](Source(data=data, name="x" + suffix), IngestOptions())
    for document in reading.documents:
        document.model_dump_json()  # writable as UTF-8
    assert all(d.document == "x" + suffix and d.message for d in reading.diagnostics)


@given(adversarial, st.sampled_from(["sources.yaml", "sources.csv"]))
@PROPERTY
def test_a_manifest_of_any_bytes_gives_entries_or_diagnostics(tmp_path, data, name):
    from checker.sources.manifest import read_manifest

    path = tmp_path / name
    path.write_bytes(data)
    manifest, problems = read_manifest(path, name)
    assert all(p.document == name for p in problems)
    manifest.model_dump_json()


@given(adversarial)
@PROPERTY
def test_a_baseline_of_any_bytes_loads_or_is_a_baseline_error(tmp_path, data):
    from checker.baseline import BaselineError, load_baseline

    path = tmp_path / "b.json"
    path.write_bytes(data)
    try:
        load_baseline(path)
    except BaselineError as exc:
        assert "b.json" in str(exc)


# --- what CI users expect from a linter -------------------------------------------------------


def test_github_annotates_contradictions_at_error_level(corpus):
    result = invoke("check", corpus, "--format", "github", "--fail-on", "never")
    levels = {line.split(" ", 1)[0] for line in result.stdout.splitlines()}
    assert result.exit_code == 0 and levels == {"::error", "::warning", "::notice"}
    assert result.stdout.startswith("::error ")


def test_jobs_are_capped_at_a_multiple_of_the_cores():
    from checker.cli_engine import MAX_JOBS_PER_CORE, capped_jobs
    from checker.engines.local import default_jobs

    assert capped_jobs(10**6) == MAX_JOBS_PER_CORE * default_jobs()
    assert capped_jobs(1) == 1 and capped_jobs(None) is None


def test_rules_validate_runs_only_the_file_given_and_fails_a_timing_out_example(tmp_path):
    pack = tmp_path / "slow.yaml"
    pack.write_text(
        "pack: slow\nrules:\n  - id: backtrack\n    kind: count\n    attribute: employees\n"
        "    description: Nested alternation that backtracks exponentially.\n"
        "    patterns:\n      - name: nested\n        regex: '(?P<value>(?:a|aa)+)$'\n"
        "    examples:\n      - text: '" + "a" * 40 + "!'\n",
        encoding="utf-8",
    )
    result = invoke("rules", "validate", pack)
    assert result.exit_code == 1
    assert "1 packs, 1 rules, 1 examples, 1 failing" in result.output
    assert "timed out" in result.output


def test_a_config_file_is_found_up_the_tree_and_flags_override_it(corpus, tmp_path, monkeypatch):
    (tmp_path / ".factlint.yaml").write_text(
        "fail-on: never\njobs: 2\noutputs:\n  json: reports/r.json\n", encoding="utf-8"
    )
    work = tmp_path / "work" / "deeper"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    assert invoke("check", corpus, "-q").exit_code == 0
    assert json.loads((tmp_path / "reports" / "r.json").read_text(encoding="utf-8"))["documents"]
    assert invoke("check", corpus, "-q", "--fail-on", "contradiction").exit_code == 1
    assert invoke("check", corpus, "-q", "--isolated").exit_code == 1


def test_pyproject_tool_factlint_is_a_config_and_bad_keys_are_usage_errors(
    corpus, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.factlint]\nfail-on = "never"\n', encoding="utf-8"
    )
    assert invoke("check", corpus, "-q").exit_code == 0
    (tmp_path / ".factlint.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    result = invoke("check", corpus, "-q")
    assert (
        result.exit_code == 2 and "fail-on" in result.output and ".factlint.yaml" in result.output
    )
    (tmp_path / ".factlint.yaml").write_text("colour: red\n", encoding="utf-8")
    result = invoke("check", corpus, "-q")
    assert result.exit_code == 2 and "unknown key 'colour'" in result.output
    (tmp_path / ".factlint.yaml").write_text("rules: " + "[" * 1000 + "\n", encoding="utf-8")
    assert invoke("check", corpus, "-q").exit_code == 2


def test_an_output_cannot_overwrite_the_config_file(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = tmp_path / ".factlint.yaml"
    config.write_text("fail-on: never\n", encoding="utf-8")
    result = invoke("check", corpus, "--text", config)
    assert result.exit_code == 2 and config.read_text(encoding="utf-8") == "fail-on: never\n"


@given(adversarial)
@PROPERTY
def test_a_config_file_of_any_bytes_is_read_or_a_usage_error(tmp_path, data):
    from checker.config import read_config
    from checker.errors import UsageError

    for name in (".factlint.yaml", "pyproject.toml"):
        path = tmp_path / name
        path.write_bytes(data)
        try:
            read_config(path)
        except UsageError as exc:
            assert name in str(exc)


@given(st.text(max_size=80), st.text(max_size=80))
@PROPERTY
def test_junit_is_well_formed_and_every_readable_format_shows_no_raw_control(seeds_report, a, b):
    from xml.etree import ElementTree

    from checker.reporters import REPORTERS, render
    from checker.visible import has_invisible, visible

    first = seeds_report.discrepancies[0]
    value = first.values[0]
    claim = value.claims[0].model_copy(update={"sentence": a + claim_text(value), "text": b})
    odd = first.model_copy(
        update={
            "subject": a,
            "summary": b,
            "explanation": a + b,
            "values": [value.model_copy(update={"claims": [claim]}), *first.values[1:]],
        }
    )
    report = seeds_report.model_copy(update={"discrepancies": [odd]})
    ElementTree.fromstring(render(report, "junit").encode("utf-8"))
    for name, reporter in REPORTERS.items():
        if not reporter.raw:
            assert not has_invisible(render(report, name)), name
    assert render(report, "text").count(visible(a)) >= 1


def claim_text(value):
    return value.claims[0].sentence


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({"no_open_claims": True}, False),
        ({"open_claims": False}, False),
        ({"no_open_claims": False}, True),
    ],
)
def test_config_keys_map_to_any_option_by_name_or_flag(values, expected):
    import click

    from checker.config import Config, command_defaults

    @click.command("check")
    @click.option("--no-open-claims", "open_claims", is_flag=True, flag_value=False, default=True)
    @click.option("--no-cache", "engine_no_cache", is_flag=True)
    @click.option("--color/--no-color", default=None)
    def command(**options):
        return options

    config = Config(path="/x/.factlint.yaml", values={**values, "no_cache": True, "no_color": True})
    defaults = command_defaults(command, config)
    options = command.main([], default_map=defaults, standalone_mode=False)
    assert options == {"open_claims": expected, "engine_no_cache": True, "color": False}
