"""The Committee to Protect Journalists' lists of journalists killed and imprisoned, as cpj.org exports them.

The killed list's header is ``Name,Status,Date,Country,"Journalist or Media Worker",Motive,"Type of
Death","cpj.org URL"``, dates like ``April 30, 2018``. Each row becomes an abuse keyed by its entry on
cpj.org (``https://cpj.org/data/people/jamal-khashoggi/`` gives ``cpj-killed-jamal-khashoggi``).

CPJ's country is where it happened, not who did it, and the list names no perpetrator: an imported
killing has ``unknown`` perpetrators until a reviewer who knows better says otherwise. Whether CPJ has
confirmed the motive (that the killing was related to the victim's work) is printed with the title
when it has not. Rows of either list are read by the columns the exports share (name, status, date,
country, entry URL); any further column (a charge, a sentence) is kept in the description.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

from advocate.importers.batch import ImportBatch, ImportedRecord, ImportRequest, Unplaced, slug
from advocate.importers.dates import database_date
from advocate.importers.tables import header_key, read_table
from advocate.models.period import Period

COLUMNS = {
    "name": ("Name",),
    "status": ("Status",),
    "date": ("Date", "Date of death", "Date imprisoned", "Imprisoned on"),
    "country": ("Country", "Location", "Country killed", "Country imprisoned"),
    "url": ("cpj.org URL", "URL", "cpj.org link"),
}
OPTIONAL = {
    "role": ("Journalist or Media Worker",),
    "motive": ("Motive",),
    "death": ("Type of Death",),
}

LISTS = {
    "killed": {
        "title": "Database of Attacks on the Press: journalists and media workers killed",
        "categories": ["killing-of-a-journalist"],
    },
    "imprisoned": {
        "title": "Database of Attacks on the Press: journalists imprisoned",
        "categories": ["persecution-of-journalists"],
    },
}

DEATHS = {
    "murder": "was murdered",
    "crossfire": "was killed in crossfire",
    "crossfire/combat-related": "was killed in crossfire",
    "dangerous assignment": "was killed on a dangerous assignment",
}

OWNED = ("country", "date", "title", "description", "victims", "sources")


def source_record(kind: str, request: ImportRequest) -> dict:
    """The dataset source an imported entry of the ``killed`` or ``imprisoned`` list cites."""
    record = {
        "id": f"cpj-{kind}",
        "kind": "dataset",
        "organisation": "Committee to Protect Journalists",
        "title": LISTS[kind]["title"],
        "url": f"https://cpj.org/data/{kind}/",
        "accessed": request.accessed.isoformat(),
    }
    if request.version:
        record["version"] = request.version
    return record


def _title(name: str, role: str, kind: str, death: str, motive: str, country: str) -> str:
    who = "a media worker" if "media worker" in role.casefold() else "a journalist"
    if kind == "imprisoned":
        return f"{name}, {who}, was imprisoned in {country}"
    verb = DEATHS.get(death.casefold(), "was killed")
    unconfirmed = " (CPJ has not confirmed the motive)" if motive.casefold().startswith("unconfirmed") else ""
    return f"{name}, {who}, {verb} in {country}{unconfirmed}"


def read_cpj(path: Path, label: str, request: ImportRequest) -> ImportBatch:
    """The rows of a CPJ export as abuses (killings and imprisonments), within the countries and dates asked for."""
    table = read_table(path, label, header_hint=("Name", "Status", "Country"))
    columns = table.require(COLUMNS)
    optional = {name: table.column(*aliases) for name, aliases in OPTIONAL.items()}
    known = {header_key(c) for c in list(columns.values()) + [c for c in optional.values() if c]}
    extra = [c for c in table.header if header_key(c) not in known]
    batch = ImportBatch("abuses", table.label, OWNED, rows=len(table.rows))
    unplaced = Unplaced()
    other_status: dict[str, int] = {}
    outside = 0
    used: set[str] = set()
    for row in table.rows:
        status = row.text(columns["status"])
        kind = status.casefold()
        if kind not in LISTS:
            other_status[status or "(empty)"] = other_status.get(status or "(empty)", 0) + 1
            continue
        name = row.text(columns["name"])
        if not name:
            batch.error("has no name", field=columns["name"], **row.where)
            continue
        try:
            date = database_date(row.cells.get(columns["date"]))
        except ValueError as exc:
            batch.error(str(exc), field=columns["date"], **row.where)
            continue
        country = row.text(columns["country"])
        code = unplaced.place(country, row.label())
        if code is None:
            continue
        if not request.wants_country(code) or not request.wants_period(Period.parse(date)):
            outside += 1
            continue
        url = row.text(columns["url"])
        key = slug(urlparse(url).path.rstrip("/").rsplit("/", 1)[-1]) if url.startswith(("http://", "https://")) else ""
        if not key:
            batch.error(
                f"'{url}' is not the entry's address on cpj.org, which is the entry's own key"
                if url
                else "is empty: the entry's address on cpj.org is its own key, from which the record's id is made",
                field=columns["url"],
                **row.where,
            )
            continue
        role, motive, death = (row.text(optional[k]) for k in ("role", "motive", "death"))
        details = [
            f"{column}: {row.text(column)}"
            for column in [optional[k] for k in ("role", "motive", "death")] + extra
            if column and row.text(column)
        ]
        description = (
            f"Listed by the Committee to Protect Journalists as {kind}"
            + (f" ({'; '.join(details)})" if details else "")
            + f". CPJ's entry: {url}"
        )
        record_id = f"cpj-{kind}-{key}"
        if record_id in used:
            batch.error(f"is the second row for the entry {url}", field=columns["url"], **row.where)
            continue
        used.add(record_id)
        batch.records.append(
            ImportedRecord(
                record_id,
                {
                    "country": country,
                    "date": date,
                    "title": _title(name, role, kind, death, motive, country),
                    "description": description,
                    "victims": name,
                    "sources": [{"id": f"cpj-{kind}", "pinpoint": f"entry '{name}'"}],
                },
                {"perpetrators": ["unknown"], "categories": list(LISTS[kind]["categories"])},
                dict(row.where),
                {
                    "country": columns["country"],
                    "date": columns["date"],
                    "title": columns["name"],
                    "victims": columns["name"],
                },
            )
        )
    kinds = sorted({r.id.split("-")[1] for r in batch.records})
    batch.sources = [source_record(kind, request) for kind in kinds]
    if outside:
        batch.left_out.append(f"{outside} row{'s' * (outside != 1)} outside the countries or dates asked for")
    batch.left_out.extend(unplaced.notes())
    for status, count in other_status.items():
        batch.left_out.append(
            f"{count} row{'s' * (count != 1)} with status '{status}' (only killings and imprisonments are imported)"
        )
    return batch
