"""``advocate licences``: list and filter licences from a case, a CAAT release or one CSV."""

from __future__ import annotations

import json
import math
from enum import Enum
from pathlib import Path

import typer

from advocate.cli import app
from advocate.cli.case_options import DATA, data_folders
from advocate.cli.filters import COUNTRY, END, LICENCE_TYPE, OUTCOME, RATING, START, TECHNOLOGY, parse_date
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
from advocate.models.listing_columns import LISTING_COLUMNS

TABLE_COLUMNS = {
    "id": TableColumn("id", "Licence", wraps=False),
    "reference": TableColumn("reference", "Reference", wraps=False),
    "decision_date": TableColumn("decision_date", "Decided", wraps=False),
    "destination": TableColumn("destination", "Country"),
    "country": TableColumn("country", "ISO", wraps=False),
    "licence_type": TableColumn("licence_type", "Type", wraps=False),
    "outcome": TableColumn("outcome", "Outcome", wraps=False),
    "ratings": TableColumn("ratings", "Ratings"),
    "technology": TableColumn("technology", "Technology"),
    "goods_summary": TableColumn("goods_summary", "Goods"),
    "end_user": TableColumn("end_user", "End user"),
    "value": TableColumn("value", "Value", wraps=False, right=True),
    "refusal_criteria": TableColumn("refusal_criteria", "Criteria"),
    "sources": TableColumn("sources", "Sources"),
    "dataset": TableColumn("dataset", "File"),
    "line": TableColumn("line", "Line", wraps=False, right=True),
    "id_kind": TableColumn("id_kind", "Id kind", wraps=False),
    "identifier": TableColumn("identifier", "Identifier"),
    "dataset_number": TableColumn("dataset_number", "Dataset no.", wraps=False),
    "dataset_name": TableColumn("dataset_name", "Dataset"),
    "count": TableColumn("count", "Licences", wraps=False, right=True),
    "military": TableColumn("military", "Military", wraps=False),
    "onward_destinations": TableColumn("onward_destinations", "Goods end up in"),
    "transit_from": TableColumn("transit_from", "In transit from"),
}
"""How each listing column is shown in a table."""

DEFAULT_TABLE = (
    "id",
    "decision_date",
    "destination",
    "outcome",
    "ratings",
    "technology",
    "value",
    "licence_type",
    "goods_summary",
    "end_user",
)
"""The columns a table shows by default, most useful first: a narrow terminal drops them from the end."""


class ListingFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def licences(
    path: Path = typer.Argument(..., help="A case folder, a CAAT release folder, or one licences CSV."),
    country: list[str] = COUNTRY,
    rating: list[str] = RATING,
    technology: list[str] = TECHNOLOGY,
    outcome: list[str] = OUTCOME,
    licence_type: list[str] = LICENCE_TYPE,
    start: str = START,
    end: str = END,
    output_format: ListingFormat = typer.Option(
        ListingFormat.table, "--format", help="table for people; csv or json for scripts."
    ),
    limit: int = typer.Option(50, "--limit", help="Rows shown in a table (0 for all). CSV and JSON are never cut."),
    columns: str = typer.Option(
        None, "--columns", help=f"Comma-separated columns to show, in order; any of: {', '.join(LISTING_COLUMNS)}."
    ),
    data: list[Path] = DATA,
) -> None:
    """List licences, filtered, as a table or as CSV or JSON.

    Warnings about the data go to stderr, so CSV and JSON on stdout stay clean.
    """
    from advocate.errors import CaseError
    from advocate.models.licence_listing import listing_frame
    from advocate.validate.check import read_licences

    first, last = parse_date(start, "--from"), parse_date(end, "--to")
    chosen = _columns(columns)
    try:
        loaded = read_licences(path, data=data_folders(data))
    except CaseError as exc:
        print_problems(exc.problems)
        raise fail(
            f"{path}: {len(exc.errors)} error{'s' * (len(exc.errors) != 1)} in the evidence; nothing listed"
        ) from None
    print_problems(loaded.warnings)
    table = loaded.table.filter(
        country=country,
        rating=rating,
        technology=technology,
        outcome=outcome,
        licence_type=licence_type,
        start=first,
        end=last,
    )
    frame = listing_frame(table)
    _say_onward(table, country)
    if chosen and output_format is not ListingFormat.table:
        frame = frame[list(chosen)]
    if output_format is ListingFormat.csv:
        write_stdout(frame.to_csv(index=False, lineterminator="\n"))
        return
    if output_format is ListingFormat.json:
        records = [
            {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in row.items()}
            for row in frame.to_dict(orient="records")
        ]
        write_stdout(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    shown = frame if limit == 0 else frame.head(limit)
    rows = shown.assign(value=shown["value"].map(lambda v: "" if math.isnan(v) else f"£{v:,.0f}")).to_dict(
        orient="records"
    )
    wanted = [TABLE_COLUMNS[name] for name in (chosen or DEFAULT_TABLE)]
    kept, dropped = (wanted, []) if chosen else fit_columns(wanted, rows, stdout.width)
    print_table(rows, kept)
    counted = table.licence_count()
    total = (
        f"{len(frame):,} licences"
        if counted.exact and counted.minimum == len(frame)
        else f"{len(frame):,} rows standing for {counted.describe()} (a row may stand for several licences of unknown number)"
    )
    count = (
        total if len(shown) == len(frame) else f"showing {len(shown):,} of {total} (--limit 0 for all, or --format csv)"
    )
    say(count)
    if dropped:
        note(
            f"not shown, for want of width: {', '.join(c.key for c in dropped)} (choose with --columns, or use --format csv)"
        )


def _say_onward(table, country: list[str]) -> None:
    """When --country found licences to elsewhere by the country their goods end up in, say so (on stderr)."""
    if not country or not len(table):
        return
    from advocate.vocab.countries import country_code

    frame = table.frame
    direct = (
        frame["country"].isin({country_code(c) or c for c in country})
        | frame["destination"].str.casefold().isin({c.casefold() for c in country})
    ).to_numpy()
    onward = int((table.onward_mask(country) & ~direct).sum())
    if onward:
        note(
            f"{onward:,} of these licences are to other destinations: their goods are incorporated into products "
            f"exported onward to {', '.join(country)} (column onward_destinations)"
        )


def _columns(option: str | None) -> tuple[str, ...]:
    """The columns named by ``--columns``, checked."""
    if not option:
        return ()
    names = tuple(name.strip() for name in option.split(",") if name.strip())
    unknown = [name for name in names if name not in LISTING_COLUMNS]
    if unknown:
        raise fail(
            f"--columns: no column {', '.join(repr(n) for n in unknown)}; columns are: {', '.join(LISTING_COLUMNS)}"
        )
    return names
