"""The export-licensing criteria, versioned by the date they came into force.

``criteria_in_force(day)`` gives the version a UK licence decided that day is assessed against;
``criteria_version(id)`` one version by id. Each :class:`Criterion` says whether its text is a
checked ``quotation`` or this project's ``summary`` (never to be printed in quotation marks).
"""

from advocate.law.criteria.library import (
    all_versions,
    criteria_during,
    criteria_in_force,
    criteria_version,
    eu_rules_on,
    uk_versions,
    version_starts,
)
from advocate.law.criteria.models import CriteriaVersion, Criterion, normalise_number

__all__ = [
    "CriteriaVersion",
    "Criterion",
    "all_versions",
    "criteria_during",
    "criteria_in_force",
    "criteria_version",
    "eu_rules_on",
    "normalise_number",
    "uk_versions",
    "version_starts",
]
