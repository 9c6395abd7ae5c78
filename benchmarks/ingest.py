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

It also times checking a case with 10,000 abuses in YAML (target: under 1.5 s),
and beside it, in the same run, the parser the loader used before (ruamel.yaml's
round-trip parser, nearly all of the old loader's time) parsing the same files:
the two alternate, each in a fresh process, and the ratio is printed per pair.
ruamel.yaml is still installed with advocate (tools that edit case files use its
round-trip tree); where it is missing the figure recorded in
``benchmarks/README.md`` is printed instead.
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

from benchmarks.synthetic import write_caat_release, write_synthetic_case

TODAY = dt.date(2026, 1, 1)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _measure(folder: str) -> None:
    """Child process: check the case folder and print the figures as JSON."""
    from advocate.validate.check import check_case

    start, cpu = time.perf_counter(), time.process_time()
    result = check_case(folder, today=TODAY)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    case_file = result.case_file
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu": cpu,
                "peak_mb": _peak_mb(),
                "errors": len(result.errors),
                "warnings": len(result.warnings),
                "licences": len(case_file.licences) if case_file else 0,
                "abuses": len(case_file.abuses) if case_file else 0,
            }
        )
    )


def _measure_old_parse(folder: str) -> None:
    """Child process: parse the case's YAML files as the old loader did (ruamel round-trip), print seconds as JSON."""
    from ruamel.yaml import YAML

    start = time.perf_counter()
    for path in sorted(Path(folder).glob("*.yaml")):
        YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    print(json.dumps({"seconds": time.perf_counter() - start}))


def _measure_new_parse(folder: str) -> None:
    """Child process: read the case's YAML files as the loader does now (libyaml nodes, plain data, line index)."""
    from advocate.load.yaml_file import read_yaml
    from advocate.models.problem import Problems

    start = time.perf_counter()
    for path in sorted(Path(folder).glob("*.yaml")):
        read_yaml(path, path.name, Problems())
    print(json.dumps({"seconds": time.perf_counter() - start}))


def _has_ruamel() -> bool:
    import importlib.util

    return importlib.util.find_spec("ruamel") is not None and importlib.util.find_spec("ruamel.yaml") is not None


def _write_release_case(root: Path, rows: int) -> Path:
    folder = write_synthetic_case(root / "national", n_licences=10, n_abuses=10)
    write_caat_release(folder / "release", rows, seed=1)
    notes = folder / "release" / "footnotes_licence.csv"
    text = notes.read_text(encoding="utf-8")
    assert "£" in text
    notes.write_bytes(text.encode("cp1252"))  # real files come in Windows-1252 too
    case = folder / "case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace(
            "licence_data:\n  - path: licences.csv\n    source: synthetic-licensing-data\n",
            "licence_data:\n  - path: licences.csv\n    source: synthetic-licensing-data\n"
            "  - path: release\n    format: caat\n    source: synthetic-licensing-data\n    id_prefix: CAAT-\n"
            "    countries_only: false\n",  # measure every row, not only the case's countries
        ),
        encoding="utf-8",
    )
    return folder


def _run_child(folder: Path, mode: str = "--measure") -> dict:
    child = subprocess.run([sys.executable, __file__, mode, str(folder)], capture_output=True, text=True, check=True)
    return json.loads(child.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--abuses", type=int, default=10_000)
    parser.add_argument("--pairs", type=int, default=3, help="pairs of (new check, old parse) runs for the YAML case")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--measure-old-parse", help=argparse.SUPPRESS)
    parser.add_argument("--measure-new-parse", help=argparse.SUPPRESS)
    args = parser.parse_args()
    for child, run in (
        (args.measure, _measure),
        (args.measure_old_parse, _measure_old_parse),
        (args.measure_new_parse, _measure_new_parse),
    ):
        if child:
            run(child)
            return

    print(
        f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
        f"{__import__('os').cpu_count()} CPUs"
    )
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        start = time.perf_counter()
        folder = _write_release_case(root, args.rows)
        size = (folder / "release" / "values.csv").stat().st_size
        print(f"generated {args.rows:,} rows ({size / 1e6:.0f} MB) in {time.perf_counter() - start:.1f} s")
        figures = _run_child(folder)
        print(
            f"national data: {args.rows:,} rows, {figures['licences']:,} licences, "
            f"{figures['errors']} errors, {figures['warnings']} warnings"
        )
        print(
            f"  load + validate: {figures['seconds']:.2f} s, {args.rows / figures['seconds']:,.0f} rows/s, "
            f"peak memory {figures['peak_mb']:,.0f} MB"
        )

        if args.abuses:
            _yaml_case(root, args.abuses, args.pairs)


OLD_YAML_CHECK = 13.5
"""Seconds the old loader (ruamel round-trip) took to check the 10,000-abuse case on the 2-core benchmark machine."""


def _yaml_case(root: Path, abuses: int, pairs: int) -> None:
    """Check a case of ``abuses`` abuses; pair each check with the old parser on the same files."""
    case = write_synthetic_case(root / "abuses", n_licences=1_000, n_abuses=abuses)
    lines = sum(path.read_text(encoding="utf-8").count("\n") for path in case.glob("*.yaml"))
    baseline = _has_ruamel()
    print(f"case file: {abuses:,} abuses in YAML ({lines:,} lines), 1,000 licences; target: checked in under 1.5 s")
    if not baseline:
        print(
            f"  (ruamel.yaml is not installed, so the old parser is not timed; it took {OLD_YAML_CHECK} s "
            "to check this case: pip install ruamel.yaml to time it here)"
        )
    checks = []
    for pair in range(1, pairs + 1):
        figures = _run_child(case)
        parse = _run_child(case, "--measure-new-parse")["seconds"]
        checks.append(figures["seconds"])
        line = (
            f"  pair {pair}: load + validate {figures['seconds']:.2f} s (CPU {figures['cpu']:.2f} s; {figures['errors']} errors, "
            f"{figures['warnings']} warnings, peak {figures['peak_mb']:,.0f} MB); YAML read alone {parse:.2f} s"
        )
        if baseline:
            old = _run_child(case, "--measure-old-parse")["seconds"]
            line += f"; old round-trip parse alone {old:.2f} s: {old / figures['seconds']:.1f}x the whole new check"
        print(line)
    best = min(checks)
    verdict = "met" if best < 1.5 else "NOT met"
    print(
        f"  load + validate, best of {pairs}: {best:.2f} s, {abuses / best:,.0f} abuses/s "
        f"(target under 1.5 s: {verdict})"
    )


if __name__ == "__main__":
    main()
