"""The charts a briefing draws: licences by quarter (with the documented abuses on the same axis) and by rating."""

from __future__ import annotations

import numpy as np
import pandas as pd

from advocate.draft.briefing.figures import (
    GRANTED,
    REFUSED,
    BriefingFigures,
    compute_figures,
)
from advocate.draft.evidence import Evidence
from advocate.errors import DraftError
from advocate.models.document import (
    Chart,
    ChartMarker,
    ChartSeries,
)
from advocate.models.licence import LicenceCount
from advocate.vocab.ratings import describe_rating

MAX_QUARTERS = 60
"""A timeline over more quarters than this is drawn by year."""


TOP_RATINGS = 8


def _quarter_index(days: pd.Series) -> np.ndarray:
    """Quarters since year 0 (year * 4 + quarter - 1) of a datetime column; -1 where missing."""
    known = days.notna().to_numpy()
    out = np.full(len(days), -1, dtype=np.int64)
    if known.any():
        stamps = days[known]
        out[known] = stamps.dt.year.to_numpy(dtype=np.int64) * 4 + (stamps.dt.month.to_numpy(dtype=np.int64) - 1) // 3
    return out


def _abuse_quarters(evidence: Evidence) -> tuple[np.ndarray, np.ndarray]:
    starts = pd.Series(pd.to_datetime([a.date.start for a in evidence.abuses]), dtype="datetime64[ns]")
    ends = pd.Series(pd.to_datetime([a.date.end for a in evidence.abuses]), dtype="datetime64[ns]")
    return _quarter_index(starts), _quarter_index(ends)


def licences_by_quarter(evidence: Evidence, figures: BriefingFigures | None = None) -> Chart:
    """Licences granted and refused by quarter of decision (by year over a long span), the documented abuses
    marked on the same axis: at one period where their date falls within it, across the periods it spans otherwise."""
    frame = evidence.licence_table.frame
    first_q, last_q = _quarter_index(frame["decision_start"]), _quarter_index(frame["decision_end"])
    abuse_first, abuse_last = _abuse_quarters(evidence)
    dated = (first_q >= 0) & (last_q >= 0)
    bounded = (abuse_first >= 0) & (abuse_last >= 0)
    known = np.concatenate([first_q[dated], last_q[dated], abuse_first[bounded], abuse_last[bounded]])
    if not len(known):
        raise DraftError("no licence or abuse has a date, so there is no timeline to draw")
    lo, hi = int(known.min()), int(known.max())
    by_year = hi - lo + 1 > MAX_QUARTERS

    def bucket(quarters: np.ndarray) -> np.ndarray:
        return quarters // 4 if by_year else quarters

    base = bucket(np.array([lo]))[0]
    size = int(bucket(np.array([hi]))[0] - base + 1)
    if by_year:
        categories = tuple(str(base + i) for i in range(size))
    else:
        categories = tuple(f"{(base + i) // 4} Q{(base + i) % 4 + 1}" for i in range(size))
    one = dated & (bucket(first_q) == bucket(last_q))
    outcome = frame["outcome"].astype(str).to_numpy()
    series = []
    weight = frame["count"].to_numpy(dtype=np.int64)
    for name, wanted in (("Granted", GRANTED), ("Refused", REFUSED)):
        chosen = one & np.isin(outcome, wanted)
        counts = np.bincount(bucket(first_q[chosen]) - base, weights=weight[chosen], minlength=size).astype(np.int64)
        series.append(ChartSeries(name, tuple(int(c) for c in counts)))
    a_first, a_last = bucket(abuse_first[bounded]) - base, bucket(abuse_last[bounded]) - base
    spans = pd.DataFrame({"first": a_first, "last": a_last}).value_counts(sort=False).sort_index()
    markers = tuple(ChartMarker(int(first), int(last), int(count)) for (first, last), count in spans.items())
    left_out = []
    if (~one).any():
        imprecise = LicenceCount(int(weight[~one].sum()), bool(frame["count_exact"].to_numpy(dtype=bool)[~one].all()))
        left_out.append(
            f"{imprecise.describe()} whose decision date the data gives "
            f"less precisely than the {'year' if by_year else 'quarter'}"
        )
    undated = int((~bounded).sum())
    if undated:
        left_out.append(f"{undated:,} abuse{'s' if undated != 1 else ''} with an open-ended date")
    note = ("Not shown: " + " and ".join(left_out) + ".") if left_out else ""
    inexact = dated & one & ~frame["count_exact"].to_numpy(dtype=bool)
    if inexact.any():
        note = (
            note + " " if note else ""
        ) + "A record standing for several licences of unknown number counts as the fewest it can be."
    unit = "year" if by_year else "quarter"
    return Chart(
        form="timeline",
        title=f"Licences by {unit} of decision, with the abuses documented",
        categories=categories,
        series=tuple(series),
        markers=markers,
        marker_name="Documented abuses",
        source="Source: the published licensing data and the sources of the abuses, listed at the end.",
        note=note,
    )


def _rating_label(rating: str) -> str:
    info = describe_rating(rating)
    if info is None or not info.description:
        return rating
    words = info.description.split(" (")[0].split(";")[0]
    if len(words) > 42:
        words = words[:40].rsplit(" ", 1)[0] + "…"
    return f"{rating} · {words}"


def licences_by_rating(evidence: Evidence, figures: BriefingFigures | None = None, top: int = TOP_RATINGS) -> Chart:
    """Licences by control-list rating: the ``top`` commonest, the rest together as 'Other'."""
    figures = figures or compute_figures(evidence)
    ratings = list(figures.ratings)
    if not ratings:
        raise DraftError("no licence has a control-list rating, so there is no chart of ratings to draw")
    shown, rest = ratings[:top], ratings[top:]
    marked = figures.surveillance_ratings
    categories = [_rating_label(name) + (" *" if name in marked else "") for name, _ in shown]
    values = [count for _, count in shown]
    if rest:
        categories.append(f"Other ({len(rest):,} rating{'s' if len(rest) != 1 else ''})")
        values.append(sum(count for _, count in rest))
    note = "A licence with several ratings counts under each."
    if any(name in marked for name, _ in shown):
        note = "* A rating that covers, or may cover, surveillance technology. " + note
    if figures.unrated:
        note += f" Not shown: {figures.unrated_count.describe()} with no rating published."
    return Chart(
        form="bar",
        title="Licences by control-list rating",
        categories=tuple(categories),
        series=(ChartSeries("Licences", tuple(values)),),
        source="Source: the published licensing data, listed at the end.",
        note=note,
    )


CHARTS = {"licences-by-quarter": licences_by_quarter, "licences-by-rating": licences_by_rating}
