"""Reading a CSV file into a frame of text columns, and reporting bad rows precisely.

Headers are matched by name, whatever their case, spacing or order, and through
each column's known aliases (releases rename columns); a missing column is one
clear error naming it and the columns that were found, a column named twice is an
error, and a column the format does not use is named in a warning rather than
dropped in silence.

Where each record starts is taken from Python's CSV parser itself (its
``line_num`` after each record), so a quoted cell over several lines, a blank
line or a stray quote inside an unquoted cell (``5" naval guns``) never shifts the
line numbers that problems print. pandas' C parser reads the cells (it is several
times faster on a national dataset); when the two parsers ever disagree on the
number of records, the cells are taken from Python's parser too.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from advocate.load.file_bytes import UnreadableFile, read_file_bytes
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
    """A CSV file's rows as text columns under canonical names, with the line each row starts on.

    ``found`` maps each canonical column read to the header the file gave it.
    """

    path: Path
    label: str
    frame: pd.DataFrame
    encoding: str
    _lines: np.ndarray | None
    found: dict[str, str] = field(default_factory=dict)

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


@dataclass(frozen=True)
class _Records:
    """What Python's CSV parser found: each non-blank record's first line and cell count, and the header's cells."""

    lines: np.ndarray
    cells: np.ndarray
    header: list[str]


def _records(text: str) -> _Records:
    """Walk the records once with Python's CSV parser (raises ``csv.Error`` with ``line`` set on a malformed record)."""
    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True)
    lines: list[int] = []
    cells: list[int] = []
    header: list[str] = []
    previous = 0
    try:
        for record in reader:
            start, previous = previous + 1, reader.line_num
            if not record or record == [""]:
                continue  # a blank line, as pandas skips it
            if not lines:
                header = record
            lines.append(start)
            cells.append(len(record))
    except csv.Error as exc:
        exc.line = previous + 1  # type: ignore[attr-defined]
        raise
    return _Records(np.asarray(lines, dtype=np.int64), np.asarray(cells, dtype=np.int64), header)


def _python_rows(text: str, width: int) -> pd.DataFrame:
    """Every record's cells by Python's parser (the slow path, when pandas counts records differently)."""
    reader = csv.reader(io.StringIO(text, newline=""), skipinitialspace=True)
    rows = [record for record in reader if record and record != [""]]
    header, body = rows[0], [row + [""] * (width - len(row)) for row in rows[1:]]
    columns = list(zip(*body)) if body else [()] * width
    return pd.DataFrame({name: np.asarray(values, dtype=object) for name, values in zip(header, columns)})


def _check_cell_counts(label: str, lines: np.ndarray, cells: np.ndarray, problems: Problems) -> bool:
    """Report records with more cells than the header (an error) or fewer (a warning); false if any has more."""
    width = int(cells[0])
    over = np.flatnonzero(cells[1:] > width) + 1
    under = np.flatnonzero(cells[1:] < width) + 1
    for kind, positions in (("over", over), ("under", under)):
        for position in positions[:ROWS_REPORTED]:
            count = int(cells[position])
            if kind == "over":
                problems.error(
                    "csv_cells",
                    label,
                    f"has {count} cells but the header names {width} columns",
                    line=int(lines[position]),
                    row=int(position),
                    hint='a cell containing a comma must be quoted: "one, two"',
                )
            else:
                problems.warning(
                    "csv_cells",
                    label,
                    f"has {count} cells but the header names {width} columns; the last are read as empty",
                    line=int(lines[position]),
                    row=int(position),
                    hint="check for a missing comma",
                )
        if len(positions) > ROWS_REPORTED:
            add = problems.error if kind == "over" else problems.warning
            add(
                "csv_cells",
                label,
                f"{len(positions) - ROWS_REPORTED:,} more rows have {'more' if kind == 'over' else 'fewer'} cells than the header",
                line=int(lines[positions[ROWS_REPORTED]]),
                row=int(positions[ROWS_REPORTED]),
            )
    return not len(over)


def _check_duplicate_headers(label: str, header: list[str], problems: Problems) -> bool:
    """A column named twice is an error naming both places (one of the two would otherwise be lost)."""
    seen: dict[str, int] = {}
    ok = True
    for position, name in enumerate(header, start=1):
        key = header_key(name)
        if not key:
            continue
        if key in seen:
            problems.error(
                "column_duplicate",
                label,
                f"column '{name.strip()}' appears twice (columns {seen[key]} and {position}); one of them would be lost",
                line=1,
                field=name.strip(),
                hint="keep one column of each name",
            )
            ok = False
        else:
            seen[key] = position
    return ok


def _may_need_strip(text: str) -> bool:
    """Whether any cell can have space around it (pandas already drops the space after a comma).

    A cheap test on the whole text spares stripping a million cells that have none.
    """
    return any(mark in text for mark in (" ,", " \n", " \r", '" ', ' "', "\t", "\u00a0")) or text.endswith(" ")


def read_csv_frame(
    path: Path, label: str, columns: list[Column], problems: Problems, *, other_columns: tuple[str, ...] = ()
) -> CsvFrame | None:
    """Read ``path``; on an unreadable file or a missing required column record an error and return ``None``.

    Every row with more cells than the header is reported (an unquoted comma would
    otherwise shift or drop cells silently); rows with fewer are read with the last
    cells empty, and warned about. A column that is neither one of ``columns`` nor
    one of ``other_columns`` (known to the format but not read) is named in a warning.
    """
    try:
        data = read_file_bytes(Path(path))
    except UnreadableFile as exc:
        problems.error(
            "file_unreadable",
            label,
            str(exc),
            hint="check the path (it is relative to the case folder) and the file's permissions",
        )
        return None
    try:
        encoding = detect_encoding(data)
    except EncodingProblem as exc:
        problems.error("encoding", label, str(exc), line=exc.line)
        return None
    text = data.decode(encoding)
    try:
        records = _records(text)
    except csv.Error as exc:
        problems.error(
            "csv_syntax",
            label,
            f"malformed CSV: {exc}",
            line=getattr(exc, "line", None),
            hint="a cell may hold at most 131,072 characters; check the quotes",
        )
        return None
    lines, cells = records.lines, records.cells
    if not len(lines):
        problems.error("csv_empty", label, "the file is empty; it needs a header row naming its columns")
        return None
    if not _check_duplicate_headers(label, records.header, problems):
        return None
    if not _check_cell_counts(label, lines, cells, problems):
        return None
    source = io.BytesIO(data if encoding.startswith("utf-8") else text.encode("utf-8"))
    try:
        frame = pd.read_csv(
            source,
            encoding="utf-8-sig" if encoding == "utf-8-sig" else "utf-8",
            dtype=str,
            keep_default_na=False,
            skipinitialspace=True,
            index_col=False,
            engine="c",
        )
    except pd.errors.EmptyDataError:
        problems.error("csv_empty", label, "the file is empty; it needs a header row naming its columns")
        return None
    except pd.errors.ParserError as exc:
        position = re.search(r"(?:line|row) (\d+)", str(exc))
        record = int(position[1]) if position else None
        unclosed = "EOF inside string" in str(exc)
        problems.error(
            "csv_syntax",
            label,
            "malformed CSV: a quoted cell that starts on this line never closes"
            if unclosed
            else f"malformed CSV: {str(exc).split('. ', 1)[-1].strip()}",
            line=int(lines[record]) if record is not None and record < len(lines) else None,
            hint='check the quotes: a quoted cell must end with a closing "',
        )
        return None
    if len(frame) != len(lines) - 1:
        frame = _python_rows(text, int(cells[0]))
    if _may_need_strip(text):
        frame = frame.apply(lambda column: column.astype(str).str.strip())
    renamed, found_columns = _canonical_headers(frame, columns, label, problems, other_columns)
    missing = [c for c in columns if c.required and c.name not in renamed.columns]
    if missing and not any(c.name in renamed.columns for c in columns):
        # No column of the expected kind: the file is something else, and its first line (which could be
        # anything: an environment, a key) is not echoed.
        problems.error(
            "column_missing",
            label,
            f"no column of this kind of file was found (it needs "
            f"{', '.join(c.name for c in columns if c.required)}): it is not such a CSV file",
            line=1,
            field=missing[0].name,
        )
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
    return CsvFrame(Path(path), label, renamed, encoding, lines[1:], found_columns)


def _column_names(headers) -> str:
    """The header cells found, as an error lists them: short ones only, so that the message holds no data."""
    names = [str(c) for c in headers]
    shown = [name for name in names if len(name) <= 40 and name.isprintable()][:20]
    rest = len(names) - len(shown)
    return (", ".join(shown) or "none") + (f" and {rest} more" if rest > 0 else "")


def _canonical_headers(
    frame: pd.DataFrame, columns: list[Column], label: str, problems: Problems, other_columns: tuple[str, ...]
) -> tuple[pd.DataFrame, dict[str, str]]:
    """Rename the file's headers to canonical names; warn about each header that is not read, saying why."""
    by_key = {header_key(c): c for c in frame.columns}
    rename: dict[str, str] = {}
    for column in columns:
        for candidate in (column.name, *column.aliases):
            if candidate in by_key and by_key[candidate] not in rename:
                rename[by_key[candidate]] = column.name
                break
    alias_of = {name: column.name for column in columns for name in (column.name, *column.aliases)}
    meanings = {column.name: column.meaning for column in columns}
    for position, header in enumerate(frame.columns, start=1):
        key = header_key(header)
        if header in rename or key in other_columns:
            continue
        if not key or str(header).startswith("Unnamed: "):
            problems.warning(
                "column_unknown",
                label,
                f"column {position} has no name; it is not read",
                line=1,
                hint="name every column in the header row",
            )
        elif key in alias_of:
            canonical = alias_of[key]
            holder = next((h for h, n in rename.items() if n == canonical), "")
            problems.warning(
                "column_unknown",
                label,
                f"column '{header}' is not read: column '{holder}' already gives {meanings[canonical]}",
                line=1,
                field=str(header),
                hint="keep one of the two",
            )
        else:
            readable = [c.name for c in columns]
            problems.warning(
                "column_unknown",
                label,
                f"column '{header}' is not one this file's format uses{suggest(key, readable)}; it is not read",
                line=1,
                field=str(header),
                hint=f"columns read: {', '.join(readable)}",
            )
    return frame.rename(columns=rename), {name: header for header, name in rename.items()}


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
        add(
            code,
            csv_frame.label,
            message(int(position)),
            line=csv_frame.line(int(position)),
            row=int(position) + 1,
            field=column,
            hint=hint,
        )
    if len(positions) > ROWS_REPORTED:
        rest = positions[ROWS_REPORTED:]
        add(
            code,
            csv_frame.label,
            f"{len(rest):,} more rows have the same problem (rows {int(rest[0]) + 1} to {int(rest[-1]) + 1})",
            line=csv_frame.line(int(rest[0])),
            row=int(rest[0]) + 1,
            field=column,
            hint=hint,
        )
