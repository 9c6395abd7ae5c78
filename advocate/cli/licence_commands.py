"""``advocate licences``: list and filter licences from a case, a CAAT release or one CSV."""

from __future__ import annotations

import datetime as dt
import json
import math
from enum import Enum
from pathlib import Path

import typer

from advocate.cli import app
from advocate.cli.output import fail, print_problems, print_table, stdout, write_stdout
from advocate.licence_listing import listing_frame
from advocate.load.licence_data import load_licences
from advocate.problems import CaseError


class ListingFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} '{value}' is not a date; write YYYY-MM-DD") from None


@app.command()
def licences(
    path: Path = typer.Argument(..., help="A case folder, a CAAT release folder, or one licences CSV."),
    country: list[str] = typer.Option(None, "--country", help="Destination name or ISO code (repeat for several)."),
    rating: list[str] = typer.Option(None, "--rating", help="Control-list rating; matches its sub-items too (5A001 matches 5A001.f.2)."),
    technology: list[str] = typer.Option(None, "--technology", help="Technology tag, e.g. interception, imsi-catcher, intrusion-software."),
    outcome: list[str] = typer.Option(None, "--outcome", help="issued, refused, revoked ..."),
    licence_type: list[str] = typer.Option(None, "--type", help="Licence type: SIEL, OIEL ..."),
    start: str = typer.Option(None, "--from", help="Decisions on or after this date (YYYY-MM-DD)."),
    end: str = typer.Option(None, "--to", help="Decisions on or before this date (YYYY-MM-DD)."),
    output_format: ListingFormat = typer.Option(ListingFormat.table, "--format", help="table for people; csv or json for scripts."),
    limit: int = typer.Option(50, "--limit", help="Rows shown in a table (0 for all). CSV and JSON are never cut."),
) -> None:
    """List licences, filtered, as a table or as CSV or JSON."""
    first, last = _date(start, "--from"), _date(end, "--to")
    try:
        loaded = load_licences(path)
    except CaseError as exc:
        print_problems(exc.problems)
        raise fail(f"{path}: {len(exc.errors)} errors in the licence data; nothing listed")
    table = loaded.filter(country=country, rating=rating, technology=technology, outcome=outcome,
                          licence_type=licence_type, start=first, end=last)
    frame = listing_frame(table)
    if output_format is ListingFormat.csv:
        write_stdout(frame.to_csv(index=False, lineterminator="\n"))
        return
    if output_format is ListingFormat.json:
        records = [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
                   for row in frame.to_dict(orient="records")]
        write_stdout(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    shown = frame if limit == 0 else frame.head(limit)
    rows = shown.assign(value=shown["value"].map(lambda v: "" if math.isnan(v) else f"£{v:,.0f}")).to_dict(orient="records")
    print_table(rows, [("id", "Licence"), ("decision_date", "Decided"), ("destination", "Destination"), ("licence_type", "Type"),
                       ("outcome", "Outcome"), ("ratings", "Ratings"), ("technology", "Technology"),
                       ("goods_summary", "Goods"), ("end_user", "End user"), ("value", "Value")])
    note = f"{len(frame):,} licences" if len(shown) == len(frame) else f"showing {len(shown):,} of {len(frame):,} licences (--limit 0 for all, or --format csv)"
    stdout.print(note, markup=False)


