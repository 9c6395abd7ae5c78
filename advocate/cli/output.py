"""How the command line shows problems, messages and tables.

Data (tables, CSV, JSON) goes to stdout; problems and notes about the output go
to stderr, so that ``advocate licences ... --format csv > out.csv`` writes only CSV.
"""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, Protocol

import typer
from rich.console import Console
from rich.table import Table

from advocate.models.problem import Problem, Severity

if TYPE_CHECKING:  # pragma: no cover - the command line imports the pipeline only when a command runs
    from advocate.draft.context import Timing

EXIT_BAD_EVIDENCE = 2
"""Exit status when the evidence has errors (bad input), as for a usage error."""

stdout = Console(soft_wrap=False)
stderr = Console(stderr=True, soft_wrap=True, highlight=False)


class _Shown:
    """The lines already written to the current stderr: a run tells each warning once, however many of its
    steps meet it (checking the case, then loading its licences). A new stream (a new run) starts afresh."""

    def __init__(self):
        self._stream = None
        self._lines: set[str] = set()

    def first_time(self, line: str) -> bool:
        if self._stream is not sys.stderr:
            self._stream, self._lines = sys.stderr, set()
        if line in self._lines:
            return False
        self._lines.add(line)
        return True


_shown = _Shown()


def print_problems(problems: list[Problem] | tuple[Problem, ...]) -> None:
    """Every problem on stderr, one line each, errors first (none is left out, however many; none twice in a run)."""
    ordered = sorted(problems, key=lambda p: p.severity is not Severity.ERROR)
    for problem in ordered:
        line = str(problem)
        if _shown.first_time(line):
            style = "red" if problem.severity is Severity.ERROR else "yellow"
            stderr.print(line, style=style, markup=False)


def warn(message: str) -> None:
    """``warning: message`` on stderr, once in a run."""
    line = f"warning: {message}"
    if _shown.first_time(line):
        stderr.print(line, style="yellow", markup=False, highlight=False)


def fail(message: str, status: int = EXIT_BAD_EVIDENCE) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    stderr.print(f"error: {message}", style="red", markup=False)
    return typer.Exit(status)


def say(message: str, *, hang: int = 2, style: str | None = None) -> None:
    """A line of plain text on stdout, never styled.

    Piped or redirected, it is written whole, never wrapped (a script or ``grep`` gets one item per
    line). On a terminal, a line too long for it wraps between words, each continuation indented
    ``hang`` columns further than the line itself, so that it reads as part of its item.
    """
    if stdout.is_terminal and len(message) > stdout.width:
        indent = len(message) - len(message.lstrip(" "))
        message = textwrap.fill(
            message,
            width=stdout.width,
            subsequent_indent=" " * (indent + hang),
            break_long_words=False,
            break_on_hyphens=False,
        )
    stdout.print(message, markup=False, highlight=False, soft_wrap=True, style=style)


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


def fit_columns(
    columns: list[TableColumn], rows: list[dict], width: int
) -> tuple[list[TableColumn], list[TableColumn]]:
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
        table.add_column(
            column.heading, overflow="fold", no_wrap=not column.wraps, justify="right" if column.right else "left"
        )
    for row in rows:
        table.add_row(*(str(row.get(column.key, "")) for column in columns))
    stdout.print(table)


def write_stdout(text: str) -> None:
    """Text for scripts, exactly as given."""
    sys.stdout.write(text)


class _HasTimings(Protocol):
    """A drafted document, as the deadline listing reads it (read-only: drafted documents are frozen)."""

    @property
    def file_stem(self) -> str: ...
    @property
    def timings(self) -> tuple[Timing, ...]: ...


def _documents(stems: list[str]) -> str:
    stems = sorted(stems)
    if len(stems) <= 3:
        return ", ".join(stems)
    return f"{stems[0]}, {stems[1]} and {len(stems) - 2} other documents"


def print_deadlines(documents: Iterable[_HasTimings], *, today: dt.date) -> None:
    """The deadlines of a run's documents on stdout, in date order, each with the document it belongs to
    (its file name without extension) and "(passed)" when it is before ``today``; then, on stderr, the
    warning each deadline carries, once.

    A deadline that several documents share (one FOI request per licence) is listed once with them all.
    ``advocate draft`` and ``advocate build`` both print their deadlines here::

        deadlines, in date order:
          2017-04-01  letter-before-claim: claim limit (decision-2017-q1) (passed) — the claim form must ...
          2027-01-07  foi-request: reply due — promptly and in any event not later than the twentieth ...
    """
    listed: dict[tuple, list[str]] = {}
    warnings: list[str] = []
    for document in documents:
        for timing in document.timings:
            key = (timing.deadline.date, timing.name, timing.deadline.rule)
            stems = listed.setdefault(key, [])
            if document.file_stem not in stems:
                stems.append(document.file_stem)
            if timing.warning and timing.warning not in warnings:
                warnings.append(timing.warning)
    if listed:
        say("deadlines, in date order:")
        for (date, name, rule), stems in sorted(listed.items(), key=lambda item: item[0][0]):
            passed = " (passed)" if date < today else ""
            say(f"  {date.isoformat()}  {_documents(stems)}: {name}{passed} — {rule}", hang=12)
    for warning in warnings:
        warn(warning)


class Progress:
    """Progress on stderr, naming each document as it starts.

    Call it as a run's ``progress`` callback: ``(done, total, what)`` before each step, ``what`` naming
    the step about to start (``advocate build``), or ``(done, total)`` after each document when the run
    gives no names (``advocate draft``). On a terminal it is one line rewritten in place and cleared at
    the end; otherwise one line per step, a log. A run of one document says nothing.
    """

    def __init__(self, verb: str):
        self.verb = verb
        self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __call__(self, done: int, total: int, what: str = "") -> None:
        if total < 2:
            return
        line = f"{self.verb} {min(done + 1, total)}/{total}: {what}" if what else f"{self.verb}: {done} of {total} done"
        if stderr.is_terminal:
            stderr.file.write("\r" + line[: max(stderr.width - 1, 10)] + "\x1b[K")
            stderr.file.flush()
            self._drawn = True
        else:
            stderr.print(line, markup=False, highlight=False, soft_wrap=True)

    def __exit__(self, *exc) -> Literal[False]:
        if self._drawn:
            stderr.file.write("\r\x1b[K")
            stderr.file.flush()
        return False
