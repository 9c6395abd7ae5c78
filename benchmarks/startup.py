"""Benchmark: how long a command takes to start, as whole processes, beside Python's own floor.

Times, as separate processes (median of ``--runs``, default 9, alternated so that other
load on the machine falls on all alike):

- ``python -c pass`` and ``python -c "import pandas"``: the floor, and what importing the
  data library alone costs;
- ``advocate --help`` (target under 0.25 s) and ``advocate check`` on the shipped example
  (target under 0.5 s);
- in one process, with the libraries already imported, the first FOI request drafted and
  rendered to DOCX and PDF against a later one (target: the first under 2x a later one),
  since a process pays once for compiling templates, the DOCX styles part and registering
  PDF fonts.

Run: ``python benchmarks/startup.py [--runs N]``.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "evidence" / "turkey-2017"
TARGETS = {"advocate --help": 0.25, "advocate check (example)": 0.5}

FIRST_AND_LATER = """
import datetime as dt, time
import advocate
import advocate.run.document  # the libraries imported before timing: this measures set-up, not imports
import advocate.render.registry
case = advocate.load_case({example!r})
links = advocate.link_case(case)
options = advocate.DraftOptions(date=dt.date(2026, 12, 4))
ids = [list(case.licences.frame["id"])[0]] * 6  # the same document each time: the first pays the set-up
times = []
for licence_id in ids:
    start = time.perf_counter()
    letter = advocate.draft_document(case, "foi", options, licences=case.licences.filter(ids=[licence_id]), links=links)
    advocate.render_document(letter, ("docx", "pdf"), case)
    times.append(time.perf_counter() - start)
print(times[0], sorted(times[1:])[len(times[1:]) // 2])
"""


def _command(name: str) -> list[str]:
    advocate = shutil.which("advocate") or str(Path(sys.executable).parent / "advocate")
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import pandas'": [sys.executable, "-c", "import pandas"],
        "advocate --help": [advocate, "--help"],
        "advocate check (example)": [advocate, "check", str(EXAMPLE)],
    }[name]


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 9
    names = ["python -c pass", "python -c 'import pandas'", "advocate --help", "advocate check (example)"]
    samples: dict[str, list[float]] = {name: [] for name in names}
    for name in names:  # one untimed run each: the page cache and .pyc files
        _time(_command(name))
    for _ in range(runs):
        for name in names:
            samples[name].append(_time(_command(name)))
    print(f"startup, median of {runs} whole processes")
    floor = statistics.median(samples["python -c pass"])
    for name in names:
        median = statistics.median(samples[name])
        target = TARGETS.get(name)
        verdict = f"  target < {target:.2f} s: {'met' if median < target else 'MISSED'}" if target else ""
        print(f"  {name:<28} {median:6.3f} s  ({median / floor:4.1f}x python -c pass){verdict}")
    out = subprocess.run(
        [sys.executable, "-c", FIRST_AND_LATER.format(example=str(EXAMPLE))],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    first, later = (float(x) for x in out.stdout.split())
    ratio = first / later
    print(
        f"  first FOI request of a process {first:6.3f} s, a later one {later:6.3f} s: {ratio:.1f}x  "
        f"target < 2x: {'met' if ratio < 2 else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
