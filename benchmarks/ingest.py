"""Time loading plus validation of a national licensing dataset: 1,000,000 CAAT rows.

    python benchmarks/ingest.py                 # 1,000,000 rows, and a 10,000-abuse case
    python benchmarks/ingest.py --rows 200000   # a smaller run

It writes a synthetic CAAT release (``values.csv`` in UTF-8, ``footnotes_licence.csv``
re-encoded as Windows-1252 with a £ sign, criteria and ratings) into a case folder
that cites it, then, in a fresh process so that generation does not count, runs
``check_case`` on it: reading and checking every row (dates, countries, money,
ratings) and the cross-record checks. It prints rows, seconds, rows per second
and peak memory (the process's maximum resident set size). Target on 2 cores:
under 15 s and 2 GB.

It also times checking a case with 10,000 abuses in YAML (ruamel round-trip
loading keeps line numbers for every problem, and is the slow part).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import write_caat_release, write_synthetic_case  # noqa: E402

TODAY = dt.date(2026, 1, 1)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(folder: str) -> None:
    """Child process: check the case folder and print the figures as JSON."""
    from advocate.validate.check import check_case

    start = time.perf_counter()
    result = check_case(folder, today=TODAY)
    seconds = time.perf_counter() - start
    case_file = result.case_file
    print(json.dumps({
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "errors": len(result.errors),
        "warnings": len(result.warnings),
        "licences": len(case_file.licences) if case_file else 0,
        "abuses": len(case_file.abuses) if case_file else 0,
    }))


def _write_release_case(root: Path, rows: int) -> Path:
    folder = write_synthetic_case(root / "national", n_licences=10, n_abuses=10)
    write_caat_release(folder / "release", rows, seed=1)
    notes = folder / "release" / "footnotes_licence.csv"
    text = notes.read_text(encoding="utf-8")
    assert "£" in text
    notes.write_bytes(text.encode("cp1252"))  # real files come in Windows-1252 too
    case = folder / "case.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace(
        "licence_data:\n  - path: licences.csv\n    source: synthetic-licensing-data\n",
        "licence_data:\n  - path: licences.csv\n    source: synthetic-licensing-data\n"
        "  - path: release\n    format: caat\n    source: synthetic-licensing-data\n    id_prefix: CAAT-\n"
        "    countries_only: false\n",  # measure every row, not only the case's countries
    ), encoding="utf-8")
    return folder


def _run_child(folder: Path) -> dict:
    child = subprocess.run([sys.executable, __file__, "--measure", str(folder)], capture_output=True, text=True, check=True)
    return json.loads(child.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--abuses", type=int, default=10_000)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure(args.measure)
        return

    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
          f"{__import__('os').cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        folder = _write_release_case(root, args.rows)
        size = (folder / "release" / "values.csv").stat().st_size
        print(f"generated {args.rows:,} rows ({size / 1e6:.0f} MB) in {time.perf_counter() - start:.1f} s")
        figures = _run_child(folder)
        print(f"national data: {args.rows:,} rows, {figures['licences']:,} licences, "
              f"{figures['errors']} errors, {figures['warnings']} warnings")
        print(f"  load + validate: {figures['seconds']:.2f} s, {args.rows / figures['seconds']:,.0f} rows/s, "
              f"peak memory {figures['peak_mb']:,.0f} MB")

        if args.abuses:
            case = write_synthetic_case(root / "abuses", n_licences=1_000, n_abuses=args.abuses)
            figures = _run_child(case)
            print(f"case file: {figures['abuses']:,} abuses in YAML, {figures['licences']:,} licences, "
                  f"{figures['errors']} errors, {figures['warnings']} warnings")
            print(f"  load + validate: {figures['seconds']:.2f} s, {figures['abuses'] / figures['seconds']:,.0f} abuses/s, "
                  f"peak memory {figures['peak_mb']:,.0f} MB")


if __name__ == "__main__":
    main()
