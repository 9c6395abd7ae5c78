"""The shipped criteria library (``data/criteria.yaml``) and which version was in force on a day."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib.resources import files

import yaml

from advocate.law.criteria.models import CriteriaVersion, Criterion

UK = "uk"
"""Jurisdiction of the versions :func:`criteria_in_force` chooses between for UK licences."""

COMMON_POSITION = "eu-common-position-2008"
"""The EU rules that bound the UK, for Military List items only, alongside (never as) its s 9 guidance."""


def _day(value) -> dt.date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def _required_day(entry: dict, name: str) -> dt.date:
    day = _day(entry.get(name))
    if day is None:
        raise ValueError(f"criteria.yaml: {entry.get('id')}: {name} is required")
    return day


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
            raise ValueError(
                f"criteria.yaml: {entry['id']} criterion {criterion.number}: text_kind must be quotation or summary"
            )
    return CriteriaVersion(
        id=entry["id"],
        title=" ".join(str(entry["title"]).split()),
        short_title=entry.get("short_title") or entry["title"],
        in_force_from=_required_day(entry, "in_force_from"),
        in_force_to=_day(entry.get("in_force_to")),
        source_id=entry["source_id"],
        applies_to=entry["applies_to"],
        territorial_note=" ".join(str(entry.get("territorial_note") or "").split()),
        criteria=criteria,
        goods=entry.get("goods") or "all",
        uk_to=_day(entry.get("uk_to")),
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
    """The criteria a UK licence decided on ``day`` is assessed against: the guidance given under s 9 of
    the Export Control Act 2002 (before the Act, the policy it restated).

    26 October 2000 to 24 March 2014: the Consolidated Criteria of 26 October 2000; 25 March 2014 to
    7 December 2021: the Consolidated Criteria of 25 March 2014; from 8 December 2021: the Strategic
    Export Licensing Criteria. Never the EU Common Position, which bound the UK for Military List items
    only and was not s 9 guidance (see :func:`eu_rules_on`). ``LookupError`` for earlier days.
    """
    if isinstance(day, dt.datetime):
        day = day.date()
    for version in uk_versions():
        if version.in_force_on(day):
            return version
    raise LookupError(
        f"no licensing criteria are shipped for decisions on {day.isoformat()} "
        f"(the earliest is {uk_versions()[0].in_force_from.isoformat()})"
    )


def criteria_during(start: dt.date | None, end: dt.date | None) -> tuple[CriteriaVersion, ...]:
    """Every UK version in force on some day from ``start`` to ``end``, oldest first: one version for a
    decision known to a day or to a period within one version, two or more for a period that straddles a
    change (2014-Q1, 2021-Q4), none when neither end is known or no version is shipped for the period."""
    first, last = start or end, end or start
    if first is None or last is None:
        return ()
    return tuple(
        v for v in uk_versions() if v.in_force_from <= last and (v.in_force_to is None or v.in_force_to >= first)
    )


def eu_rules_on(day: dt.date, *, military: bool) -> CriteriaVersion | None:
    """The EU Common Position, when it bound the UK on ``day`` for the goods: Military List items only,
    8 December 2008 to 31 December 2020. ``None`` for dual-use goods and on any other day."""
    if not military or day is None:
        return None
    common = criteria_version(COMMON_POSITION)
    if common.in_force_from <= day and (common.uk_to is None or day <= common.uk_to):
        return common
    return None


def version_starts() -> tuple[tuple[dt.date, str], ...]:
    """(first day, version id) for every span :func:`criteria_in_force` distinguishes, oldest first."""
    return tuple((v.in_force_from, v.id) for v in uk_versions())
