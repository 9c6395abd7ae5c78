"""Reading a CSV file into a frame of text columns, and reporting bad rows precisely.

Headers are matched by name, whatever their case, spacing or order, and through
each column's known aliases (releases rename columns); a missing column is one
clear error naming it and the columns that were found.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from advocate.load.text_encoding import EncodingProblem, detect_encoding
from advocate.models.fields import suggest
from advocate.problems import Problems, Severity

ROWS_REPORTED = 50
"""Rows reported one by one for each kind of problem in a column; the rest are counted."""

EXACT_LINES_UP_TO = 20_000_000
"""Files up to this many bytes get exact line numbers (quoted cells may span lines)."""


@dataclass(frozen=True)
class Column:
    """A column a format expects: its canonical name, other names releases use, and what it holds."""

    name: str
    meaning: str
    required: bool = False
    aliases: tuple[str, ...] = ()


@dataclass
class CsvFrame:
    """A CSV file's rows as text columns under canonical names, with the line each row starts on."""

    path: Path
    label: str
    frame: pd.DataFrame
    encoding: str
    _lines: np.ndarray | None

    def line(self, position: int) -> int:
        """The 1-based line a data row (0-based position) starts on."""
        if self._lines is not None and position < len(self._lines):
            return int(self._lines[position])
        return position + 2


def header_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lstrip("\ufeff").casefold()).strip("_")


def _record_lines(text: str) -> np.ndarray:
    """The line each non-blank CSV record starts on, header excluded."""
    reader = csv.reader(io.StringIO(text))
    starts, previous = [], 0
    for record in reader:
        if any(cell.strip() for cell in record):
            starts.append(previous + 1)
        previous = reader.line_num
    return np.asarray(starts[1:], dtype=np.int64)


def read_csv_frame(path: Path, label: str, columns: list[Column], problems: Problems) -> CsvFrame | None:
    """Read ``path``; on an unreadable file or a missing required column record an error and return ``None``."""
    data = Path(path).read_bytes()
    try:
        encoding = detect_encoding(data)
    except EncodingProblem as exc:
        problems.error("encoding", label, str(exc), line=exc.line)
        return None
    try:
        frame = pd.read_csv(
            io.BytesIO(data), encoding=encoding, dtype=str, keep_default_na=False, skipinitialspace=True
        )
    except pd.errors.EmptyDataError:
        problems.error("csv_empty", label, "the file is empty; it needs a header row naming its columns")
        return None
    except pd.errors.ParserError as exc:
        found = re.search(r"line (\d+)", str(exc))
        problems.error(
            "csv_syntax",
            label,
            f"malformed CSV: {str(exc).split('. ', 1)[-1].strip()}",
            line=int(found[1]) if found else None,
            hint="a cell containing a comma must be quoted",
        )
        return None
    renamed = _canonical_headers(frame, columns)
    missing = [c for c in columns if c.required and c.name not in renamed.columns]
    if missing:
        found = ", ".join(str(c) for c in frame.columns) or "none"
        for column in missing:
            problems.error(
                "column_missing",
                label,
                f"missing column '{column.name}' ({column.meaning}){suggest(column.name, [header_key(c) for c in frame.columns])}",
                line=1,
                hint=f"columns found: {found}",
            )
        return None
    lines = _record_lines(data.decode(encoding)) if len(data) <= EXACT_LINES_UP_TO else None
    return CsvFrame(Path(path), label, renamed, encoding, lines)


def _canonical_headers(frame: pd.DataFrame, columns: list[Column]) -> pd.DataFrame:
    by_key = {header_key(c): c for c in frame.columns}
    rename = {}
    for column in columns:
        for candidate in (column.name, *column.aliases):
            if candidate in by_key and by_key[candidate] not in rename and column.name not in rename.values():
                rename[by_key[candidate]] = column.name
                break
    return frame.rename(columns=rename)


def report_rows(
    problems: Problems,
    csv_frame: CsvFrame,
    mask: np.ndarray,
    *,
    code: str,
    column: str,
    message,
    hint: str = "",
    severity: Severity = Severity.ERROR,
) -> None:
    """One problem per row where ``mask`` is true (``message(position)`` says what is wrong), up to a limit.

    Beyond :data:`ROWS_REPORTED` rows the rest are counted in one closing problem.
    """
    positions = np.flatnonzero(mask)
    add = problems.error if severity is Severity.ERROR else problems.warning
    for position in positions[:ROWS_REPORTED]:
        add(code, csv_frame.label, message(int(position)), line=csv_frame.line(int(position)),
            row=int(position) + 1, field=column, hint=hint)
    if len(positions) > ROWS_REPORTED:
        add(code, csv_frame.label, f"{len(positions) - ROWS_REPORTED:,} more rows have the same problem",
            field=column, hint=hint)
