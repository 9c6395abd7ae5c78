"""Benchmark: a parliamentary briefing PDF for a synthetic case of 20,000 licences and 2,000 abuses.

The annex lists every licence (several hundred pages). Prints the pages, the
seconds of each stage in one process (load, draft: context, links, template,
parse, citations; render), the total, and the peak memory. Target: under 30 s
on a 2-core machine.

Run: ``python benchmarks/briefing.py [licences] [abuses]`` (default 20,000 and 2,000);
``--profile`` prints the twenty costliest functions of the draft and render.
"""

from __future__ import annotations

import cProfile
import datetime as dt
import io
import os
import pstats
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_synthetic_case

from advocate import load_case
from advocate.draft import linking_context as linking
from advocate.draft.options import DraftOptions
from advocate.link import link_case
from advocate.run.document import draft_document, render_document


def _timed(stages: dict, name: str, function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    stages[name] = stages.get(name, 0.0) + time.perf_counter() - start
    return result


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    profile = "--profile" in sys.argv
    n_licences = int(args[0]) if args else 20_000
    n_abuses = int(args[1]) if len(args) > 1 else 2_000
    date = dt.date(2026, 11, 23)
    stages: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_synthetic_case(Path(tmp) / "case", n_licences=n_licences, n_abuses=n_abuses, seed=7)
        began = time.perf_counter()
        case_file = _timed(stages, "load and check the case", load_case, folder)
        links = _timed(stages, "link the case", link_case, case_file)
        profiler = cProfile.Profile() if profile else None
        if profiler:
            profiler.enable()
        linking_context = linking.linking_context

        def timed_linking(evidence):
            return _timed(stages, "links of the licences (linking_context)", linking_context, evidence)

        import advocate.draft.builders as names

        names.linking_context = timed_linking
        drafted = _timed(
            stages,
            "draft (context, template, parse, citations)",
            draft_document,
            case_file,
            "briefing",
            DraftOptions(date=date),
            links=links,
        )
        names.linking_context = linking_context
        stages["draft (context, template, parse, citations)"] -= stages["links of the licences (linking_context)"]
        pdf = _timed(stages, "render the PDF", render_document, drafted, ("pdf",), case_file)["pdf"]
        if profiler:
            profiler.disable()
        total = time.perf_counter() - began
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"briefing: {n_licences:,} licences, {n_abuses:,} abuses, {os.cpu_count()} cores")
    for name, seconds in stages.items():
        print(f"  {name:<48} {seconds:7.2f} s")
    print(f"  {'total':<48} {total:7.2f} s")
    print(
        f"  pages {pages:,}; PDF {len(pdf) / 1e6:.1f} MB; footnotes {len(drafted.document.footnotes)}; "
        f"peak memory {peak:,.0f} MB"
    )
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
