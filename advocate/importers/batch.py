"""What an importer reads from a database's file: records keyed by the database's own ids, the dataset
source they cite, and what was left out and why."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from advocate.models.period import Period
from advocate.models.problem import Problem, Severity
from advocate.vocab.countries import resolve_country


class ImportFailed(Exception):
    """The file cannot be imported as it stands; ``problems`` names every row and field at fault."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(str(problems[0]) if problems else "import failed")


def import_error(file: str, message: str, **where) -> Problem:
    """One problem with an imported file, located by ``line``, ``row``, ``field`` as :class:`Problem` has them."""
    return Problem(Severity.ERROR, "import", file, message, **where)


def slug(text: str) -> str:
    """A database key as part of a record id: 'Packet_Forensics_United States of America_2011' →
    'packet-forensics-united-states-of-america-2011'."""
    return re.sub(r"[^a-z0-9]+", "-", str(text).casefold()).strip("-")


@dataclass(frozen=True)
class ImportRequest:
    """What the user asked for: which countries (ISO codes; empty for all) and rows from which date,
    the access date, and the version or edition of the data when the file does not say."""

    countries: tuple[str, ...] = ()
    since: dt.date | None = None
    accessed: dt.date = field(default_factory=dt.date.today)
    version: str = ""
    edition: str = ""
    mapping: str = ""
    """For a spreadsheet: the mapping file from its columns to record fields."""

    def wants_country(self, code: str) -> bool:
        return not self.countries or code in self.countries

    def wants_period(self, period: Period | None) -> bool:
        """Whether a record of this date falls on or after ``since`` (an undated one does not, when ``since`` is set)."""
        if self.since is None:
            return True
        return period is not None and period.end is not None and period.end >= self.since


@dataclass(frozen=True)
class ImportedRecord:
    """One record as the database gives it.

    ``data`` holds the fields that follow the database: importing again updates them. ``initial`` holds
    fields written only when the record is first imported (a killing's perpetrators, which the database
    does not name): after that they are the reviewer's. ``origin`` says where it was read ("row 12"),
    ``columns`` which column each field came from, for messages.
    """

    id: str
    data: dict[str, Any]
    initial: dict[str, Any] = field(default_factory=dict)
    origin: dict[str, Any] = field(default_factory=dict)
    """``line``/``row`` of the record in its file, as :class:`Problem` takes them."""
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def summary(self) -> str:
        """How a listing names the record: its title or statement, and its date."""
        text = self.data.get("title") or " ".join(
            str(self.data.get(k, "")) for k in ("supplier", "country", "rating") if self.data.get(k)
        )
        date = self.data.get("date") or self.data.get("edition") or ""
        return f"{text} ({date})" if date else str(text)


@dataclass
class ImportBatch:
    """Everything one file gave: its records (of one kind), the dataset sources they cite, and notes
    on the rows left out (outside the countries or dates asked for, or in places no code fits)."""

    kind: str
    """The kind of record: ``abuses``, ``indicators`` or ``transfers``."""
    label: str
    """The file as messages name it."""
    owned: tuple[str, ...]
    """The fields this importer writes (importing again removes one the database no longer gives)."""
    stem: str = ""
    """The middle of the import file's name when the source does not fix it (a spreadsheet's mapping names it)."""
    records: list[ImportedRecord] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    rows: int = 0
    left_out: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def error(self, message: str, **where) -> None:
        self.problems.append(import_error(self.label, message, **where))


class Unplaced:
    """Rows whose place no ISO code fits (a territory, a region): left out and listed, never guessed."""

    def __init__(self):
        self.names: dict[str, list[str]] = {}

    def place(self, name: str, where: str) -> str | None:
        """The ISO code for ``name``, or ``None`` (remembering the row) when it has none."""
        country = resolve_country(name) if name and name.strip() else None
        if country is None or country.code == "ZZ":
            self.names.setdefault(name.strip() or "(empty)", []).append(where)
            return None
        return country.code

    def notes(self) -> list[str]:
        if not self.names:
            return []
        count = sum(len(rows) for rows in self.names.values())
        listed = "; ".join(
            f"'{name}' ({', '.join(rows[:3])}{' ...' if len(rows) > 3 else ''})" for name, rows in self.names.items()
        )
        return [f"{count} row{'s' * (count != 1)} name{'s' * (count == 1)} a place no country code fits: {listed}"]
