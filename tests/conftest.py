from __future__ import annotations

from pathlib import Path

import pytest

from checker.rulebook import load_rulebook

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def _cache_secret_outside_home(tmp_path_factory):
    """The rules cache's signing secret lives in a temporary folder, not in ~/.cache."""
    from checker.rules_cache import SECRET_VARIABLE

    patch = pytest.MonkeyPatch()
    patch.setenv(SECRET_VARIABLE, str(tmp_path_factory.mktemp("secret")))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def rulebook():
    return load_rulebook()


@pytest.fixture(scope="session")
def seeds_report():
    from checker import check

    return check([str(SEEDS)])
