"""Every kind of document, drafted for the example and for generated cases (one licence; forty licences from CAAT
data; refusals), reads as a person wrote it: no sentence of eight words or more printed twice, no word of the
engine, no phrase on both sides of "covers", no straight quote, no capital after a colon inside a sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from document_cases import LADDER, forty_caat_case, one_licence_case, refusals_case
from helpers import EXAMPLE_CASE
from prose_checks import capital_after_colon, engine_vocabulary, repeated_sentences, straight_quotes, tautologies

from advocate import load_case
from advocate.draft.options import Correspondence, DraftOptions
from advocate.kinds import KINDS
from advocate.link import link_case
from advocate.run.document import draft_document

EXAMPLE_LADDER = {
    "foi-review": ("dbt-q1-2017-assessment", "2026-04-08"),
    "ico-complaint": ("dbt-q1-2017-assessment", "2026-05-26"),
    "tribunal-appeal": ("dbt-q1-2017-assessment", "2026-11-10"),
    "clarification-reply": ("mod-end-use-advice", "2026-10-22"),
    "chaser": ("fcdo-advice-2017", "2026-12-04"),
    "ico-non-response": ("fcdo-advice-2017", "2026-12-04"),
    "extension-chaser": ("dbt-2015-licences", "2026-12-04"),
}
CHECKS = (repeated_sentences, engine_vocabulary, tautologies, straight_quotes, capital_after_colon)


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    root = tmp_path_factory.mktemp("prose")
    return {
        "example": (EXAMPLE_CASE, EXAMPLE_LADDER),
        "one licence": (one_licence_case(root / "one"), LADDER),
        "forty CAAT licences": (forty_caat_case(root / "forty"), LADDER),
        "refusals": (refusals_case(root / "refusals"), LADDER),
    }


@pytest.fixture(scope="module")
def drafted(cases):
    """Every kind of document for every case: {(case, kind): DraftedDocument}."""
    out = {}
    for name, (folder, ladder) in cases.items():
        case_file = load_case(folder)
        links = link_case(case_file)
        for kind in KINDS:
            licences = None
            options = DraftOptions(date=dt.date(2026, 12, 4))
            if kind in ladder:
                request_id, day = ladder[kind]
                options = DraftOptions(
                    date=dt.date.fromisoformat(day), correspondence=Correspondence(request_id=request_id)
                )
                licences = case_file.licences.filter(ids=list(case_file.campaign.request(request_id).licences))
            out[(name, kind)] = draft_document(case_file, kind, options, licences=licences, links=links)
    return out


def test_every_kind_is_drafted_for_every_case(drafted, cases):
    assert len(drafted) == len(cases) * len(KINDS)


def test_a_briefing_or_its_questions_never_speak_of_a_challenge_they_do_not_mention(drafted):
    from prose_checks import blocks_text

    for (name, kind), document in drafted.items():
        if kind in ("briefing", "questions"):
            text = " ".join(blocks_text(document)).lower()
            assert "under challenge" not in text and "judicial review of" not in text, (name, kind)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_no_document_has_the_defect(drafted, check):
    found = [f"{name} / {kind}: {passage}" for (name, kind), document in drafted.items() for passage in check(document)]
    assert not found, "\n".join(found)


def test_each_check_finds_the_defect_it_is_for():
    from types import SimpleNamespace

    from advocate.models.document import DocumentInfo, Paragraph, Text
    from advocate.parse.markdown import parse_markdown

    def doc(markdown: str):
        return SimpleNamespace(document=parse_markdown(markdown, DocumentInfo(title="t", date=dt.date(2026, 12, 4))))

    def untypeset(text: str):
        """A paragraph as a template would give it without the typographic pass."""
        tree = doc("x\n").document
        return SimpleNamespace(document=tree.__class__(tree.info, (Paragraph((Text(text),)),)))

    repeated = "The licence may need review in the light of these reports. " * 2
    assert repeated_sentences(doc(repeated + "\n"))
    assert engine_vocabulary(doc("The link engine relates 9 licences to 6 abuses.\n"))
    assert tautologies(doc("The goods summary software for interception covers software for interception.\n"))
    assert capital_after_colon(doc("As to the abuse documented as cited: The licence was granted.\n"))
    assert straight_quotes(untypeset('The end user "police".'))
    assert not straight_quotes(doc('The end user "police", at https://example.org/it\'s.\n'))


def test_a_letter_with_no_abuse_to_set_out_never_argues_from_abuses_it_does_not_set_out(tmp_path):
    from small_cases import decision, licence, write_case

    from advocate.run.document import document_text

    folder = write_case(
        tmp_path / "bare",
        licences=[licence("L-1", "2015-03-06")],
        decisions=decision("L-1", "2015-03-06"),
        extra="claim:\n  grounds: [criterion-2, failure-to-review]\n",
    )
    drafted = draft_document(load_case(folder), "letter-before-claim", DraftOptions(date=dt.date(2026, 12, 4)))
    text = " ".join(document_text(drafted).split())
    assert "The abuses set out in section 7" not in text
    assert "What was before the decision-maker is the subject of the information sought in section 10." in text
    assert "The evidence set out in section 7 called for the licence to be reviewed" in text
