"""When an abuse happened and when it was first reported, against a licence decision, in a document's words.

One rule decides what the dates support: the link engine's (:mod:`advocate.link.relations`).
Each :class:`~advocate.link.Link` carries the period the abuse occurred in, its first public
report (the source, who published it and when) and the ``relation`` the two support:
``foreseeable`` (reported before the decision), ``reported-after`` (occurred before it, first
reported after), ``concurrent``, ``unreported`` (occurred before, no dated public report) or
``review`` (occurred after). This module only words those fields for a document: "occurred in
2016; reported by Motherboard in 2017, after the decision".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from advocate.models.period import Period, when

RELATIONS = ("foreseeable", "reported-after", "concurrent", "unreported", "review")
"""What the dates support, strongest first (defined in :data:`advocate.link.RELATIONS`)."""


@dataclass(frozen=True)
class Report:
    """The first public report of an abuse: which source, who published it, and when."""

    source_id: str
    reporter: str
    """'Motherboard'; or a title when the source names no publisher (``by_name`` False)."""
    date: Period
    by_name: bool = True


@dataclass(frozen=True)
class LinkTiming:
    """An abuse's dates against one licence decision, as the link gives them."""

    relation: str
    occurred: Period
    decision: Period
    report: Report | None
    reported: str
    """The report against the decision: ``before``, ``after``, ``overlapping`` or ``unknown``."""

    @property
    def words(self) -> str:
        """'occurred in 2016; reported by Motherboard in 2017, after the decision'."""
        occurred = f"occurred {when(self.occurred)}" if self.occurred.text else "occurred on a date not known"
        if self.report is None:
            return f"{occurred}; no dated public report of it has been found"
        if self.report.by_name:
            by = f"reported by {self.report.reporter}" if self.report.reporter else "reported"
        else:
            by = f"reported in ‘{self.report.reporter}’" if self.report.reporter else "reported"
        reported = f"{by} {when(self.report.date)}"
        if self.report.date.text == self.occurred.text and self.report.date.precision == self.occurred.precision:
            occurred, reported = f"occurred and was {reported}", ""
        order = {
            "before": ", before the decision",
            "after": ", after the decision",
            "overlapping": ", at about the time of the decision",
        }.get(self.reported, "")
        if not reported:
            return occurred + order
        return f"{occurred}; {reported}{order}"


def _period(text: str) -> Period | None:
    try:
        return Period.parse(text) if text else None
    except ValueError:
        return None


def link_timing(link, sources: Mapping, *, occurred: Period, decision: Period) -> LinkTiming:
    """The timing of ``link``: its ``relation``, ``reported``, ``reported_by``, ``reported_date`` and ``reporter``,
    the abuse's period ``occurred`` and the licence's ``decision``; ``sources`` say whether the reporter is a
    publisher's name or a title."""
    report = None
    day = _period(link.reported_date)
    if link.reported_by and day is not None:
        source = sources.get(link.reported_by)
        by_name = source is None or bool(source.publication or source.organisation or source.publisher or source.author)
        report = Report(link.reported_by, link.reporter, day, by_name)
    return LinkTiming(link.relation, occurred, decision, report, link.reported if report is not None else "unknown")
