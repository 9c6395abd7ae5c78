"""Time the link engine at national scale: 100k, 300k and 1M licence rows against 10,000 abuses.

    python benchmarks/link.py                    # 100,000, 300,000 and 1,000,000 rows
    python benchmarks/link.py --rows 200000      # one size

For each size, a fresh process writes a synthetic CAAT release (``benchmarks/synthetic.py``),
reads it as the product does, and builds 10,000 abuses across the release's destinations, each
with a source published some weeks or months after it (so that every timing class occurs);
none of that is timed. Two sets of abuses are linked:

- ``matching``: the synthetic abuses as ``synthetic.py`` makes them (surveillance named, police
  and intelligence services responsible): nearly every pair scored becomes a link;
- ``realistic``: as in real evidence, most abuses name no technology (the kind of goods that could
  facilitate them is only inferred) and are by courts, governments, unknown or non-state
  perpetrators: most pairs are rejected, and of those scored many become context (unknown or
  non-state perpetrators, Criterion 2(a) only) rather than links.

For each it times linking (``compute_links``: window join, scoring, reports, refusal evidence);
then, for every licence to four destinations (about 15% of the release, the size of a national
campaign's briefing), selecting their links and reading the columns a document counts
(``LinkSet.for_licences`` and ``LinkList.columns``: no link made), then making every one of
those links a ``Link`` record (``tuple(...)``, as a document that prints them all would), then
putting the reasons of the 100 strongest into words. In the first size's process it also times
the selection the link set used to make (``np.isin`` on object arrays of string ids: an n x m
loop) against the hashed one that replaced it, on the same 20,000 x 20,000 ids, as the baseline
in the same run. It prints pairs in window, pairs scored, links, context pairs, seconds and peak
memory (the process's maximum resident set size, which includes the loaded table: once the
matching set is linked, and at the end, with the campaign's links made), and each target met or
missed.

Targets on 2 cores: linking 1,000,000 rows under 10 s and 2 GB; making the links of the campaign's
licences linear in their number (the briefing target of issue 15 is 100,000 licences under 30 s).
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

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TODAY = dt.date(2026, 1, 1)
SIZES = (100_000, 300_000, 1_000_000)
CAMPAIGN = ("Turkey", "Saudi Arabia", "Bahrain", "Egypt")
BASELINE_IDS = 20_000
LINK_TARGET_SECONDS, LINK_TARGET_MB = 10.0, 2_000

REALISTIC_SHAPES = (
    # (categories, perpetrators, technology, weight): evidence as campaigners hold it, naming technology rarely
    (("arbitrary-detention", "persecution-of-journalists"), ("government",), (), 3),
    (("persecution-of-opposition",), ("judiciary",), (), 3),
    (("persecution-of-human-rights-defenders",), (), (), 2),
    (("torture",), ("prison-service",), (), 2),
    (("suppression-of-protest",), ("non-state",), (), 1),
    (("unlawful-surveillance",), ("intelligence",), ("interception",), 1),
)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _realistic(records: list[dict], seed: int = 0) -> list[dict]:
    """The synthetic abuses with the categories, perpetrators and technology of real evidence's mix."""
    rng = np.random.default_rng(seed + 11)
    weights = np.array([shape[3] for shape in REALISTIC_SHAPES], dtype=float)
    chosen = rng.choice(len(REALISTIC_SHAPES), size=len(records), p=weights / weights.sum())
    out = []
    for record, k in zip(records, chosen):
        categories, perpetrators, technology, _ = REALISTIC_SHAPES[k]
        record = {key: value for key, value in record.items() if key != "technology"}
        record.update(categories=list(categories), perpetrators=list(perpetrators))
        if technology:
            record["technology"] = list(technology)
        out.append(record)
    return out


def _with_sources(records: list[dict], seed: int = 0) -> tuple[list[dict], list]:
    """Each abuse cites a source of its own, published 0 to 400 days after the abuse began (or undated, 1 in 20)."""
    from advocate.models.period import Period
    from advocate.models.records import Source

    rng = np.random.default_rng(seed + 12)
    lags = rng.integers(0, 401, size=len(records))
    undated = rng.random(len(records)) < 0.05
    sources, out = [], []
    for i, record in enumerate(records):
        begun = Period.parse(record["date"]).start or dt.date(2008, 1, 1)
        source = {
            "id": f"report-{i + 1:05d}",
            "kind": "report",
            "organisation": "Synthetic Rights Monitor",
            "title": f"Synthetic report {i + 1}",
            "illustrative": True,
        }
        if not undated[i]:
            source["date"] = (begun + dt.timedelta(days=int(lags[i]))).isoformat()
        sources.append(Source.model_validate(source))
        out.append({**record, "sources": [source["id"]]})
    return out, sources


def _relations(table) -> dict[str, int]:
    from advocate.link import RELATIONS

    counts = np.bincount(table.columns_["relation"], minlength=len(RELATIONS))
    return {name: int(count) for name, count in zip(RELATIONS, counts)}


def _selection_baseline(ids) -> dict:
    """The selection the link set made before (``np.isin`` on object arrays of string ids, an n x m loop)
    against what replaced it (pandas' hashed ``isin``), on the same ``BASELINE_IDS`` x ``BASELINE_IDS`` ids."""
    table = np.asarray(ids[:BASELINE_IDS], dtype=object)
    wanted = np.asarray(ids[::-1][:BASELINE_IDS], dtype=object)
    began = time.perf_counter()
    quadratic = np.isin(table, wanted)
    middle = time.perf_counter()
    hashed = pd.Series(table, dtype=object).isin(frozenset(wanted)).to_numpy(dtype=bool)
    ended = time.perf_counter()
    assert (quadratic == hashed).all()
    return {
        "ids": len(table),
        "isin_object_seconds": round(middle - began, 3),
        "hashed_seconds": round(ended - middle, 4),
    }


def one(rows: int, abuses: int, baseline: bool) -> dict:
    from advocate.link import LinkSet, compute_links
    from advocate.load.caat_release import read_caat_release
    from advocate.models.case import LinkSettings
    from advocate.models.problem import Problems
    from advocate.models.records import Abuse
    from benchmarks.synthetic import DESTINATIONS, synthetic_abuses, write_caat_release

    with tempfile.TemporaryDirectory() as folder:
        write_caat_release(Path(folder) / "caat", rows)
        table = read_caat_release(
            Path(folder) / "caat", "caat", Problems(), today=TODAY, source=None, id_prefix="CAAT-"
        )
    base = synthetic_abuses(abuses, [name for name, _ in DESTINATIONS])
    frame = table.frame
    campaign_ids = frame.loc[frame["destination"].isin(CAMPAIGN), "id"].to_numpy()
    result = {
        "rows": rows,
        "licences": len(table),
        "abuses": abuses,
        "campaign_licences": len(campaign_ids),
        "sets": {},
    }
    for name, records in (("matching", base), ("realistic", _realistic(base))):
        records, sources = _with_sources(records)
        models = [Abuse.model_validate(record) for record in records]
        by_id = {source.id: source for source in sources}
        began = time.perf_counter()
        links = compute_links(table, models, LinkSettings(), sources=by_id)
        linked = time.perf_counter()
        linking_mb = round(_peak_mb())
        campaign = LinkSet(links).for_licences(campaign_ids)
        columns = campaign.columns(("licence_id", "abuse_id", "score", "relation", "criteria"))
        counted = time.perf_counter()
        made = tuple(campaign)
        making = time.perf_counter()
        words = sum(len(" ".join(link.reasons)) for link in made[:100])
        worded = time.perf_counter()
        result["sets"][name] = {
            "in_window": links.pairs_in_window,
            "scored": links.pairs_considered,
            "links": len(links),
            "context": len(links.context) if links.context is not None else 0,
            "relations": _relations(links),
            "link_seconds": round(linked - began, 2),
            "linking_mb": linking_mb,
            "campaign_links": len(campaign),
            "columns_seconds": round(counted - linked, 2),
            "make_seconds": round(making - counted, 2),
            "word_seconds": round(worded - making, 3),
            "characters": words,
        }
        del campaign, made, columns
    if baseline:
        result["selection"] = _selection_baseline(frame["id"].to_numpy())
    result["peak_mb"] = round(_peak_mb())
    return result


def _mark(value: float, target: float) -> str:
    return "met" if value <= target else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, action="append", help="licence rows (repeat; default 100k, 300k, 1M)")
    parser.add_argument("--abuses", type=int, default=10_000)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.abuses, args.baseline)))
        return
    print(
        f"python {platform.python_version()} on {platform.machine()}, {__import__('os').cpu_count()} cores; "
        f"{args.abuses:,} abuses; the campaign: licences to {', '.join(CAMPAIGN)}"
    )
    print(
        f"{'rows':>10} {'set':>9} {'in window':>11} {'scored':>10} {'links':>10} {'context':>8} {'kept':>9} {'link s':>7} "
        f"{'campaign':>9} {'its links':>10} {'columns s':>9} {'make s':>7} {'µs/link':>7} {'word 100 s':>10}"
    )
    print(f"{'':>10} (kept: links as a share of the pairs in window / of the pairs scored)")
    results = []
    for i, rows in enumerate(args.rows or SIZES):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(rows), "--abuses", str(args.abuses)]
            + (["--baseline"] if i == 0 else []),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        r = json.loads(out.strip().splitlines()[-1])
        results.append(r)
        for name, s in r["sets"].items():
            kept = f"{s['links'] / max(s['in_window'], 1):.0%}/{s['links'] / max(s['scored'], 1):.0%}"
            per_link = 1e6 * s["make_seconds"] / s["campaign_links"] if s["campaign_links"] else 0
            print(
                f"{r['rows']:>10,} {name:>9} {s['in_window']:>11,} {s['scored']:>10,} {s['links']:>10,} {s['context']:>8,} {kept:>9} "
                f"{s['link_seconds']:>7.2f} {r['campaign_licences']:>9,} {s['campaign_links']:>10,} {s['columns_seconds']:>9.2f} "
                f"{s['make_seconds']:>7.2f} {per_link:>7.2f} {s['word_seconds']:>10.3f}"
            )
        relations = ", ".join(f"{k} {v:,}" for k, v in r["sets"]["realistic"]["relations"].items())
        print(
            f"{'':>10} realistic relations: {relations}; peak {r['sets']['matching']['linking_mb']:,} MB when linked, "
            f"{r['peak_mb']:,} MB with the campaign's links made"
        )
        if "selection" in r:
            sel = r["selection"]
            print(
                f"{'':>10} baseline, {sel['ids']:,} string ids against {sel['ids']:,}: np.isin on objects (the step replaced) "
                f"{sel['isin_object_seconds']:.3f} s, hashed isin {sel['hashed_seconds']:.4f} s"
            )
    print()
    for r in results:
        worst = max(s["link_seconds"] for s in r["sets"].values())
        memory = r["sets"]["matching"]["linking_mb"]
        if r["rows"] >= 1_000_000:
            print(
                f"target, {r['rows']:,} rows linked under {LINK_TARGET_SECONDS:.0f} s and {LINK_TARGET_MB:,} MB: "
                f"{worst:.2f} s, {memory:,} MB when linked ({_mark(worst, LINK_TARGET_SECONDS)}, {_mark(memory, LINK_TARGET_MB)})"
            )
    if len(results) > 1:
        first, last = results[0]["sets"]["matching"], results[-1]["sets"]["matching"]
        grew = last["campaign_links"] / max(first["campaign_links"], 1)
        took = last["make_seconds"] / max(first["make_seconds"], 1e-9)
        print(
            f"target, making links linear: {grew:.1f} times the links took {took:.1f} times as long "
            f"({'met' if took <= 1.5 * grew else 'MISSED'})"
        )


if __name__ == "__main__":
    main()
