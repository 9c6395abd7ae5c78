"""Time the link engine at national scale: 100k, 300k and 1M licence rows against 10,000 abuses.

    python benchmarks/link.py                    # 100,000, 300,000 and 1,000,000 rows
    python benchmarks/link.py --rows 200000      # one size

For each size, a fresh process writes a synthetic CAAT release (``benchmarks/synthetic.py``),
reads it as the product does and builds 10,000 synthetic abuses across the release's
destinations; none of that is timed. It then times linking (``compute_links``: the window
join, scoring and the refusal evidence) and wording the 100 strongest links, and prints the
pairs in the same destination and date windows, the pairs scored (those whose technology or end
user can relate at all), links found, seconds and peak
memory (the process's maximum resident set size, which includes the loaded licence table).
Target on 2 cores: under 10 s and 2 GB at 1,000,000 rows, growing linearly.
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

TODAY = dt.date(2026, 1, 1)
SIZES = (100_000, 300_000, 1_000_000)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def one(rows: int, abuses: int) -> dict:
    from advocate.link import LinkSet, compute_links
    from advocate.load.caat_release import read_caat_release
    from advocate.models.case import LinkSettings
    from advocate.models.problem import Problems
    from advocate.models.records import Abuse
    from benchmarks.synthetic import DESTINATIONS, synthetic_abuses, write_caat_release

    with tempfile.TemporaryDirectory() as folder:
        write_caat_release(Path(folder) / "caat", rows)
        table = read_caat_release(Path(folder) / "caat", "caat", Problems(), today=TODAY, source=None, id_prefix="CAAT-")
    records = synthetic_abuses(abuses, [name for name, _ in DESTINATIONS])
    abuse_models = [Abuse.model_validate(record) for record in records]
    loaded_mb = _peak_mb()
    began = time.perf_counter()
    result = compute_links(table, abuse_models, LinkSettings())
    linked = time.perf_counter()
    strongest = LinkSet(result).strongest(100)
    worded = time.perf_counter()
    return {
        "rows": rows,
        "licences": len(table),
        "abuses": len(abuse_models),
        "pairs": result.pairs_considered,
        "in_window": result.pairs_in_window,
        "links": len(result),
        "link_seconds": round(linked - began, 2),
        "word_seconds": round(worded - linked, 2),
        "loaded_mb": round(loaded_mb),
        "peak_mb": round(_peak_mb()),
        "top": [strongest[0].licence_id, strongest[0].abuse_id, strongest[0].score] if strongest else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="licence rows (repeat; default 100k, 300k, 1M)")
    parser.add_argument("--abuses", type=int, default=10_000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.abuses)))
        return
    print(f"python {platform.python_version()} on {platform.machine()}, {__import__('os').cpu_count()} cores")
    print(f"{'rows':>10} {'licences':>9} {'abuses':>7} {'pairs in window':>16} {'pairs scored':>13} {'links':>10} {'link s':>7} {'word 100 s':>10} {'peak MB':>8}")
    for rows in args.rows or SIZES:
        out = subprocess.run([sys.executable, __file__, "--one", str(rows), "--abuses", str(args.abuses)],
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['rows']:>10,} {r['licences']:>9,} {r['abuses']:>7,} {r['in_window']:>16,} {r['pairs']:>13,} {r['links']:>10,} "
              f"{r['link_seconds']:>7.2f} {r['word_seconds']:>10.2f} {r['peak_mb']:>8,}  (loaded: {r['loaded_mb']:,} MB)")


if __name__ == "__main__":
    main()
