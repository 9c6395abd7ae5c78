"""What a parliamentary briefing (and its suggested questions) adds to a template's context.

The figures come from the data of the licences the document may print (in a
public document, never a confidential one) and are computed on whole columns of
the licence table, so a briefing on 20,000 licences costs milliseconds here:

- ``figures`` — :class:`BriefingFigures`: licences, outcomes, total value where
  known (and how many have none), destinations, ratings, the span of decision
  dates, documented abuses and their categories, records withheld;
- ``key_figures`` — the :class:`~advocate.models.document.Figure` tiles a briefing
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
- ``when(period)`` — "on 6 March 2015", "in the first quarter of 2017";
  ``goods(licence)`` — what a licence was for, as far as the data says;
- ``number(n)`` — "1,939";
- ``money_short(value)`` — "£3.4 million", "£950,000" for a figure tile.

The JSON these write is marked safe (not Markdown-escaped): it is the body of
a fenced block, read back by :mod:`advocate.parse.fenced`.
"""

from __future__ import annotations

from markupsafe import Markup

from advocate.draft.briefing.charts import CHARTS
from advocate.draft.briefing.figures import (
    compute_figures,
    figures_json,
    key_figures,
    money_short,
)
from advocate.draft.briefing.selection import (
    LinkSummary,
    abuses_to_show,
    data_sources,
    key_licences,
    licence_counts,
    link_summary,
    timing_summary,
)
from advocate.draft.briefing.wording import goods, minister, rests_on_official_data
from advocate.draft.briefing.words import BriefingWords, briefing_words
from advocate.draft.context import DocumentContext
from advocate.draft.evidence import Evidence
from advocate.draft.linking_context import timing_of
from advocate.draft.options import DraftOptions
from advocate.errors import DraftError
from advocate.law.bodies import current
from advocate.models.document import (
    Chart,
)
from advocate.models.fenced import chart_data, to_json
from advocate.models.period import when


def briefing_context(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """The names a briefing or questions template gets besides the common ones (see the module docstring)."""
    figures = compute_figures(evidence)
    charts: dict[str, Chart] = {}

    def chart(name: str) -> Chart:
        if name not in CHARTS:
            raise DraftError(f"there is no chart '{name}'; charts: {', '.join(CHARTS)}")
        if name not in charts:
            charts[name] = CHARTS[name](evidence, figures)
        return charts[name]

    def chart_json(name: str, title: str = "") -> Markup:
        drawn = chart(name)
        data = chart_data(drawn)
        if title:
            data["title"] = str(title)
        return Markup(to_json(data))

    cache: dict = {}

    def timing(link):
        key = (link.licence_id, link.abuse_id)
        if key not in cache:
            cache[key] = timing_of(evidence, link)
        return cache[key]

    summaries: dict[tuple[int, int], tuple] = {}

    def summary_of(links, strongest: int = 5) -> LinkSummary:
        """:func:`link_summary`, made once per list of links in a draft (templates ask for it more than once)."""
        key = (id(links), strongest)
        if key not in summaries or summaries[key][0] is not links:
            summaries[key] = (links, link_summary(links, strongest))
        return summaries[key][1]

    department_since = current("licensing").start
    first = figures.first_decision
    department = (
        "his Department or its predecessors"
        if first is None or department_since is None or first < department_since
        else "his Department"
    )
    counts = licence_counts(evidence)

    def words(links, criteria_engaged=()) -> BriefingWords:
        return briefing_words(evidence, figures, links, criteria_engaged, timing, counts, department)

    return DocumentContext(
        {
            "briefing_words": words,
            "timing_summary": lambda links: timing_summary(links, timing, counts),
            "official": lambda licence: rests_on_official_data(evidence, licence),
            "his_department": department,
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
            "money_short": money_short,
            "number": lambda value: f"{int(value):,}",
            "when": when,
            "goods": goods,
        }
    )
