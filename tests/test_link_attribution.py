"""Criterion 2(a) concerns repression by the state: abuses of unknown or non-state perpetrators never engage it."""

from __future__ import annotations

from advocate.link import link_case
from tests.link_cases import load_link_case

SOURCES = "- id: report\n  kind: report\n  organisation: Rights Watch\n  title: A report\n  date: 2016-07\n"
LICENCES = "L-1,Turkey,2017-03-10,issued,5A001f,law enforcement agency,\n"
LINK_TO_UNKNOWN = """\
- id: asserted
  licence: L-1
  abuse: UNKNOWN
  reason: The torturers used the intercepted calls.
"""


def abuse(abuse_id: str, perpetrators: str, categories: str) -> str:
    return f"""\
- id: {abuse_id}
  country: Turkey
  date: 2016-06
  title: Detainees were tortured after their calls were intercepted
  perpetrators: {perpetrators}
  categories: {categories}
  technology: [mobile-interception]
  sources: [report]
"""


def case(tmp_path, *abuses: str, links: str = "[]\n"):
    return load_link_case(tmp_path, sources=SOURCES, abuses="".join(abuses), licences=LICENCES, links=links)


def test_an_abuse_by_unknown_perpetrators_is_context_not_a_link(tmp_path):
    linkset = link_case(case(tmp_path, abuse("UNKNOWN", "[]", "[torture]"), abuse("STATE", "[police]", "[torture]")))
    assert [l.abuse_id for l in linkset.links] == ["STATE"]
    assert linkset.links[0].criteria == ("2(a)",) and linkset.links[0].responsibility == "state"
    (context,) = linkset.context.links
    assert (context.abuse_id, context.context, context.criteria, context.responsibility) == (
        "UNKNOWN",
        True,
        (),
        "unknown",
    )
    assert context.reasons[1] == (
        "the sources do not say who carried out the abuse, and Criterion 2(a) concerns "
        "repression by the state: the abuse is context, not evidence that the criterion is engaged"
    )
    assert [l.abuse_id for l in linkset.for_licence("L-1")] == ["STATE"]
    assert len(linkset) == 1 and len(linkset.context) == 1


def test_persons_unknown_and_non_state_actors_are_not_the_state(tmp_path):
    linkset = link_case(
        case(
            tmp_path,
            abuse("UNKNOWN", "[unknown]", "[arbitrary-detention]"),
            abuse("ARMED-GROUP", "[non-state]", "[arbitrary-detention]"),
        )
    )
    assert linkset.links == ()
    reasons = {l.abuse_id: l.reasons for l in linkset.context.links}
    assert reasons["ARMED-GROUP"][1].startswith(
        "the sources attribute the abuse to non-state actors, and Criterion 2(a)"
    )
    assert reasons["UNKNOWN"][1].startswith("the sources do not say who carried out the abuse")


def test_a_non_state_abuse_still_engages_the_criteria_that_are_not_about_the_state(tmp_path):
    linkset = link_case(case(tmp_path, abuse("CONFLICT", "[non-state]", "[torture, internal-conflict]")))
    (link,) = linkset.links
    assert link.criteria == ("3",) and not link.context
    assert (
        "the sources attribute the abuse to non-state actors, and Criterion 2(a) concerns repression by the state: "
        "the abuse is relied on only under Criterion 3"
    ) in link.reasons


def test_one_state_perpetrator_is_enough(tmp_path):
    (link,) = link_case(case(tmp_path, abuse("MIXED", "[non-state, police]", "[torture]"))).links
    assert link.criteria == ("2(a)",) and link.responsibility == "state"
    assert not any("Criterion 2(a) concerns" in reason for reason in link.reasons)


def test_a_hand_asserted_link_to_such_an_abuse_is_context_too(tmp_path):
    linkset = link_case(case(tmp_path, abuse("UNKNOWN", "[]", "[torture]"), links=LINK_TO_UNKNOWN))
    assert linkset.links == ()
    (context,) = linkset.context.links
    assert context.asserted and context.reasons[0] == "The torturers used the intercepted calls."
    assert "the abuse is context, not evidence that the criterion is engaged" in context.reasons[2]
