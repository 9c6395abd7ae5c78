"""The normalised licences CSV a user writes by hand: one row per licence, ratings in one cell.

Columns (any order, any case)::

    id, destination, decision_date, outcome,            required
    reference, id_kind, dataset_number, dataset_name,
    count, licence_type, ratings, goods_summary,
    end_user, technology, value, refusal_criteria, sources,
    notes, confidential, illustrative                   optional

``decision_date`` takes the forms of :mod:`advocate.models.period` (``2017-Q1`` when the
data gives only the quarter); ``ratings`` and ``sources`` take several values
separated by ``;``.

What identifies a licence: ``id`` is the case's own label (what ``case.yaml`` and
``links.yaml`` refer to); ``reference`` is the Government's own reference (a SIEL
number), only when the case knows it; ``dataset_number`` and ``dataset_name`` a
number in a published dataset ("4107", "CAAT UK arms export data, April 2026
release"). ``id_kind`` says which of them identifies the licence in documents:
``government``, ``dataset`` or ``case`` (worked out from the columns when empty).
``count`` says how many licences a row stands for: a whole number (empty is 1),
``at least N`` (or ``N+``), ``several`` (more than one, number unknown) or
``unknown`` (one or more); totals then read "at least".
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd

from advocate.load.column_parsers import (
    parse_countries,
    parse_flags,
    parse_money,
    parse_periods,
)
from advocate.load.csv_frame import Column, CsvFrame, read_csv_frame, report_rows
from advocate.models.fields import ID_PATTERN, suggest
from advocate.models.licence import COUNT_WORDS, ID_KINDS, LICENCE_TYPES, OUTCOME_SYNONYMS, OUTCOMES
from advocate.models.licence_table import LICENCE_COLUMNS, LicenceTable
from advocate.models.problem import Problems, Severity
from advocate.vocab.ratings import is_known_rating, parse_rating, split_ratings
from advocate.vocab.technology import technology_tags

COLUMNS = [
    Column("id", "a stable id for each licence", required=True, aliases=("licence_id",)),
    Column("destination", "the destination country", required=True, aliases=("country",)),
    Column("decision_date", "the date of the licensing decision", required=True, aliases=("date", "decision")),
    Column("outcome", "issued, refused, revoked ...", required=True, aliases=("decision_outcome", "status")),
    Column("reference", "the Government's own reference for the licence (a SIEL number), when the case knows it"),
    Column("id_kind", "what identifies the licence in documents: government, dataset or case"),
    Column("dataset_number", "the licence's number in a published dataset (CAAT's licence_id)"),
    Column("dataset_name", "the dataset that number is in, with its release"),
    Column("count", "how many licences the row stands for: a number, 'at least N', 'several' or 'unknown'"),
    Column("licence_type", "SIEL, OIEL ...", aliases=("type",)),
    Column("ratings", "control-list ratings", aliases=("rating", "control_list_entries", "control_entries")),
    Column(
        "goods_summary", "the goods as the government describes them", aliases=("goods", "summary", "goods_description")
    ),
    Column("end_user", "the end user as the data describes it", aliases=("end_user_type", "end_use")),
    Column("technology", "technology tags, for a licence whose data gives no rating", aliases=("technology_tags",)),
    Column("value", "value in GBP", aliases=("value_gbp",)),
    Column("refusal_criteria", "criteria cited for a refusal", aliases=("criteria", "refusal_criterion")),
    Column("sources", "ids of the sources that publish the licence", aliases=("source_ids", "source")),
    Column("notes", "notes"),
    Column("confidential", "yes if the licence must never appear in a public document"),
    Column("illustrative", "yes if the row is an example, not evidence"),
]

_CRITERION = re.compile(r"^([1-8][a-f]?|WMD|MEND|OF|IRAN)$", re.IGNORECASE)


def _split(cell: str) -> list[str]:
    return [part for part in re.split(r"[;,\s]+", str(cell).strip()) if part]


def read_licence_csv(
    path: Path, label: str, problems: Problems, *, today: dt.date, source: str | None = None
) -> LicenceTable:
    """Read and check a normalised licences CSV; problems go to ``problems``."""
    csv_frame = read_csv_frame(path, label, COLUMNS, problems)
    if csv_frame is None:
        return LicenceTable.empty()
    raw = csv_frame.frame
    for column in COLUMNS:
        if column.name not in raw.columns:
            raw[column.name] = ""
    raw = raw.astype(str).apply(lambda col: col.str.strip())
    frame = pd.DataFrame(index=raw.index)

    frame["id"] = raw["id"]
    _check_ids(csv_frame, raw["id"], problems)

    frame["destination"] = raw["destination"]
    frame["country"], bad = parse_countries(raw["destination"])
    report_rows(
        problems,
        csv_frame,
        bad & (raw["destination"] != "").to_numpy(),
        code="country_unknown",
        column="destination",
        message=lambda i: f"'{raw['destination'].iat[i]}' is not a country known to ISO 3166 or the licensing data",
        hint="write the English short name or ISO code (e.g. 'Turkey' or 'TR')",
    )
    report_rows(
        problems,
        csv_frame,
        (raw["destination"] == "").to_numpy(),
        code="missing",
        column="destination",
        message=lambda i: "is required but empty",
    )

    start, end, errors, bad = parse_periods(raw["decision_date"])
    frame["decision_start"], frame["decision_end"], frame["decision_text"] = start, end, raw["decision_date"]
    report_rows(
        problems,
        csv_frame,
        bad & (raw["decision_date"] != "").to_numpy(),
        code="date_invalid",
        column="decision_date",
        message=lambda i: errors[raw["decision_date"].iat[i]],
    )
    report_rows(
        problems,
        csv_frame,
        (raw["decision_date"] == "").to_numpy(),
        code="missing",
        column="decision_date",
        message=lambda i: "is required but empty",
        hint="write YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY",
    )
    future = (start > pd.Timestamp(today)).to_numpy()
    report_rows(
        problems,
        csv_frame,
        future,
        code="date_future",
        column="decision_date",
        message=lambda i: f"'{raw['decision_date'].iat[i]}' is in the future (today is {today.isoformat()})",
        hint="a licensing decision must already have been taken",
    )

    outcome = raw["outcome"].str.casefold().replace(OUTCOME_SYNONYMS)
    frame["outcome"] = outcome
    report_rows(
        problems,
        csv_frame,
        (~outcome.isin(OUTCOMES)).to_numpy(),
        code="outcome_unknown",
        column="outcome",
        message=lambda i: (
            f"'{raw['outcome'].iat[i]}' is not a licensing outcome"
            if raw["outcome"].iat[i]
            else "is required but empty"
        ),
        hint=f"write one of: {', '.join(OUTCOMES)}",
    )

    frame["licence_type"] = raw["licence_type"].str.upper()
    unknown_type = (~frame["licence_type"].isin(LICENCE_TYPES) & (frame["licence_type"] != "")).to_numpy()
    report_rows(
        problems,
        csv_frame,
        unknown_type,
        code="licence_type_unknown",
        column="licence_type",
        severity=Severity.WARNING,
        message=lambda i: f"'{raw['licence_type'].iat[i]}' is not a licence type in the government's data",
        hint=f"known types: {', '.join(LICENCE_TYPES)}",
    )

    frame["value"], bad, reasons = parse_money(raw["value"])
    report_rows(
        problems,
        csv_frame,
        bad,
        code="value_invalid",
        column="value",
        message=lambda i: f"'{raw['value'].iat[i]}' {reasons[raw['value'].iat[i]]}",
        hint="write it in GBP, e.g. 36000 or £36,000",
    )

    criteria = raw["refusal_criteria"].map(lambda cell: " ".join(_split(cell)))
    bad = criteria.map(lambda cell: any(not _CRITERION.match(c) for c in cell.split())).to_numpy(dtype=bool)
    report_rows(
        problems,
        csv_frame,
        bad,
        code="criterion_unknown",
        column="refusal_criteria",
        severity=Severity.WARNING,
        message=lambda i: f"'{raw['refusal_criteria'].iat[i]}' names a criterion that does not exist",
        hint="criteria are 1 to 8 with sub-criteria such as 2a or 2c",
    )
    frame["refusal_criteria"] = criteria

    tags = raw["technology"].map(lambda cell: " ".join(_split(cell)))
    unknown = tags.map(lambda cell: [t for t in cell.split() if t not in technology_tags()])
    report_rows(
        problems,
        csv_frame,
        unknown.map(bool).to_numpy(dtype=bool),
        code="technology_unknown",
        column="technology",
        message=lambda i: (
            f"'{' '.join(unknown.iat[i])}' is not a technology tag{suggest(unknown.iat[i][0], technology_tags())}"
        ),
        hint="tags are listed in advocate/vocab/data/technology_tags.csv",
    )
    frame["technology"] = tags

    listed = raw["sources"].map(lambda cell: " ".join(_split(cell)))
    frame["sources"] = listed.where(listed != "", source or "")
    for name in ("reference", "goods_summary", "end_user", "notes", "dataset_number", "dataset_name"):
        frame[name] = raw[name]
    frame["dataset_short"] = ""
    frame["id_kind"] = _id_kinds(raw, csv_frame, problems)
    frame["count"], frame["count_exact"] = _counts(raw["count"], csv_frame, problems)
    frame["military"] = None
    for name in ("onward_destinations", "onward_countries", "transit_from"):
        frame[name] = ""
    for name in ("confidential", "illustrative"):
        frame[name], bad = parse_flags(raw[name])
        report_rows(
            problems,
            csv_frame,
            bad,
            code="flag_invalid",
            column=name,
            message=lambda i, n=name: f"'{raw[n].iat[i]}' is not yes or no",
            hint="write yes or no (empty means no)",
        )
    frame["dataset"] = label
    frame["line"] = csv_frame.line_numbers()

    ratings = _ratings(raw["ratings"], csv_frame, problems)
    return LicenceTable(frame[list(LICENCE_COLUMNS)].reset_index(drop=True), ratings)


def _id_kinds(raw: pd.DataFrame, csv_frame: CsvFrame, problems: Problems) -> pd.Series:
    """Each row's kind of identifier: as written, checked against the columns it needs, or worked out from them."""
    given = raw["id_kind"].str.casefold()
    has_reference, has_number = raw["reference"] != "", raw["dataset_number"] != ""
    derived = pd.Series("case", index=raw.index).mask(has_number, "dataset").mask(has_reference, "government")
    report_rows(
        problems,
        csv_frame,
        (~given.isin(ID_KINDS) & (given != "")).to_numpy(),
        code="id_kind_unknown",
        column="id_kind",
        message=lambda i: f"'{raw['id_kind'].iat[i]}' is not a kind of identifier",
        hint=(
            "write government (the row gives the Government's reference), dataset (a number in a published "
            "dataset) or case (the id is your own label)"
        ),
    )
    report_rows(
        problems,
        csv_frame,
        ((given == "government") & ~has_reference).to_numpy(),
        code="id_kind_mismatch",
        column="id_kind",
        message=lambda i: "is 'government' but the row gives no reference",
        hint="put the Government's reference (e.g. the SIEL number) in 'reference', or write case",
    )
    report_rows(
        problems,
        csv_frame,
        ((given == "dataset") & ~has_number).to_numpy(),
        code="id_kind_mismatch",
        column="id_kind",
        message=lambda i: "is 'dataset' but the row gives no dataset_number",
        hint="put the licence's number in the dataset in 'dataset_number' and the dataset in 'dataset_name'",
    )
    report_rows(
        problems,
        csv_frame,
        (given.isin(["case", "dataset"]) & has_reference).to_numpy(),
        code="id_kind_mismatch",
        column="id_kind",
        message=lambda i: (
            f"is '{raw['id_kind'].iat[i]}' but the row gives the Government's reference '{raw['reference'].iat[i]}'"
        ),
        hint=(
            "a licence whose Government reference is known is identified by it: write government, or move the "
            "text to notes if it is not the Government's reference"
        ),
    )
    report_rows(
        problems,
        csv_frame,
        (has_number & (raw["dataset_name"] == "")).to_numpy(),
        code="missing",
        column="dataset_name",
        message=lambda i: f"is empty, so dataset number '{raw['dataset_number'].iat[i]}' names no dataset",
        hint="name the dataset and its release, e.g. 'CAAT UK arms export data, April 2026 release'",
    )
    report_rows(
        problems,
        csv_frame,
        raw["reference"].str.fullmatch(r"\d+").to_numpy(dtype=bool),
        code="reference_dataset_number",
        column="reference",
        severity=Severity.WARNING,
        message=lambda i: f"'{raw['reference'].iat[i]}' looks like a dataset's number, not the Government's reference",
        hint="'reference' is for the Government's own reference (a SIEL number); put CAAT's number in dataset_number with dataset_name",
    )
    return given.where(given.isin(ID_KINDS), derived)


_AT_LEAST = re.compile(r"^(?:at\s+least\s+(\d+)|(\d+)\s*\+)$", re.IGNORECASE)


def _count(cell: str) -> tuple[int, bool] | None:
    """(minimum, exact) for one ``count`` cell, or ``None`` when it cannot be read."""
    text = " ".join(cell.split()).casefold()
    if not text:
        return 1, True
    if text in COUNT_WORDS:
        return COUNT_WORDS[text], False
    if text.isdigit() and int(text) > 0:
        return int(text), True
    if (match := _AT_LEAST.match(text)) and int(match[1] or match[2]) > 0:
        return int(match[1] or match[2]), False
    return None


def _counts(cells: pd.Series, csv_frame: CsvFrame, problems: Problems) -> tuple[pd.Series, pd.Series]:
    read = {cell: _count(cell) for cell in cells.unique()}
    report_rows(
        problems,
        csv_frame,
        cells.map(lambda cell: read[cell] is None).to_numpy(dtype=bool),
        code="count_invalid",
        column="count",
        message=lambda i: f"'{cells.iat[i]}' is not a number of licences",
        hint="write a whole number above 0 (empty is 1), 'at least N', 'several' (more than one, number unknown) or 'unknown'",
    )
    minimum = cells.map(lambda cell: (read[cell] or (1, True))[0]).astype("int64")
    exact = cells.map(lambda cell: (read[cell] or (1, True))[1]).astype(bool)
    return minimum, exact


def _check_ids(csv_frame: CsvFrame, ids: pd.Series, problems: Problems) -> None:
    report_rows(
        problems,
        csv_frame,
        (ids == "").to_numpy(),
        code="missing",
        column="id",
        message=lambda i: "is required but empty",
        hint="give every licence a stable id, e.g. TR-2017-Q1-01",
    )
    bad = (~ids.map(lambda v: bool(ID_PATTERN.match(v))) & (ids != "")).to_numpy(dtype=bool)
    report_rows(
        problems,
        csv_frame,
        bad,
        code="id_invalid",
        column="id",
        message=lambda i: f"'{ids.iat[i]}' is not a usable id",
        hint="use letters, digits, '-', '_', '.' or ':' with no spaces",
    )
    duplicated = (ids.duplicated(keep="first") & (ids != "")).to_numpy()
    first_row = {value: position for position, value in reversed(list(enumerate(ids)))}
    report_rows(
        problems,
        csv_frame,
        duplicated,
        code="duplicate_id",
        column="id",
        message=lambda i: (
            f"id '{ids.iat[i]}' is already used on row {first_row[ids.iat[i]] + 1} (line {csv_frame.line(first_row[ids.iat[i]])})"
        ),
        hint="every licence needs its own id",
    )


def _ratings(cells: pd.Series, csv_frame: CsvFrame, problems: Problems) -> pd.DataFrame:
    rows = [(position, text) for position, cell in enumerate(cells) for text in split_ratings(cell)]
    ratings = pd.DataFrame(rows, columns=["licence", "rating"]).astype({"licence": "int64", "rating": object})
    ratings["key"] = ratings["rating"].map(lambda r: parse_rating(r).key).astype(object)
    unknown = ~ratings["rating"].map(is_known_rating).astype(bool)
    for position, text in zip(ratings["licence"][unknown], ratings["rating"][unknown]):
        problems.warning(
            "rating_unknown",
            csv_frame.label,
            f"'{text}' is not a control-list rating this tool knows",
            line=csv_frame.line(int(position)),
            row=int(position) + 1,
            field="ratings",
            hint="check it against the control list; it is kept as written",
        )
    return ratings
