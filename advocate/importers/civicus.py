"""CIVICUS Monitor ratings of civic space (Open, Narrowed, Obstructed, Repressed, Closed), as indicators.

Read from a CSV (or a workbook sheet) with a country column and a rating column; the edition is the
file's own ``year``/``edition`` column when it has one, else ``--edition``.
"""

from __future__ import annotations

from pathlib import Path

from advocate.importers.batch import ImportBatch, ImportRequest, Unplaced
from advocate.importers.ratings import OWNED, add_rating, edition_of, left_out_notes, wanted
from advocate.importers.tables import read_table

COLUMNS = {
    "country": ("country", "Country", "Country name"),
    "rating": ("rating", "Rating", "civic space rating", "Civic space", "Category"),
}
RATINGS = ("Open", "Narrowed", "Obstructed", "Repressed", "Closed")


def source_record(edition: str, request: ImportRequest) -> dict:
    return {
        "id": f"civicus-monitor-{edition}",
        "kind": "dataset",
        "organisation": "CIVICUS",
        "title": "CIVICUS Monitor",
        "version": request.version or f"{edition} ratings",
        "url": "https://monitor.civicus.org/",
        "accessed": request.accessed.isoformat(),
    }


def read_civicus(path: Path, label: str, request: ImportRequest) -> ImportBatch:
    """Each row's rating as an indicator of civic space, within the countries and editions asked for."""
    table = read_table(path, label, header_hint=("country",))
    columns = table.require(COLUMNS)
    edition_column = table.column("edition", "year", "Edition", "Year")
    batch = ImportBatch("indicators", table.label, OWNED, rows=len(table.rows))
    unplaced, outside, editions = Unplaced(), 0, []
    known = {rating.casefold(): rating for rating in RATINGS}
    for row in table.rows:
        name = row.text(columns["country"])
        edition = edition_of(row, edition_column, request, batch, table)
        if edition is None:
            continue
        code = unplaced.place(name, row.label())
        if code is None:
            continue
        if not wanted(request, code, edition):
            outside += 1
            continue
        rating = known.get(row.text(columns["rating"]).casefold())
        if rating is None:
            batch.error(
                f"'{row.text(columns['rating'])}' is not a CIVICUS Monitor rating; expected {', '.join(RATINGS)}",
                field=columns["rating"],
                **row.where,
            )
            continue
        add_rating(
            batch,
            row,
            id_prefix="civicus",
            source_id=f"civicus-monitor-{edition}",
            name=name,
            code=code,
            edition=edition,
            fields={
                "publisher": "CIVICUS Monitor",
                "series": "CIVICUS Monitor",
                "measure": "civic space",
                "rating": rating,
            },
            columns={
                "country": columns["country"],
                "rating": columns["rating"],
                "edition": edition_column or "edition",
            },
        )
        editions.append(edition)
    batch.sources = [source_record(edition, request) for edition in dict.fromkeys(editions)]
    left_out_notes(batch, outside, unplaced)
    return batch
