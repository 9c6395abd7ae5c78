"""A loaded case: the matter, its records and licences, and the files they came from."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from advocate.models.campaign import Campaign
from advocate.models.case import Case
from advocate.models.licence_table import LicenceTable
from advocate.models.problem import Problem
from advocate.models.records import Abuse, AssertedLink, Event, Indicator, Source, Transfer


@dataclass(frozen=True)
class InputFile:
    """A file the case was read from, relative to the case folder where it is inside it, and its SHA-256."""

    path: str
    sha256: str


@dataclass(frozen=True)
class CaseFile:
    """Everything a case folder holds, checked. Records are keyed by id, in file order."""

    root: Path
    case: Case
    sources: Mapping[str, Source]
    abuses: Mapping[str, Abuse]
    events: Mapping[str, Event]
    links: Mapping[str, AssertedLink]
    licences: LicenceTable
    inputs: tuple[InputFile, ...]
    warnings: tuple[Problem, ...] = ()
    indicators: Mapping[str, Indicator] = field(default_factory=dict)
    transfers: Mapping[str, Transfer] = field(default_factory=dict)
    campaign: Campaign = field(default_factory=Campaign)
    """The FOI requests of the case (requests.yaml and case.yaml's ``foi_requests``) and the bodies they go to."""

    def __post_init__(self):
        for name in ("sources", "abuses", "events", "links", "indicators", "transfers"):
            object.__setattr__(self, name, MappingProxyType(dict(getattr(self, name))))
