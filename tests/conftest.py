from __future__ import annotations

from pathlib import Path

import pytest

from checker.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def rulebook():
    return load_rulebook()


@pytest.fixture(scope="session")
def seeds_report():
    from checker import check

    return check([str(SEEDS)])
