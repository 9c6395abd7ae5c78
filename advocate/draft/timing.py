"""When an abuse happened and when it was first reported, against a licence decision, in a document's words.

"The risk was foreseeable when the licence was decided" needs a source **published**
before the decision. An abuse that occurred before the decision but was first reported
after it shows that the risk existed, and calls for review; an abuse after the decision
calls for review too. A letter says which, in words: "occurred in 2016; reported by
Motherboard in 2017, after the decision".

The first public report of an abuse is its earliest dated source a public document may
cite (a source ``cited_in`` another with no date of its own takes that other's date). A
source that the licence itself cites reported the decision, so it was published after it,
whatever its date says.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from advocate.models.period import Period, when
from advocate.models.records import Abuse, Source

RELATIONS = ("foreseeable", "reported-after", "concurrent", "unreported", "review")
"""What the dates support, strongest first: reported before the decision; occurred before it but reported after;
which came first cannot be told; occurred before it with no dated report; occurred after it."""


@dataclass(frozen=True)
class Report:
    """The first public report of an abuse: who published it and when."""

    source_id: str
    reporter: str
    date: Period


@dataclass(frozen=True)
class LinkTiming:
    """An abuse's dates against one licence decision."""

    relation: str
    occurred: Period
    decision: Period
    report: Report | None
    reported: str
    """The report against the decision: ``before``, ``after``, ``overlapping`` or ``unknown``."""

    @property
    def words(self) -> str:
        """'occurred in 2016; reported by Motherboard in 2017, after the decision'."""
        occurred = f"occurred {when(self.occurred)}"
        if self.report is None:
            return f"{occurred}; no dated public report of it has been found"
        by = f"reported by {self.report.reporter}" if self.report.reporter else "reported"
        reported = f"{by} {when(self.report.date)}"
        if self.report.date.text == self.occurred.text and self.report.date.precision == self.occurred.precision:
            occurred, reported = f"occurred and was {reported}", ""
        order = {"before": ", before the decision", "after": ", after the decision",
                 "overlapping": ", at about the time of the decision"}.get(self.reported, "")
        if not reported:
            return occurred + order
        return f"{occurred}; {reported}{order}"


def _reporter(source: Source) -> str:
    return source.publication or source.organisation or source.publisher or " and ".join(source.author) or ""


def publication_date(source_id: str, sources: Mapping[str, Source]) -> Period | None:
    """When a source was published, as far as the case file says (its own date, else that of the source it is
    cited in); ``None`` for a confidential or undated source."""
    seen: set[str] = set()
    current = sources.get(source_id)
    while current is not None and not current.confidential and current.id not in seen:
        if current.date is not None:
            return current.date
        seen.add(current.id)
        current = sources.get(current.cited_in) if current.cited_in else None
    return None


def first_report(abuse: Abuse, sources: Mapping[str, Source], decision: Period,
                 licence_sources: tuple[str, ...]) -> tuple[Report | None, str]:
    """The abuse's first public report and how it stands to ``decision`` (see :class:`LinkTiming`)."""
    best: tuple[int, object, Report] | None = None
    for citation in abuse.sources:
        date = publication_date(citation.id, sources)
        if date is None or (date.end and abuse.date.start and date.end < abuse.date.start):
            continue
        order = _order(date, decision)
        if citation.id in licence_sources and order != "before":
            order = "after"
        rank = ("before", "overlapping", "after").index(order)
        key = (rank, (date.end or date.start) if order == "before" else (date.start or date.end))
        report = Report(citation.id, _reporter(sources[citation.id]), date)
        if best is None or key < best[:2]:
            best = (*key, report)
    if best is None:
        return None, "unknown"
    return best[2], ("before", "overlapping", "after")[best[0]]


def _order(date: Period, decision: Period) -> str:
    if date.end and decision.start and date.end < decision.start:
        return "before"
    if date.start and decision.end and date.start > decision.end:
        return "after"
    return "overlapping"


def link_timing(abuse: Abuse, decision: Period, sources: Mapping[str, Source],
                licence_sources: tuple[str, ...] = ()) -> LinkTiming:
    """The timing of ``abuse`` against ``decision``."""
    occurred = _order(abuse.date, decision) if (abuse.date.start or abuse.date.end) else "unknown"
    report, reported = first_report(abuse, sources, decision, licence_sources)
    if occurred == "after":
        relation = "review"
    elif reported == "before":
        relation = "foreseeable"
    elif occurred == "before" and reported == "after":
        relation = "reported-after"
    elif occurred == "before" and reported == "unknown":
        relation = "unreported"
    else:
        relation = "concurrent"
    return LinkTiming(relation, abuse.date, decision, report, reported)
