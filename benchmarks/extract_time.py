"""Time in-process claim extraction (CPU seconds) over a corpus, optionally with a profile.

Ingests the corpus once, then runs `extract` over every document `--repeat` times and prints the
minimum CPU time (time.process_time, so other load on the machine matters little):

    python benchmarks/extract_time.py CORPUS [--repeat 3] [--profile OUT.prof] [--top 30]

With --profile, one extra pass runs under cProfile and the top entries by cumulative and by
own time are printed (the profile is saved to OUT.prof for pstats).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time

from checker.extract import extract
from checker.ingest import ingest
from checker.rulebook import load_rulebook


def extract_all(documents: list, rulebook) -> int:
    return sum(len(extract(document, rulebook)) for document in documents)


def timed_pass(documents: list, rulebook) -> tuple[float, int]:
    start = time.process_time()
    claims = extract_all(documents, rulebook)
    return time.process_time() - start, claims


def profile_pass(documents: list, rulebook, out: str, top: int) -> None:
    profiler = cProfile.Profile()
    profiler.runcall(extract_all, documents, rulebook)
    profiler.dump_stats(out)
    for key in ("cumulative", "tottime"):
        pstats.Stats(out).sort_stats(key).print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", metavar="OUT")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    rulebook = load_rulebook()
    documents = list(ingest([args.corpus]).documents)
    times = []
    for _ in range(args.repeat):
        seconds, claims = timed_pass(documents, rulebook)
        times.append(seconds)
        print(f"extract: {seconds:.2f} s CPU, {len(documents)} documents, {claims} claims")
    if times:
        print(f"minimum: {min(times):.2f} s CPU")
    if args.profile:
        profile_pass(documents, rulebook, args.profile, args.top)


if __name__ == "__main__":
    main()
