"""How the command line shows problems, messages and tables.

Data (tables, CSV, JSON) goes to stdout; problems and notes about the output go
to stderr, so that ``advocate licences ... --format csv > out.csv`` writes only CSV.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

import typer
from rich.console import Console
from rich.table import Table

from advocate.models.problem import Problem, Severity

EXIT_BAD_EVIDENCE = 2
"""Exit status when the evidence has errors (bad input), as for a usage error."""

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


def print_problems(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Every problem on stderr, one line each, errors first (none is left out, however many)."""
    ordered = sorted(problems, key=lambda p: p.severity is not Severity.ERROR)
    for problem in ordered:
        style = "red" if problem.severity is Severity.ERROR else "yellow"
        stderr.print(str(problem), style=style, markup=False)


def fail(message: str, status: int = EXIT_BAD_EVIDENCE) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    stderr.print(f"error: {message}", style="red", markup=False)
    return typer.Exit(status)


def say(message: str) -> None:
    """A line of plain text on stdout, never wrapped or styled."""
    stdout.print(message, markup=False, highlight=False, soft_wrap=True)


def note(message: str) -> None:
    """A line about the output (not the output itself) on stderr."""
    stderr.print(message, markup=False, highlight=False)


@dataclass(frozen=True)
class TableColumn:
    """A table column: the row key, its heading, and whether it is a long text that may wrap."""

    key: str
    heading: str
    wraps: bool = True
    right: bool = False


def _min_width(column: TableColumn, cells: list[str]) -> int:
    """The narrowest this column can be without breaking a word (or the whole cell, if it may not wrap)."""
    words = [column.heading, *cells]
    if column.wraps:
        return max((len(word) for text in words for word in text.split()), default=1)
    return max((len(text) for text in words), default=1)


def fit_columns(columns: list[TableColumn], rows: list[dict], width: int) -> tuple[list[TableColumn], list[TableColumn]]:
    """The columns that fit ``width`` without breaking words, dropping from the end; and those dropped.

    The first column is always kept. A rich table needs three characters per column for borders and padding.
    """
    cells = {c.key: [str(row.get(c.key, "")) for row in rows] for c in columns}
    kept = list(columns)
    while len(kept) > 1 and sum(_min_width(c, cells[c.key]) + 3 for c in kept) + 1 > width:
        kept.pop()
    return kept, [c for c in columns if c not in kept]


def print_table(rows: list[dict], columns: list[TableColumn], *, title: str = "") -> None:
    """A readable table on stdout: long texts wrap between words, short cells never break."""
    table = Table(title=title or None, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column.heading, overflow="fold", no_wrap=not column.wraps, justify="right" if column.right else "left")
    for row in rows:
        table.add_row(*(str(row.get(column.key, "")) for column in columns))
    stdout.print(table)


def write_stdout(text: str) -> None:
    """Text for scripts, exactly as given."""
    sys.stdout.write(text)
