"""The law as it stood when a licence was decided, as a document needs it: the criteria in force (both versions
when the decision is known only to a period that straddles a change), the EU rules for Military List goods, the
department that decided and the ones that advised it."""

from __future__ import annotations

from dataclasses import dataclass

from advocate.law.bodies import Body, bodies_during, current
from advocate.law.criteria import CriteriaVersion, Criterion, criteria_during, eu_rules_on
from advocate.models.period import Period
from advocate.vocab.english import join_and


@dataclass(frozen=True)
class LawOnDate:
    """The criteria and departments of one decision (or of several decided over a span).

    ``versions`` are the UK criteria in force on some day of ``period`` (two when it straddles a change;
    none before the earliest shipped); ``eu_rules`` the Common Position where it bound the UK for the goods;
    ``deciders`` the licensing departments, ``advisers`` the foreign offices, of the period.
    """

    period: Period
    versions: tuple[CriteriaVersion, ...]
    eu_rules: CriteriaVersion | None
    deciders: tuple[Body, ...]
    advisers: tuple[Body, ...]

    @property
    def straddles(self) -> bool:
        """Whether the decision may fall under either of two versions of the criteria (ask the defendant)."""
        return len(self.versions) > 1

    @property
    def known(self) -> bool:
        return bool(self.versions)

    @property
    def version_titles(self) -> str:
        """'the Consolidated EU and National Arms Export Licensing Criteria of 25 March 2014 or the Strategic ...'."""
        return join_and([f"the {v.dated_title}" for v in self.versions], "or")

    def criterion_two(self, version: CriteriaVersion) -> Criterion:
        """Criterion 2(a) (internal repression) of ``version``, or Criterion 2 where it has no sub-paragraphs."""
        return version.criterion("2(a)") if version.has("2(a)") else version.criterion("2")

    def criterion_two_clause(self, version: CriteriaVersion) -> str:
        """What Criterion 2(a) of ``version`` provides, continuing 'provides, in summary, that …' (no full stop)."""
        text = self.criterion_two(version).text.strip().rstrip(".")
        return text[:1].lower() + text[1:]

    @property
    def secretaries_of_state(self) -> str:
        """'the Secretary of State for International Trade' (or two, joined by 'or')."""
        return join_and([f"the {b.secretary_of_state}" for b in self.deciders], "or")

    @property
    def departments(self) -> str:
        """'the Department for International Trade' (or two, joined by 'or')."""
        return join_and([b.the_name for b in self.deciders], "or")

    @property
    def foreign_office(self) -> str:
        """'the Foreign and Commonwealth Office' for a 2015 decision; both names across the 2020 change."""
        return join_and([b.the_name for b in self.advisers], "or")

    @property
    def decided_by_a_predecessor(self) -> bool:
        """Whether a department other than today's licensing department took the decision."""
        now = current("licensing")
        return any(body.name != now.name for body in self.deciders)


def law_on(period: Period, *, military: bool = False) -> LawOnDate:
    """The law of a decision dated ``period`` for goods that are (or are not) on the Military List."""
    start, end = period.start, period.end
    versions = criteria_during(start, end)
    eu = None
    for day in (start, end):
        if day is not None:
            eu = eu or eu_rules_on(day, military=military)
    return LawOnDate(period, versions, eu, bodies_during("licensing", start, end), bodies_during("foreign", start, end))
