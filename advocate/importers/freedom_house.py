"""Freedom House's Freedom in the World ratings: each country's status (Free, Partly Free, Not Free) and
total score out of 100, as indicators.

Read from Freedom House's workbook (a sheet with ``Country/Territory``, ``Edition``, ``Status`` and
``Total`` columns, found below any title rows) or from a CSV of ``name,region,country_or_territory,
status,score`` with the edition given by ``--edition``. Territories Freedom House rates apart from
any country code (Tibet, Crimea ...) are left out and listed.
"""

from __future__ import annotations

from pathlib import Path

from advocate.importers.batch import ImportBatch, ImportRequest, Unplaced
from advocate.importers.ratings import OWNED, add_rating, edition_of, left_out_notes, wanted
from advocate.importers.tables import read_table

COLUMNS = {
    "name": ("name", "Country/Territory", "Country", "Country or territory"),
    "status": ("status", "Status"),
    "score": ("score", "Total", "Total score", "Total Score"),
}
STATUSES = {
    "f": "Free",
    "free": "Free",
    "pf": "Partly Free",
    "partly free": "Partly Free",
    "nf": "Not Free",
    "not free": "Not Free",
}


def source_record(edition: str, request: ImportRequest) -> dict:
    return {
        "id": f"freedom-house-fiw-{edition}",
        "kind": "dataset",
        "organisation": "Freedom House",
        "title": "Freedom in the World",
        "version": request.version or f"{edition} edition",
        "url": "https://freedomhouse.org/report/freedom-world",
        "accessed": request.accessed.isoformat(),
    }


def read_freedom_house(path: Path, label: str, request: ImportRequest) -> ImportBatch:
    """Each row's status and score as an indicator, within the countries and editions asked for."""
    table = read_table(path, label, header_hint=("Status",))
    columns = table.require(COLUMNS)
    edition_column = table.column("edition", "Edition")
    batch = ImportBatch("indicators", table.label, OWNED, rows=len(table.rows))
    unplaced, outside, editions = Unplaced(), 0, []
    for row in table.rows:
        name = row.text(columns["name"])
        edition = edition_of(row, edition_column, request, batch, table)
        if edition is None:
            continue
        code = unplaced.place(name, row.label())
        if code is None:
            continue
        if not wanted(request, code, edition):
            outside += 1
            continue
        status = STATUSES.get(row.text(columns["status"]).casefold())
        if status is None:
            batch.error(
                f"'{row.text(columns['status'])}' is not a Freedom House status; expected Free, Partly Free or Not Free "
                "(or F, PF, NF)",
                field=columns["status"],
                **row.where,
            )
            continue
        score_text = row.text(columns["score"])
        score = None
        if score_text:
            try:
                score = float(score_text)
            except ValueError:
                score = None
            if score is None or not -10 <= score <= 100:
                batch.error(f"'{score_text}' is not a total score out of 100", field=columns["score"], **row.where)
                continue
        fields: dict[str, str | int | float] = {
            "publisher": "Freedom House",
            "series": "Freedom in the World",
            "rating": status,
        }
        if score is not None:
            fields.update(score=int(score) if score.is_integer() else score, scale="out of 100")
        add_rating(
            batch,
            row,
            id_prefix="freedom-house",
            source_id=f"freedom-house-fiw-{edition}",
            name=name,
            code=code,
            edition=edition,
            fields=fields,
            columns={
                "country": columns["name"],
                "rating": columns["status"],
                "score": columns["score"],
                "edition": edition_column or "edition",
            },
        )
        editions.append(edition)
    batch.sources = [source_record(edition, request) for edition in dict.fromkeys(editions)]
    left_out_notes(batch, outside, unplaced)
    return batch
