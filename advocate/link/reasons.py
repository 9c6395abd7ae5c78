"""Links put into words a lawyer can paste: when, who, what technology, and the Government's own refusals."""

from __future__ import annotations

import datetime as dt

from advocate.law.criteria import CriteriaVersion, criteria_in_force
from advocate.models.period import Period, when


def _count(days: int) -> str:
    return f"{days} day" if days == 1 else f"{days:,} days"


def period_reason(relation: str, days: int, abuse_date: Period, decision: Period) -> str:
    exact = abuse_date.precision == "day" and decision.precision == "day"
    if relation == "foreseeable":
        gap = f"{_count(days)} before the licence decision" if exact else f"{when(abuse_date)}, before the licence decision {when(decision)}"
        return f"documented {gap}: the risk was foreseeable when the licence was decided"
    if relation == "review":
        gap = f"{_count(-days)} after the licence decision" if exact else f"{when(abuse_date)}, after the licence decision {when(decision)}"
        return f"documented {gap}: the licence may need review, suspension or revocation"
    return (f"documented {when(abuse_date)}, a period overlapping that of the licence decision ({decision.describe()}): "
            "which came first cannot be told from the dates, and the licence may need review")


def refusal_reason(refusal_id: str, destination: str, decided: Period, criteria: str, ratings: str,
                   version: CriteriaVersion | None, key: str, shared_label: str) -> str:
    under = f"under Criterion {criteria}" if criteria else "on human-rights grounds"
    if version is not None:
        under += f" of {version.short_title}"
    if key.startswith("R:"):
        goods = f"goods rated {key[2:]}"
        same = "goods of the same rating"
    else:
        goods = f"goods rated {ratings}" if ratings else "goods"
        goods += f", which may include {shared_label},"
        same = "similar goods"
    return (f"the Government refused licence {refusal_id} for {goods} to {destination} {when(decided)} {under}: "
            f"it had recognised the risk before it approved {same}")


def version_for(day: dt.date | None) -> CriteriaVersion | None:
    if day is None:
        return None
    try:
        return criteria_in_force(day)
    except LookupError:
        return None
