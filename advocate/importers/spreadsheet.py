"""A spreadsheet of the campaign's own documentation (CSV or XLSX), read through its mapping file.

Each row becomes an abuse (or an event) whose id is the mapping's ``id_prefix`` and the row's key;
cells go to the fields the mapping names; list fields (perpetrators, categories, technology, sources)
take several values separated by ``;`` or ``,``, each a code, a label ("arbitrary detention") or a word
the mapping's ``values`` translates. Every record cites the spreadsheet itself (the mapping's
``dataset``) and any source ids its ``sources`` column names. A problem names the row and the column.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from advocate.importers.batch import ImportBatch, ImportedRecord, ImportRequest, slug
from advocate.importers.dates import database_date
from advocate.importers.mapping import read_mapping
from advocate.importers.tables import read_table
from advocate.models.period import Period
from advocate.vocab.abuse_categories import AbuseCategory, abuse_categories
from advocate.vocab.countries import resolve_country
from advocate.vocab.state_bodies import StateBody, state_bodies
from advocate.vocab.technology import Tag, technology_tags

LISTS = ("perpetrators", "categories", "technology", "sources")
BOOLEANS = {
    "yes": True,
    "y": True,
    "true": True,
    "1": True,
    "no": False,
    "n": False,
    "false": False,
    "0": False,
    "": False,
}


def _vocabulary(name: str) -> dict[str, str]:
    """Codes and labels of a vocabulary field, compared without case, → the code."""
    tables: dict[str, Mapping[str, AbuseCategory | StateBody | Tag]] = {
        "categories": abuse_categories(),
        "perpetrators": state_bodies(),
        "technology": technology_tags(),
    }
    table = tables.get(name)
    if table is None:
        return {}
    found = {code.casefold(): code for code in table}
    found.update({entry.label.casefold(): code for code, entry in table.items()})
    return found


def _split(value: Any) -> list[str]:
    return [part.strip() for part in re.split(r"[;,\n]", str(value or "")) if part.strip()]


def read_spreadsheet(path: Path, label: str, request: ImportRequest) -> ImportBatch:
    """Each row as a record, through the mapping given with ``--mapping``."""
    mapping, stem = read_mapping(request.mapping)
    table = read_table(
        path, label, sheet=mapping.sheet, header_row=mapping.header_row, header_hint=tuple(mapping.columns)
    )
    wanted = {mapping.key: (mapping.key,), **{column: (column,) for column in mapping.columns}}
    found = table.require(wanted)
    source_id = mapping.dataset.id or slug(mapping.dataset.title)
    prefix = mapping.id_prefix or f"{stem}-"
    owned = tuple(dict.fromkeys([*mapping.columns.values(), "sources"]))
    batch = ImportBatch(mapping.records, table.label, owned, stem=stem, rows=len(table.rows))
    vocabularies = {name: _vocabulary(name) for name in LISTS}
    keys: dict[str, str] = {}
    outside = 0
    for row in table.rows:
        key = row.text(found[mapping.key])
        if not key or not slug(key):
            batch.error(
                "has no key, the row's own reference from which its id is made", field=found[mapping.key], **row.where
            )
            continue
        if slug(key) in keys:
            batch.error(
                f"has the key '{key}' that {keys[slug(key)]} has already", field=found[mapping.key], **row.where
            )
            continue
        keys[slug(key)] = row.label()
        data: dict[str, Any] = {}
        columns: dict[str, str] = {}
        bad = False
        for column, name in mapping.columns.items():
            value = row.cells.get(found[column])
            columns[name] = found[column]
            if value is None or str(value).strip() == "":
                continue
            if name == "date":
                try:
                    data[name] = database_date(value, mapping.date_format)
                except ValueError as exc:
                    batch.error(str(exc), field=found[column], **row.where)
                    bad = True
            elif name in LISTS:
                words = mapping.values.get(name, {})
                known = vocabularies[name]
                data[name] = [words.get(word, known.get(word.casefold(), word)) for word in _split(value)]
            elif name in ("confidential", "illustrative"):
                flag = BOOLEANS.get(str(value).strip().casefold())
                if flag is None:
                    batch.error(f"'{value}' is not yes or no", field=found[column], **row.where)
                    bad = True
                data[name] = flag
            else:
                data[name] = row.text(found[column])
        if bad:
            continue
        country = resolve_country(str(data.get("country", "")))
        if country is not None and not request.wants_country(country.code):
            outside += 1
            continue
        try:
            period = Period.parse(data["date"]) if "date" in data else None
        except ValueError:
            period = None
        if not request.wants_period(period):
            outside += 1
            continue
        data["sources"] = [{"id": source_id, "pinpoint": f"entry {key}"}] + [
            {"id": wanted_id} for wanted_id in data.get("sources", []) if wanted_id != source_id
        ]
        initial = {name: value for name, value in mapping.defaults.items() if name not in data}
        columns.setdefault("sources", "sources")
        batch.records.append(ImportedRecord(f"{prefix}{slug(key)}", data, initial, dict(row.where), columns))
    dataset = {
        "id": source_id,
        "kind": "dataset",
        **mapping.dataset.model_dump(exclude={"id"}, exclude_defaults=True),
        "accessed": request.accessed.isoformat(),
    }
    if request.version:
        dataset["version"] = request.version
    if batch.records:
        batch.sources = [dataset]
    if outside:
        batch.left_out.append(f"{outside} row{'s' * (outside != 1)} outside the countries or dates asked for")
    return batch
