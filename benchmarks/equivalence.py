"""Equivalence guard for optimisations: extracted claims and JSON reports must not change.

Record the claims (every `Claim` of every document, as JSON lines) and the JSON report of a set
of corpora with one version of the code, record them again with another, and compare bytes:

    python benchmarks/equivalence.py record OUT [CORPUS...]     # with the code on sys.path
    python benchmarks/equivalence.py compare A B                 # exit 1 on any difference
    python benchmarks/equivalence.py against REF [CORPUS...]     # REF (a git ref) vs this tree

`against` checks REF out into a temporary git worktree, records with its code and rules, records
with the current tree, and compares. The corpora are seeds/ and every story of
../shared/corpora/dev/, plus any given (use benchmarks/generate.py for wider coverage).
Options after `--` are passed to `run()` in the current tree only (e.g. `jobs=2`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpora" / "dev"


def default_corpora() -> list[str]:
    corpora = [str(ROOT / "seeds")]
    if DEV.is_dir():
        corpora += [str(p) for p in sorted(DEV.iterdir()) if p.is_dir()]
    return corpora


def record(out: Path, corpora: list[str], options: dict) -> None:
    from checker.extract import extract
    from checker.ingest import ingest
    from checker.pipeline import run
    from checker.reporters import render
    from checker.rulebook import load_rulebook

    rulebook = load_rulebook()
    out.mkdir(parents=True, exist_ok=True)
    for corpus in corpora:
        name = Path(corpus).name
        with open(out / f"{name}.claims.jsonl", "w", encoding="utf-8") as stream:
            for document in ingest([corpus]).documents:
                for claim in extract(document, rulebook):
                    stream.write(claim.model_dump_json() + "\n")
        report = run([corpus], rulebook=rulebook, **options)
        (out / f"{name}.report.json").write_text(render(report, "json"), encoding="utf-8")
        print(f"recorded {name}", file=sys.stderr)


def compare(a: Path, b: Path) -> int:
    names = sorted({p.name for p in a.iterdir()} | {p.name for p in b.iterdir()})
    failures = 0
    for name in names:
        left, right = a / name, b / name
        if not left.exists() or not right.exists():
            print(f"MISSING {name}")
            failures += 1
            continue
        x, y = left.read_bytes(), right.read_bytes()
        if x == y:
            print(f"same     {name} ({len(x)} bytes)")
            continue
        failures += 1
        lx, ly = x.decode().splitlines(), y.decode().splitlines()
        line = next((i for i, (p, q) in enumerate(zip(lx, ly, strict=False)) if p != q), None)
        line = min(len(lx), len(ly)) if line is None else line
        print(f"DIFFERS  {name} at line {line + 1}")
        print(f"  - {lx[line][:300] if line < len(lx) else '<end>'}")
        print(f"  + {ly[line][:300] if line < len(ly) else '<end>'}")
    print("identical" if not failures else f"{failures} file(s) differ")
    return 1 if failures else 0


def against(ref: str, corpora: list[str], options: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="factlint-equiv-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), ref],
            check=True,
            capture_output=True,
        )
        try:
            for label, code, extra in (("before", tree, []), ("after", ROOT, options)):
                env = {**os.environ, "PYTHONPATH": str(code)}
                command = [sys.executable, __file__, "record", str(Path(tmp) / label), *corpora]
                subprocess.run(command + (["--", *extra] if extra else []), env=env, check=True)
            return compare(Path(tmp) / "before", Path(tmp) / "after")
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=True
            )


def main(argv: list[str]) -> int:
    options: list[str] = []
    if "--" in argv:
        argv, options = argv[: argv.index("--")], argv[argv.index("--") + 1 :]
    if len(argv) < 2 or argv[0] not in ("record", "compare", "against"):
        print(__doc__, file=sys.stderr)
        return 2
    command, target, rest = argv[0], argv[1], argv[2:]
    corpora = rest if command == "record" and rest else default_corpora() + rest
    if command == "record":
        parsed = {k: json.loads(v) for k, v in (o.split("=", 1) for o in options)}
        record(Path(target), corpora, parsed)
        return 0
    if command == "compare":
        return compare(Path(target), Path(rest[0]))
    return against(target, [str(Path(c).resolve()) for c in corpora], options)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
