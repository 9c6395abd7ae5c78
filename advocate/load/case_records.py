"""The records of a case folder as read: one set per kind of record, each typed by its model."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeAlias

from advocate.load.record_file import LoadedRecords
from advocate.models.records import Abuse, AssertedLink, Event, Indicator, Source, Transfer

AnyRecords: TypeAlias = (
    LoadedRecords[Source]
    | LoadedRecords[Abuse]
    | LoadedRecords[Event]
    | LoadedRecords[AssertedLink]
    | LoadedRecords[Indicator]
    | LoadedRecords[Transfer]
)
"""The records of any one kind, as :meth:`CaseRecords.by_kind` gives them."""


@dataclass(frozen=True)
class CaseRecords:
    """Each kind of record a case folder holds (its standard file and those ``record_files`` lists), as read.

    A new instance holds no records; :func:`~advocate.load.case_folder.read_case_folder` reads each
    file into the set of its kind.
    """

    sources: LoadedRecords[Source] = field(default_factory=lambda: LoadedRecords("source", Source))
    abuses: LoadedRecords[Abuse] = field(default_factory=lambda: LoadedRecords("abuse", Abuse))
    events: LoadedRecords[Event] = field(default_factory=lambda: LoadedRecords("event", Event))
    links: LoadedRecords[AssertedLink] = field(default_factory=lambda: LoadedRecords("link", AssertedLink))
    indicators: LoadedRecords[Indicator] = field(default_factory=lambda: LoadedRecords("indicator", Indicator))
    transfers: LoadedRecords[Transfer] = field(default_factory=lambda: LoadedRecords("transfer", Transfer))

    def by_kind(self) -> dict[str, AnyRecords]:
        """Each kind, as ``case.yaml``'s ``record_files`` and the standard file names say it ("sources"), → its
        records, in the order the standard files are read."""
        return {
            "sources": self.sources,
            "abuses": self.abuses,
            "events": self.events,
            "links": self.links,
            "indicators": self.indicators,
            "transfers": self.transfers,
        }
