"""Reading a CSV file into a frame of text columns, and reporting bad rows precisely.

Headers are matched by name, whatever their case, spacing or order, and through
each column's known aliases (releases rename columns); a missing column is one
clear error naming it and the columns that were found.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from advocate.load.text_encoding import EncodingProblem, detect_encoding
from advocate.models.fields import suggest
from advocate.models.problem import Problems, Severity

ROWS_REPORTED = 50
"""Rows reported one by one for each kind of problem in a column; the rest are counted."""

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

    def line_numbers(self) -> np.ndarray:
        """The line every data row starts on, in row order."""
        if self._lines is not None and len(self._lines) == len(self.frame):
            return self._lines.astype(np.int64)
        return np.arange(len(self.frame), dtype=np.int64) + 2


def header_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(name).strip().lstrip("\ufeff").casefold()).strip("_")


def record_layout(data: bytes) -> tuple[np.ndarray, np.ndarray]:
    """The line each non-blank CSV record starts on and how many cells it has (the header first).

    Vectorised over the bytes, so a million-row file costs a fraction of a second: a
    newline or comma is structural when an even number of quote characters precede it
    (a doubled quote inside a quoted cell counts twice). ``"``, ``,`` and newline are
    single bytes in UTF-8 and Windows-1252 alike.
    """
    raw = np.frombuffer(data, dtype=np.uint8)
    quotes = np.flatnonzero(raw == ord('"'))
    newlines = np.flatnonzero(raw == ord("\n"))
    commas = np.flatnonzero(raw == ord(","))

    def structural(positions: np.ndarray) -> np.ndarray:
        return positions[np.searchsorted(quotes, positions) % 2 == 0]

    ends = structural(newlines)
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(raw)]))
    lengths = stops - starts
    first_byte = raw[np.minimum(starts, max(len(raw) - 1, 0))] if len(raw) else np.zeros(len(starts), np.uint8)
    blank = (lengths == 0) | ((lengths == 1) & (first_byte == ord("\r")))
    cells = np.bincount(np.searchsorted(ends, structural(commas)), minlength=len(starts)) + 1
    lines = np.searchsorted(newlines, starts) + 1
    return lines[~blank], cells[~blank]


def _check_cell_counts(label: str, lines: np.ndarray, cells: np.ndarray, problems: Problems) -> bool:
    """Report records with more cells than the header (an error) or fewer (a warning); false if any has more."""
    width = int(cells[0])
    over = np.flatnonzero(cells[1:] > width) + 1
    under = np.flatnonzero(cells[1:] < width) + 1
    for kind, positions in (("over", over), ("under", under)):
        for position in positions[:ROWS_REPORTED]:
            count = int(cells[position])
            if kind == "over":
                problems.error("csv_cells", label, f"has {count} cells but the header names {width} columns",
                               line=int(lines[position]), row=int(position),
                               hint='a cell containing a comma must be quoted: "one, two"')
            else:
                problems.warning("csv_cells", label, f"has {count} cells but the header names {width} columns; the last are read as empty",
                                 line=int(lines[position]), row=int(position), hint="check for a missing comma")
        if len(positions) > ROWS_REPORTED:
            add = problems.error if kind == "over" else problems.warning
            add("csv_cells", label, f"{len(positions) - ROWS_REPORTED:,} more rows have {'more' if kind == 'over' else 'fewer'} cells than the header",
                line=int(lines[positions[ROWS_REPORTED]]), row=int(positions[ROWS_REPORTED]))
    return not len(over)


def read_csv_frame(path: Path, label: str, columns: list[Column], problems: Problems) -> CsvFrame | None:
    """Read ``path``; on an unreadable file or a missing required column record an error and return ``None``.

    Every row with more cells than the header is reported (an unquoted comma would
    otherwise shift or drop cells silently); rows with fewer are read with the last
    cells empty, and warned about.
    """
    data = Path(path).read_bytes()
    try:
        encoding = detect_encoding(data)
    except EncodingProblem as exc:
        problems.error("encoding", label, str(exc), line=exc.line)
        return None
    lines, cells = record_layout(data)
    if not len(lines):
        problems.error("csv_empty", label, "the file is empty; it needs a header row naming its columns")
        return None
    if not _check_cell_counts(label, lines, cells, problems):
        return None
    try:
        frame = pd.read_csv(
            io.BytesIO(data), encoding=encoding, dtype=str, keep_default_na=False, skipinitialspace=True,
            index_col=False, engine="c",
        )
    except pd.errors.EmptyDataError:
        problems.error("csv_empty", label, "the file is empty; it needs a header row naming its columns")
        return None
    except pd.errors.ParserError as exc:
        found = re.search(r"(?:line|row) (\d+)", str(exc))
        problems.error(
            "csv_syntax",
            label,
            f"malformed CSV: {str(exc).split('. ', 1)[-1].strip()}",
            line=int(found[1]) if found else None,
            hint='check the quotes: a quoted cell must end with a closing "',
        )
        return None
    renamed = _canonical_headers(frame, columns)
    missing = [c for c in columns if c.required and c.name not in renamed.columns]
    if missing and not any(c.name in renamed.columns for c in columns):
        # No column of the expected kind: the file is something else, and its first line (which could be
        # anything: an environment, a key) is not echoed.
        problems.error("column_missing", label, f"no column of this kind of file was found (it needs "
                       f"{', '.join(c.name for c in columns if c.required)}): it is not such a CSV file",
                       line=1, field=missing[0].name)
        return None
    if missing:
        found = _column_names(frame.columns)
        for column in missing:
            problems.error(
                "column_missing",
                label,
                f"missing column '{column.name}' ({column.meaning}){suggest(column.name, [header_key(c) for c in frame.columns])}",
                line=1,
                field=column.name,
                hint=f"columns found: {found}",
            )
        return None
    record_lines = lines[1:] if len(lines) - 1 == len(frame) else None
    return CsvFrame(Path(path), label, renamed, encoding, record_lines)


def _column_names(headers) -> str:
    """The header cells found, as an error lists them: short ones only, so that the message holds no data."""
    names = [str(c) for c in headers]
    shown = [name for name in names if len(name) <= 40 and name.isprintable()][:20]
    rest = len(names) - len(shown)
    return (", ".join(shown) or "none") + (f" and {rest} more" if rest > 0 else "")


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

    Beyond :data:`ROWS_REPORTED` rows the rest are counted in one closing problem that
    names the first of them and the span they cover, so none goes unmentioned.
    """
    positions = np.flatnonzero(mask)
    add = problems.error if severity is Severity.ERROR else problems.warning
    for position in positions[:ROWS_REPORTED]:
        add(code, csv_frame.label, message(int(position)), line=csv_frame.line(int(position)),
            row=int(position) + 1, field=column, hint=hint)
    if len(positions) > ROWS_REPORTED:
        rest = positions[ROWS_REPORTED:]
        add(code, csv_frame.label,
            f"{len(rest):,} more rows have the same problem (rows {int(rest[0]) + 1} to {int(rest[-1]) + 1})",
            line=csv_frame.line(int(rest[0])), row=int(rest[0]) + 1, field=column, hint=hint)
