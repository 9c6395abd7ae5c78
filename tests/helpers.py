"""What tests share besides fixtures: a fixed 'today', where things are, and small helpers to edit evidence files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

TODAY = dt.date(2026, 11, 22)
FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).parent.parent
EXAMPLE_CASE = REPO / "evidence" / "turkey-2017"


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a fixture file, failing loudly if the text to replace is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first occurrence of ``needle`` in a file."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
