"""The shipped criteria library (``data/criteria.yaml``) and which version was in force on a day."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib.resources import files

import yaml

from advocate.law.criteria.models import CriteriaVersion, Criterion

UK = "uk"
"""Jurisdiction of the versions :func:`criteria_in_force` chooses between for UK licences."""

_FALLBACK = "eu-common-position-2008"
"""Returned for UK decisions before the 2014 criteria: the 2000 Consolidated Criteria are not shipped."""


def _day(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _version(entry: dict) -> CriteriaVersion:
    criteria = tuple(
        Criterion(
            number=str(item["number"]),
            title=item["title"],
            text=" ".join(str(item["text"]).split()),
            text_kind=item["text_kind"],
            source_id=entry["source_id"],
            pinpoint=item.get("pinpoint") or f"Criterion {item['number']}",
        )
        for item in entry["criteria"]
    )
    for criterion in criteria:
        if criterion.text_kind not in ("quotation", "summary"):
            raise ValueError(f"criteria.yaml: {entry['id']} criterion {criterion.number}: text_kind must be quotation or summary")
    return CriteriaVersion(
        id=entry["id"],
        title=" ".join(str(entry["title"]).split()),
        short_title=entry.get("short_title") or entry["title"],
        in_force_from=_day(entry["in_force_from"]),
        in_force_to=_day(entry.get("in_force_to")),
        source_id=entry["source_id"],
        applies_to=entry["applies_to"],
        territorial_note=" ".join(str(entry.get("territorial_note") or "").split()),
        criteria=criteria,
    )


@lru_cache(maxsize=1)
def all_versions() -> tuple[CriteriaVersion, ...]:
    """Every shipped version, in file order."""
    with (files("advocate.law.criteria") / "data" / "criteria.yaml").open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return tuple(_version(entry) for entry in data["versions"])


def criteria_version(version_id: str) -> CriteriaVersion:
    """One version by id (``uk-2021``, ``consolidated-2014``, ``eu-common-position-2008``, ``eu-dual-use-2021``)."""
    for version in all_versions():
        if version.id == version_id:
            return version
    known = ", ".join(v.id for v in all_versions())
    raise KeyError(f"no criteria version '{version_id}'; known: {known}")


@lru_cache(maxsize=1)
def uk_versions() -> tuple[CriteriaVersion, ...]:
    """The versions a UK licence is assessed against, oldest first, ending with the one in force now."""
    return tuple(sorted((v for v in all_versions() if v.applies_to == UK), key=lambda v: v.in_force_from))


def criteria_in_force(day: dt.date) -> CriteriaVersion:
    """The criteria a UK licence decided on ``day`` is assessed against.

    A licence decided on 7 December 2021 is assessed against the 2014 Consolidated Criteria, one
    decided on or after 8 December 2021 against the Strategic Export Licensing Criteria. For
    decisions from 8 December 2008 to 24 March 2014 this returns the EU Common Position (the
    2000 Consolidated Criteria then in force are not shipped; the version's note says so).
    ``LookupError`` for earlier days.
    """
    if isinstance(day, dt.datetime):
        day = day.date()
    for version in uk_versions():
        if version.in_force_on(day):
            return version
    fallback = criteria_version(_FALLBACK)
    if day >= fallback.in_force_from and day < uk_versions()[0].in_force_from:
        return fallback
    raise LookupError(f"no licensing criteria are shipped for decisions on {day.isoformat()} (the earliest is {fallback.in_force_from.isoformat()})")


def version_starts() -> tuple[tuple[dt.date, str], ...]:
    """(first day, version id) for every span :func:`criteria_in_force` distinguishes, oldest first."""
    spans = [(criteria_version(_FALLBACK).in_force_from, _FALLBACK)]
    spans += [(v.in_force_from, v.id) for v in uk_versions()]
    return tuple(spans)
