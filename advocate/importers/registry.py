"""The sources ``advocate import`` reads: one entry per database, each fact about it in one place."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - the readers (pydantic, openpyxl) load when an import runs, not for --help
    from advocate.importers.batch import ImportBatch, ImportRequest


@dataclass(frozen=True)
class ImportSource:
    """A database: the name the command takes, what it is, the file its records go to, and its reader."""

    name: str
    description: str
    stem: str
    """The middle of the import file's name: ``abuses.cpj.yaml``."""
    reader: str
    """The function that reads the database's file, as ``module:function`` (imported when an import runs)."""
    header: str
    """What the import file's opening comment says of the records (after 'Written by `advocate import NAME`')."""

    @property
    def read(self) -> Callable[[Path, str, ImportRequest], ImportBatch]:
        """The reader: ``read(path, label, request)`` gives the batch of records the file holds."""
        module, _, function = self.reader.partition(":")
        return getattr(importlib.import_module(module), function)


def _sources() -> dict[str, ImportSource]:
    entries = [
        ImportSource(
            "cpj",
            "Committee to Protect Journalists: journalists killed and imprisoned (cpj.org CSV export)",
            "cpj",
            "advocate.importers.cpj:read_cpj",
            "killings and imprisonments of journalists from the Committee to Protect Journalists' database.\n"
            "# CPJ names where it happened, not who did it: perpetrators are 'unknown' until a reviewer knows better.",
        ),
        ImportSource(
            "spreadsheet",
            "the campaign's own documentation: a CSV or XLSX file, with --mapping from its columns to fields",
            "spreadsheet",
            "advocate.importers.spreadsheet:read_spreadsheet",
            "records from the campaign's own spreadsheet, by its mapping file.",
        ),
        ImportSource(
            "freedom-house",
            "Freedom House, Freedom in the World: country status and score (workbook, or CSV with --edition)",
            "freedom-house",
            "advocate.importers.freedom_house:read_freedom_house",
            "Freedom House's ratings (Freedom in the World): context documents print, never abuses.",
        ),
        ImportSource(
            "civicus",
            "CIVICUS Monitor: ratings of civic space (CSV of country and rating, with --edition)",
            "civicus",
            "advocate.importers.civicus:read_civicus",
            "CIVICUS Monitor ratings of civic space: context documents print, never abuses.",
        ),
        ImportSource(
            "sii",
            "Privacy International, Surveillance Industry Index: transfer records (JSON)",
            "sii",
            "advocate.importers.sii:read_sii",
            "transfers from Privacy International's Surveillance Industry Index: who supplied what to whom.",
        ),
    ]
    return {entry.name: entry for entry in entries}


def import_sources() -> dict[str, ImportSource]:
    """Every source ``advocate import`` reads, by the name the command takes."""
    return _sources()
