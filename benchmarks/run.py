"""Benchmark `factlint check` end to end (ingest -> JSON report) on generated corpora.

For each size (default 1k, 10k and 100k documents) it generates a corpus (benchmarks/generate.py,
fixed seed) if missing, then measures as child processes:

- a cold run (`--no-cache`, all cores): wall time, CPU time, words/s, documents/s, and the
  peak memory of the whole process tree (the main process plus its workers, sampled from
  /proc every 0.2 s; the largest single process is shown too);
- with the cache: a first run that fills it, then a re-run after one document changed;
- the naive baseline a user would otherwise write, `dateparser.search_dates` over every
  document, on a sample of documents (the full run would take hours): its words/s is
  measured on the sample and the full time extrapolated, and the ratio printed.

The table goes into benchmarks/RESULTS.md between the result markers, with the machine.

    python benchmarks/run.py [--sizes 1000 10000 100000] [--jobs N] [--baseline-sample 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
GENERATED = HERE / "generated"
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"


@dataclass
class Measure:
    wall: float
    cpu: float
    peak_tree_mb: float
    peak_process_mb: float
    exit_code: int


def corpus_words(path: Path) -> tuple[int, int]:
    documents = words = 0
    for file in sorted(path.rglob("*.md")):
        documents += 1
        words += len(file.read_text(encoding="utf-8").split())
    return documents, words


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as stream:
                parent = int(stream.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current, []))
    return found


def _rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as stream:
            for line in stream:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(command: list[str], cwd: Path) -> Measure:
    """Run a command; wall and CPU time, and peak memory of its process tree."""
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peaks = {"tree": 0.0, "process": 0.0}

    def sample() -> None:
        while process.poll() is None:
            sizes = [_rss_mb(p) for p in _descendants(process.pid)]
            peaks["tree"] = max(peaks["tree"], sum(sizes))
            peaks["process"] = max(peaks["process"], max(sizes, default=0.0))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    if process.returncode not in (0, 1):
        sys.stderr.write(errors)
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
    return Measure(wall, cpu, peaks["tree"], peaks["process"], process.returncode)


EXTRA_ARGS: list[str] = []  # --factlint-args, e.g. --keep-duplicates


def factlint(corpus: Path, out: Path, jobs: int, cache: Path | None) -> list[str]:
    command = [sys.executable, "-m", "checker", "check", str(corpus), "--format", "json"]
    command += ["-o", str(out), "-q", "--jobs", str(jobs), *EXTRA_ARGS]
    command += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    return command


def baseline_words_per_second(corpus: Path, sample: int) -> tuple[float, int]:
    """dateparser.search_dates over a sample of the corpus's documents, in this process."""
    from dateparser.search import search_dates

    files = sorted(corpus.rglob("*.md"))
    step = max(1, len(files) // sample)
    chosen = files[::step][:sample]
    texts = [f.read_text(encoding="utf-8") for f in chosen]
    search_dates("warm up on 4 May 2024", languages=["en"])  # first call loads its data
    started = time.process_time()
    for text in texts:
        search_dates(text, languages=["en"])
    seconds = time.process_time() - started
    return sum(len(t.split()) for t in texts) / seconds, len(texts)


def machine() -> str:
    model = platform.processor() or "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return (
        f"{model}, {os.cpu_count()} cores, {memory} RAM, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def modify_one(corpus: Path) -> None:
    first = sorted(corpus.rglob("*.md"))[len(list(corpus.rglob("*.md"))) // 2]
    with open(first, "a", encoding="utf-8") as stream:
        stream.write("\nThe company said the review would finish within weeks.\n")


def run_size(size: int, jobs: int, sample: int, fresh: bool, corpora: Path = GENERATED) -> dict:
    sys.path.insert(0, str(HERE))
    from generate import generate

    corpus = corpora / str(size)
    if fresh or not corpus.exists():
        print(f"generating {size} documents...", file=sys.stderr)
        generate(corpus, size)
    documents, words = corpus_words(corpus)
    work = Path(tempfile.mkdtemp(prefix="factlint-bench-"))
    try:
        print(f"{size}: cold run...", file=sys.stderr)
        cold = measure(factlint(corpus, work / "cold.json", jobs, None), work)
        print(f"{size}: cache fill and re-run after one change...", file=sys.stderr)
        copy = work / "corpus"
        shutil.copytree(corpus, copy)
        filled = measure(factlint(copy, work / "fill.json", jobs, work / "cache"), work)
        modify_one(copy)
        rerun = measure(factlint(copy, work / "rerun.json", jobs, work / "cache"), work)
        print(f"{size}: baseline (dateparser.search_dates) on a sample...", file=sys.stderr)
        base_rate, sampled = baseline_words_per_second(corpus, sample)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {
        "size": size,
        "documents": documents,
        "words": words,
        "cold": cold,
        "filled": filled,
        "rerun": rerun,
        "baseline_rate": base_rate,
        "baseline_sample": sampled,
    }


def table(rows: list[dict], jobs: int) -> str:
    lines = [
        f"Measured {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC on: {machine()}.",
        f"`factlint check CORPUS --format json -o r.json -q --jobs {jobs}"
        f"{''.join(' ' + a for a in EXTRA_ARGS)}`, cold = `--no-cache`; "
        f"load average before/after: {rows[0]['load_before']} / {rows[-1]['load_after']} "
        "(other work on the machine inflates wall times).",
        "",
        "| documents | words | wall s | CPU s | words/s | docs/s | peak MB (tree / largest process) "
        "| cache fill s | re-run after 1 change s | re-run / cold | search_dates words/s "
        "(sample) | search_dates est. s | speed-up |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---|---:|---:|",
    ]
    for row in rows:
        cold, rate = row["cold"], row["words"] / row["cold"].wall
        base_seconds = row["words"] / row["baseline_rate"]
        lines.append(
            f"| {row['documents']:,} | {row['words']:,} | {cold.wall:.1f} | {cold.cpu:.1f} "
            f"| {rate:,.0f} | {row['documents'] / cold.wall:,.0f} "
            f"| {cold.peak_tree_mb:,.0f} / {cold.peak_process_mb:,.0f} "
            f"| {row['filled'].wall:.1f} | {row['rerun'].wall:.1f} "
            f"| {row['rerun'].wall / cold.wall:.0%} "
            f"| {row['baseline_rate']:,.0f} ({row['baseline_sample']} docs) "
            f"| {base_seconds:,.0f} | {base_seconds / cold.wall:.1f}x |"
        )
    for small, large in zip(rows, rows[1:], strict=False):
        lines.append("")
        lines.append(
            f"Scaling {small['documents']:,} -> {large['documents']:,} documents "
            f"({large['documents'] / small['documents']:.0f}x): wall time x"
            f"{large['cold'].wall / small['cold'].wall:.1f}, CPU time x"
            f"{large['cold'].cpu / small['cold'].cpu:.1f}."
        )
    return "\n".join(lines)


def write_results(text: str, path: Path) -> None:
    block = f"{START}\n{text}\n{END}"
    old = (
        path.read_text(encoding="utf-8")
        if path.exists()
        else f"# Benchmark results\n\n{START}\n{END}\n"
    )
    if START in old and END in old:
        new = old[: old.index(START)] + block + old[old.index(END) + len(END) :]
    else:
        new = old.rstrip() + "\n\n" + block + "\n"
    path.write_text(new, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--baseline-sample", type=int, default=200)
    parser.add_argument("--fresh", action="store_true", help="regenerate the corpora")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--corpora", type=Path, default=GENERATED, help="where corpora go")
    parser.add_argument(
        "--factlint-args",
        default="",
        help='more options for factlint check, e.g. "--keep-duplicates"',
    )
    args = parser.parse_args()
    EXTRA_ARGS.extend(args.factlint_args.split())
    rows = []
    for size in args.sizes:
        load_before = f"{os.getloadavg()[0]:.1f}"
        row = run_size(size, args.jobs, args.baseline_sample, args.fresh, args.corpora)
        row["load_before"], row["load_after"] = load_before, f"{os.getloadavg()[0]:.1f}"
        rows.append(row)
        print(table(rows, args.jobs))
        write_results(table(rows, args.jobs), args.results)


if __name__ == "__main__":
    main()
