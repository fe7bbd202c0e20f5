"""Score factlint on every corpus that has a gold file, and print the totals.

    python benchmarks/evaluate_quality.py [--shared ../shared] [--heldout tests/heldout]
    python benchmarks/evaluate_quality.py --only real -v          # the labelled ECB+ clusters
    python benchmarks/evaluate_quality.py --only real --reports DIR   # score saved reports

The real set is the ECB+ clusters of ../shared/corpora/real/ecbplus that have a gold file in
benchmarks/real/gold/ (labelled by reading the articles; the texts stay in ../shared).
`--reports DIR` scores DIR/<cluster>.json instead of running factlint (how the first run,
before open claims, was scored).

Uses the project's scorer (../shared/eval/score.py) when it is there. Precision and recall are
summed over all stories (micro-averages), as the development goal is stated.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from checker import check

ROOT = Path(__file__).resolve().parent.parent
SETS = (
    "seeds",
    "dev",
    "heldout",
    "heldout2",
    "real",
    "real2",
    "realheld",
    "realheld3",
    "realheld4",
)


def corpora(shared: Path, heldout: Path) -> list[tuple[str, Path, Path]]:
    """(name, corpus folder, gold file) for every story with gold."""
    found = [("seeds", ROOT / "seeds", shared / "gold" / "seeds.json")]
    for folder in sorted((shared / "corpora" / "dev").glob("*/")):
        found.append(
            (f"dev/{folder.name}", folder, shared / "gold" / "dev" / f"{folder.name}.json")
        )
    for folder in sorted((heldout / "corpora").glob("*/")):
        found.append((f"heldout/{folder.name}", folder, heldout / "gold" / f"{folder.name}.json"))
    second = ROOT / "benchmarks" / "heldout2"
    for folder in sorted((second / "corpora").glob("*/")):
        found.append((f"heldout2/{folder.name}", folder, second / "gold" / f"{folder.name}.json"))
    real = shared / "corpora" / "real" / "ecbplus"
    for gold in sorted((ROOT / "benchmarks" / "real" / "gold").glob("*.json")):
        found.append((f"real/{gold.stem}", real / gold.stem, gold))
    for gold in sorted((ROOT / "benchmarks" / "real" / "gold2").glob("*.json")):
        found.append((f"real2/{gold.stem}", real / gold.stem, gold))
    for gold in sorted((ROOT / "benchmarks" / "real" / "heldout-gold").glob("*.json")):
        found.append((f"realheld/{gold.stem}", real / gold.stem, gold))
    for gold in sorted((ROOT / "benchmarks" / "real" / "heldout3-gold").glob("*.json")):
        found.append((f"realheld3/{gold.stem}", real / gold.stem, gold))
    for gold in sorted((ROOT / "benchmarks" / "real" / "heldout4-gold").glob("*.json")):
        found.append((f"realheld4/{gold.stem}", real / gold.stem, gold))
    return [(n, c, g) for n, c, g in found if c.is_dir() and g.is_file()]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--heldout", type=Path, default=ROOT / "tests" / "heldout")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument(
        "--only",
        choices=SETS,
        help="only this set",
    )
    parser.add_argument("--reports", type=Path, help="score saved reports (DIR/<story>.json)")
    parser.add_argument("--save", type=Path, help="write each report to DIR/<story>.json")
    parser.add_argument("--no-open-claims", action="store_true")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("score", args.shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        print(f"no scorer at {args.shared / 'eval' / 'score.py'}", file=sys.stderr)
        return 2
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    totals = {name: [0, 0, 0, 0] for name in SETS}
    for name, corpus, gold_path in corpora(args.shared, args.heldout):
        if args.only and name.split("/")[0] != args.only:
            continue
        if args.reports:
            report = json.loads((args.reports / f"{corpus.name}.json").read_text(encoding="utf-8"))
        else:
            options = {"open_claims": False} if args.no_open_claims else {}
            report = json.loads(check([str(corpus)], **options).model_dump_json())
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                (args.save / f"{corpus.name}.json").write_text(json.dumps(report, indent=1))
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = scorer.score(gold, report)
        found, missed = len(result["must_found"]), len(result["must_missed"])
        tp, fp = len(result["true_positive_flags"]), len(result["false_positive_flags"])
        bucket = totals[name.split("/")[0]]
        for i, n in enumerate((found, missed, tp, fp)):
            bucket[i] += n
        print(f"{name:45} recall {result['recall']:.2f}  precision {result['precision']:.2f}")
        if args.verbose:
            for key in ("must_missed", "false_positive_flags"):
                for entry in result[key]:
                    print(f"    {key}: {entry}")
    for bucket, (found, missed, tp, fp) in totals.items():
        if found + missed:
            recall = found / (found + missed)
            precision = tp / (tp + fp) if tp + fp else 1.0
            print(
                f"TOTAL {bucket:39} recall {recall:.2f}  precision {precision:.2f}  "
                f"(must {found}/{found + missed}, flags {tp} right / {fp} wrong)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
