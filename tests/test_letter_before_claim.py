"""The letter before claim: Annex A's headings in order, its dates, its grounds and who may see what."""

from __future__ import annotations

import datetime as dt
import io
import re

import docx
import pytest
from drafting_cases import EXAMPLE, copy_example
from typer.testing import CliRunner

from advocate import load_case
from advocate.cli import app
from advocate.draft.options import ClaimOptions, DraftOptions
from advocate.errors import DraftError
from advocate.models.document import Heading, List, plain_text
from advocate.run.document import document_text, draft_document, render_document

ANNEX_A = [
    "1. To",
    "2. The claimant",
    "3. The defendant’s reference details",
    "4. The details of the claimant’s legal advisers",
    "5. The details of the matter being challenged",
    "6. The details of any interested parties",
    "7. The issue",
    "8. The details of the action that the defendant is expected to take",
    "9. ADR proposals",
    "10. The details of any information sought",
    "11. The details of any documents that are considered relevant and necessary",
    "12. The address for reply and service of court documents",
    "13. Proposed reply date",
]


@pytest.fixture(scope="module")
def example():
    return load_case(EXAMPLE)


def letter(case_file, date=dt.date(2026, 11, 23), **claim):
    return draft_document(case_file, "letter-before-claim", DraftOptions(date=date, claim=ClaimOptions(**claim)))


def text_of(drafted) -> str:
    return " ".join(document_text(drafted).split())


def test_every_annex_a_heading_in_order(example):
    drafted = letter(example)
    headings = [plain_text(h.children) for h in drafted.document.children if isinstance(h, Heading) and h.level == 2]
    assert headings == ANNEX_A


def test_annex_a_headings_in_order_in_the_docx(example):
    drafted = letter(example)
    word = docx.Document(io.BytesIO(render_document(drafted, ("docx",), example)["docx"]))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 2"]
    assert headings == ANNEX_A


def test_paragraphs_are_numbered_throughout(example):
    drafted = letter(example)
    starts = [block.start for block in drafted.document.children if isinstance(block, List) and block.ordered]
    assert starts[0] == 1
    assert starts == sorted(starts) and len(set(starts)) == len(starts)


def test_reply_date_is_fourteen_days_by_default_and_configurable(example):
    assert "Please reply by 7 December 2026, 14 days from the date of this letter" in text_of(letter(example))
    assert "Please reply by 3 December 2026, 10 days from the date of this letter" in text_of(
        letter(example, reply_days=10)
    )


def test_claim_limit_runs_from_the_grant_counted_from_the_quarters_first_day_and_the_letter_says_it_passed(example):
    drafted = letter(example)
    text = text_of(drafted)
    assert (
        "The decision was taken in the first quarter of 2017; counting from the first day of that period, "
        "1 January 2017, the earliest day on which it can have been taken, three months ran to 1 April 2017. "
        "That date has passed."
    ) in text
    assert "time runs from the date of the grant, not from the date on which the claimant learned of it" in text
    assert "Any claim would need an extension of time, which is for the court to grant" in text
    assert "1 July 2017" not in text
    [limit] = [t for t in drafted.timings if t.name.startswith("claim limit")]
    assert limit.deadline.date == dt.date(2017, 4, 1)
    assert "it has passed" in limit.warning


def recent_decision_case(tmp_path, decided: str):
    folder = copy_example(tmp_path)
    text = (folder / "case.yaml").read_text(encoding="utf-8")
    assert "    date: 2017-Q1" in text
    text = text.replace("    date: 2017-Q1", f"    date: {decided}", 1)
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    return load_case(folder)


def test_a_limit_less_than_six_weeks_away_warns(tmp_path):
    case_file = recent_decision_case(tmp_path, "2026-09-01")
    [limit] = [t for t in letter(case_file).timings if t.name.startswith("claim limit")]
    assert limit.deadline.date == dt.date(2026, 12, 1)
    assert "less than six weeks away" in limit.warning


def test_a_reply_date_after_the_limit_warns(tmp_path):
    case_file = recent_decision_case(tmp_path, "2026-11-01")
    [limit] = [t for t in letter(case_file, reply_days=80).timings if t.name.startswith("claim limit")]
    assert limit.deadline.date == dt.date(2027, 2, 1)
    assert "falls after the CPR r 54.5 limit" in limit.warning


def test_no_warning_when_the_limit_is_far_off(tmp_path):
    case_file = recent_decision_case(tmp_path, "2026-11-20")
    [limit] = [t for t in letter(case_file).timings if t.name.startswith("claim limit")]
    assert limit.warning == ""


def test_the_issue_cites_the_licence_the_linked_abuses_and_the_criteria_in_force(example):
    drafted = letter(example)
    text = text_of(drafted)
    issue = text[text.index("7. The issue") : text.index("8. The details of the action")]
    assert "The licence was granted in the first quarter of 2017" in issue
    assert (
        "Turkey arrested dozens of journalists after a coup attempt: occurred in 2016; reported by Motherboard "
        "in 2017, after the decision."
    ) in issue
    assert "Amnesty International’s Turkey director" in issue
    assert (
        "Campaign Against Arms Trade’s compilation of the Government’s licensing data records that an application "
        "to export goods rated 5A001 and 5D002 to Turkey (CAAT dataset no. 66239) was refused on 14 May 2014, "
        "giving Criterion 2 as the reason."
    ) in issue
    assert "CAAT cautions that the refusal reasons in its data may contain false matches" in issue
    assert "The Government refused licence" not in text
    assert "the Consolidated EU and National Arms Export Licensing Criteria of 25 March 2014 were in force" in issue
    assert "Criterion 2(a) (clear risk of internal repression) provides, in summary, that" in issue
    assert "“shall have regard to any guidance which relates to that power or other function”" in issue
    notes = [" ".join(plain_text(b.children) for b in note.children) for note in drafted.document.footnotes]
    assert any(note.startswith("Export Control Act 2002, s 9(5)") or note == "Ibid s 9(5)." for note in notes)
    assert any("[2019] EWCA Civ 1020" in note for note in notes)


def test_grounds_follow_the_choice_in_order(example):
    text = text_of(letter(example, grounds=("irrationality", "failure-to-review")))
    assert "Ground 1: Irrationality" in text
    assert "Ground 2: Failure to review the licence" in text
    assert "Failure to make sufficient inquiry" not in text
    assert "Export Control Order 2008, SI 2008/3231, art 32" in text


def test_unknown_ground_is_refused(example):
    with pytest.raises(DraftError, match="unknown ground no-such-ground"):
        letter(example, grounds=("no-such-ground",))


def test_public_letter_leaves_confidential_records_out_and_privileged_draft_shows_them(tmp_path):
    folder = copy_example(tmp_path, confidential=True)
    with open(folder / "links.yaml", "a", encoding="utf-8") as f:
        f.write(
            "\n- id: secret-link\n  licence: DIT-2017Q1-TR-01\n  abuse: tr-witness-account-secret\n"
            "  reason: our witness saw the licensed equipment used on the newsroom\n  confidential: true\n"
        )
    public = text_of(letter(load_case(folder)))
    assert "IMSI catcher on the newsroom" not in public
    assert "Privileged and confidential" not in public
    case_yaml = folder / "case.yaml"
    case_yaml.write_text(
        case_yaml.read_text(encoding="utf-8").replace("privileged: false", "privileged: true"), encoding="utf-8"
    )
    privileged = text_of(letter(load_case(folder)))
    assert "Privileged and confidential" in privileged
    assert "IMSI catcher on the newsroom" in privileged


def test_command_writes_docx_and_pdf_and_warns_about_the_passed_limit(tmp_path):
    result = CliRunner().invoke(
        app,
        [
            "draft",
            "letter-before-claim",
            str(EXAMPLE),
            "--out",
            str(tmp_path / "out"),
            "--date",
            "2026-11-23",
            "--format",
            "docx",
            "--format",
            "pdf",
        ],
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "letter-before-claim.docx").is_file()
    assert (tmp_path / "out" / "letter-before-claim.pdf").is_file()
    assert "  2026-12-07  letter-before-claim: reply proposed by — " in result.stdout
    assert re.search(r"warning: the CPR r 54.5 limit .* has passed", result.output)


def test_check_names_a_misspelt_ground_with_its_line(tmp_path):
    folder = copy_example(tmp_path)
    with open(folder / "case.yaml", "a", encoding="utf-8") as f:
        f.write("\nclaim:\n  grounds: [criterion-2, irationality]\n")
    result = CliRunner().invoke(app, ["check", str(folder)])
    assert result.exit_code == 2
    assert re.search(
        r"case\.yaml:\d+: error: claim, field 'grounds': ground 'irationality' does not exist "
        r"\(did you mean 'irrationality'\?\)",
        result.output,
    )
