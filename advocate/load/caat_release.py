"""Campaign Against Arms Trade's CSV release of the government's licensing data.

A release is a folder (github.com/caatdata/uk-arms-export-data). ``values.csv``
has one row per rating of a licence, keyed by ``licence_group``; this loader joins
``refusal-criteria.csv`` and ``footnotes_licence.csv`` on that key and makes one
licence per group. Later releases renamed columns (``licence_cohort_id``,
``criterion``); both spellings are read.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import pandas as pd

from advocate.load.column_parsers import parse_countries, parse_iso_days, parse_money
from advocate.load.csv_frame import Column, read_csv_frame, report_rows
from advocate.models.licence_table import LICENCE_COLUMNS, LicenceTable
from advocate.models.problem import Problems
from advocate.vocab.ratings import is_known_rating, parse_rating

GROUP_ALIASES = ("licence_group", "licence_cohort_id", "bundle_id", "licence_id")

VALUES_COLUMNS = [
    Column("licence_group", "the licence each row belongs to", required=True, aliases=GROUP_ALIASES[1:]),
    Column("date", "the date of the licensing decision", required=True, aliases=("decision_date",)),
    Column("rating", "the control-list rating", required=True, aliases=("control_entry", "control_list_entry")),
    Column("country", "the destination country", required=True, aliases=("destination", "destination_country")),
    Column("value", "the value in GBP", aliases=("value_gbp",)),
    Column("refused", "1 if the licence was refused", aliases=("is_refused",)),
    Column("outcome", "the decision outcome", aliases=("status",)),
    Column("licence_type", "SIEL, OIEL ...", aliases=("type",)),
    Column("count", "the number of items"),
]
CRITERIA_COLUMNS = [
    Column("licence_group", "the licence refused", required=True, aliases=("licence_cohort_id", "bundle_id")),
    Column("criteria", "the criterion cited", required=True, aliases=("criterion",)),
]
FOOTNOTE_COLUMNS = [
    Column("licence_group", "the licence the note is about", required=True, aliases=("licence_cohort_id", "bundle_id")),
    Column("text", "the footnote", required=True, aliases=("footnote",)),
]

_END_USE = re.compile(r"end[ -]?use|use by|end[ -]?user", re.IGNORECASE)
_NEGATED = re.compile(r"\bnot\b|\bnor\b|\bexclud", re.IGNORECASE)


def _end_use_notes(notes: str) -> str:
    """The footnotes that say who the end user is ("Licence granted for use by a law enforcement agency").

    A note that says who the goods are *not* for ("not for use by the ... security
    services") names no end user, so it stays in ``notes`` only.
    """
    return " / ".join(part for part in notes.split(" / ") if _END_USE.search(part) and not _NEGATED.search(part))


def is_caat_release(path: Path) -> bool:
    """Whether a folder looks like a CAAT release (it has ``values.csv``)."""
    return Path(path).is_dir() and (Path(path) / "values.csv").is_file()


def read_caat_release(
    path: Path, label: str, problems: Problems, *, today: dt.date, source: str | None = None, id_prefix: str = "CAAT-"
) -> LicenceTable:
    """Read a CAAT release folder, or a lone ``values.csv``, into a :class:`LicenceTable`."""
    path = Path(path)
    folder, values_path = (path, path / "values.csv") if path.is_dir() else (path.parent, path)
    values_label = label if not path.is_dir() else f"{label.rstrip('/')}/values.csv"
    values = read_csv_frame(values_path, values_label, VALUES_COLUMNS, problems)
    if values is None:
        return LicenceTable.empty()
    raw = values.frame
    group = raw["licence_group"].astype(str).str.strip()
    report_rows(problems, values, (group == "").to_numpy(), code="missing", column="licence_group",
                message=lambda i: "is required but empty")

    days, bad_days = parse_iso_days(raw["date"])
    report_rows(problems, values, bad_days, code="date_invalid", column="date",
                message=lambda i: f"'{raw['date'].iat[i]}' is not a date" if raw["date"].iat[i] else "is required but empty",
                hint="write YYYY-MM-DD")
    report_rows(problems, values, (days > pd.Timestamp(today)).to_numpy(), code="date_future", column="date",
                message=lambda i: f"'{raw['date'].iat[i]}' is in the future (today is {today.isoformat()})",
                hint="a licensing decision must already have been taken")

    countries, bad_countries = parse_countries(raw["country"].astype(str).str.strip())
    report_rows(problems, values, bad_countries, code="country_unknown", column="country",
                message=lambda i: f"'{raw['country'].iat[i]}' is not a country known to ISO 3166 or the licensing data",
                hint="check the spelling; known variants are listed in advocate/vocab/data/country_variants.csv")

    money, bad_money = (parse_money(raw["value"]) if "value" in raw else (pd.Series(np.nan, index=raw.index), np.zeros(len(raw), bool)))
    report_rows(problems, values, bad_money, code="value_invalid", column="value",
                message=lambda i: f"'{raw['value'].iat[i]}' is not an amount of money", hint="write it in GBP, e.g. 36000 or £36,000")

    outcome = _outcomes(raw, values, problems)
    rows = pd.DataFrame({
        "group": group, "day": days, "country": countries, "destination": raw["country"].astype(str).str.strip(),
        "value": money, "outcome": outcome,
        "licence_type": raw["licence_type"].astype(str).str.strip().str.upper() if "licence_type" in raw else "",
        "line": values.line_numbers(),
    })
    first = rows.drop_duplicates("group", keep="first")
    totals = rows.groupby("group", sort=False)["value"].sum(min_count=1)

    frame = pd.DataFrame({
        "id": (id_prefix + first["group"]).to_numpy(),
        "reference": first["group"].to_numpy(),
        "destination": first["destination"].to_numpy(),
        "country": first["country"].to_numpy(),
        "licence_type": first["licence_type"].to_numpy(),
        "outcome": first["outcome"].to_numpy(),
        "decision_start": first["day"].to_numpy(),
        "decision_end": first["day"].to_numpy(),
        "decision_text": first["day"].dt.strftime("%Y-%m-%d").fillna("").to_numpy(),
        "value": totals.reindex(first["group"]).to_numpy(),
        "goods_summary": "",
        "technology": "",
        "sources": source or "",
        "confidential": False,
        "illustrative": False,
        "dataset": values_label,
        "line": first["line"].to_numpy(),
    })
    position = pd.Series(np.arange(len(frame)), index=first["group"].to_numpy())
    criteria = _joined(folder / "refusal-criteria.csv", f"{label.rstrip('/')}/refusal-criteria.csv", CRITERIA_COLUMNS, "criteria", " ", problems) if path.is_dir() else {}
    notes = _joined(folder / "footnotes_licence.csv", f"{label.rstrip('/')}/footnotes_licence.csv", FOOTNOTE_COLUMNS, "text", " / ", problems) if path.is_dir() else {}
    frame["refusal_criteria"] = _lookup(first["group"], criteria)
    frame["notes"] = _lookup(first["group"], notes)
    frame["end_user"] = frame["notes"].map({text: _end_use_notes(text) for text in frame["notes"].unique()})

    ratings = pd.DataFrame({
        "licence": position.reindex(group.to_numpy()).fillna(-1).astype("int64").to_numpy(),
        "rating": raw["rating"].astype(str).str.strip().to_numpy(),
    })
    ratings = ratings[(ratings["licence"] >= 0) & (ratings["rating"] != "")].reset_index(drop=True)
    keys = {text: parse_rating(text).key for text in ratings["rating"].unique()}
    ratings["key"] = ratings["rating"].map(keys)
    _warn_unknown_ratings(ratings, raw, values, problems)
    return LicenceTable(frame[list(LICENCE_COLUMNS)], ratings[["licence", "rating", "key"]])


def _outcomes(raw: pd.DataFrame, values, problems: Problems) -> pd.Series:
    if "refused" in raw:
        flag = raw["refused"].astype(str).str.strip()
        report_rows(problems, values, (~flag.isin(["0", "1", ""])).to_numpy(), code="flag_invalid", column="refused",
                    message=lambda i: f"'{flag.iat[i]}' is not 0 or 1", hint="1 means refused, 0 issued")
        return flag.map({"1": "refused"}).fillna("issued")
    if "outcome" in raw:
        return raw["outcome"].astype(str).str.strip().str.casefold().replace({"granted": "issued", "approved": "issued"})
    problems.error("column_missing", values.label, "missing column 'refused' (1 if the licence was refused) or 'outcome'", line=1,
                   hint=f"columns found: {', '.join(map(str, raw.columns))}")
    return pd.Series("", index=raw.index)


def _lookup(keys: pd.Series, texts: dict[str, str]) -> np.ndarray:
    """The text for each key, empty where there is none."""
    found = keys.map(texts).astype(object)
    return found.where(found.notna(), "").to_numpy()


def _joined(path: Path, label: str, columns: list[Column], field: str, separator: str, problems: Problems) -> dict[str, str]:
    """An optional per-licence file joined into one text per licence group."""
    if not path.is_file():
        return {}
    table = read_csv_frame(path, label, columns, problems)
    if table is None:
        return {}
    frame = table.frame
    frame = frame[frame["licence_group"].astype(str).str.strip() != ""]
    texts = frame[field].astype(str).str.strip()
    grouped = texts.groupby(frame["licence_group"].astype(str).str.strip(), sort=False)
    return grouped.agg(lambda parts: separator.join(dict.fromkeys(p for p in parts if p))).to_dict()


def _warn_unknown_ratings(ratings: pd.DataFrame, raw: pd.DataFrame, values, problems: Problems) -> None:
    """One warning per distinct unknown rating, naming the first row where it appears."""
    unknown = [text for text in ratings["rating"].unique() if not is_known_rating(text)]
    if not unknown:
        return
    column = raw["rating"].astype(str).str.strip()
    for text in unknown:
        rows = np.flatnonzero((column == text).to_numpy())
        count = f" (on {len(rows):,} rows; the first is shown)" if len(rows) > 1 else ""
        problems.warning("rating_unknown", values.label, f"'{text}' is not a control-list rating this tool knows{count}",
                         line=values.line(int(rows[0])), row=int(rows[0]) + 1, field="rating",
                         hint="check it against the control list; it is kept as written")
