"""factlint: a fact-consistency checker across sources.

from checker import check
report = check(["seeds/"])
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "check"]


def check(paths, rules=(), **options):
    """Check a corpus (files or folders) and return the Report (see checker.report)."""
    from checker.pipeline import run

    return run(paths, rules=rules, **options)
