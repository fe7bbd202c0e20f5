"""The command line: parse options, run the pipeline, pick a reporter, set the exit code."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import click

from checker import __version__
from checker.baseline import DEFAULT_BASELINE
from checker.cli_engine import engine_options, pop_engine_options
from checker.cli_inputs import input_options, take_input_options
from checker.errors import FactlintError, UsageError
from checker.report import FAIL_ON_CHOICES, Report
from checker.reporters import REPORTERS, render
from checker.reporters.json import report_schema

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Group(click.Group):
    """Turns factlint's own errors into a one-line message and exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FactlintError as exc:
            click.echo(f"factlint: error: {exc}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factlint")
def main() -> None:
    """factlint: find where news sources disagree on the facts."""


rules_option = click.option(
    "--rules",
    "rules",
    multiple=True,
    type=click.Path(),
    help="Extra rule pack file or folder (repeatable).",
)


def output_file_options(command):
    """Add `--NAME FILE` for every registered reporter (so new formats need no CLI change)."""
    for name in sorted(REPORTERS, reverse=True):
        command = click.option(
            f"--{name}",
            f"out_{name}",
            type=click.Path(dir_okay=False),
            metavar="FILE",
            help=f"Also write the {name} report ({REPORTERS[name].description}) to FILE.",
        )(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(REPORTERS)),
    default="text",
    show_default=True,
    help="Format written to --output (or standard output).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="Write the report here instead of standard output.",
)
@output_file_options
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default="contradiction",
    show_default=True,
    help="Exit 1 when a discrepancy at or above this severity is found.",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(),
    metavar="FILE",
    help="Fail only on discrepancies this baseline does not hold (see `factlint baseline`).",
)
@click.option(
    "--prune",
    is_flag=True,
    help="With --baseline: drop the entries no longer found from the baseline file.",
)
@rules_option
@input_options
@click.option(
    "--timings",
    is_flag=True,
    help="Record the run time in the report (the JSON then varies between runs).",
)
@click.option(
    "--quiet", "-q", is_flag=True, help="Print nothing on standard output (and no progress bar)."
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text report (default: when a terminal; NO_COLOR turns it off).",
)
@click.option(
    "--no-open-claims",
    "no_open_claims",
    is_flag=True,
    help="Read only the values the rule packs name (no open claims for the others).",
)
@engine_options
def check(
    paths,
    fmt,
    output,
    fail_on,
    baseline_file,
    prune,
    rules,
    timings,
    quiet,
    color,
    no_open_claims,
    **outputs,
) -> None:
    """Check the documents under PATHS for discrepancies.

    PATHS are files or folders (read recursively): .txt, .md, .html/.htm, .json, .jsonl;
    "-" reads one document from standard input. Exit status: 0 when nothing reaches
    --fail-on (with --baseline: nothing new does), 1 when something does, 2 on a usage,
    input, rule-pack or baseline error.
    """
    from checker.baseline import compare_with_baseline, load_baseline, pruned, render_baseline
    from checker.pipeline import run

    writes = [output, *(path for key, path in outputs.items() if key.startswith("out_"))]
    inputs = take_input_options(outputs, writes=writes)
    if prune and not baseline_file:
        raise UsageError("--prune needs --baseline FILE")
    baseline = load_baseline(baseline_file) if baseline_file else None
    engine = pop_engine_options(outputs, quiet)
    report = run(
        paths, rules=rules, timings=timings, open_claims=not no_open_claims, **inputs, **engine
    )
    if baseline is not None:
        report = compare_with_baseline(report, baseline, baseline_file)
    use_color = _use_color(color, output)
    if output:
        write_atomic(Path(output), render(report, fmt, fail_on=fail_on, destination=Path(output)))
    for key, path in sorted(outputs.items()):
        if path:
            name = key.removeprefix("out_")
            write_atomic(Path(path), render(report, name, fail_on=fail_on, destination=Path(path)))
    if not quiet and not output and fmt != "text":
        _warn_about_inputs(report)
    if not quiet:
        shown = fmt if not output else "text"
        text = render(report, shown, color=use_color and shown == "text", fail_on=fail_on)
        click.echo(text, nl=False, color=use_color)
    if prune and report.baseline and report.baseline.fixed:
        write_atomic(Path(baseline_file), render_baseline(pruned(baseline, report)))
        click.echo(
            f"factlint: pruned {len(report.baseline.fixed)} fixed entries from {baseline_file}",
            err=True,
        )
    sys.exit(EXIT_FINDINGS if report.failing(fail_on) else EXIT_CLEAN)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    default=DEFAULT_BASELINE,
    show_default=True,
    help="The baseline file to write.",
)
@click.option(
    "--update",
    is_flag=True,
    help="Refresh an existing baseline: add new discrepancies, keep statuses and notes.",
)
@click.option("--prune", is_flag=True, help="With --update: drop the entries no longer found.")
@rules_option
@input_options
def baseline(paths, output, update, prune, rules, **inputs) -> None:
    """Record the discrepancies found under PATHS in a baseline file.

    `factlint check PATHS --baseline FILE` then fails only on discrepancies the file does
    not hold. Set an entry's "status" to "accepted" or "false_positive" (and "note" to why)
    by editing the file; --update keeps them.
    """
    from checker.baseline import load_baseline, record_baseline, render_baseline
    from checker.pipeline import run

    target = Path(output)
    if prune and not update:
        raise UsageError("--prune needs --update (a new baseline has nothing to prune)")
    if target.exists() and not update:
        raise UsageError(
            f"{output} exists: use --update to refresh it (statuses and notes are kept), "
            "or remove it first"
        )
    previous = load_baseline(target) if update else None
    report = run(paths, rules=rules, **take_input_options(inputs, writes=[output]))
    result = record_baseline(report, previous, prune=prune)
    write_atomic(target, render_baseline(result.baseline))
    stale = f", {len(result.stale)} no longer found" + (" (pruned)" if prune else " (kept)")
    click.echo(
        f"wrote {output}: {len(result.baseline.entries)} entries ({len(result.added)} added, "
        f"{len(result.kept)} kept{stale if result.stale else ''})"
    )


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True
)
@rules_option
@input_options
def claims(paths, fmt, rules, **inputs) -> None:
    """Print the claims extracted from PATHS, to audit extraction."""
    from checker.pipeline import run

    report = run(paths, rules=rules, **take_input_options(inputs))
    for record in report.claims:
        if fmt == "jsonl":
            click.echo(json.dumps(record.model_dump(mode="json"), ensure_ascii=False))
        else:
            extra = ", ".join(
                filter(
                    None,
                    [
                        record.tense if record.tense != "current" else None,
                        record.hedge,
                        record.scope and f"scope {record.scope}",
                        record.as_of,
                    ],
                )
            )
            click.echo(
                f"{record.document}:{record.start}\t{record.subject}\t{record.attribute}\t{record.value}"
                f"\t[{record.rule}]" + (f"\t({extra})" if extra else "")
            )


@main.command()
@click.option("--baseline", "of_baseline", is_flag=True, help="The baseline file's schema instead.")
def schema(of_baseline) -> None:
    """Print the JSON Schema of the report (or of the baseline file)."""
    from checker.baseline import baseline_schema

    click.echo(baseline_schema() if of_baseline else report_schema(), nl=False)


@main.group()
def rules() -> None:
    """List or validate rule packs."""


@rules.command("list")
@rules_option
def rules_list(rules) -> None:
    """List every rule: id, kind and description."""
    from checker.rulebook import load_rulebook

    rulebook = load_rulebook(rules)
    for rule in rulebook.rules:
        click.echo(f"{rule.id:36} {rule.rule.kind:9} {rule.rule.description}")


@rules.command("validate")
@click.argument("files", nargs=-1, type=click.Path())
def rules_validate(files) -> None:
    """Validate rule packs (default: the bundled ones) and run their examples."""
    from checker.examples import run_examples
    from checker.rulebook import load_rulebook

    rulebook = load_rulebook(files)
    results = run_examples(rulebook)
    failures = [r for r in results if not r.ok]
    for result in failures:
        click.echo(f"{result.rule} example {result.index + 1}: {result.text}", err=True)
        for problem in result.problems:
            click.echo(f"    {problem}", err=True)
    click.echo(
        f"{len(rulebook.sources)} packs, {len(rulebook.rules)} rules, {len(results)} examples, "
        f"{len(failures)} failing"
    )
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)


def write_atomic(path: Path, text: str) -> None:
    """Write a file through a temporary file and a rename, so a crash never leaves half a report.

    A file that cannot be written is a UsageError (exit 2); the previous file is left as it was.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def _mode_for(path: Path) -> int:
    """The permissions a report gets: the old file's, else the usual ones (mkstemp's are 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _warn_about_inputs(report: Report) -> None:
    """Name skipped documents on standard error when standard output carries another format."""
    for diagnostic in report.diagnostics:
        where = diagnostic.document + (f":{diagnostic.line}" if diagnostic.line else "")
        verb = "skipped" if diagnostic.skipped else "warning"
        click.echo(f"factlint: {verb}: {where}: {diagnostic.message}", err=True)


def _use_color(flag: bool | None, output: str | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def report_from_json(text: str) -> Report:
    """Read a JSON report back into the model (for tools built on factlint)."""
    return Report.model_validate_json(text)
