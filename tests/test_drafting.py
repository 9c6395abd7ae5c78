"""Drafting the FOI family from a case: what the letters say, their deadlines, and the refusals.

Each test reads the letter as its recipient would (plain text of the drafted
document, footnotes included) or the error a user would see.
"""

from __future__ import annotations

import datetime as dt

import pytest
from drafting_cases import EXAMPLE, copy_example, set_case_field
from helpers import replace_in

from advocate import load_case
from advocate.draft.options import Correspondence, DraftOptions
from advocate.draft.template_env import Templates
from advocate.errors import ConfidentialRecordError, DraftError
from advocate.run.document import document_text, draft_document

Q1_2017 = "DIT-2017Q1-TR-01"


@pytest.fixture(scope="module")
def example():
    return load_case(EXAMPLE)


def draft(case_file, kind="foi", *, date=dt.date(2026, 11, 23), licence_ids=(Q1_2017,), templates=None, **given):
    licences = case_file.licences.filter(ids=list(licence_ids)) if licence_ids else None
    options = DraftOptions(date=date, correspondence=Correspondence(**given), templates=templates)
    return draft_document(case_file, kind, options, licences=licences)


def text_of(drafted) -> str:
    return " ".join(document_text(drafted).split())


# -- the FOI request ----------------------------------------------------------


def test_foi_request_names_the_licence_the_questions_and_the_addressee(example):
    text = text_of(draft(example))
    assert "Department for Business and Trade" in text
    assert "By email: check-the-foi-address@example.org" in text
    assert (
        "decided by the Department for International Trade, whose export licensing the Department now carries on"
        in text
    )
    assert Q1_2017 not in text, "the case's own label is no reference the Department can look up"
    assert "software for telecommunications interception equipment" in text
    assert "law enforcement agency" in text
    assert "Criterion 2" in text
    assert "end-user undertaking" in text
    assert "the Foreign and Commonwealth Office and the Ministry of Defence" in text, "the FCO in 2017"
    assert "suspension or revocation" in text
    assert "section 11(1A)" in text and "CSV" in text
    assert "section 16" in text


def test_foi_request_cites_the_act_in_oscola_form_then_ibid_or_short(example):
    notes = [" ".join(document_text_of_note(note).split()) for note in draft(example).document.footnotes]
    assert notes[0] == "Freedom of Information Act 2000, s 1(1)."
    assert any(note.startswith("Motherboard") or "Motherboard" in note for note in notes)
    act = [note for note in notes[1:] if "Freedom of Information Act 2000" in note or note.startswith("Ibid s")]
    assert act, "the Act is cited again for ss 10, 11, 12, 16 and 17"
    assert all(note.startswith(("Ibid s ", "Freedom of Information Act 2000, s ")) for note in act)
    assert not any("(n " in note for note in act), "legislation is never cited by cross-reference"
    assert "Ibid s 11(1A)." in notes


def document_text_of_note(note) -> str:
    from advocate.models.document import plain_text

    return " ".join(plain_text(block.children) for block in note.children)


def test_foi_request_says_why_in_one_short_paragraph(example):
    text = text_of(draft(example))
    why = text[text.index("Why I am asking") : text.index("The information I am asking for")]
    # the most strongly linked abuses (the link engine ranks them: which come first follows its scores), each once
    assert (
        "Published sources report that in 2017 Turkey imprisons more journalists than any other country in the world"
        in why
    )
    assert why.count("Turkish court ordered the arrest") == 1
    assert len(why.split()) < 110
    assert "may need review" not in text


def test_reply_date_counts_christmas_new_year_and_the_scottish_2_january(example):
    drafted = draft(example, date=dt.date(2025, 12, 19))
    text = text_of(drafted)
    assert "your reply is due by 22 January 2026" in text
    assert "Scotland" in text
    assert [t.deadline.date for t in drafted.timings] == [dt.date(2026, 1, 22)]


def test_reply_date_moved_by_st_andrews_day_substitute_holiday(example):
    text = text_of(draft(example, date=dt.date(2025, 11, 10)))
    assert "your reply is due by 9 December 2025" in text
    assert "St Andrew" in text


def test_reply_date_moved_by_st_patricks_day_in_northern_ireland(example):
    text = text_of(draft(example, date=dt.date(2026, 3, 2)))
    assert "your reply is due by 31 March 2026" in text
    assert "Northern Ireland" in text


def test_foi_request_for_many_licences_puts_them_in_a_schedule(example):
    chosen = [str(i) for i in example.licences.frame["id"] if i != "MB-TR-IMSI"]
    drafted = draft(example, licence_ids=chosen)
    text = text_of(drafted)
    assert "described in the schedule at the end of this letter" in text
    assert "Schedule: the licences" in text
    for day in ("2 July 2008", "14 May 2014", "6 March 2015", "the first quarter of 2017"):
        assert day in text[text.index("Schedule: the licences") :]


def test_illustrative_case_is_marked_not_for_sending(example):
    assert "Illustrative example: not for sending" in text_of(draft(example))


# -- follow-ups ---------------------------------------------------------------


def test_internal_review_request_cites_reference_refusal_date_and_exemptions(example):
    drafted = draft(
        example,
        "foi-review",
        sent=dt.date(2026, 9, 1),
        authority_reference="FOI2026/01234",
        response_date=dt.date(2026, 9, 28),
        exemptions=("s 27(1)(a)", "section 41", "43(2)"),
    )
    text = text_of(drafted)
    assert "your reference FOI2026/01234" in text
    assert "In your response of 28 September 2026" in text
    assert "s 27(1)(a), s 41 and s 43(2)" in text
    assert "s 27(1)(a): International relations" in text
    assert "qualified exemption" in text and "absolute exemption" in text
    assert "The public interest in disclosure" in text
    assert "twenty working days run to 22 December 2026" in text


def test_internal_review_request_without_reference_is_refused_with_the_options_to_give(example):
    with pytest.raises(DraftError, match=r"--reference"):
        draft(example, "foi-review", response_date=dt.date(2026, 9, 28), exemptions=("s 27",))


def test_unknown_exemption_is_refused(example):
    with pytest.raises(DraftError, match="'s 99' is not an exemption"):
        draft(example, "foi-review", authority_reference="X1", response_date=dt.date(2026, 9, 28), exemptions=("s 99",))


def test_review_asked_for_late_gives_a_warning(example):
    drafted = draft(
        example, "foi-review", authority_reference="X1", response_date=dt.date(2026, 6, 1), exemptions=("s 43(2)",)
    )
    assert any("after" in t.warning and "40 working days" in t.warning for t in drafted.timings)


def test_ico_complaint_after_review_gives_the_six_week_date(example):
    text = text_of(
        draft(
            example,
            "ico-complaint",
            sent=dt.date(2026, 9, 1),
            authority_reference="FOI2026/01234",
            response_date=dt.date(2026, 9, 28),
            exemptions=("s 27(1)(a)",),
            review_requested=dt.date(2026, 10, 5),
            review_response_date=dt.date(2026, 11, 2),
        )
    )
    assert "section 50 of the Freedom of Information Act 2000" in text
    assert "Complaint about the Department for Business and Trade" in text
    assert "which run to 14 December 2026" in text
    assert "Reply due by 29 September 2026" in text


def test_ico_complaint_before_the_review_is_overdue_is_refused(example):
    with pytest.raises(DraftError, match="40 working days"):
        draft(
            example,
            "ico-complaint",
            date=dt.date(2026, 10, 20),
            sent=dt.date(2026, 9, 1),
            authority_reference="R1",
            review_requested=dt.date(2026, 10, 5),
        )


def test_follow_up_reads_the_request_from_the_case_file(tmp_path):
    folder = copy_example(tmp_path)
    set_case_field(
        folder,
        f"""
foi_requests:
  - id: foi-1
    sent: 2026-09-01
    licences: [{Q1_2017}]
    authority_reference: DBT-FOI-555
    response_date: 2026-09-29
    exemptions: ["s 24(1)", "s 27(1)(a)"]
""",
    )
    case_file = load_case(folder)
    text = text_of(draft(case_file, "foi-review"))
    assert "your reference DBT-FOI-555" in text
    assert "s 24(1) and s 27(1)(a)" in text


# -- templates: sandboxed and strict -----------------------------------------


def user_templates(tmp_path, name, body):
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.md.j2").write_text(body, encoding="utf-8")
    return Templates(folder)


def test_template_cannot_reach_python_internals(example, tmp_path):
    templates = user_templates(tmp_path, "probe", "# Probe\n\nLine two\n{{ ''.__class__.__mro__ }}\n")
    with pytest.raises(DraftError) as caught:
        draft(example, "probe", templates=templates)
    message = str(caught.value)
    assert "probe.md.j2:4" in message
    assert "unsafe" in message or "not allowed" in message


def test_undefined_variable_is_an_error_naming_template_and_line(example, tmp_path):
    templates = user_templates(tmp_path, "typo", "# Letter\n\nDear {{ public_body.nmae }},\n")
    with pytest.raises(DraftError) as caught:
        draft(example, "typo", templates=templates)
    assert "typo.md.j2:3" in str(caught.value)
    assert "nmae" in str(caught.value)


def test_missing_record_is_an_error_not_a_blank(example, tmp_path):
    templates = user_templates(tmp_path, "missing", "# Letter\n\n{{ abuse('no-such-abuse').title }}\n")
    with pytest.raises(DraftError, match="no abuse 'no-such-abuse'"):
        draft(example, "missing", templates=templates)


def test_user_template_overrides_the_shipped_one_by_name(example, tmp_path):
    templates = user_templates(tmp_path, "foi", "# Our own FOI letter\n\nAbout {{ licences[0].id }}.\n")
    drafted = draft(example, templates=templates)
    assert text_of(drafted).startswith("Our own FOI letter")
    assert drafted.template.origin == "user"


def test_record_text_cannot_inject_markdown(example, tmp_path):
    templates = user_templates(tmp_path, "echo", "# Echo\n\n{{ '*not emphasis* [not a link](http://x)' }}\n")
    drafted = draft(example, "echo", templates=templates)
    assert "*not emphasis* [not a link](http://x)" in text_of(drafted)


# -- confidential records -----------------------------------------------------


@pytest.fixture(scope="module")
def confidential_case(tmp_path_factory):
    return load_case(copy_example(tmp_path_factory.mktemp("secret"), confidential=True))


def test_public_letters_leave_confidential_records_out(confidential_case):
    for kind, given in (
        ("foi", {}),
        ("foi-review", {"authority_reference": "R1", "response_date": dt.date(2026, 9, 28), "exemptions": ("s 27",)}),
    ):
        drafted = draft(confidential_case, kind, **given)
        text = text_of(drafted)
        assert "IMSI catcher on the newsroom" not in text
        assert "Interview with a detained journalist" not in text
        assert drafted.withheld.get("abuses") == 1


def test_template_asking_for_a_confidential_record_fails_naming_it(confidential_case, tmp_path):
    templates = user_templates(tmp_path, "leak", "# Letter\n\n{{ abuse('tr-witness-account-secret').title }}\n")
    with pytest.raises(ConfidentialRecordError, match="tr-witness-account-secret"):
        draft(confidential_case, "leak", templates=templates)


def test_citing_a_confidential_source_fails_naming_it(confidential_case, tmp_path):
    templates = user_templates(tmp_path, "leak2", "# Letter\n\nA claim.{{ cite('witness-interview-secret') }}\n")
    with pytest.raises(ConfidentialRecordError, match="witness-interview-secret"):
        draft(confidential_case, "leak2", templates=templates)


def test_confidential_text_typed_into_a_template_is_caught(confidential_case, tmp_path):
    templates = user_templates(
        tmp_path, "typed", "# Letter\n\nA detained journalist told us police used an IMSI catcher on the newsroom.\n"
    )
    with pytest.raises(ConfidentialRecordError, match="tr-witness-account-secret"):
        draft(confidential_case, "typed", templates=templates)


def test_confidential_text_with_quotes_is_caught_though_the_document_prints_them_typographic(tmp_path):
    case = copy_example(tmp_path, confidential=True)
    replace_in(
        case / "sources.yaml",
        "title: Interview with a detained journalist, Istanbul",
        'title: Interview with a detained journalist\'s brother, "Istanbul"',
    )
    templates = user_templates(
        tmp_path, "typed", '# Letter\n\nWe spoke in an interview with a detained journalist\'s brother, "Istanbul".\n'
    )
    with pytest.raises(ConfidentialRecordError, match="witness-interview-secret"):
        draft(load_case(case), "typed", templates=templates)
