"""Campaign Against Arms Trade's CSV releases of the government's licensing data, of every vintage.

A release is a folder (github.com/caatdata/uk-arms-export-data); its layout
(:mod:`advocate.load.caat_layout`) is read from its files. Its licence tables
(``values.csv`` in a legacy release; ``items.csv`` and ``values.csv`` in a current
one) make one licence per licence key (``licence_group`` or ``licence_id``), never
one per cohort: two licences are never merged. Columns are accepted by what they
mean under the names releases give them, and a column that cannot be placed is
named in a warning.

A licence's own facts (date, destination, outcome, type, cohort) must agree across
its rows and across the two tables; a disagreement is an error naming both places.
``values.csv`` gives the ratings and values, ``items.csv`` the goods (the goods
summary, which gives technology tags), ``known_revoked`` (a licence later revoked,
date not known, is given the outcome ``revoked`` and a note saying so) and
``military``. Side tables (:mod:`advocate.load.caat_side_tables`) add refusal
criteria, footnotes, the countries goods incorporated abroad end up in (a licence
is found by them too) and the countries goods in transit come from.

With ``countries``, only the licences to those countries, or whose goods end up
there, are kept, before anything else is checked: a national release of a million
rows is then as quick to use as a case's own data.

Licence ids are ``id_prefix`` plus CAAT's number; the number is kept as
``dataset_number`` (it is CAAT's, not a Government reference, so ``reference``
stays empty) with ``dataset_name`` naming the release.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd

from advocate.load import caat_side_tables as side
from advocate.load.caat_layout import (
    LEGACY_KEYS,
    RELEASE_URL,
    CaatRelease,
    ReleaseProblem,
    detect_release,
    header_keys,
)
from advocate.load.column_parsers import parse_countries, parse_iso_days, parse_money
from advocate.load.csv_frame import Column, CsvFrame, read_csv_frame, report_rows
from advocate.models.licence import OUTCOME_SYNONYMS, OUTCOMES
from advocate.models.licence_table import LICENCE_COLUMNS, LicenceTable
from advocate.models.problem import Problems
from advocate.vocab.countries import country_code
from advocate.vocab.ratings import is_known_rating, parse_rating

DATASET_NAME = "CAAT UK arms export data"
DATASET_SHORT = "CAAT"

KEY_COLUMNS = {
    "legacy": Column("licence_group", "the licence each row belongs to", required=True, aliases=LEGACY_KEYS[1:]),
    "current": Column("licence_id", "the licence each row belongs to", required=True),
}
TABLE_COLUMNS = [
    Column("licence_cohort_id", "the cohort the licence was published in", aliases=("cohort_id",)),
    Column("date", "the date of the licensing decision", aliases=("decision_date", "licence_date")),
    Column("destination", "the destination country", aliases=("country", "destination_country", "country_name")),
    Column("iso2", "the destination's ISO 3166 code", aliases=("iso", "country_code", "destination_iso2")),
    Column("rating", "the control-list rating", aliases=("control_entry", "control_list_entry", "rating_code")),
    Column("value", "the value in GBP", aliases=("value_gbp",)),
    Column("refused", "1 if the licence was refused", aliases=("is_refused",)),
    Column("outcome", "the decision outcome", aliases=("status",)),
    Column("licence_type", "the licence type (SIEL, OIEL ...)", aliases=("type",)),
    Column(
        "item",
        "the goods as the licence describes them",
        aliases=("text", "goods", "description", "item_text", "item_description", "goods_summary", "summary"),
    ),
    Column("known_revoked", "1 if the licence was later revoked", aliases=("revoked",)),
    Column("military", "1 if the goods are military, 0 if not", aliases=("is_military",)),
]
OTHER_COLUMNS = ("count", "quantity", "item_id", "licence_item_id")
"""Columns of the licence tables that are known but not needed (the number of items of a rating)."""

LICENCE_FACTS = ("licence_cohort_id", "date", "destination", "iso2", "refused", "outcome", "licence_type")
"""Columns that describe the whole licence: every row of a licence must agree on them."""

ROW_SOURCES = {
    "rating": ("values.csv", "items.csv"),
    "value": ("values.csv", "items.csv"),
    "item": ("items.csv", "values.csv"),
    "military": ("items.csv", "values.csv"),
    "known_revoked": ("items.csv", "values.csv"),
}
"""For what is summed or listed over a licence's rows, the table it is taken from (the first that has it)."""

_END_USE = re.compile(r"end[ -]?use|use by|end[ -]?user", re.IGNORECASE)
_NEGATED = re.compile(r"\bnot\b|\bnor\b|\bexclud", re.IGNORECASE)
_FLAG = ("0", "1", "")

REVOKED_NOTE = "CAAT's data marks this licence as later revoked; the date of revocation is not known."


def caat_dataset_name(release: str | None = None) -> str:
    """How documents name a CAAT release: "CAAT UK arms export data (commit f8e49da)"."""
    return f"{DATASET_NAME} ({release})" if release else DATASET_NAME


def _end_use_notes(notes: str) -> str:
    """The footnotes that say who the end user is ("Licence granted for use by a law enforcement agency").

    A note that says who the goods are *not* for ("not for use by the ... security
    services") names no end user, so it stays in ``notes`` only.
    """
    return " / ".join(part for part in notes.split(" / ") if _END_USE.search(part) and not _NEGATED.search(part))


class _Table:
    """One licence table's rows: its cells by meaning (stripped text), and the licence each row is of."""

    def __init__(self, csv_frame: CsvFrame, key: str):
        self.csv = csv_frame
        self.name = csv_frame.path.name
        frame = csv_frame.frame
        self.cells = {
            name: frame[name].astype(str)
            for name in frame.columns
            if name == key or name in {c.name for c in TABLE_COLUMNS}
        }
        self.key = self.cells[key]
        self.licence = np.full(len(frame), -1, dtype=np.int64)
        self.kept = np.ones(len(frame), dtype=bool)

    def has(self, column: str) -> bool:
        return column in self.cells

    def report(self, problems: Problems, mask: np.ndarray, *, column: str, **kwargs) -> None:
        """Problems on the rows of kept licences where ``mask`` is true, naming the column as the file's header does."""
        report_rows(problems, self.csv, mask & self.kept, column=self.header(column), **kwargs)

    def header(self, column: str) -> str:
        return self.csv.found.get(column, column)


def _first(licence: np.ndarray, n: int, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each licence's first non-empty value and the row it is on (-1 if none), and the rows that disagree with it."""
    nonempty = (values != "") & (licence >= 0)
    rows = np.flatnonzero(nonempty)
    first = np.full(n, "", dtype=object)
    first_row = np.full(n, -1, dtype=np.int64)
    if len(rows):
        groups, at = np.unique(licence[rows], return_index=True)
        first[groups] = values[rows[at]]
        first_row[groups] = rows[at]
    conflict = nonempty & (values != first[np.maximum(licence, 0)])
    return first, first_row, conflict


def read_caat_release(
    path: Path,
    label: str,
    problems: Problems,
    *,
    today: dt.date,
    source: str | None = None,
    id_prefix: str = "CAAT-",
    countries: set[str] | None = None,
    dataset_name: str | None = None,
) -> LicenceTable:
    """Read a CAAT release folder (or a lone legacy ``values.csv``) into a :class:`LicenceTable`.

    ``countries`` (ISO codes), when given, keeps only the licences to those countries
    or whose goods end up there. ``dataset_name`` names the release in documents
    (default "CAAT UK arms export data").
    """
    path = Path(path)
    release = _release(path, label, problems)
    if release is None:
        return LicenceTable.empty()
    folder_label = label.rstrip("/") if path.is_dir() else str(Path(label).parent)
    tables = []
    for table_path in release.licence_tables:
        table_label = f"{folder_label}/{table_path.name}" if path.is_dir() else label
        csv_frame = read_csv_frame(
            table_path,
            table_label,
            [KEY_COLUMNS[release.layout], *_columns_of(table_path.name)],
            problems,
            other_columns=OTHER_COLUMNS,
        )
        if csv_frame is not None:
            tables.append(_Table(csv_frame, release.key))
    if len(tables) < len(release.licence_tables):
        return LicenceTable.empty()
    return _Release(release, tables, folder_label, problems, today).table(
        source=source, id_prefix=id_prefix, countries=countries, dataset_name=dataset_name or DATASET_NAME
    )


def _columns_of(name: str) -> list[Column]:
    """The columns read from a licence table: ``values.csv`` exists to give the ratings, so it must have them."""
    if name != "values.csv":
        return TABLE_COLUMNS
    return [Column(c.name, c.meaning, True, c.aliases) if c.name == "rating" else c for c in TABLE_COLUMNS]


def _release(path: Path, label: str, problems: Problems) -> CaatRelease | None:
    if path.is_dir():
        try:
            return detect_release(path)
        except ReleaseProblem as exc:
            problems.error(
                "caat_incomplete", label, str(exc), hint=f"download the complete release, published at {RELEASE_URL}"
            )
            return None
    if header_keys(path) & set(LEGACY_KEYS):
        return CaatRelease(path.parent, "legacy", LEGACY_KEYS[0], (path,), {})
    problems.error(
        "caat_lone_table",
        label,
        "is a licence table of a current CAAT release, which is read with the rest of its folder "
        "(items.csv holds the goods, licence types and revocations, values.csv the ratings and values)",
        hint="give the release folder in case.yaml's licence_data, not one of its files",
    )
    return None


class _Release:
    """The licence tables of one release, turned into one row per licence."""

    def __init__(
        self, release: CaatRelease, tables: list[_Table], folder_label: str, problems: Problems, today: dt.date
    ):
        self.release, self.tables, self.folder_label, self.problems, self.today = (
            release,
            tables,
            folder_label,
            problems,
            today,
        )
        for table in tables:
            table.report(
                problems,
                (table.key == "").to_numpy(),
                code="missing",
                column=release.key,
                message=lambda i: "is required but empty",
            )
        order = pd.concat([table.key[table.key != ""] for table in tables], ignore_index=True)
        self.keys = pd.Index(order.unique())
        for table in tables:
            table.licence = self.keys.get_indexer(table.key).astype(np.int64)

    # -- which table gives what ------------------------------------------------

    def _table_for(self, column: str) -> _Table | None:
        by_name = {table.name: table for table in self.tables}
        for name in ROW_SOURCES.get(column, ()):
            if name in by_name and by_name[name].has(column):
                return by_name[name]
        return next((table for table in self.tables if table.has(column)), None)

    def _names(self) -> str:
        return " and ".join(table.name for table in self.tables)

    # -- facts of the whole licence -------------------------------------------------

    def _fact(self, column: str, *, report: bool = True) -> tuple[np.ndarray, np.ndarray]:
        """Each licence's value of a licence-wide column and the table (index) that gave it.

        With ``report``, rows of a kept licence that disagree (within a table or across
        the two) are errors naming both places.
        """
        n = len(self.keys)
        value = np.full(n, "", dtype=object)
        origin = np.full(n, -1, dtype=np.int64)
        origin_row = np.full(n, -1, dtype=np.int64)
        for index, table in enumerate(self.tables):
            if not table.has(column):
                continue
            cells = table.cells[column].to_numpy(dtype=object)
            first, first_row, conflict = _first(table.licence, n, cells)
            lines = table.csv.line_numbers()
            if not report:
                conflict = np.zeros(len(conflict), dtype=bool)
            table.report(
                self.problems,
                conflict,
                code="licence_conflict",
                column=column,
                message=lambda i, t=table, f=first, r=first_row, c=cells, ln=lines: (
                    f"licence {t.key.iat[i]} has {column} '{c[i]}' here but '{f[t.licence[i]]}' on line "
                    f"{ln[r[t.licence[i]]]}; one licence has one {column}"
                ),
                hint="two licences may have been merged under one key; check the release",
            )
            other = (value != "") & (first != "") & (value != first) & report
            for position in np.flatnonzero(other)[:50]:
                earlier = self.tables[origin[position]]
                self.problems.error(
                    "licence_conflict",
                    table.csv.label,
                    f"licence {self.keys[position]} has {column} '{first[position]}' here but '{value[position]}' "
                    f"in {earlier.csv.label} (line {earlier.csv.line(int(origin_row[position]))})",
                    line=table.csv.line(int(first_row[position])),
                    row=int(first_row[position]) + 1,
                    field=table.header(column),
                    hint="the two licence tables must come from one release",
                )
            take = (value == "") & (first != "")
            value[take], origin[take], origin_row[take] = first[take], index, first_row[take]
        return value, origin

    def _first_line(self) -> tuple[np.ndarray, np.ndarray]:
        """Each licence's first row: the file's label and its line (items.csv first in a current release)."""
        n = len(self.keys)
        labels = np.full(n, "", dtype=object)
        lines = np.zeros(n, dtype=np.int64)
        for table in self.tables:
            licence = table.licence
            rows = np.flatnonzero((licence >= 0) & table.kept)
            groups, at = np.unique(licence[rows], return_index=True)
            fresh = labels[groups] == ""
            labels[groups[fresh]] = table.csv.label
            lines[groups[fresh]] = table.csv.line_numbers()[rows[at][fresh]]
        return labels, lines

    # -- keeping the case's countries --------------------------------------------------

    def _countries(self) -> np.ndarray:
        """Each licence's destination as an ISO code ('' when unknown), every bad country reported."""
        n = len(self.keys)
        codes = np.full(n, "", dtype=object)
        for column in ("iso2", "destination"):
            value, _ = self._fact(column, report=False)
            if column == "iso2":
                known = {v: country_code(v) or "" for v in set(value) if v}
                mapped = np.array([known.get(v, "") for v in value], dtype=object)
            else:
                mapped, _ = parse_countries(pd.Series(value, dtype=object))
                mapped = mapped.to_numpy(dtype=object)
            take = (codes == "") & (mapped != "")
            codes[take] = mapped[take]
        for table in self.tables:
            for column in ("iso2", "destination"):
                if not table.has(column):
                    continue
                cells = table.cells[column]
                if column == "iso2":
                    bad = cells.map({v: bool(v) and country_code(v) is None for v in cells.unique()}).to_numpy(
                        dtype=bool
                    )
                    table.report(
                        self.problems,
                        bad,
                        code="country_unknown",
                        column="iso2",
                        message=lambda i, c=cells: f"'{c.iat[i]}' is not an ISO 3166 country code",
                    )
                else:
                    _, bad = parse_countries(cells)
                    table.report(
                        self.problems,
                        bad & (cells != "").to_numpy(),
                        code="country_unknown",
                        column="destination",
                        message=lambda i, c=cells: (
                            f"'{c.iat[i]}' is not a country known to ISO 3166 or the licensing data"
                        ),
                        hint="check the spelling; known variants are listed in advocate/vocab/data/country_variants.csv",
                    )
        if not any(table.has("destination") or table.has("iso2") for table in self.tables):
            self._missing("destination", "the destination country")
        return codes

    def _missing(self, column: str, meaning: str) -> None:
        first = self.tables[0]
        found = ", ".join(str(c) for t in self.tables for c in t.csv.frame.columns)
        self.problems.error(
            "column_missing",
            first.csv.label,
            f"missing column '{column}' ({meaning}): neither {self._names()} has it",
            line=1,
            field=column,
            hint=f"columns found: {found}",
        )

    def _keep(self, keep: np.ndarray) -> None:
        """Keep only the licences where ``keep`` is true, renumbering them."""
        renumber = np.full(len(self.keys), -1, dtype=np.int64)
        renumber[keep] = np.arange(int(keep.sum()))
        self.keys = self.keys[keep]
        for table in self.tables:
            valid = table.licence >= 0
            table.licence = np.where(valid, renumber[np.maximum(table.licence, 0)], -1)
            table.kept = table.licence >= 0

    # -- the table --------------------------------------------------------------------------

    def table(
        self, *, source: str | None, id_prefix: str, countries: set[str] | None, dataset_name: str
    ) -> LicenceTable:
        problems = self.problems
        has_cohorts = any(t.has("licence_cohort_id") for t in self.tables)
        codes = self._countries()
        cohorts, _ = self._fact("licence_cohort_id", report=False)
        unknown_outcome = np.zeros(len(self.keys), dtype=bool)
        onward_rows = self._side(
            "onward", side.LicenceKeys(self.keys, cohorts, has_cohorts, unknown_outcome, self._names())
        )
        n = len(self.keys)
        onward_names = onward_codes = np.full(n, "", dtype=object)
        if onward_rows is not None:
            onward_names, onward_codes = side.countries(onward_rows, "destination", n, problems)
        if countries is not None:
            wanted = set(countries)
            keep = np.isin(codes, list(wanted)) | np.array(
                [bool(wanted & set(cell.split())) for cell in onward_codes], dtype=bool
            )
            self._keep(keep)
            codes, onward_names, onward_codes = codes[keep], onward_names[keep], onward_codes[keep]
            n = len(self.keys)

        for column in ("iso2", "destination", "licence_cohort_id"):
            self._fact(column)  # report disagreements on the licences kept
        destination, _ = self._fact("destination", report=False)
        cohorts, _ = self._fact("licence_cohort_id", report=False)
        outcome = self._outcomes()
        keys = side.LicenceKeys(
            self.keys, cohorts, has_cohorts, np.isin(outcome, ("refused", "rejected")), self._names()
        )
        transit_rows = self._side("transit", keys)
        transit = (
            side.countries(transit_rows, "source", n, problems)[0]
            if transit_rows is not None
            else np.full(n, "", dtype=object)
        )
        criteria_rows = self._side("criteria", keys)
        criteria = (
            side.refusal_criteria(criteria_rows, keys, problems)
            if criteria_rows is not None
            else np.full(n, "", dtype=object)
        )
        notes = np.full(n, "", dtype=object)
        for role in ("notes", "item_notes"):
            rows = self._side(role, keys)
            if rows is not None:
                notes = _append(notes, side.footnotes(rows, n))
        outcome, revoked = self._revoked(outcome)
        notes = _append(notes, np.where(revoked, REVOKED_NOTE, "").astype(object))
        days = self._days()
        licence_type, _ = self._fact("licence_type")
        labels, lines = self._first_line()
        numbers = np.array([str(key) for key in self.keys], dtype=object)
        frame = pd.DataFrame(
            {
                "id": np.array([id_prefix + number for number in numbers], dtype=object),
                "reference": "",
                "destination": destination,
                "country": codes,
                "licence_type": np.array([text.upper() for text in licence_type], dtype=object),
                "outcome": outcome,
                "decision_start": days,
                "decision_end": days,
                "decision_text": pd.Series(days).dt.strftime("%Y-%m-%d").fillna("").to_numpy(dtype=object),
                "value": self._values(),
                "goods_summary": self._goods(),
                "technology": "",
                "sources": source or "",
                "confidential": False,
                "illustrative": False,
                "dataset": labels,
                "line": lines,
                "refusal_criteria": criteria,
                "notes": notes,
                "id_kind": "dataset",
                "dataset_number": numbers,
                "dataset_name": dataset_name,
                "dataset_short": DATASET_SHORT,
                "count": np.ones(n, dtype=np.int64),
                "count_exact": True,
                "military": self._military(),
                "onward_destinations": onward_names,
                "onward_countries": onward_codes,
                "transit_from": transit,
            },
            index=pd.RangeIndex(n),
        )
        frame["end_user"] = frame["notes"].map({text: _end_use_notes(text) for text in frame["notes"].unique()})
        return LicenceTable(frame[list(LICENCE_COLUMNS)], self._ratings())

    def _side(self, role: str, keys: side.LicenceKeys) -> side.SideRows | None:
        path = self.release.side.get(role)
        if path is None:
            return None
        return side.read_side_table(
            path, f"{self.folder_label}/{path.name}", role, self.release.key, keys, self.problems
        )

    # -- per-licence values --------------------------------------------------------------------

    def _outcomes(self) -> np.ndarray:
        n = len(self.keys)
        if any(table.has("refused") for table in self.tables):
            for table in self.tables:
                if table.has("refused"):
                    flag = table.cells["refused"]
                    table.report(
                        self.problems,
                        (~flag.isin(_FLAG)).to_numpy(),
                        code="flag_invalid",
                        column="refused",
                        message=lambda i, f=flag: f"'{f.iat[i]}' is not 0 or 1",
                        hint="1 means refused, 0 issued",
                    )
            flag, _ = self._fact("refused")
            return np.where(flag == "1", "refused", "issued").astype(object)
        if any(table.has("outcome") for table in self.tables):
            text, _ = self._fact("outcome")
            words = pd.Series(text, dtype=object).str.casefold().replace(OUTCOME_SYNONYMS)
            for table in self.tables:
                if table.has("outcome"):
                    cells = table.cells["outcome"].str.casefold().replace(OUTCOME_SYNONYMS)
                    table.report(
                        self.problems,
                        (~cells.isin(OUTCOMES)).to_numpy(),
                        code="outcome_unknown",
                        column="outcome",
                        message=lambda i, t=table: (
                            f"'{t.cells['outcome'].iat[i]}' is not a licensing outcome"
                            if t.cells["outcome"].iat[i]
                            else "is required but empty"
                        ),
                        hint=f"write one of: {', '.join(OUTCOMES)}",
                    )
            return words.to_numpy(dtype=object)
        first = self.tables[0]
        self.problems.error(
            "column_missing",
            first.csv.label,
            f"missing column 'refused' (1 if the licence was refused) or 'outcome': neither {self._names()} has one",
            line=1,
            hint=f"columns found: {', '.join(map(str, first.csv.frame.columns))}",
        )
        return np.full(n, "", dtype=object)

    def _revoked(self, outcome: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``revoked`` for an issued licence CAAT marks ``known_revoked`` (and which those are); a refused one so marked is warned about."""
        table = self._table_for("known_revoked")
        n = len(self.keys)
        if table is None:
            return outcome, np.zeros(n, dtype=bool)
        flag = table.cells["known_revoked"]
        table.report(
            self.problems,
            (~flag.isin(_FLAG)).to_numpy(),
            code="flag_invalid",
            column="known_revoked",
            message=lambda i: f"'{flag.iat[i]}' is not 0 or 1",
            hint="1 means the licence was later revoked",
        )
        marked = np.zeros(n, dtype=bool)
        rows = (flag == "1").to_numpy() & (table.licence >= 0)
        marked[table.licence[rows]] = True
        refused = marked & np.isin(outcome, ("refused", "rejected"))
        for position in np.flatnonzero(refused)[:50]:
            row = int(np.flatnonzero((table.licence == position) & (flag == "1").to_numpy())[0])
            self.problems.warning(
                "revoked_refusal",
                table.csv.label,
                f"licence {self.keys[position]} is marked known_revoked but was refused; it is kept as refused",
                line=table.csv.line(row),
                row=row + 1,
                field="known_revoked",
            )
        revoked = marked & (outcome == "issued")
        return np.where(revoked, "revoked", outcome).astype(object), revoked

    def _days(self) -> np.ndarray:
        n = len(self.keys)
        if not any(table.has("date") for table in self.tables):
            self._missing("date", "the date of the licensing decision")
            return np.full(n, np.datetime64("NaT"), dtype="datetime64[s]")
        for table in self.tables:
            if not table.has("date"):
                continue
            cells = table.cells["date"]
            days, bad = parse_iso_days(cells)
            table.report(
                self.problems,
                bad & (cells != "").to_numpy(),
                code="date_invalid",
                column="date",
                message=lambda i, c=cells: f"'{c.iat[i]}' is not a date",
                hint="write YYYY-MM-DD",
            )
            table.report(
                self.problems,
                (days > pd.Timestamp(self.today)).to_numpy(),
                code="date_future",
                column="date",
                message=lambda i, c=cells: f"'{c.iat[i]}' is in the future (today is {self.today.isoformat()})",
                hint="a licensing decision must already have been taken",
            )
        value, _ = self._fact("date")
        days, _ = parse_iso_days(pd.Series(value, dtype=object))
        undated = np.flatnonzero(value == "")
        for position in undated[:50]:
            table = next(t for t in self.tables if (t.licence == position).any())
            row = int(np.flatnonzero(table.licence == position)[0])
            self.problems.error(
                "missing",
                table.csv.label,
                f"licence {self.keys[position]} has no date on any row",
                line=table.csv.line(row),
                row=row + 1,
                field="date",
                hint="write YYYY-MM-DD",
            )
        return days.to_numpy(dtype="datetime64[s]")

    def _values(self) -> np.ndarray:
        n = len(self.keys)
        table = self._table_for("value")
        if table is None:
            return np.full(n, np.nan)
        cells = table.cells["value"]
        money, bad, reasons = parse_money(cells)
        table.report(
            self.problems,
            bad,
            code="value_invalid",
            column="value",
            message=lambda i: f"'{cells.iat[i]}' {reasons[cells.iat[i]]}",
            hint="write it in GBP, e.g. 36000 or £36,000",
        )
        amounts = money.to_numpy(dtype=np.float64)
        valid = (table.licence >= 0) & ~np.isnan(amounts)
        total = np.bincount(table.licence[valid], weights=amounts[valid], minlength=n)
        counted = np.bincount(table.licence[valid], minlength=n)
        return np.where(counted > 0, total, np.nan)

    def _goods(self) -> np.ndarray:
        table = self._table_for("item")
        n = len(self.keys)
        if table is None:
            return np.full(n, "", dtype=object)
        return side.join_texts(table.licence, table.cells["item"].to_numpy(dtype=object), n, ", ")

    def _military(self) -> np.ndarray:
        n = len(self.keys)
        out = np.full(n, None, dtype=object)
        table = self._table_for("military")
        if table is None:
            return out
        flag = table.cells["military"]
        table.report(
            self.problems,
            (~flag.isin(_FLAG)).to_numpy(),
            code="flag_invalid",
            column="military",
            message=lambda i: f"'{flag.iat[i]}' is not 0 or 1",
            hint="1 means military goods, 0 not; empty is not known",
        )
        for value, result in (("0", False), ("1", True)):
            rows = (flag == value).to_numpy() & (table.licence >= 0)
            out[table.licence[rows]] = result
        return out

    def _ratings(self) -> pd.DataFrame:
        table = self._table_for("rating")
        empty = pd.DataFrame(
            {"licence": pd.Series(dtype="int64"), "rating": pd.Series(dtype=object), "key": pd.Series(dtype=object)}
        )
        if table is None:
            if "values.csv" in {t.name for t in self.tables}:
                self._missing("rating", "the control-list rating")
            return empty
        cells = table.cells["rating"]
        rows = (table.licence >= 0) & (cells != "").to_numpy()
        ratings = pd.DataFrame({"licence": table.licence[rows], "rating": cells.to_numpy(dtype=object)[rows]})
        keys = {text: parse_rating(text).key for text in ratings["rating"].unique()}
        ratings["key"] = ratings["rating"].map(keys).astype(object)
        _warn_unknown_ratings(table, cells, rows, self.problems)
        return ratings.reset_index(drop=True)


def _append(notes: np.ndarray, more: np.ndarray) -> np.ndarray:
    """Each licence's notes with more notes after them, " / " between."""
    both = (notes != "") & (more != "")
    return np.where(both, notes + " / " + more, np.where(notes != "", notes, more)).astype(object)


def _warn_unknown_ratings(table: _Table, cells: pd.Series, rows: np.ndarray, problems: Problems) -> None:
    """One warning per distinct unknown rating, naming the first row where it appears."""
    texts = cells[rows]
    unknown = [text for text in texts.unique() if not is_known_rating(text)]
    for text in unknown:
        where = np.flatnonzero((cells == text).to_numpy() & rows)
        count = f" (on {len(where):,} rows; the first is shown)" if len(where) > 1 else ""
        problems.warning(
            "rating_unknown",
            table.csv.label,
            f"'{text}' is not a control-list rating this tool knows{count}",
            line=table.csv.line(int(where[0])),
            row=int(where[0]) + 1,
            field="rating",
            hint="check it against the control list; it is kept as written",
        )
