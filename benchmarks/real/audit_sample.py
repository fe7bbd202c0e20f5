"""Draw the hand-audit sample: run factlint on every ECB+ cluster and pick 40 flags (seeded).

    python benchmarks/real/audit_sample.py [OUT]   # OUT (default /tmp/audit): sample.md, reports/

Prints documents, claims per document and the number of flags; `sample.md` lists each drawn
flag with its values, documents and sentences, to be judged against the articles
(`benchmarks/real/audit-*.md` holds the verdicts). The texts stay in ../shared.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from checker import check

CLUSTERS = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "real" / "ecbplus"
SEED, SIZE = 20261203, 40


def _flag_lines(number: int, cluster: str, flag: dict) -> list[str]:
    scope = f" (scope {flag['scope']})" if flag.get("scope") else ""
    lines = [
        f"## Flag {number}: {cluster} — {flag['severity']} — "
        f"{flag['subject']} / {flag['attribute']}{scope}",
        f"Summary: {flag['summary']}",
    ]
    for value in flag["values"]:
        lines.append(f"- value **{value['value']}**")
        for claim in value["claims"][:4]:
            lines.append(
                f'    - {claim["document"]} ({claim["rule"]}): "{claim["text"]}" '
                f"in: {claim['sentence']}"
            )
    return [*lines, ""]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/audit")
    (out / "reports").mkdir(parents=True, exist_ok=True)
    flags, documents, claims = [], 0, 0
    for cluster in sorted(p for p in CLUSTERS.iterdir() if p.is_dir()):
        report = json.loads(check([str(cluster)]).model_dump_json())
        (out / "reports" / f"{cluster.name}.json").write_text(json.dumps(report, indent=1))
        documents += len(report["documents"])
        claims += len(report["claims"])
        flags += [
            (cluster.name, d)
            for d in report["discrepancies"]
            if d["severity"] in ("contradiction", "warning")
        ]
    print(f"documents {documents} claims {claims} per document {claims / documents:.2f}")
    print(f"flags {len(flags)}")
    sample = random.Random(SEED).sample(flags, min(SIZE, len(flags)))
    lines = [line for n, (c, f) in enumerate(sample, 1) for line in _flag_lines(n, c, f)]
    (out / "sample.md").write_text("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
