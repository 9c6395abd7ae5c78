"""Checks of the records ``advocate import`` brings in: which await a person's review, and the dates of
the record kinds only imports write (indicators and transfers).

A record marked ``reviewed: false`` is valid evidence in the making: ``check`` says how many each file
holds (one line per file, however many), and documents leave them out until a person has marked them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from advocate.load.case_records import CaseRecords
from advocate.models.problem import Problems


def check_review(records: CaseRecords, problems: Problems) -> None:
    """One warning per file that holds records awaiting review."""
    waiting: Counter[str] = Counter()
    first_line: dict[str, int] = {}
    for loaded in records.by_kind().values():
        for record_id, model in loaded.models.items():
            if model.reviewed:
                continue
            origin = loaded.origins[record_id]
            waiting[origin.doc.label] += 1
            first_line.setdefault(origin.doc.label, origin.line("reviewed"))
    for label, count in waiting.items():
        problems.warning(
            "awaiting_review",
            label,
            f"{count} record{'s' * (count != 1)} await{'s' * (count == 1)} review (reviewed: false); "
            "documents leave them out",
            line=first_line[label],
            hint="check each against its source, then set reviewed: true",
        )


def check_optional_dates(records: CaseRecords, problems: Problems, today: dt.date) -> None:
    """Indicators and transfers may have no date; one they have cannot be in the future."""
    for loaded in (records.indicators, records.transfers):
        for record_id, model in loaded.models.items():
            if model.date is not None and model.date.start and model.date.start > today:
                origin = loaded.origins[record_id]
                problems.error(
                    "date_future",
                    origin.doc.label,
                    f"'{model.date.text}' is in the future (today is {today.isoformat()})",
                    line=origin.line("date"),
                    record=f"{loaded.kind} '{record_id}'",
                    field="date",
                )
