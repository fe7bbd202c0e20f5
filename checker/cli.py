"""The command line: parse options, run the pipeline, pick a reporter, set the exit code."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from checker import __version__
from checker.baseline import DEFAULT_BASELINE
from checker.cli_engine import engine_options, pop_engine_options
from checker.cli_inputs import input_options, take_input_options
from checker.config import CONFIG_META, ConfiguredCommand, config_options
from checker.errors import FactlintError, UsageError
from checker.outputs import (
    Content,
    RunInputs,
    Target,
    plan_outputs,
    stdout_taken,
    write_file,
    write_outputs,
)
from checker.report import FAIL_ON_CHOICES, Report
from checker.reporters import REPORTERS, SIGNATURES, pieces, render
from checker.reporters.json import report_schema
from checker.visible import visible

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
DEBUG_VARIABLE = "FACTLINT_DEBUG"  # set it to see the traceback of an internal error


class _Group(click.Group):
    """Turns every error into a one-line message and an exit code that is never 1 (findings).

    factlint's own errors exit 2; Ctrl-C exits 130; anything else is an internal error (a bug):
    one line, exit 2, and the traceback only when FACTLINT_DEBUG is set.
    """

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except FactlintError as exc:
            click.echo(f"factlint: error: {visible(str(exc))}", err=True)
            ctx.exit(EXIT_ERROR)
        except (KeyboardInterrupt, click.Abort):
            click.echo("factlint: interrupted", err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:  # `factlint check ... | head`: the reader left; say nothing
            _silence_stdout()
            ctx.exit(EXIT_ERROR)
        except (click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:
            if os.environ.get(DEBUG_VARIABLE):
                raise
            click.echo(
                f"factlint: internal error: {type(exc).__name__}: {visible(str(exc))[:300]} "
                f"(a bug: please report it; {DEBUG_VARIABLE}=1 shows the traceback)",
                err=True,
            )
            ctx.exit(EXIT_ERROR)


def _silence_stdout() -> None:
    """Point standard output at the null device, so exiting does not fail to flush it."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


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


@main.command(cls=ConfiguredCommand)
@config_options
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
    input, rule-pack, baseline or configuration error (or an internal error), 130 when
    interrupted. Option defaults may come from .factlint.yaml or [tool.factlint] in
    pyproject.toml (see --config, --isolated).
    """
    from checker.baseline import compare_with_baseline, load_baseline, pruned, render_baseline
    from checker.pipeline import cycle_collector_paused, run

    formats = _named_outputs(output, fmt, outputs)
    named = [(option, path) for option, (path, _) in formats.items()]
    targets = plan_outputs(named, _run_inputs(paths, rules, baseline_file), SIGNATURES)
    inputs = take_input_options(outputs, writes=[t.real for t in targets if t.is_file])
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
    with cycle_collector_paused():  # rendering walks the whole report
        write_outputs(
            [
                (target, _render_to(report, formats[target.option][1], target, fail_on))
                for target in targets
            ]
        )
    if not quiet and not output and fmt != "text":
        _warn_about_inputs(report)
    if not quiet and not stdout_taken(targets):
        shown = fmt if not output else "text"
        text = render(report, shown, color=use_color and shown == "text", fail_on=fail_on)
        click.echo(text, nl=False, color=use_color)
    if prune and report.baseline and report.baseline.fixed:
        write_file(baseline_file, "--baseline", render_baseline(pruned(baseline, report)))
        click.echo(
            f"factlint: pruned {len(report.baseline.fixed)} fixed entries from {baseline_file}",
            err=True,
        )
    sys.exit(EXIT_FINDINGS if report.failing(fail_on) else EXIT_CLEAN)


@main.command(cls=ConfiguredCommand)
@config_options
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
    plan_outputs([("--output", output)], _run_inputs(paths, rules, None), SIGNATURES)
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
    write_file(output, "--output", render_baseline(result.baseline))
    stale = f", {len(result.stale)} no longer found" + (" (pruned)" if prune else " (kept)")
    click.echo(
        f"wrote {output}: {len(result.baseline.entries)} entries ({len(result.added)} added, "
        f"{len(result.kept)} kept{stale if result.stale else ''})"
    )


@main.command(cls=ConfiguredCommand)
@config_options
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
                visible(
                    f"{record.document}:{record.start}\t{record.subject}\t{record.attribute}"
                    f"\t{record.value}\t[{record.rule}]" + (f"\t({extra})" if extra else "")
                )
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
    """Validate rule packs (default: the bundled ones) and run their examples.

    With FILES, only their rules' examples run (the bundled packs are loaded too, for the word
    lists and macros they may use); an example whose regex times out fails.
    """
    from checker.examples import run_examples
    from checker.rulebook import load_pack, load_rulebook, pack_files

    rulebook = load_rulebook(files)
    packs = {load_pack(path).pack for path in pack_files(files)} if files else None
    results = run_examples(rulebook, packs)
    failures = [r for r in results if not r.ok]
    for result in failures:
        click.echo(visible(f"{result.rule} example {result.index + 1}: {result.text}"), err=True)
        for problem in result.problems:
            click.echo(visible(f"    {problem}"), err=True)
    counted = rulebook.rules if packs is None else [r for r in rulebook.rules if r.pack in packs]
    sources = len(rulebook.sources) if packs is None else len(pack_files(files))
    click.echo(
        f"{sources} packs, {len(counted)} rules, {len(results)} examples, {len(failures)} failing"
    )
    sys.exit(EXIT_FINDINGS if failures else EXIT_CLEAN)


def _named_outputs(output: str | None, fmt: str, options: dict) -> dict[str, tuple[str, str]]:
    """{option: (path, format)} of every output asked for; the --FORMAT options are popped."""
    named = {"--output": (output, fmt)} if output else {}
    for key in sorted(k for k in options if k.startswith("out_")):
        path, name = options.pop(key), key.removeprefix("out_")
        if path:
            named[f"--{name}"] = (path, name)
    return named


def _render_to(report: Report, fmt: str, target: Target, fail_on: str) -> Content:
    destination = Path(target.path) if target.is_file else None
    return pieces(report, fmt, fail_on=fail_on, destination=destination)


def _run_inputs(paths, rules, baseline_file) -> RunInputs:
    """What a run reads (corpus, rule packs, baseline), so that no output overwrites it."""
    from checker.ingest import READERS
    from checker.rulebook import pack_files
    from checker.sources.manifest import MANIFEST_NAMES

    try:
        packs = [str(p) for p in pack_files(rules)]
    except FactlintError:
        packs = list(rules)
    config = click.get_current_context().meta.get(CONFIG_META)
    return RunInputs(
        corpus=list(paths),
        files=[*packs, *([baseline_file] if baseline_file else []), *([config] if config else [])],
        document_suffixes=frozenset(READERS),
        manifest_names=frozenset(MANIFEST_NAMES),
    )


def _warn_about_inputs(report: Report) -> None:
    """Name skipped documents on standard error when standard output carries another format."""
    for diagnostic in report.diagnostics:
        where = diagnostic.document + (f":{diagnostic.line}" if diagnostic.line else "")
        verb = "skipped" if diagnostic.skipped else "warning"
        click.echo(visible(f"factlint: {verb}: {where}: {diagnostic.message}"), err=True)


def _use_color(flag: bool | None, output: str | None) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def report_from_json(text: str) -> Report:
    """Read a JSON report back into the model (for tools built on factlint)."""
    return Report.model_validate_json(text)
