"""The README's sample runs, made by running factlint, so that they cannot drift.

    python benchmarks/readme_samples.py          # exit 1 when a README sample differs from a run
    python benchmarks/readme_samples.py --write  # rewrite the samples from fresh runs

Each sample sits between `<!-- sample:NAME:start -->` and `<!-- sample:NAME:end -->` in
README.md. `seeds` is `factlint check seeds/`; `real` is a run on one ECB+ cluster of real
news from ../shared, with the quoted sentences left out (the texts are their publishers').
tests/test_readme.py runs the check.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
REAL_CLUSTER = ROOT.parent / "shared" / "corpora" / "real" / "ecbplus" / "t23_ecbplus"
REAL_LINES = 40  # the head of the real report: its summary and first discrepancies
WIDTH = "100"


def _run(corpus: Path) -> str:
    env = {**os.environ, "COLUMNS": WIDTH, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", str(corpus), "--isolated", "--no-cache"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    return done.stdout


def seeds_sample() -> str:
    return "```\n$ factlint check seeds/\n" + _run(ROOT / "seeds").rstrip() + "\n```"


def real_sample() -> str:
    """The head of a run on real news, without the quotes (`open claim` marks open claims)."""
    lines = [line for line in _run(REAL_CLUSTER).splitlines() if not line.lstrip().startswith('"')]
    head = "\n".join(lines[:REAL_LINES]).rstrip()
    command = "$ factlint check ../shared/corpora/real/ecbplus/t23_ecbplus/   # quotes left out"
    return f"```\n{command}\n{head}\n...\n```"


SAMPLES = {"seeds": seeds_sample, "real": real_sample}


def available() -> list[str]:
    """The samples this machine can make (the real one needs ../shared)."""
    return [name for name in SAMPLES if name != "real" or REAL_CLUSTER.is_dir()]


def block(text: str, name: str) -> tuple[int, int]:
    """The span of a sample's text between its markers in `text`."""
    start_marker, end_marker = f"<!-- sample:{name}:start -->\n", f"<!-- sample:{name}:end -->"
    start = text.index(start_marker) + len(start_marker)
    return start, text.index(end_marker, start)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    stale = []
    for name in available():
        start, end = block(text, name)
        fresh = SAMPLES[name]() + "\n"
        if text[start:end] != fresh:
            stale.append(name)
            text = text[:start] + fresh + text[end:]
    if "--write" in sys.argv[1:]:
        README.write_text(text, encoding="utf-8")
        return 0
    for name in stale:
        print(f"README sample '{name}' differs from a run: python {Path(__file__).name} --write")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
