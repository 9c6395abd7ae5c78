"""Which of Campaign Against Arms Trade's release layouts a folder holds, told from its files.

CAAT publishes the government's licensing data as CSV (github.com/caatdata/uk-arms-export-data).
Two layouts have been published:

- **legacy** (releases to 2018): ``values.csv``, one row per rating of a licence,
  keyed by ``licence_group``, with ``refusal-criteria.csv``, ``footnotes_licence.csv``
  (``bundle_id``), ``destinations.csv`` and ``sources.csv`` keyed the same way;
- **current** (from 2019): per-licence tables ``items.csv`` and ``values.csv`` keyed
  by ``licence_id``, per-licence footnotes (``footnotes-licence.csv``,
  ``footnotes-licence-item.csv``), and tables keyed by ``licence_cohort_id``
  (``refusal-criteria.csv``, ``incorporation-destinations.csv``, ``trade-sources.csv``;
  releases from 2019 to mid-2023 keyed these by ``licence_id`` too).

The layout is read from the licence tables' headers (their key column), never
guessed; each side table's join key is read from its own header.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from advocate.load.csv_frame import header_key
from advocate.load.file_bytes import UnreadableFile, read_file_bytes
from advocate.load.text_encoding import EncodingProblem, detect_encoding

RELEASE_URL = "https://github.com/caatdata/uk-arms-export-data"
"""Where CAAT publishes its complete releases."""

LICENCE_TABLES = ("items.csv", "values.csv")
"""The licence tables: which licences there are, their decisions, goods, ratings and values."""

SIDE_TABLES = {
    "criteria": ("refusal-criteria.csv",),
    "notes": ("footnotes-licence.csv", "footnotes_licence.csv"),
    "item_notes": ("footnotes-licence-item.csv", "footnotes_licence_item.csv"),
    "onward": ("incorporation-destinations.csv", "destinations.csv"),
    "transit": ("trade-sources.csv", "sources.csv"),
}
"""Side tables by role, each under the names the layouts give it."""

NOT_READ = ("ratings.csv", "footnotes-region.csv", "footnotes_region.csv")
"""Files of a release the loader does not need: the ratings' descriptions (the shipped table is used)
and footnotes about regions (they describe destinations, not licences)."""

LEGACY_KEYS = ("licence_group", "bundle_id")
CURRENT_KEY = "licence_id"
COHORT_KEY = "licence_cohort_id"


class ReleaseProblem(ValueError):
    """The folder is a CAAT release that cannot be read as it stands; the message says why and what to do."""


@dataclass(frozen=True)
class CaatRelease:
    """A CAAT release folder: its layout, the licence key, and the files present by role."""

    folder: Path
    layout: str
    """``legacy`` or ``current``."""
    key: str
    """The licence key column: ``licence_group`` (legacy) or ``licence_id`` (current)."""
    licence_tables: tuple[Path, ...]
    side: dict[str, Path]


def release_files(folder: Path) -> list[str]:
    """The names of the CAAT files present in ``folder``."""
    known = set(LICENCE_TABLES) | {name for names in SIDE_TABLES.values() for name in names} | set(NOT_READ)
    return sorted(name for name in known if (folder / name).exists())


def looks_like_release(folder: Path) -> bool:
    """Whether a folder holds a CAAT release's licence tables, or at least two of its other tables."""
    folder = Path(folder)
    if not folder.is_dir():
        return False
    present = release_files(folder)
    return any(name in present for name in LICENCE_TABLES) or len(present) >= 2


def header_keys(path: Path) -> set[str]:
    """The header keys of a CSV file (empty when it cannot be read; the reader reports why)."""
    try:
        data = read_file_bytes(path)[:65536]
        first = data.split(b"\n", 1)[0]
        return {header_key(cell) for cell in first.decode(detect_encoding(first)).split(",")}
    except (UnreadableFile, EncodingProblem):
        return set()


def _layout_of_names(present: list[str]) -> str:
    legacy = {"footnotes_licence.csv", "destinations.csv", "sources.csv", "footnotes_region.csv"}
    return "legacy" if legacy & set(present) else "current"


def detect_release(folder: Path) -> CaatRelease:
    """The release in ``folder``; :class:`ReleaseProblem` when its licence tables are missing or unkeyed."""
    folder = Path(folder)
    present = release_files(folder)
    tables = [folder / name for name in LICENCE_TABLES if name in present]
    keys = {path.name: header_keys(path) for path in tables}
    if any(keys[name] & set(LEGACY_KEYS) for name in keys):
        layout = "legacy"
    elif any(CURRENT_KEY in keys[name] or COHORT_KEY in keys[name] for name in keys):
        layout = "current"
    else:
        layout = _layout_of_names(present)
    needed = ("values.csv",) if layout == "legacy" else LICENCE_TABLES
    missing = [name for name in needed if name not in present]
    if missing:
        others = [name for name in present if name not in LICENCE_TABLES]
        found = f" (it holds {', '.join(others)})" if others else ""
        raise ReleaseProblem(
            f"is a CAAT release folder without its licence table{'s' * (len(missing) > 1)} {' and '.join(missing)}"
            f"{found}, so it does not say which licences there are"
        )
    for path in tables:
        if layout == "legacy" and not keys[path.name] & set(LEGACY_KEYS) and keys[path.name]:
            raise ReleaseProblem(f"{path.name} has no licence_group column, the licence key of this (legacy) release")
        if layout == "current" and CURRENT_KEY not in keys[path.name] and keys[path.name]:
            cohort = (
                " (it has licence_cohort_id, but a cohort can hold several licences, issued and refused, so they cannot be told apart)"
                if COHORT_KEY in keys[path.name]
                else ""
            )
            raise ReleaseProblem(
                f"{path.name} has no licence_id column, the licence key of a current CAAT release{cohort}"
            )
    side = {}
    for role, names in SIDE_TABLES.items():
        for name in names:
            if name in present:
                side[role] = folder / name
                break
    return CaatRelease(folder, layout, LEGACY_KEYS[0] if layout == "legacy" else CURRENT_KEY, tuple(tables), side)
