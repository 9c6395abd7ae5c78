"""Links put into words a lawyer can paste: when, who, what technology, and the Government's own refusals."""

from __future__ import annotations

import datetime as dt

from advocate.law.criteria import CriteriaVersion, criteria_in_force
from advocate.link.reports import ReportSource
from advocate.models.period import Period, when


def _count(days: int) -> str:
    return f"{days} day" if days == 1 else f"{days:,} days"


def _occurrence(occurred: str, days: int, abuse_date: Period, decision: Period) -> str:
    exact = abuse_date.precision == "day" and decision.precision == "day"
    if occurred in ("before", "after"):
        gap = (
            f"{_count(abs(days))} {occurred} the licence decision"
            if exact
            else f"{occurred} the licence decision {when(decision)}"
        )
        return f"occurred {when(abuse_date)}, {gap}"
    if occurred == "overlapping":
        if (abuse_date.start, abuse_date.end) == (decision.start, decision.end):
            return f"occurred {when(abuse_date)}, the period in which the licence decision was taken"
        return f"occurred {when(abuse_date)}, and the licence decision was taken {when(decision)}"
    return f"occurred {when(abuse_date)}; the licence decision has no date"


def _report(reported: str, report: ReportSource | None, cites_decision: bool) -> str:
    if report is None:
        return "no published source gives the date on which it was first reported"
    by = (
        f"by {report.reporter}"
        if report.by_name
        else (f'in "{report.reporter}"' if report.reporter else "in a published source")
    )
    if reported == "before":
        return f"reported {by} {when(report.date)}, before the decision"
    if reported == "after":
        return f"first reported {by} {when(report.date)}, after the decision" + (
            ", which the report describes" if cites_decision else ""
        )
    return f"first reported {by} {when(report.date)}"


_CONCLUSIONS = {
    "foreseeable": "the risk was foreseeable when the licence was decided",
    "reported-after": "the risk existed when the licence was decided, and the evidence now calls for its review",
    "unreported": "the risk existed when the licence was decided, though the evidence does not show that it was known then, "
    "and the licence may need review",
    "review": "the licence may need review, suspension or revocation",
}


def timing_reason(
    relation: str,
    occurred: str,
    reported: str,
    days: int,
    abuse_date: Period,
    decision: Period,
    report: ReportSource | None,
    cites_decision: bool = False,
) -> str:
    """When the abuse occurred and was first publicly reported, against the licence decision, and what that supports:
    'occurred in 2016, before the licence decision in the first quarter of 2017; first reported by Motherboard in
    2017, after the decision: the risk existed when the licence was decided, and the evidence now calls for its review'.

    ``cites_decision``: the report is one the licence's own sources include, so it came after the decision.
    """
    occurrence = _occurrence(occurred, days, abuse_date, decision)
    if relation == "review":
        return f"{occurrence}: {_CONCLUSIONS[relation]}"
    if relation == "concurrent":
        unsure = (
            "whether it was known when the licence was decided cannot be told from the dates"
            if occurred == "before"
            else "whether the abuse or the decision came first cannot be told from the dates"
        )
        return f"{occurrence}; {_report(reported, report, cites_decision)}: {unsure}, and the licence may need review"
    return f"{occurrence}; {_report(reported, report, cites_decision)}: {_CONCLUSIONS[relation]}"


def attribution_reason(responsibility: str, remaining: tuple[str, ...]) -> str:
    """Why an abuse of unknown or non-state perpetrators is not relied on under Criterion 2(a)."""
    who = (
        "the sources attribute the abuse to non-state actors"
        if responsibility == "non-state"
        else "the sources do not say who carried out the abuse"
    )
    if not remaining:
        return (
            f"{who}, and Criterion 2(a) concerns repression by the state: the abuse is context, "
            "not evidence that the criterion is engaged"
        )
    named = " and ".join(f"Criterion {number}" for number in remaining)
    return f"{who}, and Criterion 2(a) concerns repression by the state: the abuse is relied on only under {named}"


def refusal_reason(
    refusal_id: str,
    destination: str,
    decided: Period,
    criteria: str,
    ratings: str,
    version: CriteriaVersion | None,
    key: str,
    shared_label: str,
) -> str:
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
    return (
        f"the Government refused licence {refusal_id} for {goods} to {destination} {when(decided)} {under}: "
        f"it had recognised the risk before it approved {same}"
    )


def version_for(day: dt.date | None) -> CriteriaVersion | None:
    if day is None:
        return None
    try:
        return criteria_in_force(day)
    except LookupError:
        return None
