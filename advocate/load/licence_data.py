"""Reading licences from whatever a user points at: a CAAT release folder, a ``values.csv``, or a normalised licences CSV."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from advocate.load.caat_release import is_caat_release, read_caat_release
from advocate.load.csv_frame import header_key
from advocate.load.licence_csv import read_licence_csv
from advocate.load.text_encoding import EncodingProblem, detect_encoding
from advocate.models.licence_table import LicenceTable
from advocate.models.problem import Problems


def licence_format(path: Path) -> str:
    """``caat`` for a CAAT release folder or its ``values.csv``, ``licences`` for a normalised CSV."""
    path = Path(path)
    if is_caat_release(path):
        return "caat"
    if path.is_file():
        first = path.open("rb").readline()
        try:
            header = first.decode(detect_encoding(first))
        except EncodingProblem:
            return "licences"
        keys = {header_key(cell) for cell in header.split(",")}
        if keys & {"licence_group", "licence_cohort_id"} and "rating" in keys:
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
) -> LicenceTable:
    """Licences from a file or folder in either format; problems go to ``problems``."""
    path = Path(path)
    if not path.exists():
        problems.error("file_missing", label, "no such file or folder", hint="check the path (it is relative to the case folder)")
        return LicenceTable.empty()
    chosen = licence_format(path) if format == "auto" else format
    if chosen == "caat":
        return read_caat_release(path, label, problems, today=today, source=source, id_prefix=id_prefix or "CAAT-")
    if path.is_dir():
        problems.error("file_missing", label, "is a folder without values.csv; expected a licences CSV or a CAAT release folder")
        return LicenceTable.empty()
    table = read_licence_csv(path, label, problems, today=today, source=source)
    if id_prefix and len(table):
        table.frame["id"] = id_prefix + table.frame["id"]
    return table
