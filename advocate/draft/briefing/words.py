"""Everything a briefing prints besides its fixed words, assembled once from the figures and the links.

The template calls ``briefing_words(links, criteria_engaged)`` and prints the fields of the
:class:`BriefingWords` it gets: sentences whose counts agree with their nouns, the licences
and abuses chosen, and the values the suggested questions are built from
(:mod:`advocate.draft.briefing.prose` writes each).
"""

from __future__ import annotations

from dataclasses import dataclass

from advocate.draft import licence_wording
from advocate.draft.briefing import prose
from advocate.draft.briefing.figures import BriefingFigures
from advocate.draft.briefing.selection import abuses_to_show, key_licences, timing_summary
from advocate.draft.briefing.wording import rests_on_official_data
from advocate.draft.evidence import Evidence, LicenceView

ANNEX_LIMIT = 500
"""The most licences a briefing's annex lists (about ten pages): an MP's researcher reads an annex, not a national
dataset. Past it, the annex lists the licences most closely linked, then the most valuable, and says where the
full list is published."""


@dataclass(frozen=True)
class BriefingWords:
    """A briefing's computed sentences and selections (see each field)."""

    in_brief: tuple[str, ...]
    """The bullets of the 'In brief' box, each a sentence."""
    shown: tuple[LicenceView, ...]
    """The licences the section on them tables: the most closely linked, then the most valuable."""
    all_shown: bool
    """Whether ``shown`` is every licence (else the annex lists the rest)."""
    ratings_line: str
    """'The commonest control-list rating is 5A001, held by 15 licences; at least 3 licences have no rating
    published.' ('' when no licence has a rating)."""
    described_as: str
    """'as the published licensing data and Motherboard’s report give them'."""
    identifiers_note: str
    """What the identifiers printed are ('' when all are the Government's references)."""
    annex: tuple[LicenceView, ...]
    """The licences the annex lists: every one, or the :data:`ANNEX_LIMIT` most closely linked and most valuable."""
    annex_all: bool
    """Whether the annex lists every licence of the briefing."""
    annex_notes: str
    """What the annex's rows need explained that the table above did not explain (see
    :func:`~advocate.draft.licence_wording.licence_notes`)."""
    count: str
    """'at least 18 licences'."""
    one: bool
    """Whether the briefing is about exactly one licence ('the licence', not 'the licences')."""
    documented: tuple[prose.DocumentedAbuse, ...]
    documented_all: bool
    """Whether every documented abuse is listed (else the most closely linked)."""
    kinds: str
    timing: prose.TimingWords
    timing_paragraph: str
    strongest: tuple[prose.StrongestLink, ...]
    criteria: tuple[prose.CriterionEngaged, ...]
    to_review: str
    """'the 9 licences' / 'the licence' decided before the abuses that bear on them were reported ('' if none)."""
    questions: prose.QuestionWords


def briefing_words(
    evidence: Evidence, figures: BriefingFigures, links, criteria_engaged, timing, counts, department: str
) -> BriefingWords:
    """The briefing's words for ``links`` (the template's ``links``) and the criteria they engage."""
    summary = timing_summary(links, timing, counts)
    words = prose.timing_words(summary)
    shown = tuple(key_licences(evidence, links, 8))
    abuses = abuses_to_show(evidence, links, 10)
    licences = evidence.licences
    annex = tuple(key_licences(evidence, links, ANNEX_LIMIT)) if len(licences) > ANNEX_LIMIT else tuple(licences)
    asked = [
        licence
        for licence in key_licences(evidence, links, 4)
        if licence.sources and rests_on_official_data(evidence, licence)
    ][:2]
    case_countries = [c.name for c in evidence.case_file.case.countries]
    abuse_countries = [c for c in case_countries if any(a.country.name == c for a in evidence.abuses)] or case_countries
    bullets = (
        prose.licences_line(figures, licence_wording.countries_of(licences, case_countries)),
        prose.value_line(figures),
        prose.abuses_line(figures, abuse_countries),
        prose.timing_bullet(summary, figures),
        prose.engaged_line(criteria_engaged, figures.count.exact and figures.count.minimum == 1),
    )
    review = summary.review
    to_review = (
        ""
        if not review.minimum
        else (
            "the licence"
            if review.exact and review.minimum == 1
            else f"the {review.describe()}"
            if review.exact
            else review.describe()
        )
    )
    return BriefingWords(
        in_brief=tuple(bullet for bullet in bullets if bullet),
        shown=shown,
        all_shown=len(shown) == len(licences),
        ratings_line=_ratings_line(figures),
        described_as=_described_as(licences, evidence),
        identifiers_note=licence_wording.identifiers_note(licences, "our"),
        annex=annex,
        annex_all=len(annex) == len(licences),
        annex_notes=licence_wording.licence_notes([l for l in annex if l.id not in {s.id for s in shown}]),
        count=figures.count.describe(),
        one=figures.count.exact and figures.count.minimum == 1,
        documented=tuple(prose.documented(abuses)),
        documented_all=len(abuses) == figures.abuses,
        kinds=prose.kinds_line(figures),
        timing=words,
        timing_paragraph=prose.timing_paragraph(figures, words),
        strongest=tuple(prose.strongest_links(summary.strongest, evidence.any_licence, evidence.abuse)),
        criteria=tuple(
            prose.criteria_engaged_words(
                criteria_engaged, links, counts, figures.count.exact and figures.count.minimum == 1
            )
        ),
        to_review=to_review,
        questions=prose.question_words(figures, asked, department),
    )


def _ratings_line(figures: BriefingFigures) -> str:
    if not figures.ratings or figures.ratings[0][1] < 2:
        return ""
    top, held = figures.ratings[0]
    text = f"The commonest control-list rating is {top}, held by {held:,} licence{'s' if held != 1 else ''}"
    if figures.unrated:
        verb = "has" if figures.unrated_count.exact and figures.unrated_count.minimum == 1 else "have"
        text += f"; {figures.unrated_count.describe()} {verb} no rating published"
    return text + "."


def _described_as(licences, evidence: Evidence) -> str:
    return licence_wording.described_as(licences, evidence.case_file.sources)
