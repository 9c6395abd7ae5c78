"""A CAAT release's side tables, joined to its licences by the key each table's own header names.

A table keyed by the licence key (``licence_group`` in legacy releases, ``licence_id``
in current ones) joins to that one licence. A table keyed by ``licence_cohort_id``
joins to every licence of the cohort, which needs the licence tables to give each
licence's cohort: when they do not, the table is not joined and the user is told;
a cohort number is never matched against licence numbers, nor the other way round.

Refusal criteria keyed by cohort attach only to the cohort's refused licences (a
cohort can hold issued and refused licences), and criteria keyed by licence only to
a licence that was refused. A criterion is kept as CAAT writes it (``2``), never
turned into a sub-paragraph, and CAAT's description of the criterion is not read:
documents quote the criteria from the law, not from the dataset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from advocate.load.caat_layout import COHORT_KEY, LEGACY_KEYS
from advocate.load.column_parsers import parse_countries
from advocate.load.csv_frame import Column, CsvFrame, read_csv_frame, report_rows
from advocate.models.problem import Problems, Severity
from advocate.vocab.countries import country_code

CRITERION = re.compile(r"^[1-8][a-f]?$", re.IGNORECASE)

COLUMNS = {
    "criteria": (
        [Column("criterion", "the criterion cited for the refusal", required=True, aliases=("criteria",))],
        ("description",),
    ),
    "notes": ([Column("text", "the footnote", required=True, aliases=("footnote",))], ()),
    "item_notes": (
        [Column("text", "the footnote", required=True, aliases=("footnote",))],
        ("item_id", "licence_item_id", "item"),
    ),
    "onward": (
        [
            Column("destination", "the country the goods end up in", required=True, aliases=("country",)),
            Column("iso2", "that country's ISO 3166 code", aliases=("iso", "country_code")),
            Column("potential", "1 if the destination is only a potential one"),
        ],
        (),
    ),
    "transit": (
        [
            Column("source", "the country the goods come from", required=True, aliases=("country",)),
            Column("iso2", "that country's ISO 3166 code", aliases=("iso", "country_code")),
        ],
        ("licence_count",),
    ),
}
"""Each side table's columns (besides its key) and the columns it has that are known but not read."""


@dataclass(frozen=True)
class LicenceKeys:
    """What side tables join on: each licence's key and cohort (empty when the tables give none), and whether it was refused."""

    keys: pd.Index
    cohorts: np.ndarray
    has_cohorts: bool
    refused: np.ndarray
    tables: str
    """The licence tables' names, for messages ("items.csv and values.csv")."""


@dataclass(frozen=True)
class SideRows:
    """A side table's rows with the licence each row joins to (-1 for none) and the row it came from."""

    table: CsvFrame
    licence: np.ndarray
    row: np.ndarray
    key: str
    """The column the rows were joined on: the licence key, or ``licence_cohort_id``."""

    @property
    def by_cohort(self) -> bool:
        return self.key == COHORT_KEY


def read_side_table(
    path: Path, label: str, role: str, key: str, licences: LicenceKeys, problems: Problems
) -> SideRows | None:
    """Read one side table and match its rows to licences (a cohort's row to each licence of the cohort)."""
    columns, other = COLUMNS[role]
    key_aliases = LEGACY_KEYS[1:] if key == LEGACY_KEYS[0] else ()
    table = read_csv_frame(
        path,
        label,
        [
            Column(key, "the licence the row is about", aliases=key_aliases),
            Column(COHORT_KEY, "the cohort of licences the row is about"),
            *columns,
        ],
        problems,
        other_columns=other,
    )
    if table is None:
        return None
    frame = table.frame
    if key in frame.columns:
        wanted = frame[key].astype(str)
        licence = licences.keys.get_indexer(wanted)
        return SideRows(table, licence.astype(np.int64), np.arange(len(frame), dtype=np.int64), key)
    if COHORT_KEY not in frame.columns:
        problems.error(
            "column_missing",
            label,
            f"has neither {key} nor {COHORT_KEY}, so its rows cannot be matched to licences",
            line=1,
            field=key,
            hint=f"columns found: {', '.join(map(str, frame.columns))}",
        )
        return None
    if not licences.has_cohorts:
        problems.error(
            "join_impossible",
            label,
            f"is keyed by {COHORT_KEY}, but {licences.tables} give no {COHORT_KEY} column, so its rows cannot be "
            f"matched to licences (a cohort number is not a licence number); it was not read",
            line=1,
            field=COHORT_KEY,
            hint=f"use {licences.tables} of the same release as this file",
        )
        return None
    cohorts = frame[COHORT_KEY].astype(str).to_numpy(dtype=object)
    by_cohort = pd.Series(np.arange(len(licences.cohorts)), index=licences.cohorts)
    by_cohort = by_cohort[by_cohort.index != ""]
    pairs = pd.DataFrame({"cohort": cohorts, "row": np.arange(len(frame))}).merge(
        pd.DataFrame({"cohort": by_cohort.index.to_numpy(dtype=object), "licence": by_cohort.to_numpy()}),
        on="cohort",
        how="left",
    )
    licence = pairs["licence"].fillna(-1).astype(np.int64).to_numpy()
    return SideRows(table, licence, pairs["row"].to_numpy(dtype=np.int64), COHORT_KEY)


def join_texts(
    licence: np.ndarray, texts: np.ndarray, n: int, separator: str, keep: np.ndarray | None = None
) -> np.ndarray:
    """One text per licence: the distinct non-empty ``texts`` of the rows of each (``licence`` per row, -1 for none), in order."""
    out = np.full(n, "", dtype=object)
    mask = licence >= 0
    if keep is not None:
        mask &= keep
    if not mask.any():
        return out
    frame = pd.DataFrame({"licence": licence[mask], "text": texts[mask]})
    frame = frame[frame["text"] != ""].drop_duplicates()
    if not len(frame):
        return out
    several = frame["licence"].duplicated(keep=False).to_numpy()
    single = frame[~several]
    out[single["licence"].to_numpy()] = single["text"].to_numpy()
    if several.any():
        grouped = frame[several].groupby("licence", sort=False)["text"].agg(separator.join)
        out[grouped.index.to_numpy()] = grouped.to_numpy()
    return out


def refusal_criteria(rows: SideRows, licences: LicenceKeys, problems: Problems) -> np.ndarray:
    """Criteria per licence, space-separated as CAAT writes them, on refused licences only."""
    frame = rows.table.frame
    criterion = frame["criterion"].astype(str).to_numpy(dtype=object)[rows.row]
    bad = ~pd.Series(criterion).str.match(CRITERION).to_numpy(dtype=bool) & (rows.licence >= 0)
    column = rows.table.found.get("criterion", "criterion")
    report_rows(
        problems,
        rows.table,
        _at_rows(rows, bad),
        code="criterion_unknown",
        column=column,
        severity=Severity.WARNING,
        message=lambda i: f"'{frame['criterion'].iat[i]}' is not one of the criteria 1 to 8; it is kept as written",
        hint="CAAT's criteria are the numbers 1 to 8",
    )
    refused = np.zeros(len(rows.licence), dtype=bool)
    matched = rows.licence >= 0
    refused[matched] = licences.refused[rows.licence[matched]]
    if not rows.by_cohort:
        issued = matched & ~refused
        report_rows(
            problems,
            rows.table,
            _at_rows(rows, issued),
            code="criteria_on_issued",
            column=column,
            severity=Severity.WARNING,
            message=lambda i: (
                f"names criteria for licence {frame[rows.key].iat[i]}, which the licence tables record as not refused; "
                "they are not attached to it"
            ),
            hint="a criterion is a reason for a refusal; check the release",
        )
    else:
        cohort_refusals = pd.Series(refused[matched]).groupby(rows.row[matched]).any()
        without = np.zeros(len(frame), dtype=bool)
        without[cohort_refusals.index.to_numpy()[~cohort_refusals.to_numpy()]] = True
        report_rows(
            problems,
            rows.table,
            without,
            code="criteria_on_issued",
            column=column,
            severity=Severity.WARNING,
            message=lambda i: (
                f"names criteria for cohort {frame[COHORT_KEY].iat[i]}, which holds no refused licence; "
                "they are not attached to any licence"
            ),
            hint="a criterion is a reason for a refusal; check the release",
        )
    return join_texts(rows.licence, criterion, len(licences.keys), " ", keep=refused)


def _at_rows(rows: SideRows, mask: np.ndarray) -> np.ndarray:
    """A per-file-row mask from a mask over joined rows (a cohort row joins several licences)."""
    out = np.zeros(len(rows.table.frame), dtype=bool)
    out[rows.row[mask]] = True
    return out


def footnotes(rows: SideRows, n: int) -> np.ndarray:
    texts = rows.table.frame["text"].astype(str).to_numpy(dtype=object)[rows.row]
    return join_texts(rows.licence, texts, n, " / ")


def countries(rows: SideRows, column: str, n: int, problems: Problems) -> tuple[np.ndarray, np.ndarray]:
    """Country names per licence ("; "-joined, "(potential)" marked) and their ISO codes (space-joined)."""
    frame = rows.table.frame
    names = frame[column].astype(str)
    if "iso2" in frame.columns:
        iso = frame["iso2"].astype(str)
        known = {value: country_code(value) for value in iso.unique() if value}
        codes = iso.map(lambda value: known.get(value) or "").astype(object)
        bad = (iso != "") & (codes == "")
        report_rows(
            problems,
            rows.table,
            bad.to_numpy(),
            code="country_unknown",
            column="iso2",
            message=lambda i: f"'{iso.iat[i]}' is not an ISO 3166 country code",
        )
        by_name, bad_names = parse_countries(names)
        codes = codes.where(codes != "", by_name)
    else:
        codes, bad_names = parse_countries(names)
        report_rows(
            problems,
            rows.table,
            bad_names & (names != "").to_numpy(),
            code="country_unknown",
            column=column,
            message=lambda i: f"'{names.iat[i]}' is not a country known to ISO 3166 or the licensing data",
            hint="known variants are listed in advocate/vocab/data/country_variants.csv",
        )
    shown = names
    if "potential" in frame.columns:
        potential = frame["potential"].astype(str) == "1"
        shown = names.where(~potential, names + " (potential)")
    shown_rows = shown.to_numpy(dtype=object)[rows.row]
    code_rows = codes.astype(str).to_numpy(dtype=object)[rows.row]
    return join_texts(rows.licence, shown_rows, n, "; "), join_texts(rows.licence, code_rows, n, " ")
