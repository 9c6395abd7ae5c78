"""Indicators as templates print them: a monitoring body's latest rating of each of the case's countries.

An indicator is context, never an abuse: "Freedom House rates Turkey Not Free (32 out of 100), 2023
edition". ``cite(indicator)`` footnotes it with the rating's source, pinpointed to the country's entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from advocate.draft.evidence import Evidence
from advocate.models.records import Indicator


@dataclass(frozen=True)
class IndicatorView:
    """One rating, with the sentence a document prints (without a closing full stop)."""

    record: Indicator
    id: str
    country: str
    publisher: str
    series: str
    edition: str
    measure: str
    rating: str
    score: float | None
    scale: str

    @property
    def score_text(self) -> str:
        """'32 out of 100', or empty when the publisher gives no score."""
        if self.score is None:
            return ""
        number = f"{self.score:g}"
        return f"{number} {self.scale}".strip()

    @property
    def statement(self) -> str:
        """'Freedom House rates Turkey Not Free (32 out of 100), 2023 edition';
        'CIVICUS Monitor rates civic space in Turkey as Repressed, 2023 edition'."""
        subject = f"{self.measure} in {self.country} as" if self.measure else self.country
        score = f" ({self.score_text})" if self.score_text else ""
        return f"{self.publisher} rates {subject} {self.rating}{score}, {self.edition} edition"


def _edition_year(indicator: Indicator) -> int:
    found = re.search(r"\d{4}", indicator.edition)
    if found:
        return int(found.group())
    return indicator.date.sort_key.year if indicator.date is not None else 0


def indicator_view(indicator: Indicator) -> IndicatorView:
    return IndicatorView(
        record=indicator,
        id=indicator.id,
        country=indicator.country.name,
        publisher=indicator.publisher,
        series=indicator.series,
        edition=indicator.edition,
        measure=indicator.measure,
        rating=indicator.rating,
        score=indicator.score,
        scale=indicator.scale,
    )


def latest_indicators(evidence: Evidence) -> list[IndicatorView]:
    """The latest edition of each rating of each of the case's countries that the document may print,
    by country (in the case's order), then publisher."""
    codes = list(evidence.case_file.case.country_codes)
    latest: dict[tuple, Indicator] = {}
    for indicator in evidence.indicators:
        if indicator.country.code not in codes:
            continue
        series = (indicator.country.code, indicator.publisher, indicator.series, indicator.measure)
        current = latest.get(series)
        if current is None or _edition_year(indicator) > _edition_year(current):
            latest[series] = indicator
    ordered = sorted(latest.items(), key=lambda item: (codes.index(item[0][0]), item[0][1], item[0][2], item[0][3]))
    return [indicator_view(indicator) for _, indicator in ordered]
