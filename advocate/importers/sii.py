"""Privacy International's Surveillance Industry Index: transfer records, as transfers.

The Index's transfers are a JSON list of records with ``supplier_company``, ``supplier_company_hq``,
``recipient_country``, ``enduser``, ``goods`` (a list), ``export_data_or_open_source``,
``transfer_to_enduser_reported_as_complete``, ``order_year``, ``sources``, ``source_links`` and
``unique_id`` (github.com/TransparencyToolkit/dataspec-sii). Each becomes a transfer keyed by its
``unique_id``; the goods categories give technology tags through ``vocab/data/sii_goods.csv``.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

from advocate.importers.batch import (
    ImportBatch,
    ImportedRecord,
    ImportFailed,
    ImportRequest,
    Unplaced,
    import_error,
    slug,
)
from advocate.importers.dates import year_of
from advocate.load.text_encoding import EncodingProblem, decode_file
from advocate.models.period import Period
from advocate.models.problem import Problem
from advocate.resources import read_vocab_table

OWNED = (
    "supplier",
    "supplier_country",
    "country",
    "end_user",
    "goods",
    "technology",
    "date",
    "complete",
    "basis",
    "reported_in",
    "sources",
)
SOURCE_ID = "privacy-international-sii"
COMPLETION = {"yes": "yes", "no": "no", "unknown": "unknown", "": "unknown"}
BASIS = {"open": "open source", "export": "export data"}


def source_record(request: ImportRequest) -> dict:
    record = {
        "id": SOURCE_ID,
        "kind": "dataset",
        "organisation": "Privacy International",
        "title": "Surveillance Industry Index",
        "url": "https://github.com/TransparencyToolkit/dataspec-sii",
        "accessed": request.accessed.isoformat(),
    }
    if request.version:
        record["version"] = request.version
    return record


def _goods_tags() -> dict[str, str]:
    return {row["goods"].casefold(): row["technology"] for row in read_vocab_table("sii_goods.csv")}


def _text(value) -> str:
    return "" if value is None else " ".join(str(value).split())


def _list(value) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else str(value).split(",")
    return [_text(item) for item in items if _text(item)]


def _records(path: Path, label: str) -> tuple[list, str]:
    if not path.is_file():
        raise ImportFailed([import_error(label, "no such file")])
    try:
        text = decode_file(path).text
    except EncodingProblem as exc:
        raise ImportFailed([import_error(label, str(exc), line=exc.line)]) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            [import_error(label, f"is not valid JSON: {exc.msg} (column {exc.colno})", line=exc.lineno)]
        ) from None
    if isinstance(data, dict):
        lists = [value for value in data.values() if isinstance(value, list)]
        data = lists[0] if len(lists) == 1 else data
    if not isinstance(data, list):
        raise ImportFailed(
            [import_error(label, "expected a list of transfer records, as the Index's transfers.json has them", line=1)]
        )
    return data, text


def _with_line(problem: Problem, text: str) -> Problem:
    """The problem with the line of its record's unique_id in the file, when it has one (found only for problems)."""
    found = re.search(r"'(.+)'$", problem.record)
    at = text.find(json.dumps(found.group(1))) if found else -1
    return replace(problem, line=text.count("\n", 0, at) + 1) if at >= 0 and problem.line is None else problem


def read_sii(path: Path, label: str, request: ImportRequest) -> ImportBatch:
    """Each transfer record as a transfer, within the recipient countries and order years asked for."""
    items, text = _records(path, label)
    batch = ImportBatch("transfers", label, OWNED, rows=len(items))
    tags = _goods_tags()
    unplaced, outside, undated = Unplaced(), 0, 0
    for number, item in enumerate(items, start=1):
        where_name = f"transfer #{number}"
        if not isinstance(item, dict):
            batch.error("is not a transfer record (a set of named fields)", record=where_name)
            continue
        unique_id = _text(item.get("unique_id"))
        where = {"record": f"{where_name} '{unique_id}'" if unique_id else where_name}
        if not unique_id or not slug(unique_id):
            batch.error(
                "has no unique_id, the Index's own key, from which the record's id is made", field="unique_id", **where
            )
            continue
        supplier = _text(item.get("supplier_company") or item.get("company_name"))
        if not supplier:
            batch.error("names no supplier", field="supplier_company", **where)
            continue
        country = _text(item.get("recipient_country"))
        code = unplaced.place(country, where["record"])
        if code is None:
            continue
        try:
            year = year_of(item.get("order_year"))
        except ValueError as exc:
            batch.error(str(exc), field="order_year", **where)
            continue
        if not request.wants_country(code):
            outside += 1
            continue
        if not request.wants_period(Period.parse(year) if year else None):
            undated += not year
            outside += bool(year)
            continue
        complete = COMPLETION.get(_text(item.get("transfer_to_enduser_reported_as_complete")).casefold())
        if complete is None:
            batch.error(
                f"'{item.get('transfer_to_enduser_reported_as_complete')}' is not Yes, No or Unknown",
                field="transfer_to_enduser_reported_as_complete",
                **where,
            )
            continue
        goods = _list(item.get("goods")) or _list(next((v for k, v in item.items() if k.startswith("goods__")), None))
        technology = list(dict.fromkeys(tags[g.casefold()] for g in goods if g.casefold() in tags))
        basis = _text(item.get("export_data_or_open_source"))
        reported = list(dict.fromkeys(_list([item.get("sources")]) + _list(item.get("source_links"))))
        record_id = f"sii-{slug(unique_id)}"
        if any(r.id == record_id for r in batch.records):
            batch.error(f"has the same unique_id as an earlier record ('{unique_id}')", field="unique_id", **where)
            continue
        data = {
            "supplier": supplier,
            "supplier_country": _text(item.get("supplier_company_hq")),
            "country": country,
            "end_user": _text(item.get("enduser")),
            "goods": goods,
            "technology": technology,
            "date": year,
            "complete": complete,
            "basis": BASIS.get(basis.casefold(), basis.casefold()),
            "reported_in": reported,
            "sources": [{"id": SOURCE_ID, "pinpoint": f"transfer '{unique_id}'"}],
        }
        batch.records.append(
            ImportedRecord(
                record_id,
                {k: v for k, v in data.items() if v not in ("", [], None)},
                {},
                where,
                {
                    "supplier": "supplier_company",
                    "country": "recipient_country",
                    "date": "order_year",
                    "technology": "goods",
                    "goods": "goods",
                    "end_user": "enduser",
                },
            )
        )
    batch.problems = [_with_line(problem, text) for problem in batch.problems]
    if batch.records:
        batch.sources = [source_record(request)]
    if outside:
        batch.left_out.append(f"{outside} record{'s' * (outside != 1)} outside the countries or dates asked for")
    if undated:
        batch.left_out.append(f"{undated} record{'s' * (undated != 1)} with no order year (--from cannot place them)")
    batch.left_out.extend(unplaced.notes())
    return batch
