"""One rule decides what the dates support: the documents word the link engine's relation, never their own."""

from __future__ import annotations

import datetime as dt

from helpers import EXAMPLE_CASE

from advocate import load_case
from advocate.draft.options import DraftOptions
from advocate.link import link_case
from advocate.run.document import document_text, draft_document

DATE = dt.date(2026, 12, 4)


def test_the_letter_groups_each_abuse_under_the_relation_its_link_gives_and_words_its_dates():
    case_file = load_case(EXAMPLE_CASE)
    links = link_case(case_file)
    relation = {link.abuse_id: link.relation for link in links.for_licences(["DIT-2017Q1-TR-01"])}
    assert relation["tr-journalists-arrested-2016"] == "reported-after"
    assert relation["tr-hrd-arrests-2017"] == "review"
    text = " ".join(
        document_text(draft_document(case_file, "letter-before-claim", DraftOptions(date=DATE), links=links)).split()
    )
    after = text[text.index("first reported after it") : text.index("Since the decision")]
    assert (
        "Turkey arrested dozens of journalists after a coup attempt: occurred in 2016; reported by Motherboard in "
        "2017, after the decision."
    ) in after
    since = text[text.index("Since the decision") : text.index("The law")]
    assert "A Turkish court ordered the arrest of Amnesty International’s Turkey director" in since


def test_the_briefing_counts_licences_by_their_links_relations():
    case_file = load_case(EXAMPLE_CASE)
    links = link_case(case_file)
    groups: dict[str, int] = {}
    rank = {"foreseeable": 0, "reported-after": 1, "unreported": 1, "review": 1, "concurrent": 2}
    for link in links.for_licences(case_file.licences.ids()):
        groups[link.licence_id] = min(groups.get(link.licence_id, 9), rank[link.relation])
    review = [licence_id for licence_id, group in groups.items() if group == 1]
    several = 1 if "MB-TR-IMSI" in review else 0  # the IMSI-catcher row stands for at least 2 licences
    text = " ".join(document_text(draft_document(case_file, "briefing", DraftOptions(date=DATE), links=links)).split())
    expected = f"at least {len(review) + several}" if several else str(len(review))
    assert f"{expected} were decided before any dated public report of the abuses that bear on them" in text
