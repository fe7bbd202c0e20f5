"""The configuration file: `.factlint.yaml` or `[tool.factlint]` in `pyproject.toml`.

It is found the way ruff and Vale find theirs: in the current directory, else the nearest
parent that has one (`.factlint.yaml`, then `.factlint.yml`, then a `pyproject.toml` with a
`[tool.factlint]` table). Its keys are the long options of the commands, spelt with dashes or
underscores (`fail-on`, `rules`, `baseline`, `jobs`, `cache-dir`, `follow-symlinks`...;
`outputs` maps formats to files), so a new option is a new key with no change here. Each
value is a default the command line overrides. Relative paths are relative to the file.
`--config FILE` names the file; `--isolated` reads none.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import click
import yaml
from pydantic import BaseModel, ConfigDict, Field

from checker.bounded import LimitError, load_yaml
from checker.errors import UsageError

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml")
PYPROJECT = "pyproject.toml"
CHECK_ONLY = frozenset({"output", "format"})  # keys that `baseline` and `claims` do not take
NOT_KEYS = frozenset({"config", "isolated", "help"})
MAX_CONFIG_BYTES = 1024 * 1024
CONFIG_META = "factlint.config"  # where a command's context keeps the file read


class Config(BaseModel):
    """A configuration file that was found and read."""

    model_config = ConfigDict(frozen=True)

    path: str
    values: dict[str, object] = Field(description="Keys with dashes made underscores.")

    @property
    def folder(self) -> Path:
        """The folder relative paths in the file are relative to."""
        return Path(self.path).resolve().parent


def find_config(start: Path | None = None) -> Path | None:
    """The configuration file of the current directory or its nearest parent that has one."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and _has_factlint_table(pyproject):
            return pyproject
    return None


def read_config(path: Path) -> Config:
    """Read a configuration file; any problem is a UsageError naming it."""
    try:
        raw = path.read_bytes()[: MAX_CONFIG_BYTES + 1]
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"config {path}: cannot read it: {exc}") from exc
    if len(raw) > MAX_CONFIG_BYTES:
        raise UsageError(f"config {path}: larger than {MAX_CONFIG_BYTES} bytes")
    data = _toml_table(path, text) if path.name == PYPROJECT else _yaml_mapping(path, text)
    return Config(path=str(path), values=_flattened(data, path))


def command_defaults(command: click.Command, config: Config) -> dict[str, object]:
    """The config's values as `command`'s default_map: {parameter name: value}."""
    defaults: dict[str, object] = {}
    for key, value in config.values.items():
        if key in CHECK_ONLY and command.name != "check":
            continue
        found = _parameter(command, key)
        if found is None:
            continue
        param, how = found
        defaults[param.name] = _value(param, key, value, how, config)
    return defaults


def check_keys(commands: list[click.Command], config: Config) -> None:
    """Raise UsageError for a key that no command takes."""
    for key in config.values:
        if key in NOT_KEYS or not any(_parameter(c, key) for c in commands):
            known = sorted({_dashed(k) for c in commands for k in _keys(c)})
            raise UsageError(
                f"config {config.path}: unknown key {_dashed(key)!r} (known: {', '.join(known)})"
            )


def _has_factlint_table(path: Path) -> bool:
    try:
        return "factlint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False


def _toml_table(path: Path, text: str) -> object:
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError) as exc:
        raise UsageError(f"config {path}: not valid TOML: {exc}") from exc
    return data.get("tool", {}).get("factlint", {})


def _yaml_mapping(path: Path, text: str) -> object:
    try:
        return load_yaml(text) or {}
    except LimitError as exc:
        raise UsageError(f"config {path}:{exc.line or 1}: not read: {exc.message}") from exc
    except yaml.YAMLError as exc:
        raise UsageError(f"config {path}: not valid YAML: {exc}") from exc


def _flattened(data: object, path: Path) -> dict[str, object]:
    """Keys with underscores; `outputs: {json: r.json}` as `json: r.json`."""
    if not isinstance(data, dict):
        raise UsageError(f"config {path}: expected a mapping of options to values")
    values: dict[str, object] = {}
    for key, value in data.items():
        name = str(key).replace("-", "_")
        if name == "outputs":
            if not isinstance(value, dict):
                raise UsageError(f"config {path}: outputs: expected a mapping of formats to files")
            values.update({str(k).replace("-", "_"): v for k, v in value.items()})
        else:
            values[name] = value
    return values


def _keys(command: click.Command) -> set[str]:
    return {
        option.lstrip("-").replace("-", "_")
        for param in command.params
        if isinstance(param, click.Option) and param.expose_value
        for option in [*param.opts, *param.secondary_opts]
        if option.startswith("--")
    } - NOT_KEYS


def _parameter(command: click.Command, key: str) -> tuple[click.Option, str] | None:
    """The option a key sets, and how the key names it.

    By the parameter's `name`, by a `flag` (`no-cache: true`), or by the `negative` form of
    a --x/--no-x pair (`no-color: true`).
    """
    for param in command.params:
        if not isinstance(param, click.Option) or not param.expose_value or key in NOT_KEYS:
            continue
        names = {o.lstrip("-").replace("-", "_") for o in param.opts if o.startswith("--")}
        negatives = {o.lstrip("-").replace("-", "_") for o in param.secondary_opts}
        if key == param.name:
            return param, "name"
        if key in names:
            return param, "flag" if param.is_flag and not param.secondary_opts else "name"
        if key in negatives:
            return param, "negative"
    return None


def _value(param: click.Option, key: str, value: object, how: str, config: Config) -> object:
    """The value converted and checked by the option's own type; paths made absolute."""
    if how == "negative":
        value = not value
    elif how == "flag" and isinstance(value, bool):  # `--no-open-claims` may store False
        value = _flag_value(param, value)
    if param.multiple:
        if isinstance(value, dict):
            value = [f"{k}={v}" for k, v in value.items()]
        value = value if isinstance(value, list) else [value]
    if isinstance(param.type, click.Path):
        value = [_path(v, config) for v in value] if param.multiple else _path(value, config)
    try:
        return param.type_cast_value(click.Context(click.Command("config")), value)
    except click.BadParameter as exc:
        raise UsageError(f"config {config.path}: {_dashed(key)}: {exc.message}") from exc


def _flag_value(param: click.Option, given: bool) -> object:
    """A flag's value when it is given (`given`) or not."""
    flag = param.flag_value
    if param.is_bool_flag or isinstance(flag, bool):
        flag = flag if isinstance(flag, bool) else True
        return flag if given else not flag
    return flag if given else param.default


def _dashed(key: str) -> str:
    return key.replace("_", "-")


def _path(value: object, config: Config) -> object:
    if not isinstance(value, str) or value == "-" or os.path.isabs(value):
        return value
    return str(config.folder / value)


class ConfiguredCommand(click.Command):
    """A command whose option defaults come from the configuration file (flags override them)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Read the configuration named or found, then parse the command line over it."""
        path, isolated = _config_arguments(args)
        found = None if isolated else Path(path) if path else find_config()
        if found is not None:
            if not found.is_file():
                raise UsageError(f"config {found}: no such file")
            config = read_config(found)
            ctx.meta[CONFIG_META] = config.path
            siblings = list(ctx.parent.command.commands.values()) if _is_group(ctx.parent) else []
            check_keys([self, *siblings], config)
            ctx.default_map = {**(ctx.default_map or {}), **command_defaults(self, config)}
        return super().parse_args(ctx, args)


def config_options(command):
    """Add --config FILE and --isolated (read by ConfiguredCommand before the other options)."""
    command = click.option(
        "--isolated",
        is_flag=True,
        expose_value=False,
        help="Read no configuration file (for untrusted checkouts).",
    )(command)
    return click.option(
        "--config",
        type=click.Path(dir_okay=False),
        expose_value=False,
        metavar="FILE",
        help="The configuration file (default: .factlint.yaml or [tool.factlint] in "
        "pyproject.toml, in this directory or the nearest parent).",
    )(command)


def _config_arguments(args: list[str]) -> tuple[str | None, bool]:
    """--config FILE and --isolated from the raw arguments (before a `--`)."""
    path, isolated = None, False
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--isolated":
            isolated = True
        elif arg == "--config" and index + 1 < len(args):
            path = args[index + 1]
        elif arg.startswith("--config="):
            path = arg.removeprefix("--config=")
    return path, isolated


def _is_group(ctx: click.Context | None) -> bool:
    return ctx is not None and isinstance(ctx.command, click.Group)
