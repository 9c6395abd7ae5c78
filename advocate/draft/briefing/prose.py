"""The sentences and phrases a briefing and its questions print, computed from the figures and the links.

A briefing's template keeps its words; what the words are built from (counts that
agree with their nouns, lists in English, the licences and abuses chosen, the
timing of each) is computed here, so that a lawyer editing the template never
edits a filter chain. Every count is of licences, never of records: a record that
stands for several licences of unknown number makes a count "at least".
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from advocate.draft.briefing.figures import BriefingFigures, money_short
from advocate.draft.filters import clause
from advocate.draft.licence_wording import end_use_phrase
from advocate.law.criteria import Criterion
from advocate.link import link_columns
from advocate.models.licence import LicenceCount
from advocate.models.period import when
from advocate.vocab.english import join_and


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _span(figures: BriefingFigures) -> str:
    first, last = figures.first_decision, figures.last_decision
    if not first or not last:
        return ""
    return str(first.year) if first.year == last.year else f"{first.year} to {last.year}"


def _verb(count: LicenceCount, singular: str, plural: str) -> str:
    return singular if count.exact and count.minimum == 1 else plural


def _is_one(figures: BriefingFigures) -> bool:
    return figures.count.exact and figures.count.minimum == 1


def licences_line(figures: BriefingFigures, countries: str = "") -> str:
    """'At least 18 export licences for Turkey, decided 2008 to 2017: at least 17 granted and 1 refused.'; 'One
    export licence for Turkey, granted in 2015.' (``countries``: the case's countries the licences go to or end up
    in; else their destinations)."""
    destinations = [name for name, _ in figures.destinations]
    where = countries or join_and(destinations[:4])
    if not countries and len(destinations) > 4:
        where += f" and {len(destinations) - 4} other destinations"
    span = _span(figures)
    if _is_one(figures):
        outcome = "granted" if figures.granted else "refused" if figures.refused else "decided"
        return f"One export licence for {where}, {outcome}" + (f" in {span}." if span else ".")
    text = f"{figures.count.describe('export licence')} for {where}"
    if span:
        text += f", decided {span}"
    pairs = ((figures.granted_count, "granted"), (figures.refused_count, "refused"))
    outcomes = [f"{count} {word}" for count, word in pairs if count.minimum]
    if len(outcomes) == 1:
        outcomes = ["all granted" if figures.granted else "all refused"]
    text += f": {join_and(outcomes)}"
    if figures.revoked:
        text += f", {figures.revoked_count} since revoked"
    return _capital(text) + "."


def value_line(figures: BriefingFigures) -> str:
    """What the published values add up to, and what part of it is surveillance technology alone; '' with no value."""
    if not figures.valued:
        return ""
    if _is_one(figures):
        return f"The licence is worth {money_short(figures.total_value)} as published, for all the goods on it."
    text = (
        f"The licences whose value is published are worth {money_short(figures.total_value)} together, for all "
        "the goods on them"
    )
    if figures.value_with_other_goods:
        others = (
            join_and(figures.other_ratings)
            if len(figures.other_ratings) <= 4
            else ", ".join(figures.other_ratings[:4]) + " and others"
        )
        text += (
            f": {money_short(figures.value_surveillance_only)} on licences for surveillance technology alone, "
            f"and {money_short(figures.value_with_other_goods)} on licences that also cover other goods (rated "
            f"{others}), whose value the data does not give apart"
        )
    if figures.unvalued:
        has = _verb(figures.unvalued_count, "has", "have")
        text += f"; {figures.unvalued_count.describe()} {has} no published value"
    return text + "."


def abuses_line(figures: BriefingFigures, countries: list[str]) -> str:
    """'7 abuses documented in Turkey, most often arbitrary detention, persecution of journalists and censorship.'"""
    if not figures.abuses:
        return ""
    kinds = join_and(label.lower() for label, _ in figures.abuse_categories[:3])
    noun = "abuse" if figures.abuses == 1 else "abuses"
    text = f"{figures.abuses:,} {noun} documented in {join_and(countries)}"
    return text + (f", most often {kinds}." if kinds and figures.abuses > 1 else (f", of {kinds}." if kinds else "."))


def kinds_line(figures: BriefingFigures) -> str:
    """'arbitrary detention (4); persecution of journalists (2); torture or ill-treatment (1)': every kind."""
    return "; ".join(f"{label.lower()} ({count:,})" for label, count in figures.abuse_categories)


@dataclass(frozen=True)
class TimingWords:
    """The licences counted by what the dates of their abuses support, in words."""

    reported_before: str
    """'2 licences were decided after published sources had reported abuses there ...', or ''."""
    review: str
    """'9 licences were decided before the abuses that bear on them were reported ...', or ''."""
    unclear: str
    """'for 3 the published dates do not show which came first', or ''."""

    @property
    def any(self) -> bool:
        return bool(self.reported_before or self.review or self.unclear)


def _licences(count) -> str:
    """'1 licence', '9 licences', 'at least 10 licences' (a count of licences or a plain number)."""
    if isinstance(count, int):
        count = LicenceCount(count)
    return count.describe()


def _one(count: LicenceCount) -> bool:
    return count.exact and count.minimum == 1


def timing_words(summary) -> TimingWords:
    """Counts of licences from a :class:`~advocate.draft.briefing.selection.TimingSummary`, as clauses that follow
    'Of the 17 licences, ' (a count without its noun)."""
    before = ""
    if summary.reported_before.minimum:
        was = "was" if _one(summary.reported_before) else "were"
        before = (
            f"{summary.reported_before} {was} decided after published sources had reported abuses "
            "there of the kind Criterion 2 guards against, when the risk was foreseeable"
        )
    review = ""
    if summary.review.minimum:
        was, it, calls = ("was", "it", "calls") if _one(summary.review) else ("were", "them", "call")
        review = (
            f"{summary.review} {was} decided before any dated public report of the abuses that bear on "
            f"{it}, which now {calls} for review"
        )
    unclear = (
        f"for {summary.unclear} the published dates do not show which came first" if summary.unclear.minimum else ""
    )
    return TimingWords(before, review, unclear)


def timing_paragraph(figures: BriefingFigures, words: TimingWords) -> str:
    """'Of the 17 licences, 9 were decided before the abuses that bear on them were reported, which now call for
    review; and for 3 the published dates do not show which came first.' ('Of at least 18 licences, ...')."""
    parts = [p for p in (words.reported_before, words.review, words.unclear) if p]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + "; and " + parts[-1]
    if _is_one(figures):
        return "The licence" + body[len("1") :] + "." if body.startswith("1 ") else _capital(body) + "."
    of = f"the {figures.count.describe()}" if figures.count.exact else figures.count.describe()
    return f"Of {of}, {body}."


def timing_bullet(summary, figures: BriefingFigures | None = None) -> str:
    """The 'In brief' bullet on timing: the strongest claim the dates support, with the next beside it."""
    if figures is not None and _is_one(figures):
        if summary.reported_before.minimum:
            return (
                "The licence was decided after published sources had reported abuses there of the kind the "
                "licensing criteria guard against."
            )
        if summary.review.minimum:
            return (
                "The licence was decided before any dated public report of the abuses that bear on it, and calls "
                "for review."
            )
        return ""
    if summary.reported_before.minimum:
        was = "was" if _one(summary.reported_before) else "were"
        text = (
            f"{_licences(summary.reported_before)} {was} decided after published sources had reported abuses "
            "there of the kind the licensing criteria guard against"
        )
        if summary.review.minimum:
            was = "was" if _one(summary.review) else "were"
            text += f"; {summary.review} more {was} decided before any dated public report of such abuses"
        return _capital(text) + "."
    if summary.review.minimum:
        was, it, calls = ("was", "it", "calls") if _one(summary.review) else ("were", "them", "call")
        return _capital(
            f"{_licences(summary.review)} {was} decided before any dated public report of the abuses "
            f"that bear on {it}, and {calls} for review."
        )
    return ""


@dataclass(frozen=True)
class StrongestLink:
    """One licence and the abuse most closely bearing on it, as a bullet: what, when, which licence, and the timing."""

    abuse: object
    text: str
    """'Software for telecommunications interception equipment, decided in the first quarter of 2017 (case
    reference DIT-2017Q1-TR-01): a Turkish court ordered ...; occurred ...; reported by Motherboard in 2017, after
    the decision'."""


def strongest_links(pairs, licence_of, abuse_of, n: int = 3) -> list[StrongestLink]:
    """The bullets for the ``n`` most closely linked licences (``pairs`` are (link, timing), strongest first)."""
    out = []
    for link, timing in list(pairs)[:n]:
        licence = licence_of(link.licence_id)
        abuse = abuse_of(link.abuse_id)
        text = (
            f"{_capital(licence.goods_text)}, decided {when(licence.decision)} ({licence.label}): "
            f"{clause(abuse.title)}; {timing.words}"
        )
        out.append(StrongestLink(abuse, text))
    return out


@dataclass(frozen=True)
class DocumentedAbuse:
    """An abuse in the list of what was documented: its date as a heading ('2016', 'The first quarter of 2017')
    and its title as a sentence."""

    abuse: object
    date: str
    sentence: str


def documented(abuses) -> list[DocumentedAbuse]:
    out = []
    for abuse in abuses:
        title = str(abuse.title).strip()
        sentence = _capital(title) if title.endswith((".", "!", "?")) else _capital(title) + "."
        out.append(DocumentedAbuse(abuse, _capital(abuse.date.describe()), sentence))
    return out


@dataclass(frozen=True)
class CriterionEngaged:
    """A criterion the evidence engages, with the version it belongs to and how many licences it bears on."""

    version: object
    criterion: object
    licences: str
    """'9 licences' (the licences whose abuses engage it), or '' when not counted."""


def criteria_engaged_words(criteria_engaged, links, counts, one: bool = False) -> list[CriterionEngaged]:
    """Each criterion engaged, with the licences whose abuses bear on it counted ("at least 10 licences"; not
    counted in a briefing about ``one`` licence)."""
    bearing: dict[tuple[str, str], dict[str, None]] = {}
    columns = link_columns(links, ("criteria_version", "criteria", "licence_id"))
    if len(columns["licence_id"]):
        # on columns, once per distinct (version, criteria) group: a national briefing has a million links
        groups = pd.DataFrame(
            {
                "group": list(zip(columns["criteria_version"], columns["criteria"], strict=True)),
                "licence": columns["licence_id"],
            }
        ).drop_duplicates()
        for (version, numbers), licences in groups.groupby("group", sort=False)["licence"]:
            for number in numbers:
                held = bearing.setdefault((version, number), {})
                held.update(dict.fromkeys(licences))
    out = []
    for item in criteria_engaged:
        ids = bearing.get((item["version"].id, item["criterion"].number), {})
        total = LicenceCount(0)
        for licence_id in ids:
            total = total + (counts.get(licence_id) or LicenceCount(1))
        words = total.describe() if ids and not (one and total.exact and total.minimum == 1) else ""
        out.append(CriterionEngaged(item["version"], item["criterion"], words))
    return out


def engaged_line(criteria_engaged, one: bool = False) -> str:
    """'The evidence engages Criterion 2(a) (clear risk of internal repression) of the licensing criteria; the
    Government should publish its assessments and review the licences.'"""
    seen: dict[str, Criterion] = {}
    for item in criteria_engaged:
        seen.setdefault(item["criterion"].number, item["criterion"])
    if not seen:
        return ""
    named = join_and(f"Criterion {c.number} ({c.title.lower()})" for c in list(seen.values())[:3])
    what = "its assessment and review the licence" if one else "its assessments and review the licences"
    return f"The evidence engages {named} of the licensing criteria; the Government should publish {what}."


@dataclass(frozen=True)
class AskedLicence:
    """A licence a written question asks about, in the question's words."""

    licence: object
    goods: str
    """'software for telecommunications interception equipment', 'goods rated 5A001 and 5D001'."""
    when: str
    """'in the first quarter of 2017', 'on 6 March 2015'."""
    destination: str
    end_use: str
    """' for an end user described as “law enforcement agency”', or ''."""


@dataclass(frozen=True)
class QuestionWords:
    """What the suggested written questions are built from: each self-contained, resting on the licensing data."""

    asked: tuple[AskedLicence, ...]
    """At most two licences known from the licensing data (never from a media report alone)."""
    rated: str
    """'goods rated 5A001, 5A002 or 5D001', or 'controlled goods'."""
    each_year: str
    """' in each year from 2008 to 2017', ' in 2015', or ''."""
    years: str
    """' from 2008 to 2017', ' in 2015', or ''."""
    since: str
    """' since 2008', or ''."""
    concerns: str
    """The commonest kinds of abuse: 'arbitrary detention and persecution of journalists' ('' when none)."""
    department: str
    """'his Department or its predecessors', or 'his Department'."""
    department_has: str
    """'his Department or its predecessors have', or 'his Department has'."""


def question_words(figures: BriefingFigures, asked_licences, department: str) -> QuestionWords:
    top = [rating for rating, _ in figures.ratings[:3]]
    first = figures.first_decision.year if figures.first_decision else None
    last = figures.last_decision.year if figures.last_decision else None
    if first and last and last != first:
        each_year, years = f" in each year from {first} to {last}", f" from {first} to {last}"
    elif first:
        each_year = years = f" in {first}"
    else:
        each_year = years = ""
    asked = tuple(
        AskedLicence(
            licence, licence.goods_text, when(licence.decision), licence.destination_text, end_use_phrase(licence)
        )
        for licence in asked_licences
    )
    plural = "predecessors" in department
    return QuestionWords(
        asked=asked,
        rated=f"goods rated {join_and(top, 'or')}" if top else "controlled goods",
        each_year=each_year,
        years=years,
        since=f" since {first}" if first else "",
        concerns=join_and(label.lower() for label, _ in figures.abuse_categories[:2]),
        department=department,
        department_has=f"{department} {'have' if plural else 'has'}",
    )
