"""Errors a user can fix (bad flags, bad rule packs, unreadable corpus) versus findings."""

from __future__ import annotations


class FactlintError(Exception):
    """Base class of every error factlint raises on purpose."""


class UsageError(FactlintError):
    """A bad command-line option, path or corpus: the CLI prints it and exits 2."""


class RuleFileError(FactlintError):
    """A rule pack that does not validate, located by file, line, rule id and field."""

    def __init__(
        self,
        path: str,
        message: str,
        *,
        line: int | None = None,
        rule: str | None = None,
        field: str | None = None,
    ) -> None:
        self.path, self.line, self.rule, self.field = path, line, rule, field
        where = path + (f":{line}" if line else "")
        parts = [where]
        if rule:
            parts.append(f"rule {rule}")
        if field:
            parts.append(f"field {field}")
        super().__init__(f"{', '.join(parts)}: {message}")
