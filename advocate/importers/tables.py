"""Reading a CSV file or an XLSX sheet as rows of named cells, each knowing where it is.

CSV is read in UTF-8 or Windows-1252 (as case files are), with the line of every row, so that a
problem names ``file.csv:12`` and the data row; a sheet of a workbook is read with openpyxl (a
maintained reader of the format, which Excel and LibreOffice both write), and a problem names the
row as the spreadsheet shows it. Dates in a workbook arrive as dates; everything else as text.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from advocate.importers.batch import ImportFailed, import_error
from advocate.load.text_encoding import EncodingProblem, decode_file


def header_key(text: Any) -> str:
    """A column name compared without case, spacing or surrounding quotes: 'cpj.org URL' → 'cpj.org url'."""
    return " ".join(str(text or "").replace("\ufeff", "").strip().strip('"').casefold().split())


@dataclass(frozen=True)
class Row:
    """One row: its cells by column name (as the header writes it), and where it is."""

    cells: dict[str, Any]
    where: dict[str, int]
    """``line`` and ``row`` (CSV) or ``row`` (a sheet, numbered as the spreadsheet shows it)."""

    def text(self, column: str | None) -> str:
        if column is None:
            return ""
        value = self.cells.get(column)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()

    def label(self) -> str:
        return f"row {self.where['row']}"


@dataclass(frozen=True)
class Table:
    """The rows of a file under its header. ``label`` names the file (and the sheet) in messages."""

    label: str
    header: tuple[str, ...]
    rows: tuple[Row, ...]
    header_where: dict[str, int]

    def column(self, *names: str) -> str | None:
        """The header's spelling of the first of ``names`` (compared without case or spacing) it has."""
        keys = {header_key(h): h for h in self.header}
        for name in names:
            if header_key(name) in keys:
                return keys[header_key(name)]
        return None

    def require(self, wanted: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
        """Each field's column (``field → names it may have``); one error for every field without one."""
        found, missing = {}, []
        for name, aliases in wanted.items():
            column = self.column(*aliases)
            if column is None:
                missing.append(aliases[0])
            else:
                found[name] = column
        if missing:
            raise ImportFailed(
                [
                    import_error(
                        self.label,
                        f"has no column '{name}'",
                        hint=f"the header has: {', '.join(self.header)}",
                        **self.header_where,
                    )
                    for name in missing
                ]
            )
        return found


def read_table(
    path: Path, label: str, *, sheet: str = "", header_row: int = 0, header_hint: Iterable[str] = ()
) -> Table:
    """The rows of a CSV file or of one sheet of an XLSX workbook (``sheet``; the first if empty).

    ``header_row`` is the 1-based row of the header; 0 means the first row that has every name in
    ``header_hint`` among the first ten (a workbook may open with a title row), else the first row.
    """
    if not path.is_file():
        raise ImportFailed([import_error(label, "no such file")])
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        return _read_sheet(path, label, sheet, header_row, tuple(header_hint))
    if sheet:
        raise ImportFailed(
            [
                import_error(
                    label,
                    f"is not a workbook, so it has no sheet '{sheet}'",
                    hint="give a .xlsx file, or leave out the sheet",
                )
            ]
        )
    return _read_csv(path, label, header_row, tuple(header_hint))


def _header_index(rows: list[list[Any]], header_row: int, hint: tuple[str, ...]) -> int:
    if header_row:
        return header_row - 1
    if hint:
        wanted = {header_key(name) for name in hint}
        for index, cells in enumerate(rows[:10]):
            if wanted <= {header_key(c) for c in cells}:
                return index
    return 0


def _read_csv(path: Path, label: str, header_row: int, hint: tuple[str, ...]) -> Table:
    try:
        text = decode_file(path).text
    except EncodingProblem as exc:
        raise ImportFailed([import_error(label, str(exc), line=exc.line)]) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            records.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ImportFailed([import_error(label, f"is not readable CSV: {exc}", line=reader.line_num)]) from None
    if not records:
        raise ImportFailed([import_error(label, "is empty: expected a header row and rows of data")])
    index = _header_index([cells for _, cells in records], header_row, hint)
    if index >= len(records):
        raise ImportFailed([import_error(label, f"has no row {index + 1} to read the header from")])
    header_line, header = records[index]
    header = [h.replace("\ufeff", "").strip() for h in header]
    _check_header(label, header, {"line": header_line})
    rows, problems = [], []
    for number, (line, cells) in enumerate(records[index + 1 :], start=1):
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            problems.append(
                import_error(
                    label,
                    f"has {len(cells)} fields where the header has {len(header)}",
                    line=line,
                    row=number,
                    hint="check for a missing comma or an unclosed quote",
                )
            )
            continue
        rows.append(Row(dict(zip(header, cells)), {"line": line, "row": number}))
    if problems:
        raise ImportFailed(problems)
    return Table(label, tuple(header), tuple(rows), {"line": header_line})


def _check_header(label: str, header: list[str], where: dict[str, int]) -> None:
    seen: set[str] = set()
    for name in header:
        key = header_key(name)
        if key and key in seen:
            raise ImportFailed([import_error(label, f"names the column '{name}' twice", field=name, **where)])
        seen.add(key)


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date() if value.time() == dt.time() else value
    if isinstance(value, str):
        return value.strip()
    return value


def _read_sheet(path: Path, label: str, sheet: str, header_row: int, hint: tuple[str, ...]) -> Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFailed(
            [
                import_error(
                    label,
                    f"is not a readable XLSX workbook ({exc.__class__.__name__})",
                    hint="save it from the spreadsheet program as .xlsx, or export the sheet as CSV",
                )
            ]
        ) from None
    try:
        if sheet and sheet not in workbook.sheetnames:
            raise ImportFailed(
                [
                    import_error(
                        label,
                        f"has no sheet '{sheet}'",
                        field="sheet",
                        hint=f"its sheets are: {', '.join(workbook.sheetnames)}",
                    )
                ]
            )
        worksheet = workbook[sheet] if sheet else workbook[workbook.sheetnames[0]]
        label = f"{label} (sheet '{worksheet.title}')"
        values = [[_cell(v) for v in row] for row in worksheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not values:
        raise ImportFailed([import_error(label, "is empty: expected a header row and rows of data")])
    index = _header_index(values, header_row, hint)
    if index >= len(values):
        raise ImportFailed([import_error(label, f"has no row {index + 1} to read the header from")])
    header = ["" if v is None else str(v).strip() for v in values[index]]
    while header and not header[-1]:
        header.pop()
    _check_header(label, header, {"row": index + 1})
    rows = []
    for offset, cells in enumerate(values[index + 1 :], start=index + 2):
        cells = list(cells[: len(header)]) + [None] * max(0, len(header) - len(cells))
        if not any(c not in (None, "") for c in cells):
            continue
        rows.append(Row({name: cell for name, cell in zip(header, cells) if name}, {"row": offset}))
    return Table(label, tuple(h for h in header if h), tuple(rows), {"row": index + 1})
