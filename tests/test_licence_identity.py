"""A licence is named as its source names it, counted as the licences it stands for, and said to be what it is.

Built on the generated refusals case (tests/document_cases.py): CAAT's current layout (a refusal, a licence
later revoked, goods for Germany incorporated into products for Turkey) and a row standing for several
IMSI-catcher licences of unknown number.
"""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from document_cases import refusals_case
from helpers import replace_in

from advocate import load_case
from advocate.draft.options import DraftOptions
from advocate.run.document import document_text, draft_document

DATE = dt.date(2026, 12, 4)


def text_of(drafted) -> str:
    return " ".join(document_text(drafted).split())


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    return refusals_case(tmp_path_factory.mktemp("identity") / "case")


def draft(case, kind, ids=None):
    case_file = load_case(case)
    licences = case_file.licences.filter(ids=list(ids)) if ids else None
    return text_of(draft_document(case_file, kind, DraftOptions(date=DATE), licences=licences))


def test_a_row_for_several_licences_is_at_least_two_never_one(case):
    text = draft(case, "foi", ["MB-IMSI"])
    assert "Request for information: at least 2 export licences for Turkey decided on or before 31 March 2017" in text
    assert "The request concerns at least 2 export licences" in text
    assert "For each of the licences (at least 2), please provide" in text
    assert "one export licence" not in text and "For the licence," not in text


def test_a_request_never_prints_the_cases_own_label_and_says_where_the_particulars_come_from(case):
    text = draft(case, "foi", ["MB-IMSI"])
    assert "MB-IMSI" not in text, "the Department cannot look up the case's own label"
    assert "They are described below as Rights Watchers’ report gives them." in text
    assert "licensing data publishes" not in text


def test_a_dataset_number_is_printed_as_one_and_explained(case):
    text = draft(case, "foi", ["CAAT-157531", "CAAT-157532"])
    assert "CAAT dataset no. 157531" in text and "CAAT dataset no. 157532" in text
    assert "A “CAAT dataset no.” is the licence’s number in" in text and "not a Government reference" in text
    assert "For the licence granted (CAAT dataset no. 157531)" in text
    assert "For the application refused (CAAT dataset no. 157532)" in text


def test_the_briefing_counts_licences_says_which_was_revoked_and_why_a_german_licence_is_listed(case):
    text = draft(case, "briefing")
    assert "At least 8 export licences for Turkey and South Korea, decided 2019 to 2024" in text
    assert "issued, later revoked" in text
    assert "Germany (for incorporation into products for Turkey and 11 other countries)" in text
    assert (
        "CAAT dataset no. 90001 is for export to Germany; it is listed because the data says its goods are "
        "incorporated into products for Turkey."
    ) in text
    assert "a “case reference” is our own label" in text
    for label in ("CAAT dataset no. 157531", "case reference MB-IMSI", "case reference UK-2021-777"):
        assert label in text


def test_a_revoked_licence_under_challenge_is_said_to_have_been_revoked(case, tmp_path):
    copy = tmp_path / "revoked"
    shutil.copytree(case, copy)
    replace_in(copy / "case.yaml", "licences: [CAAT-157531]", "licences: [CAAT-90002]")
    text = draft(copy, "letter-before-claim")
    assert "The licence was granted on 30 June 2020, and later revoked, for the export to Korea, South of" in text


def test_a_published_end_use_note_is_quoted_as_a_note_never_as_an_end_users_name(case):
    text = draft(case, "letter-before-claim")
    assert "with the published note “Licence granted for end use by a law enforcement agency”" in text
    assert "end user described as “Licence granted" not in text
    questions = draft(case, "questions")
    assert (
        "for export to Turkey, with the published note “Licence granted for end use by a law enforcement agency”, "
        "might be used for internal repression" in questions
    )
