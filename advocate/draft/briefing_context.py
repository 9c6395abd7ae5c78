"""What a parliamentary briefing (and its suggested questions) adds to a template's context.

The figures come from the data of the licences the document may print (in a
public document, never a confidential one) and are computed on whole columns of
the licence table, so a briefing on 20,000 licences costs milliseconds here:

- ``figures`` — :class:`BriefingFigures`: licences, outcomes, total value where
  known (and how many have none), destinations, ratings, the span of decision
  dates, documented abuses and their categories, records withheld;
- ``key_figures`` — the :class:`~advocate.document.tree.Figure` tiles a briefing
  opens with; ``figures_json(items)`` writes any list of them as the body of a
  ```` ```figures ```` block;
- ``chart_json(name)`` — the body of a ```` ```chart ```` block:
  ``licences-by-quarter`` (issued and refused by quarter, or by year over a long
  span, with the documented abuses marked on the same axis) or
  ``licences-by-rating`` (the commonest control-list ratings, the rest as
  'Other');
- ``key_licences(links, n)`` — the licences a reader should see first: the most
  strongly linked to documented abuses, then the most valuable;
- ``link_summary(links)`` — :class:`LinkSummary`: the links counted by relation
  and criterion, and the strongest few; ``abuses_to_show(links, n)`` the
  documented abuses to print (linked first); ``data_sources`` the ids of the
  sources the licence data come from (to cite once for a table or a chart);
- ``minister`` — whom written questions are put to ("Secretary of State for
  Business and Trade"), from ``public_body.decision_maker``;
- ``bibliography()`` — every source the document has cited so far, as OSCOLA
  bibliography entries in alphabetical order (numbers in titles by value) (call it last, for the numbered
  list of sources);
- ``when(period)`` — "on 6 March 2015", "in the first quarter of 2017";
  ``goods(licence)`` — what a licence was for, as far as the data says;
- ``number(n)`` — "1,939";
- ``money_short(value)`` — "£3.4 million", "£950,000" for a figure tile.

The JSON these write is marked safe (not Markdown-escaped): it is the body of
a fenced block, read back by :mod:`advocate.document.fenced`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np
import pandas as pd
from markupsafe import Markup

from advocate.citations.oscola import bibliography_entry
from advocate.document.fenced import chart_data, figures_data, to_json
from advocate.document.tree import Chart, ChartMarker, ChartSeries, Figure, KeyFigures, plain_text
from advocate.draft.errors import DraftError
from advocate.draft.records import Evidence, LicenceView, money
from advocate.link import RELATIONS, LinkList
from advocate.vocab.abuse_categories import abuse_categories
from advocate.vocab.ratings import describe_rating

REFUSED = ("refused", "rejected")
GRANTED = ("issued", "revoked", "suspended")
"""Outcomes of a licence that was granted (a revoked or suspended licence was granted first)."""
MAX_QUARTERS = 60
"""A timeline over more quarters than this is drawn by year."""
TOP_RATINGS = 8
DEFAULT_MINISTER = "Secretary of State for Business and Trade"
"""Who answers for export licensing (the Export Control Act 2002 powers) when the case names no decision maker."""


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

    @property
    def total_value_text(self) -> str:
        return money(self.total_value) if self.valued else ""


def _counts(series: pd.Series) -> tuple[tuple[str, int], ...]:
    counts = series.value_counts(sort=False)
    ordered = sorted(counts.items(), key=lambda item: (-int(item[1]), str(item[0])))
    return tuple((str(name), int(count)) for name, count in ordered)


def _day(value) -> dt.date | None:
    return None if pd.isna(value) else pd.Timestamp(value).date()


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
    labels = pd.Series([categories[c].label if c in categories else c for abuse in evidence.abuses for c in abuse.categories],
                       dtype=object)
    return BriefingFigures(
        licences=len(frame),
        granted=granted,
        refused=refused,
        revoked=revoked,
        other_outcomes=len(frame) - granted - refused,
        total_value=float(values[known].sum()),
        valued=int(known.sum()),
        unvalued=int((~known).sum()),
        destinations=_counts(frame["destination"].astype(str)),
        ratings=_counts(per_licence["rating"].astype(str)) if len(per_licence) else (),
        unrated=len(frame) - (per_licence["licence"].nunique() if len(per_licence) else 0),
        first_decision=_day(starts.min()) if len(starts) else _day(ends.min()) if len(ends) else None,
        last_decision=_day(ends.max()) if len(ends) else _day(starts.max()) if len(starts) else None,
        abuses=len(evidence.abuses),
        abuse_categories=_counts(labels),
        withheld=evidence.withheld_total,
    )


# -- key figures -----------------------------------------------------------------------


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
    """The figures a briefing opens with (four to six tiles)."""
    tiles = [Figure(f"{figures.licences:,}", "export licences" if figures.licences != 1 else "export licence",
                    f"decided {_span(figures)}" if _span(figures) else "")]
    if figures.valued:
        note = f"{figures.unvalued:,} more with no value published" if figures.unvalued else "every licence valued"
        tiles.append(Figure(money_short(figures.total_value), "value where published", note))
    destinations = [name for name, _ in figures.destinations]
    tiles.append(Figure(f"{len(destinations):,}", "destination" if len(destinations) == 1 else "destinations",
                        destinations[0] if len(destinations) == 1 else f"most often {destinations[0]}" if destinations else ""))
    if figures.ratings:
        top = figures.ratings[0][0]
        tiles.append(Figure(f"{len(figures.ratings):,}", "control-list rating" if len(figures.ratings) == 1 else "control-list ratings",
                            f"most often {top}"))
    tiles.append(Figure(f"{figures.refused:,}", "refused" if figures.refused == 1 else "refusals",
                        f"{figures.revoked:,} revoked" if figures.revoked else "none revoked"))
    tiles.append(Figure(f"{figures.abuses:,}", "documented abuse" if figures.abuses == 1 else "documented abuses",
                        f"{figures.withheld:,} confidential records withheld" if figures.withheld else ""))
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


# -- charts ------------------------------------------------------------------------------


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
    step = 4 if by_year else 1

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
    for name, wanted in (("Granted", GRANTED), ("Refused", REFUSED)):
        chosen = one & np.isin(outcome, wanted)
        counts = np.bincount(bucket(first_q[chosen]) - base, minlength=size)
        series.append(ChartSeries(name, tuple(int(c) for c in counts)))
    a_first, a_last = bucket(abuse_first[bounded]) - base, bucket(abuse_last[bounded]) - base
    spans = pd.DataFrame({"first": a_first, "last": a_last}).value_counts(sort=False).sort_index()
    markers = tuple(ChartMarker(int(first), int(last), int(count)) for (first, last), count in spans.items())
    left_out = []
    imprecise = int((~one).sum())
    if imprecise:
        left_out.append(f"{imprecise:,} licence{'s' if imprecise != 1 else ''} whose decision date the data gives "
                        f"less precisely than the {'year' if by_year else 'quarter'}")
    undated = int((~bounded).sum())
    if undated:
        left_out.append(f"{undated:,} abuse{'s' if undated != 1 else ''} with an open-ended date")
    note = ("Not shown: " + " and ".join(left_out) + ".") if left_out else ""
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
    categories = [_rating_label(name) for name, _ in shown]
    values = [count for _, count in shown]
    if rest:
        categories.append(f"Other ({len(rest):,} rating{'s' if len(rest) != 1 else ''})")
        values.append(sum(count for _, count in rest))
    note = "A licence with several ratings counts under each."
    if figures.unrated:
        note += f" {figures.unrated:,} licence{'s' if figures.unrated != 1 else ''} with no rating published not shown."
    return Chart(form="bar", title="Licences by control-list rating", categories=tuple(categories),
                 series=(ChartSeries("Licences", tuple(values)),),
                 source="Source: the published licensing data, listed at the end.", note=note)


CHARTS = {"licences-by-quarter": licences_by_quarter, "licences-by-rating": licences_by_rating}


# -- the licences to show first ---------------------------------------------------------


def key_licences(evidence: Evidence, links, n: int = 8) -> list[LicenceView]:
    """The ``n`` licences a reader should see first: those linked to documented abuses, strongest link first,
    then the most valuable, then the most recent."""
    linked = _link_columns(links, ("licence_id", "score"))
    best = pd.Series(linked["score"], dtype=float).groupby(pd.Series(linked["licence_id"], dtype=object)).max().to_dict()
    frame = evidence.licence_table.frame
    order = pd.DataFrame({
        "id": frame["id"].astype(str),
        "linked": frame["id"].map(best).fillna(-1.0).to_numpy(dtype=float),
        "value": frame["value"].fillna(-1.0).to_numpy(dtype=float),
        "decided": frame["decision_end"].fillna(frame["decision_start"]),
    }).sort_values(["linked", "value", "decided", "id"], ascending=[False, False, False, True], kind="stable")
    wanted = list(order["id"].head(n))
    views = {licence.id: licence for licence in evidence.licences}
    chosen = [views[licence_id] for licence_id in wanted]
    for licence in chosen:
        evidence.used["licences"].add(licence.id)
    return chosen


# -- what the links say, in numbers ---------------------------------------------------


@dataclass(frozen=True)
class LinkSummary:
    """The links of a briefing's licences counted: how many, how related, which criteria; the strongest few."""

    links: int
    licences: int
    abuses: int
    foreseeable: int
    """Links where the abuse was documented before the decision (the risk was foreseeable)."""
    concurrent: int
    review: int
    """Links where the abuse came after the decision (the licence calls for review)."""
    licences_foreseeable: int
    licences_concurrent: int
    licences_known: int
    """Licences decided when a linked abuse had been documented before or during the decision's period."""
    licences_review: int
    by_criterion: tuple[tuple[str, str, int, int], ...]
    """(criteria version id, criterion number, links, licences), most links first."""
    strongest: tuple
    """The strongest link of each of the most strongly linked licences (at most five), strongest first."""
    abuse_ids: tuple[str, ...]
    """The linked abuses, each once, strongest link first."""
    by_relation: tuple[tuple[str, int, int], ...] = ()
    """(relation, links, licences) for every value of :data:`advocate.link.RELATIONS`, in its order (zeros included):
    the counts a template words, ``reported-after`` and ``unreported`` among them."""


def link_summary(links, strongest: int = 5) -> LinkSummary:
    """Count ``links`` (in any order; ties are broken by id, so the result does not depend on it).

    On whole columns (a briefing's links number hundreds of thousands): one pass over the links
    gathers their fields, and pandas counts and ranks them.
    """
    links = links if isinstance(links, Sequence) else list(links)
    columns = _link_columns(links, ("licence_id", "abuse_id", "score", "relation", "criteria_version", "criteria"))
    criteria = columns.pop("criteria")
    frame = pd.DataFrame(columns)
    if not len(frame):
        return LinkSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (), (), (), tuple((relation, 0, 0) for relation in RELATIONS))
    relations = frame["relation"].value_counts()
    licences_of = {relation: frame.loc[frame["relation"] == relation, "licence_id"] for relation in ("foreseeable", "concurrent", "review")}
    best = frame.assign(position=np.arange(len(frame))).sort_values(["licence_id", "score", "abuse_id"], ascending=[True, False, True],
                                                                    kind="stable").drop_duplicates("licence_id")
    best = best.sort_values(["score", "licence_id", "abuse_id"], ascending=[False, True, True], kind="stable").head(strongest)
    abuses = frame.groupby("abuse_id", sort=False)["score"].max().reset_index()
    abuses = abuses.sort_values(["score", "abuse_id"], ascending=[False, True], kind="stable")
    return LinkSummary(
        links=len(frame), licences=int(frame["licence_id"].nunique()), abuses=len(abuses),
        foreseeable=int(relations.get("foreseeable", 0)), concurrent=int(relations.get("concurrent", 0)),
        review=int(relations.get("review", 0)),
        licences_foreseeable=int(licences_of["foreseeable"].nunique()), licences_concurrent=int(licences_of["concurrent"].nunique()),
        licences_known=int(pd.concat([licences_of["foreseeable"], licences_of["concurrent"]]).nunique()),
        licences_review=int(licences_of["review"].nunique()),
        by_criterion=_by_criterion(frame, list(criteria)),
        strongest=tuple(links[i] for i in best["position"]), abuse_ids=tuple(abuses["abuse_id"]),
        by_relation=tuple((relation, int(relations.get(relation, 0)),
                           int(frame.loc[frame["relation"] == relation, "licence_id"].nunique())) for relation in RELATIONS),
    )


def _link_columns(links, names) -> dict:
    """Fields of ``links`` as columns: read from the link table where ``links`` is a
    :class:`~advocate.link.LinkList` (no link is made), else from each link."""
    if isinstance(links, LinkList):
        return links.columns(names)
    return {name: list(map(attrgetter(name), links)) for name in names}


def _by_criterion(frame: pd.DataFrame, criteria: list) -> tuple[tuple[str, str, int, int], ...]:
    """(criteria version id, criterion number, links, licences), most links first: the links grouped by their
    (version, criteria) first, so that Python runs once per distinct group, not once per link."""
    codes, groups = pd.factorize(pd.Series(list(zip(frame["criteria_version"], criteria)), dtype=object))
    numbers = pd.DataFrame([(code, version, number) for code, (version, engaged) in enumerate(groups) for number in engaged],
                           columns=["code", "version", "number"])
    if not len(numbers):
        return ()
    links = pd.Series(np.bincount(codes, minlength=len(groups))).rename("links")
    pairs = pd.DataFrame({"code": codes, "licence": frame["licence_id"].to_numpy()}).drop_duplicates()
    counted = numbers.join(links, on="code").groupby(["version", "number"])["links"].sum()
    licences = numbers.merge(pairs, on="code").groupby(["version", "number"])["licence"].nunique()
    rows = [(str(version), str(number), int(counted[(version, number)]), int(licences[(version, number)]))
            for version, number in counted.index]
    return tuple(sorted(rows, key=lambda row: (-row[2], row[0], row[1])))


def abuses_to_show(evidence: Evidence, links, n: int = 10, summary: LinkSummary | None = None) -> list:
    """The ``n`` documented abuses a reader should see: those linked to the licences, strongest link first, then
    the most recent of the rest; in date order. ``summary``: the links' :func:`link_summary`, if already made."""
    printable = {abuse.id: abuse for abuse in evidence.abuses}
    chosen: dict[str, None] = {}
    for abuse_id in (summary or link_summary(links)).abuse_ids:
        if abuse_id in printable:
            chosen[abuse_id] = None
            if len(chosen) >= n:
                break
    if len(chosen) < n:
        rest = sorted((a for a in evidence.abuses if a.id not in chosen),
                      key=lambda a: (a.date.end or a.date.start or dt.date.min, a.id), reverse=True)
        for abuse in rest[: n - len(chosen)]:
            chosen[abuse.id] = None
    shown = [printable[abuse_id] for abuse_id in chosen]
    return sorted(shown, key=lambda a: (a.date.start or a.date.end or dt.date.min, a.id))


def data_sources(evidence: Evidence) -> list[str]:
    """The ids of the sources the selected licences' data come from, each once, in first-seen order."""
    column = evidence.licence_table.frame["sources"].fillna("").astype(str)
    seen: dict[str, None] = {}
    for cell in column.unique():
        for source_id in cell.split():
            seen.setdefault(source_id, None)
    return list(seen)


# -- words for a licence ---------------------------------------------------------------


def when(period) -> str:
    """A decision or event date as a clause: 'on 6 March 2015', 'in the first quarter of 2017', 'in 2016',
    'on or before 31 March 2017', 'between 1 April and ...'."""
    described = period.describe()
    if period.precision in ("month", "quarter", "year"):
        return f"in {described}"
    if period.precision == "day":
        return f"on {described}"
    return described


def goods(licence: LicenceView) -> str:
    """What a licence was for, as far as the data says: its goods summary, else its ratings, else the technology
    asserted for it, else 'the goods'."""
    if licence.goods_summary:
        return licence.goods_summary
    if licence.ratings_text:
        return f"goods rated {licence.ratings_text}"
    if licence.technology:
        return ", ".join(licence.technology)
    return "the goods"


# -- whom questions are put to ---------------------------------------------------------


def minister(evidence: Evidence) -> str:
    """The Secretary of State written questions are addressed to: the case's decision maker if it names one,
    else the one for the department named ('Department for X' → 'Secretary of State for X'), else Business and Trade."""
    body = evidence.case_file.case.public_body
    maker = (body.decision_maker or "").strip()
    if maker.lower().startswith("secretary of state"):
        return "Secretary of State" + maker[len("secretary of state"):]
    name = (body.name or "").strip()
    if name.lower().startswith("department for "):
        return "Secretary of State for " + name[len("department for "):]
    return DEFAULT_MINISTER


# -- sources ---------------------------------------------------------------------------


def bibliography(evidence: Evidence) -> list[Markup]:
    """Every source cited so far (public only), as OSCOLA bibliography entries in Markdown, alphabetical."""
    from advocate.render.markdown import MarkdownRenderer

    renderer = MarkdownRenderer()
    citable = evidence.citable_sources()
    entries = []
    for source_id in evidence.used["sources"]:
        source = citable.get(source_id)
        if source is None:
            continue
        nodes = bibliography_entry(source)
        entries.append((_natural(plain_text(nodes)), source_id, Markup(renderer.inline(nodes))))
    return [entry for _, _, entry in sorted(entries)]


def _natural(text: str) -> tuple:
    """A sort key putting 'Report 2' before 'Report 10', case ignored."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"(\d+)", text.casefold()) if part)


def briefing_context(evidence: Evidence, date: dt.date) -> dict:
    """The names a briefing or questions template gets besides the common ones (see the module docstring)."""
    figures = compute_figures(evidence)
    charts: dict[str, Chart] = {}

    def chart(name: str) -> Chart:
        if name not in CHARTS:
            raise DraftError(f"there is no chart '{name}'; charts: {', '.join(CHARTS)}")
        if name not in charts:
            charts[name] = CHARTS[name](evidence, figures)
        return charts[name]

    summaries: dict[tuple[int, int], tuple] = {}

    def summary_of(links, strongest: int = 5) -> LinkSummary:
        """:func:`link_summary`, made once per list of links in a draft (templates ask for it more than once)."""
        key = (id(links), strongest)
        if key not in summaries or summaries[key][0] is not links:
            summaries[key] = (links, link_summary(links, strongest))
        return summaries[key][1]

    def chart_json(name: str, title: str = "") -> Markup:
        drawn = chart(name)
        data = chart_data(drawn)
        if title:
            data["title"] = str(title)
        return Markup(to_json(data))

    return {
        "figures": figures,
        "key_figures": key_figures(figures),
        "figures_json": figures_json,
        "chart": chart,
        "chart_json": chart_json,
        "key_licences": lambda links, n=8: key_licences(evidence, links, n),
        "link_summary": summary_of,
        "abuses_to_show": lambda links, n=10: abuses_to_show(evidence, links, n, summary_of(links)),
        "data_sources": data_sources(evidence),
        "minister": minister(evidence),
        "bibliography": lambda: bibliography(evidence),
        "money_short": money_short,
        "number": lambda value: f"{int(value):,}",
        "when": when,
        "goods": goods,
    }
