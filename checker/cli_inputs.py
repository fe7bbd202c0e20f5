"""The command-line options on how to read a corpus, shared by `check` and `claims`."""

from __future__ import annotations

import os

import click


class ByteSize(click.ParamType):
    """A size such as 500000, 800k, 32MB or 1GiB (powers of 1024)."""

    name = "size"
    _UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}

    def convert(self, value, param, ctx):
        """Bytes from a size with an optional unit."""
        if isinstance(value, int):
            return value
        text = str(value).strip().lower().removesuffix("ib").removesuffix("b")
        number, unit = text.rstrip("kmg"), text[len(text.rstrip("kmg")) :]
        try:
            size = int(float(number) * self._UNITS[unit])
        except (ValueError, KeyError):
            self.fail(f"{value!r} is not a size (try 500k, 32MB or 1GiB)", param, ctx)
        if size <= 0:
            self.fail(f"{value!r}: the size must be positive", param, ctx)
        return size


def parse_field_options(values: tuple[str, ...]) -> dict[str, str]:
    """`--field text=body` options as {'text': 'body'}; unknown names are usage errors."""
    from checker.sources.metadata import FIELD_NAMES

    fields: dict[str, str] = {}
    for value in values:
        name, sep, key = value.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not name or not key:
            raise click.BadParameter(
                f"{value!r}: expected NAME=KEY, such as text=body", param_hint="--field"
            )
        if name not in FIELD_NAMES:
            raise click.BadParameter(
                f"{name!r} is not a record field (one of {', '.join(FIELD_NAMES)})",
                param_hint="--field",
            )
        fields[name] = key
    return fields


def input_options(command):
    """Options on how to read the corpus, shared by `check` and `claims`."""
    from checker.duplicates import DEFAULT_SIMILARITY
    from checker.sources.base import DEFAULT_MAX_BYTES

    options = [
        click.option(
            "--field",
            "fields",
            multiple=True,
            metavar="NAME=KEY",
            help="JSON/JSONL records: read NAME (text, id, title, url, published, outlet) "
            "from KEY, e.g. --field text=body (dotted keys reach into nested objects).",
        ),
        click.option(
            "--max-size",
            type=ByteSize(),
            default=DEFAULT_MAX_BYTES,
            show_default="32MiB",
            help="Skip (and report) files larger than this.",
        ),
        click.option(
            "--stdin-format",
            type=click.Choice(["auto", "text", "html", "json", "jsonl"]),
            default="auto",
            show_default=True,
            help="What '-' (standard input) holds; auto tells HTML from text.",
        ),
        click.option(
            "--duplicates",
            "duplicate_similarity",
            type=click.FloatRange(0.5, 1.0),
            default=DEFAULT_SIMILARITY,
            show_default=True,
            help="How alike (word-level similarity, 0.5-1) two documents must be to count "
            "as one syndicated article.",
        ),
        click.option(
            "--keep-duplicates",
            is_flag=True,
            help="Count syndicated copies as separate sources.",
        ),
        click.option(
            "--follow-symlinks",
            is_flag=True,
            help="Read what symbolic links lead to outside the paths given (default: skip them).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


INPUT_OPTIONS = (
    "fields",
    "max_size",
    "stdin_format",
    "duplicate_similarity",
    "keep_duplicates",
    "follow_symlinks",
)


def take_input_options(options: dict, writes=()) -> dict[str, object]:
    """Pop the input options from a command's keyword arguments: the pipeline's arguments.

    `writes` are the files the command will write, never read back as documents.
    """
    from checker.ingest import IngestOptions

    values = {name: options.pop(name) for name in INPUT_OPTIONS}
    similarity = None if values["keep_duplicates"] else values["duplicate_similarity"]
    return {
        "ingest_options": IngestOptions(
            max_bytes=values["max_size"],
            fields=parse_field_options(values["fields"]),
            stdin_format=values["stdin_format"],
            exclude=frozenset(os.path.realpath(p) for p in writes if p),
            follow_symlinks=values["follow_symlinks"],
        ),
        "duplicate_similarity": similarity,
    }
