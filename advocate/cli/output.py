"""How the command line shows problems and tables."""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.table import Table

from advocate.problems import Problem, Severity

EXIT_BAD_EVIDENCE = 2
"""Exit status when the evidence has errors (bad input), as for a usage error."""

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


def print_problems(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Every problem on stderr, one line each, errors first."""
    ordered = sorted(problems, key=lambda p: p.severity is not Severity.ERROR)
    for problem in ordered:
        style = "red" if problem.severity is Severity.ERROR else "yellow"
        stderr.print(str(problem), style=style, markup=False)


def fail(message: str, status: int = EXIT_BAD_EVIDENCE) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    stderr.print(f"error: {message}", style="red", markup=False)
    return typer.Exit(status)


def print_table(rows: list[dict], columns: list[tuple[str, str]], *, title: str = "") -> None:
    """A readable table on stdout (columns: key and heading)."""
    table = Table(title=title or None, show_lines=False, header_style="bold")
    for _, heading in columns:
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*(str(row.get(key, "")) for key, _ in columns))
    stdout.print(table)


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
