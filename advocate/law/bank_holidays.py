"""The bank holidays of every part of the United Kingdom, year by year, from the maintained ``holidays`` package.

FOIA s 10(6) leaves out a bank holiday in *any* part of the UK, so a year's table is the
union of the package's four UK subdivisions (England, Wales, Scotland, Northern
Ireland), each day with its names and where it applies. ``holidays.UK()`` without a
subdivision gives only the days common to all four, which would be wrong here.

Importing the package's country tables costs about a quarter of a second, paid by every
process that computes a deadline; so each year's table, once computed, is kept in the
user's cache folder, under the package's version (a new release of ``holidays``, which may
add a proclaimed day, starts a fresh cache). The cache holds only what the package gives;
if it cannot be read or written, the table is computed as before.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from advocate.resources import user_cache_dir

NATIONS = (("ENG", "England"), ("WLS", "Wales"), ("SCT", "Scotland"), ("NIR", "Northern Ireland"))
"""The ``holidays`` subdivisions of the United Kingdom, in the order explanations name them."""

_OBSERVED = " (observed)"

Holidays = dict[dt.date, dict[str, frozenset[str]]]
"""Date → holiday name (as a British letter writes it) → the subdivision codes where it is a bank holiday."""


def british_name(name: str) -> str:
    """The package's name as a British letter writes it: 'St Patrick's Day', 'the substitute day for Boxing Day'."""
    name = name.strip()
    if name.startswith("Saint "):
        name = "St " + name[len("Saint ") :]
    if name.endswith(_OBSERVED):
        name = name[: -len(_OBSERVED)]
        article = "the " if name.startswith("Battle") or name.endswith("Holiday") else ""
        name = f"the substitute day for {article}{name}"
    return name


def compute_bank_holidays(year: int) -> Holidays:
    """Every bank holiday of ``year`` in any part of the UK, asked of the ``holidays`` package."""
    import holidays

    found: dict[dt.date, dict[str, set[str]]] = {}
    for code, _ in NATIONS:
        for day, names in holidays.country_holidays("GB", subdiv=code, years=year).items():
            for name in names.split(";"):
                found.setdefault(day, {}).setdefault(british_name(name), set()).add(code)
    return {day: {name: frozenset(codes) for name, codes in by_name.items()} for day, by_name in sorted(found.items())}


def cache_file() -> Path | None:
    """Where the tables are kept: ``$XDG_CACHE_HOME/advocate`` (or ``~/.cache/advocate``), one file per version
    of the ``holidays`` package; ``None`` when the package's version cannot be told."""
    try:
        package = version("holidays")
    except PackageNotFoundError:
        return None
    return user_cache_dir() / f"uk-bank-holidays-{package}.json"


def _read(path: Path) -> dict[str, dict[str, dict[str, list[str]]]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict) -> None:
    """Write the cache atomically; a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".bank-holidays-", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, sort_keys=True)
        os.replace(temporary, path)
    except OSError:
        return


@cache
def bank_holidays(year: int) -> Holidays:
    """Every bank holiday of ``year`` in any part of the UK: date → name → subdivision codes (cached on disk)."""
    path = cache_file()
    data = _read(path) if path else {}
    stored = data.get(str(year))
    if isinstance(stored, dict):
        try:
            return {
                dt.date.fromisoformat(day): {name: frozenset(codes) for name, codes in names.items()}
                for day, names in stored.items()
            }
        except (TypeError, ValueError, AttributeError):
            pass
    table = compute_bank_holidays(year)
    if path:
        data[str(year)] = {
            day.isoformat(): {name: sorted(codes) for name, codes in names.items()} for day, names in table.items()
        }
        _write(path, data)
    return table
