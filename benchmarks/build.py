"""Benchmark: ``advocate build`` on cases of CAAT data at national scale (issue 15 §2).

    python benchmarks/build.py                          # 1,000, 5,000 and 20,000 licences, 2,000 abuses
    python benchmarks/build.py 1000 5000                # other sizes
    python benchmarks/build.py --baseline /path/to/old/.venv/bin/python   # the same cases, old code, paired

Each case is a synthetic case folder (``synthetic.py``) whose licence data is a
CAAT release folder (``values.csv`` and its companions) of exactly N licences,
every one to one of the case's four countries, and 2,000 abuses. The build runs
as the user runs it, ``advocate build CASE --out OUT``, in a fresh process; the
seconds are the whole process (start-up, loading, linking, drafting and
rendering every document in DOCX, PDF, Markdown and email, writing). Figures
printed per size: seconds, seconds per 1,000 licences (flat when growth is
linear), pages and footnotes of the longest PDF, and peak memory.

With ``--baseline PYTHON`` (the interpreter of another checkout, with advocate
installed in it) each build is paired with that one on the same case, run just
after it, and the ratio printed per pair. With ``--stages`` the largest case is
also built stage by stage in this process (load, link, then each document's
drafting and each format's rendering, then ``links.csv``), printing the CPU
seconds of each, to show where the time goes. Target: under 60 s at 20,000
licences on 2 cores, growing linearly.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_caat_release, write_synthetic_case

TARGET_SECONDS = 60.0
TARGET_LICENCES = 20_000
DATE = "2026-11-23"


def write_caat_case(folder: Path, licences: int, abuses: int) -> Path:
    """A case folder of ``abuses`` abuses whose licence data is a CAAT release of exactly ``licences`` licences."""
    case = write_synthetic_case(folder, n_licences=1, n_abuses=abuses, seed=7)
    (case / "licences.csv").unlink()
    release = write_caat_release(case / "release", n_rows=int(licences * 1.8) + 10, seed=7)
    values = pd.read_csv(release / "values.csv", dtype=str, keep_default_na=False)
    groups = values["licence_group"].astype(int)
    values = values[groups <= licences].copy()
    countries = ["Turkey", "Saudi Arabia", "Bahrain", "Egypt"]
    values["country"] = [countries[int(group) % len(countries)] for group in values["licence_group"]]
    values.to_csv(release / "values.csv", index=False, lineterminator="\n")
    for name in ("refusal-criteria.csv", "footnotes_licence.csv"):
        table = pd.read_csv(release / name, dtype=str, keep_default_na=False)
        key = "licence_group" if "licence_group" in table else "bundle_id"
        table[table[key].astype(int) <= licences].to_csv(release / name, index=False, lineterminator="\n")
    case_yaml = case / "case.yaml"
    case_yaml.write_text(
        case_yaml.read_text(encoding="utf-8").replace(
            "licence_data:\n  - path: licences.csv\n",
            "licence_data:\n  - path: release\n    format: caat\n    id_prefix: CAAT-\n",
        ),
        encoding="utf-8",
    )
    return case


def _build(python: str, case: Path, out: Path) -> dict:
    """Run ``advocate build`` in a fresh process; its seconds, exit status and peak memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(
        [python, "-c", "from advocate.cli import main; main()", "build", str(case), "--out", str(out), "--date", DATE],
        capture_output=True,
        text=True,
        check=False,
        cwd=case.parent,
    )
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "seconds": seconds,
        "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
        "status": run.returncode,
        "error": run.stderr.strip().splitlines()[-1:] if run.returncode else [],
        "peak_mb": after.ru_maxrss / 1024,
    }


def stages(case: Path) -> None:
    """Build ``case`` as ``advocate build`` does, one stage at a time, printing each stage's CPU seconds."""
    import datetime as dt

    from advocate import load_case
    from advocate.draft.linking_context import case_links
    from advocate.kinds import document_kind
    from advocate.run.build import _public_links_csv, documents_for
    from advocate.run.document import DraftOptions, draft_document, formats_for, render_document

    def timed(name, function, *args, **kwargs):
        start = time.process_time()
        result = function(*args, **kwargs)
        print(f"    {name:<44} {time.process_time() - start:7.1f} s CPU", flush=True)
        return result

    case_file = timed("load and check", load_case, case)
    timed("link", case_links, case_file)
    for name in documents_for(case_file):
        kind = document_kind(name)
        drafted = timed(
            f"draft {name} (context, links' wording, template)",
            draft_document,
            case_file,
            kind,
            DraftOptions(date=dt.date.fromisoformat(DATE)),
        )
        formats = formats_for(kind, case_file, None)
        for fmt in [f for f in formats if f != "eml"]:
            timed(f"  render {name} {fmt}", render_document, drafted, (fmt,), case_file)
    timed("links.csv (links' wording)", _public_links_csv, case_file)


def _longest_pdf(out: Path) -> str:
    from pypdf import PdfReader

    pdfs = sorted(out.glob("*.pdf"), key=lambda p: p.stat().st_size)
    if not pdfs:
        return "no PDF"
    return f"{pdfs[-1].name} {len(PdfReader(pdfs[-1]).pages):,} pages"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 5_000, 20_000])
    parser.add_argument("--abuses", type=int, default=2_000)
    parser.add_argument("--baseline", help="python of another checkout to pair each build with")
    parser.add_argument("--stages", action="store_true", help="time the largest case stage by stage too")
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores; "
        f"{args.abuses:,} abuses; target: {TARGET_LICENCES:,} licences under {TARGET_SECONDS:.0f} s"
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for licences in args.sizes:
            case = write_caat_case(Path(tmp) / f"case-{licences}", licences, args.abuses)
            out = Path(tmp) / f"out-{licences}"
            figures = _build(sys.executable, case, out)
            line = (
                f"{licences:>7,} licences: {figures['seconds']:7.1f} s (CPU {figures['cpu']:.1f} s), "
                f"{figures['seconds'] / licences * 1000:5.2f} s per 1,000; peak {figures['peak_mb']:,.0f} MB"
            )
            if figures["status"]:
                line += f"; FAILED (exit {figures['status']}): {' '.join(figures['error'])}"
            else:
                line += f"; {_longest_pdf(out)}"
            if args.baseline:
                old = _build(args.baseline, case, Path(tmp) / f"old-{licences}")
                line += (
                    f"\n{'':>17}baseline: {old['seconds']:7.1f} s (CPU {old['cpu']:.1f} s)"
                    + (f", FAILED (exit {old['status']})" if old["status"] else "")
                    + f"; ratio baseline / now {old['seconds'] / figures['seconds']:.2f}"
                )
            print(line, flush=True)
            rows.append((licences, figures))
            if args.stages and licences == max(args.sizes):
                print(f"  stages of the {licences:,}-licence build, in this process:")
                stages(case)
    if len(rows) > 1:
        (small, first), (large, last) = rows[0], rows[-1]
        growth = (last["seconds"] / first["seconds"]) / (large / small)
        print(
            f"growth: {large / small:.0f}x the licences took {last['seconds'] / first['seconds']:.1f}x the time "
            f"({growth:.2f} of linear)"
        )
    for licences, figures in rows:
        if licences == TARGET_LICENCES:
            verdict = "met" if figures["seconds"] < TARGET_SECONDS and not figures["status"] else "NOT met"
            print(
                f"target: {TARGET_LICENCES:,} licences in {figures['seconds']:.1f} s (under {TARGET_SECONDS:.0f} s: {verdict})"
            )
    print(json.dumps({str(n): round(f["seconds"], 2) for n, f in rows}))


if __name__ == "__main__":
    main()
