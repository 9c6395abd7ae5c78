"""Reading licences from whatever a user points at: a CAAT release folder, a ``values.csv``, or a normalised licences CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advocate.load.caat_layout import header_keys, looks_like_release
from advocate.load.caat_release import caat_dataset_name, read_caat_release
from advocate.load.licence_csv import read_licence_csv
from advocate.models.licence_table import LicenceTable
from advocate.models.problem import Problems


def licence_format(path: Path) -> str:
    """``caat`` for a CAAT release folder or one of its licence tables, ``licences`` for a normalised CSV."""
    path = Path(path)
    if looks_like_release(path):
        return "caat"
    if path.is_file():
        keys = header_keys(path)
        if keys & {"licence_group", "bundle_id", "licence_cohort_id"} and "rating" in keys:
            return "caat"
    return "licences"


def read_licence_data(
    path: Path,
    label: str,
    problems: Problems,
    *,
    today: dt.date,
    format: str = "auto",
    source: str | None = None,
    id_prefix: str = "",
    countries: set[str] | None = None,
    dataset_name: str | None = None,
    dataset_release: str | None = None,
) -> LicenceTable:
    """Licences from a file or folder in either format; problems go to ``problems``.

    ``countries`` (ISO codes) keeps, in CAAT data, only the licences to those countries
    or whose goods end up there. ``dataset_name`` names a CAAT release in documents;
    without it the name is "CAAT UK arms export data", followed by ``dataset_release``
    (the release's version, "commit f8e49da") in brackets when given.
    """
    path = Path(path)
    if not path.exists():
        problems.error(
            "file_missing", label, "no such file or folder", hint="check the path (it is relative to the case folder)"
        )
        return LicenceTable.empty()
    chosen = licence_format(path) if format == "auto" else format
    if chosen == "caat":
        return read_caat_release(
            path,
            label,
            problems,
            today=today,
            source=source,
            id_prefix=id_prefix or "CAAT-",
            countries=countries,
            dataset_name=dataset_name or caat_dataset_name(dataset_release),
        )
    if path.is_dir():
        problems.error(
            "file_missing",
            label,
            "is a folder holding neither a CAAT release (values.csv, items.csv ...) nor is it a licences CSV",
            hint="give a licences CSV file, or a CAAT release folder",
        )
        return LicenceTable.empty()
    table = read_licence_csv(path, label, problems, today=today, source=source)
    if id_prefix and len(table):
        table.frame["id"] = id_prefix + table.frame["id"]
    return table
