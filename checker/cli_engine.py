"""CLI options for how a check runs (processes, cache, engine, progress): never what it finds."""

from __future__ import annotations

import click

from checker.cache import DEFAULT_CACHE_DIR
from checker.cache_pruning import DEFAULT_MAX_BYTES, parse_size
from checker.engines import ENGINES

_PREFIX = "engine_"
MAX_JOBS_PER_CORE = 4  # --jobs is capped at this many processes per core


def engine_options(command):
    """Add --jobs, --cache-dir, --cache-max-size, --no-cache, --engine and --scheduler."""
    options = [
        click.option(
            "--jobs",
            "-j",
            f"{_PREFIX}jobs",
            type=click.IntRange(min=1),
            default=None,
            help="Processes that extract claims (default: all cores; at most "
            f"{MAX_JOBS_PER_CORE} per core; with --engine dask: workers of the local cluster).",
        ),
        click.option(
            "--cache-dir",
            f"{_PREFIX}cache_dir",
            type=click.Path(file_okay=False),
            default=DEFAULT_CACHE_DIR,
            show_default=True,
            help="Where each document's claims are cached by content hash and rules version.",
        ),
        click.option(
            "--cache-max-size",
            f"{_PREFIX}cache_max_size",
            type=_Size(),
            default=DEFAULT_MAX_BYTES,
            metavar="SIZE",
            help="Past this size (e.g. 500M, 2G; 0: no limit) the least recently used cache "
            "entries are removed after a run  [default: 1G].",
        ),
        click.option(
            "--no-cache",
            f"{_PREFIX}no_cache",
            is_flag=True,
            help="Neither read nor write the claim cache.",
        ),
        click.option(
            "--engine",
            f"{_PREFIX}engine",
            type=click.Choice(ENGINES),
            default="local",
            show_default=True,
            help='Where to run: this machine, or a Dask cluster (pip install "factlint[dask]").',
        ),
        click.option(
            "--scheduler",
            f"{_PREFIX}scheduler",
            metavar="ADDRESS",
            help="With --engine dask: the scheduler, e.g. tcp://HOST:8786 (default: start a "
            "local cluster).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def pop_engine_options(options: dict, quiet: bool) -> dict:
    """Remove the engine options from a command's keyword arguments; return run()'s."""
    picked = {
        k.removeprefix(_PREFIX): options.pop(k) for k in list(options) if k.startswith(_PREFIX)
    }
    if picked.get("scheduler") and picked.get("engine") != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    return {
        "jobs": capped_jobs(picked.get("jobs"), quiet),
        "cache_dir": None if picked.get("no_cache") else picked.get("cache_dir"),
        "cache_max_bytes": picked.get("cache_max_size", DEFAULT_MAX_BYTES),
        "engine": picked.get("engine", "local"),
        "scheduler": picked.get("scheduler"),
        "progress": False if quiet else None,
    }


class _Size(click.ParamType):
    """A size in bytes written as 500M, 2G or 1.5GiB."""

    name = "size"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def capped_jobs(jobs: int | None, quiet: bool = True) -> int | None:
    """--jobs, at most MAX_JOBS_PER_CORE processes per core (a note says when it was capped)."""
    from checker.engines.local import default_jobs

    ceiling = MAX_JOBS_PER_CORE * default_jobs()
    if jobs is None or jobs <= ceiling:
        return jobs
    if not quiet:
        click.echo(
            f"factlint: --jobs {jobs} capped at {ceiling} ({MAX_JOBS_PER_CORE} per core)", err=True
        )
    return ceiling
