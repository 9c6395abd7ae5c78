"""What Freedom House's and CIVICUS's ratings files share: one rating per country and edition, kept as an
indicator, filtered to the countries and editions asked for."""

from __future__ import annotations

from advocate.importers.batch import ImportBatch, ImportedRecord, ImportRequest, Unplaced, slug
from advocate.importers.tables import Row, Table
from advocate.models.period import Period

OWNED = ("country", "publisher", "series", "edition", "measure", "rating", "score", "scale", "sources")


def edition_of(row: Row, column: str | None, request: ImportRequest, batch: ImportBatch, table: Table) -> str | None:
    """The row's edition: its own column's, else ``--edition``; ``None`` (with an error) when neither gives one."""
    own = row.text(column)
    if own:
        return own[:-2] if own.endswith(".0") else own
    if request.edition:
        return request.edition
    batch.error(
        "gives no edition, and none was given with --edition",
        field=column or "edition",
        hint="name the edition the file holds, e.g. --edition 2023",
        **row.where,
    )
    return None


def wanted(request: ImportRequest, code: str, edition: str) -> bool:
    if request.edition and edition != request.edition:
        return False
    try:
        period = Period.parse(edition[:4])
    except ValueError:
        period = None
    return request.wants_country(code) and request.wants_period(period)


def add_rating(
    batch: ImportBatch,
    row: Row,
    *,
    id_prefix: str,
    source_id: str,
    name: str,
    code: str,
    edition: str,
    fields: dict[str, str | int | float],
    columns: dict[str, str],
) -> None:
    record_id = f"{id_prefix}-{slug(edition)}-{slug(name)}"
    if any(r.id == record_id for r in batch.records):
        batch.error(
            f"rates '{name}' a second time in the {edition} edition", field=columns.get("country", ""), **row.where
        )
        return
    batch.records.append(
        ImportedRecord(
            record_id,
            {
                "country": name,
                "edition": edition,
                **fields,
                "sources": [{"id": source_id, "pinpoint": f"entry '{name}'"}],
            },
            {},
            dict(row.where),
            columns,
        )
    )


def left_out_notes(batch: ImportBatch, outside: int, unplaced: Unplaced) -> None:
    if outside:
        batch.left_out.append(f"{outside} row{'s' * (outside != 1)} outside the countries, editions or dates asked for")
    batch.left_out.extend(unplaced.notes())
