"""``advocate link``: licences related to documented abuses, strongest first, with reasons and criteria."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from advocate.cli import app
from advocate.cli.case_options import DATA, data_folders
from advocate.cli.filters import (
    COUNTRY,
    END,
    LICENCE_TYPE,
    RATING,
    START,
    TECHNOLOGY,
    parse_date,
)
from advocate.cli.output import (
    TableColumn,
    fail,
    fit_columns,
    note,
    print_problems,
    print_table,
    say,
    stdout,
    write_stdout,
)

TABLE = [
    TableColumn("licence", "Licence", wraps=False),
    TableColumn("abuse", "Abuse", wraps=False),
    TableColumn("score", "Score", wraps=False, right=True),
    TableColumn("relation", "Relation", wraps=False),
    TableColumn("criteria", "Criteria", wraps=False),
    TableColumn("version", "Version", wraps=False),
    TableColumn("why", "First reason"),
]


class LinkFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _json(links) -> str:
    from advocate.link.models import link_record

    return json.dumps([link_record(link) for link in links], ensure_ascii=False, indent=2) + "\n"


def _render(links, output_format: LinkFormat) -> str:
    from advocate.link import links_frame

    if output_format is LinkFormat.json:
        return _json(links)
    return links_frame(links).to_csv(index=False, lineterminator="\n")


def _explain(linkset, licence_id: str, known_ids) -> None:
    from advocate.law.criteria import criteria_version

    if licence_id not in set(known_ids):
        raise fail(f"--explain: no licence '{licence_id}' among the licences linked (check the id and the filters)")
    links = linkset.for_licence(licence_id)
    if not links:
        say(f"{licence_id}: no links to documented abuses.")
        return
    for link in links:
        say(
            f"{link.licence_id} → {link.abuse_id}  score {link.score:.2f}  ({link.relation}; decided {link.decision_date}; "
            f"abuse {link.abuse_date})",
            style="bold",
        )
        for reason in link.reasons:
            say(f"  - {reason}")
        if link.criteria_version:
            version = criteria_version(link.criteria_version)
            for number in link.criteria:
                criterion = version.criterion(number)
                kind = "text" if criterion.is_quotation else "summary, not the text"
                say(f"  Criterion {criterion.number} of {version.short_title} ({criterion.title}; {kind}):")
                text = f'"{criterion.text}"' if criterion.is_quotation else criterion.text
                say(f"    {text}", hang=0)
            if version.territorial_note:
                say(f"    [{version.territorial_note}]", hang=1)
        else:
            say("  No licensing criteria are shipped for this decision date.")
        say(f"  Sources: {', '.join(link.sources)}")
        say("")


@app.command()
def link(
    case: Path = typer.Argument(..., help="The case folder (with case.yaml)."),
    explain: str = typer.Option(
        None, "--explain", help="Show one licence's links with every reason and the criteria text."
    ),
    country: list[str] = COUNTRY,
    rating: list[str] = RATING,
    technology: list[str] = TECHNOLOGY,
    outcome: list[str] = typer.Option(
        None,
        "--outcome",
        help="Licence outcomes to keep before linking (refusals still count as evidence only if kept).",
    ),
    licence_type: list[str] = LICENCE_TYPE,
    start: str = START,
    end: str = END,
    output_format: LinkFormat = typer.Option(
        LinkFormat.table, "--format", help="table for people; csv or json for scripts."
    ),
    out: Path = typer.Option(None, "--out", help="Write every link to this file (CSV, or JSON with --format json)."),
    force: bool = typer.Option(False, "--force", help="Overwrite the --out file if it exists."),
    limit: int = typer.Option(20, "--limit", help="Links shown in the table (0 for all)."),
    data: list[Path] = DATA,
) -> None:
    """Relate the case's licences to its documented abuses: strongest links first, with reasons."""
    from advocate.errors import CaseError
    from advocate.link import link_case
    from advocate.validate.check import load_case

    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    if out is not None and out.exists() and not force:
        raise fail(f"{out} exists; give --force to overwrite it, or another --out")
    if out is not None and output_format is LinkFormat.table:
        output_format = LinkFormat.json if out.suffix.lower() == ".json" else LinkFormat.csv
    try:
        case_file = load_case(case, data=data_folders(data))
    except CaseError as exc:
        print_problems(exc.problems)
        raise fail(f"{case}: {len(exc.errors)} errors in the case; nothing linked") from None
    filtered = any([country, rating, technology, outcome, licence_type, first, last])
    table = (
        case_file.licences.filter(
            country=country,
            rating=rating,
            technology=technology,
            outcome=outcome,
            licence_type=licence_type,
            start=first,
            end=last,
        )
        if filtered
        else case_file.licences
    )
    linkset = link_case(case_file, licences=table)
    if explain:
        _explain(linkset, explain, table.frame["id"])
        return
    if out is not None:
        out.write_text(_render(linkset.links, output_format), encoding="utf-8")
        say(f"{len(linkset):,} links written to {out}")
        return
    if output_format is not LinkFormat.table:
        write_stdout(_render(linkset.links, output_format))
        return
    shown = linkset.strongest(len(linkset) if limit == 0 else limit)
    rows = [
        {
            "licence": l.licence_id,
            "abuse": l.abuse_id,
            "score": f"{l.score:.2f}",
            "relation": l.relation,
            "criteria": ", ".join(l.criteria),
            "version": l.criteria_version,
            "why": l.reasons[0] if l.reasons else "",
        }
        for l in shown
    ]
    kept, dropped = fit_columns(TABLE, rows, stdout.width)
    print_table(rows, kept)
    count = (
        f"{len(linkset):,} links"
        if len(shown) == len(linkset)
        else f"showing {len(shown):,} of {len(linkset):,} links (--limit 0 for all, --out FILE to write them)"
    )
    say(count + "; --explain LICENCE for every reason and the criteria")
    if dropped:
        note(f"not shown, for want of width: {', '.join(c.key for c in dropped)} (use --explain or --format csv)")
