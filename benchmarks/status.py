"""Time ``advocate status`` over a case with a hundred requests, as a whole process, beside baselines.

    python benchmarks/status.py               # 100 requests, 7 runs of each command
    python benchmarks/status.py --requests 1000 --runs 5

It copies the example case, replaces its requests.yaml with REQUESTS requests at
every stage of the ladder (sent, clarified, extended, refused, reviewed,
complained, decided, appealed) to three authorities, and then runs, alternating
so that each round meets the same load on the machine:

- ``python -c pass``                    the interpreter alone;
- ``python -c "import pandas"``         what a command pays for importing the licence stack;
- ``python -c "import advocate.cli"``   the start-up every command pays today (every command module's imports);
- ``advocate status CASE``              the command under test (text);
- ``advocate status CASE --ics FILE``   the same with the calendar written.

It prints the median and the fastest of each, in seconds. Target: ``advocate status``
under 0.5 s on 2 cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "evidence" / "turkey-2017"
TODAY = "2027-06-01"

HISTORIES = (
    [("sent",)],
    [("sent",), ("clarification-asked",), ("clarification-answered",)],
    [("sent",), ("extension", "until")],
    [("sent",), ("response", "refused")],
    [("sent",), ("response", "refused"), ("review-asked",)],
    [("sent",), ("response", "refused"), ("review-asked",), ("review-response", "upheld")],
    [("sent",), ("response", "refused"), ("review-asked",), ("review-response", "upheld"), ("complaint",)],
    [
        ("sent",),
        ("response", "refused"),
        ("review-asked",),
        ("review-response", "upheld"),
        ("complaint",),
        ("decision-notice", "not-upheld"),
    ],
    [("sent",), ("chased",)],
    [],
)
"""Stages the synthetic requests cycle through (the last is a request not yet sent)."""


def write_requests(case: Path, count: int) -> None:
    start = dt.date(2026, 1, 5)
    lines = [
        "authorities:",
        "  - {id: fcdo, name: 'Foreign, Commonwealth and Development Office', foi_email: fcdo@example.org}",
        "  - {id: mod, name: Ministry of Defence, foi_email: mod@example.org}",
        "requests:",
    ]
    for number in range(count):
        body = ("", "fcdo", "mod")[number % 3]
        lines.append(f"  - id: r{number:04d}")
        lines.append(f"    title: synthetic request {number}")
        if body:
            lines.append(f"    authority: {body}")
        lines.append("    licences: [DIT-2017Q1-TR-01]")
        lines.append("    events:")
        day = start + dt.timedelta(days=number % 200)
        for step in HISTORIES[number % len(HISTORIES)]:
            event = f"date: {day.isoformat()}, kind: {step[0]}"
            if step[0] in ("response", "review-response", "decision-notice"):
                event += f", outcome: {step[1]}"
            if step[0] == "response":
                event += ", sections: [s 27(1)(a), s 43(2)]"
            if step[0] == "extension":
                event += f", until: {(day + dt.timedelta(days=30)).isoformat()}"
            lines.append(f"      - {{{event}}}")
            day += dt.timedelta(days=9)
    (case / "requests.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    advocate = shutil.which("advocate") or str(Path(sys.executable).parent / "advocate")
    with tempfile.TemporaryDirectory() as folder:
        case = Path(folder) / "case"
        shutil.copytree(EXAMPLE, case)
        write_requests(case, args.requests)
        ics = Path(folder) / "campaign.ics"
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "python -c 'import pandas'": [sys.executable, "-c", "import pandas"],
            "python -c 'import advocate.cli'": [sys.executable, "-c", "import advocate.cli"],
            "advocate status": [advocate, "status", str(case), "--today", TODAY],
            "advocate status --ics": [advocate, "status", str(case), "--today", TODAY, "--ics", str(ics)],
        }
        for command in commands.values():  # warm the file cache once
            timed(command)
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(timed(command))
    print(f"advocate status over {args.requests} requests, {args.runs} runs each, alternating")
    print(f"{'command':32} {'median s':>9} {'fastest s':>10}")
    for name, found in times.items():
        print(f"{name:32} {statistics.median(found):9.3f} {min(found):10.3f}")
    median = statistics.median(times["advocate status"])
    verdict = "met" if median < 0.5 else "NOT met"
    print(f"target: advocate status under 0.500 s (median) -- {verdict}")


if __name__ == "__main__":
    main()
