"""The numbers a briefing states, computed on whole columns of the licence table it may print,
and the figure tiles it opens with."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
from markupsafe import Markup

from advocate.draft.evidence import Evidence, money
from advocate.errors import DraftError
from advocate.models.document import (
    Figure,
    KeyFigures,
)
from advocate.models.fenced import figures_data, to_json
from advocate.models.licence import LicenceCount
from advocate.models.licence_table import timestamp_day
from advocate.vocab.abuse_categories import abuse_categories
from advocate.vocab.technology import lineage, tags_for_rating


def is_surveillance_rating(rating: str) -> bool:
    """Whether a rating covers, or may cover, surveillance technology (by the shipped ratings table)."""
    certain, possible = tags_for_rating(rating)
    return any("surveillance" in lineage(tag) for tag in (*certain, *possible))


REFUSED = ("refused", "rejected")


GRANTED = ("issued", "revoked", "suspended")
"""Outcomes of a licence that was granted (a revoked or suspended licence was granted first)."""


@dataclass(frozen=True)
class BriefingFigures:
    """The numbers a briefing states, computed from the data it may print."""

    licences: int
    granted: int
    refused: int
    revoked: int
    other_outcomes: int
    total_value: float
    valued: int
    unvalued: int
    destinations: tuple[tuple[str, int], ...]
    """(destination, licences), commonest first."""
    ratings: tuple[tuple[str, int], ...]
    """(rating, licences with it), commonest first."""
    unrated: int
    first_decision: dt.date | None
    last_decision: dt.date | None
    abuses: int
    abuse_categories: tuple[tuple[str, int], ...]
    """(category label, abuses in it), commonest first."""
    withheld: int
    surveillance_ratings: frozenset = frozenset()
    """The ratings held that cover, or may cover, surveillance technology (5A001 may be 5A001.f)."""
    value_surveillance_only: float = 0.0
    """The published value of licences every rating of which is a surveillance rating."""
    value_with_other_goods: float = 0.0
    """The published value of licences with a surveillance rating and other goods too (not separable: the data
    gives one value per licence)."""
    other_ratings: tuple[str, ...] = ()
    """The other ratings on those licences (3B001 semiconductor equipment beside 5A001)."""
    unrated_value: float = 0.0
    """The published value of licences with no rating, or none of surveillance."""
    count: LicenceCount = LicenceCount(0)
    """How many licences the records stand for: ``licences`` counts records, and a record for several licences
    of unknown number makes this "at least"."""
    granted_count: LicenceCount = LicenceCount(0)
    refused_count: LicenceCount = LicenceCount(0)
    revoked_count: LicenceCount = LicenceCount(0)
    unvalued_count: LicenceCount = LicenceCount(0)
    unrated_count: LicenceCount = LicenceCount(0)

    @property
    def total_value_text(self) -> str:
        return money(self.total_value) if self.valued else ""


def _count(frame: pd.DataFrame, mask) -> LicenceCount:
    """How many licences the records where ``mask`` is true stand for."""
    chosen = frame[np.asarray(mask, dtype=bool)]
    return LicenceCount(int(chosen["count"].sum()), bool(chosen["count_exact"].all()))


def _counts(series: pd.Series, weights: pd.Series | None = None) -> tuple[tuple[str, int], ...]:
    counts = series.value_counts(sort=False) if weights is None else weights.groupby(series.to_numpy()).sum()
    ordered = sorted(counts.items(), key=lambda item: (-int(item[1]), str(item[0])))
    return tuple((str(name), int(count)) for name, count in ordered)


def compute_figures(evidence: Evidence) -> BriefingFigures:
    """The briefing's figures from ``evidence`` (its selected, printable licences and abuses)."""
    table = evidence.licence_table
    frame = table.frame
    outcome = frame["outcome"].astype(str)
    values = frame["value"].to_numpy(dtype=float)
    known = ~np.isnan(values)
    granted = int(outcome.isin(GRANTED).sum())
    refused = int(outcome.isin(REFUSED).sum())
    revoked = int((outcome == "revoked").sum())
    ratings = table.ratings
    per_licence = ratings.drop_duplicates(["licence", "rating"]) if len(ratings) else ratings
    starts = frame["decision_start"].dropna()
    ends = frame["decision_end"].dropna()
    categories = abuse_categories()
    labels = pd.Series(
        [categories[c].label if c in categories else c for abuse in evidence.abuses for c in abuse.categories],
        dtype=object,
    )
    surveillance = frozenset(
        r for r in (per_licence["rating"].astype(str).unique() if len(per_licence) else ()) if is_surveillance_rating(r)
    )
    only = mixed = other = 0.0
    others: dict[str, None] = {}
    rated: set[int] = set()
    if len(per_licence):
        # on columns: a national briefing has a hundred thousand rated licences
        flagged = per_licence.assign(s=per_licence["rating"].astype(str).isin(surveillance))
        by_licence = flagged.groupby("licence")["s"].agg(["any", "all"])
        rows = by_licence.index.to_numpy(dtype=np.int64)
        rated = set(rows.tolist())
        licence_values = values[rows]
        valued = ~np.isnan(licence_values)
        every = by_licence["all"].to_numpy(dtype=bool)
        has = by_licence["any"].to_numpy(dtype=bool)
        only = float(licence_values[valued & every].sum())
        mixed = float(licence_values[valued & has & ~every].sum())
        other = float(licence_values[valued & ~has].sum())
        mixed_rows = rows[valued & has & ~every]
        others = dict.fromkeys(flagged.loc[flagged["licence"].isin(mixed_rows) & ~flagged["s"], "rating"].astype(str))
    unrated_mask = ~np.isin(np.arange(len(frame)), np.fromiter(rated, dtype=np.int64, count=len(rated)))
    other += float(values[unrated_mask & known].sum())
    weight = frame["count"].astype(int).reset_index(drop=True)
    return BriefingFigures(
        count=_count(frame, np.ones(len(frame), dtype=bool)),
        granted_count=_count(frame, outcome.isin(GRANTED).to_numpy()),
        refused_count=_count(frame, outcome.isin(REFUSED).to_numpy()),
        revoked_count=_count(frame, (outcome == "revoked").to_numpy()),
        unvalued_count=_count(frame, ~known),
        unrated_count=_count(frame, unrated_mask),
        surveillance_ratings=surveillance,
        value_surveillance_only=only,
        value_with_other_goods=mixed,
        other_ratings=tuple(sorted(others)),
        unrated_value=other,
        licences=len(frame),
        granted=granted,
        refused=refused,
        revoked=revoked,
        other_outcomes=len(frame) - granted - refused,
        total_value=float(values[known].sum()),
        valued=int(known.sum()),
        unvalued=int((~known).sum()),
        destinations=_counts(frame["destination"].astype(str)),
        ratings=(
            _counts(
                per_licence["rating"].astype(str).reset_index(drop=True),
                weight.iloc[per_licence["licence"].to_numpy()].reset_index(drop=True),
            )
            if len(per_licence)
            else ()
        ),
        unrated=len(frame) - (per_licence["licence"].nunique() if len(per_licence) else 0),
        first_decision=timestamp_day(starts.min()) if len(starts) else timestamp_day(ends.min()) if len(ends) else None,
        last_decision=timestamp_day(ends.max()) if len(ends) else timestamp_day(starts.max()) if len(starts) else None,
        abuses=len(evidence.abuses),
        abuse_categories=_counts(labels),
        withheld=evidence.withheld_total,
    )


def money_short(value: float | None) -> str:
    """A sum as a figure tile prints it: '£950,000', '£3.4 million', '£1.2 billion'."""
    if value is None:
        return ""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"£{value / size:,.1f} {word}".replace(".0 ", " ")
    return money(round(value))


def _span(figures: BriefingFigures) -> str:
    first, last = figures.first_decision, figures.last_decision
    if not first or not last:
        return ""
    return str(first.year) if first.year == last.year else f"{first.year} to {last.year}"


def key_figures(figures: BriefingFigures) -> list[Figure]:
    """The figures a briefing opens with (four to six tiles), each counting licences, never records."""
    many = figures.count.minimum != 1 or not figures.count.exact
    tiles = [
        Figure(
            str(figures.count),
            "export licences" if many else "export licence",
            f"decided {_span(figures)}" if _span(figures) else "",
        )
    ]
    if figures.valued:
        note = f"{figures.unvalued_count} more with no value published" if figures.unvalued else "every licence valued"
        tiles.append(Figure(money_short(figures.total_value), "value where published", note))
    if figures.value_with_other_goods and figures.value_surveillance_only:
        tiles.append(
            Figure(
                money_short(figures.value_surveillance_only),
                "surveillance technology alone",
                "on licences with no other goods",
            )
        )
    destinations = [name for name, _ in figures.destinations]
    if len(destinations) > 1:
        tiles.append(Figure(f"{len(destinations):,}", "destinations", f"most often {destinations[0]}"))
    if figures.ratings:
        top, held = figures.ratings[0]
        tiles.append(Figure(top, "commonest rating", f"on {held:,} of {figures.count} licences"))
    tiles.append(
        Figure(
            str(figures.refused_count),
            "refused" if figures.refused == 1 else "refusals",
            f"{figures.revoked_count} revoked" if figures.revoked else "none revoked",
        )
    )
    tiles.append(
        Figure(
            f"{figures.abuses:,}",
            "documented abuse" if figures.abuses == 1 else "documented abuses",
            f"{figures.withheld:,} confidential records withheld" if figures.withheld else "",
        )
    )
    return tiles


def figures_json(items) -> Markup:
    """The body of a ```` ```figures ```` block: ``items`` are Figures or mappings with value, label, note."""
    figures = []
    for item in items:
        if isinstance(item, Figure):
            figures.append(item)
        elif isinstance(item, dict):
            figures.append(Figure(str(item.get("value", "")), str(item.get("label", "")), str(item.get("note", ""))))
        else:
            raise DraftError(f"figures_json needs figures (value, label, note), not {type(item).__name__}")
    return Markup(to_json(figures_data(KeyFigures(tuple(figures)))))
