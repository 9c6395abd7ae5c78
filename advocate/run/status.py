"""What to do today: every request of one or several cases, where it stands and what is next, by urgency.

:func:`campaign_status` reads only what it needs (``case.yaml`` and
``requests.yaml``, no licence data), derives each request's history
(:mod:`advocate.law.foi_ladder`) and returns one :class:`StatusRow` per request:
its state, the next date that matters and whether it has passed, the next step
and the command that drafts its letter. Rows come most urgent first: a date
passed (longest ago first), then letters to write by their date (those with no
date as if due today), then dates to wait for (soonest first), then requests with
only waiting to do, then closed ones.
"""

from __future__ import annotations

import datetime as dt
import shlex
from dataclasses import dataclass
from pathlib import Path

from advocate.errors import CaseError
from advocate.law.aggregation import AggregationWarning, aggregation_warnings
from advocate.law.foi_ladder import History, Milestone, Step, history, next_step
from advocate.load.requests_file import read_requests
from advocate.load.yaml_file import read_yaml
from advocate.models.campaign import Campaign
from advocate.models.problem import Problems
from advocate.validate.requests import validate_requests

CLOSED = ("answered", "withdrawn", "appealed")


@dataclass(frozen=True)
class CaseCampaign:
    """One case's campaign as ``advocate status`` reads it: the folder as given, its reference and requests."""

    folder: str
    reference: str
    title: str
    campaign: Campaign
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusRow:
    """One request on a given day."""

    case: CaseCampaign
    history: History
    step: Step
    authority: str
    today: dt.date

    @property
    def request_id(self) -> str:
        return self.history.request.id

    @property
    def milestone(self) -> Milestone | None:
        return self.step.milestone

    @property
    def days(self) -> int | None:
        """Days from today to the next date (negative once it has passed)."""
        return (self.milestone.date - self.today).days if self.milestone else None

    @property
    def command(self) -> str:
        """The command that drafts the next letter, or '' when there is only waiting to do."""
        letter = self.step.letter
        if letter is None:
            return ""
        out = f"out/{self.request_id}-{letter.kind}"
        return shlex.join(
            ["advocate", "draft", letter.kind, self.case.folder, "--request", self.request_id, "--out", out]
        )

    @property
    def urgency(self) -> tuple:
        """Sort key: dates passed (longest ago first); then letters to write, by their date (today if none);
        then dates to wait for; then waiting with no date; then closed requests."""
        state = self.history.state
        tail = (self.case.folder, self.request_id)
        if state in CLOSED:
            return (4, 0) + tail
        milestone = self.milestone
        if milestone is not None and self.step.overdue:
            return (0, milestone.date.toordinal()) + tail
        if self.step.letter is not None:
            return (1, (milestone.date if milestone else self.today).toordinal()) + tail
        if milestone is not None:
            return (2, milestone.date.toordinal()) + tail
        return (3, 0) + tail


def read_case_campaign(folder: str | Path, *, today: dt.date) -> CaseCampaign:
    """A case's requests, checked, read without its licence data. Raises :class:`CaseError` listing every problem."""
    from pydantic import ValidationError

    from advocate.load.record_errors import record_problems
    from advocate.models.case import Case

    root = Path(folder)
    problems = Problems()
    case_path = root / "case.yaml"
    if not case_path.is_file():
        problems.error("file_missing", str(case_path), "no case.yaml here", hint="give the folder that holds case.yaml")
        problems.raise_if_errors()
    doc = read_yaml(case_path, str(case_path), problems)
    case = None
    if doc is not None:
        try:
            case = Case.model_validate(doc.data if doc.data is not None else {})
        except ValidationError as exc:
            record_problems(exc, Case, doc, problems)
    loaded = read_requests(root, case, lambda p: str(p), problems)
    validate_requests(loaded, doc, root, problems, today=today)
    problems.raise_if_errors()
    reference = (case.reference if case else "") or root.resolve().name
    warnings = tuple(w.message for w in aggregation_warnings(loaded.campaign, today))
    return CaseCampaign(str(folder), reference, case.title if case else "", loaded.campaign, warnings)


def status_rows(cases: list[CaseCampaign], today: dt.date) -> list[StatusRow]:
    """Every request of ``cases`` on ``today``, most urgent first."""
    rows = []
    for case in cases:
        for request in case.campaign.requests:
            h = history(request)
            authority = case.campaign.authority_of(request)
            rows.append(StatusRow(case, h, next_step(h, today), authority.name if authority else "", today))
    return sorted(rows, key=lambda row: row.urgency)


def campaign_status(folders: list[str | Path], *, today: dt.date) -> tuple[list[StatusRow], list[CaseCampaign]]:
    """The status rows of the cases in ``folders`` (most urgent first), and the cases as read.

    Raises :class:`CaseError` for the first case whose requests have errors.
    """
    cases = [read_case_campaign(folder, today=today) for folder in folders]
    return status_rows(cases, today), cases


__all__ = ["AggregationWarning", "CaseCampaign", "CaseError", "StatusRow", "campaign_status", "status_rows"]
