"""Confidentiality covers every file a run writes and every name in it; and leaves out only what it must.

Each test is one of the attacks of issue 11 §1, on the shipped example with confidential records added.
"""

from __future__ import annotations

import csv
import email
import email.policy
import json

import pytest
from drafting_cases import copy_example, set_case_field
from output_text import found_in, readable
from typer.testing import CliRunner

from advocate.cli import app
from advocate.errors import ConfidentialRecordError
from advocate.run.leaks import LeakCheck, check_public_files
from advocate.validate.check import load_case
from tests.helpers import TODAY, replace_in

runner = CliRunner()
DATE = ("--date", "2026-12-04")


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


SECRET_SOURCE = """
- id: wb-src
  kind: interview
  title: Interview with a whistleblower at the ministry
  date: 2017-03-02
  confidential: true
"""


def with_licence_rows(folder, *rows: dict, confidential: tuple[str, ...] = ()) -> None:
    """Add licence rows to the example's licences.csv, and mark the licences ``confidential`` names."""
    path = folder / "licences.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    columns = [*table[0], "refusal_criteria", "confidential"]
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in table:
            writer.writerow({**row, "refusal_criteria": "", "confidential": "yes" if row["id"] in confidential else ""})
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})


def confidential_imsi_licence(folder) -> None:
    with_licence_rows(folder, confidential=("MB-TR-IMSI",))


def test_links_csv_never_lists_a_confidential_source_a_public_abuse_cites(tmp_path):
    folder = copy_example(tmp_path)
    with open(folder / "sources.yaml", "a", encoding="utf-8") as handle:
        handle.write(SECRET_SOURCE)
    replace_in(folder / "abuses.yaml", "sources: [motherboard-2017]", "sources: [motherboard-2017, wb-src]")
    result = run("build", folder, "--out", tmp_path / "out", *DATE)
    assert result.exit_code == 0, result.output
    links = (tmp_path / "out" / "links.csv").read_text(encoding="utf-8")
    assert "motherboard-2017" in links
    assert "wb-src" not in links and "whistleblower" not in links


def test_a_public_letter_about_a_confidential_licence_alone_is_an_error_naming_it(tmp_path):
    folder = copy_example(tmp_path)
    confidential_imsi_licence(folder)
    out = tmp_path / "out"
    result = run("draft", "foi", folder, "--licence", "MB-TR-IMSI", "--out", out, *DATE)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"error: {folder}: licence MB-TR-IMSI is confidential or known only from confidential sources: a Freedom of "
        "Information request to the licensing body is a public document and cannot be about it; select licences "
        "that are not"
    ]
    assert not out.exists()


def test_each_leaves_a_confidential_licence_out_of_names_manifest_and_email_headers(tmp_path):
    folder = copy_example(tmp_path)
    confidential_imsi_licence(folder)
    out = tmp_path / "out"
    result = run(
        "draft",
        "foi",
        folder,
        "--licence",
        "MB-TR-IMSI",
        "--licence",
        "DIT-2017Q1-TR-01",
        "--each",
        "--format",
        "md",
        "--format",
        "eml",
        "--out",
        out,
        *DATE,
    )
    assert result.exit_code == 0, result.output
    assert "1 confidential licence left out (no public document is written about it)" in result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "foi-request-DIT-2017Q1-TR-01.eml",
        "foi-request-DIT-2017Q1-TR-01.md",
        "manifest.json",
    ]
    for path, text in readable(out):
        assert not found_in(text, {"MB-TR-IMSI", "MB TR IMSI"}), path


def test_a_confidential_refusal_or_source_a_licence_cites_blocks_no_public_document(tmp_path):
    folder = copy_example(tmp_path)
    with open(folder / "sources.yaml", "a", encoding="utf-8") as handle:
        handle.write(SECRET_SOURCE)
    replace_in(
        folder / "licences.csv",
        "motherboard-2017; dit-licensing-data-2017q1",
        "motherboard-2017; dit-licensing-data-2017q1; wb-src",
    )
    with_licence_rows(
        folder,
        {
            "id": "SECRET-REF-1",
            "destination": "Turkey",
            "decision_date": "2016-Q2",
            "outcome": "refused",
            "ratings": "5D001",
            "goods_summary": "software for telecommunications interception",
            "end_user": "police",
            "sources": "motherboard-2017",
            "notes": "told to us by a civil servant",
            "refusal_criteria": "2",
            "confidential": "yes",
        },
    )
    out = tmp_path / "out"
    result = run("build", folder, "--out", out, *DATE)
    assert result.exit_code == 0, result.output
    assert "confidential record left out" in result.output or "confidential records left out" in result.output
    for path, text in readable(out):
        assert not found_in(text, {"SECRET-REF-1", "wb-src", "whistleblower", "told to us by a civil servant"}), path
    letter = (out / "letter-before-claim.md").read_text(encoding="utf-8")
    assert "(CAAT dataset no. 66239) was refused on 14 May 2014" in letter, "the public refusal is still evidence"


def test_a_privileged_build_keeps_the_privileged_letter_apart(tmp_path):
    folder = copy_example(tmp_path, confidential=True)
    replace_in(folder / "case.yaml", "privileged: false", "privileged: true")
    out = tmp_path / "out"
    result = run("build", folder, "--out", out, *DATE)
    assert result.exit_code == 0, result.output
    public = sorted(p.name for p in out.iterdir())
    assert "letter-before-claim.pdf" not in public and "privileged" in public
    assert sorted(p.name for p in (out / "privileged").iterdir()) == [
        "links.csv",
        "manifest.json",
        "privileged-letter-before-claim.docx",
        "privileged-letter-before-claim.md",
        "privileged-letter-before-claim.pdf",
    ]
    secrets = {"tr-witness-account-secret", "witness-interview-secret", "IMSI catcher on the newsroom"}
    for path, text in readable(out, skip=("privileged",)):
        assert not found_in(text, secrets), path
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "letter-before-claim" not in {d["kind"] for d in manifest["documents"]}
    letter = (out / "privileged" / "privileged-letter-before-claim.md").read_text(encoding="utf-8")
    assert "IMSI catcher on the newsroom" in letter
    from pypdf import PdfReader

    subject = PdfReader(out / "privileged" / "privileged-letter-before-claim.pdf").metadata["/Subject"]
    assert subject.startswith("Privileged and confidential: ")


def test_a_privileged_letter_is_never_an_email_to_the_proposed_defendant(tmp_path):
    folder = copy_example(tmp_path, confidential=True)
    replace_in(folder / "case.yaml", "privileged: false", "privileged: true")
    out = tmp_path / "out"
    result = run("draft", "letter-before-claim", folder, "--format", "eml", "--out", out, *DATE)
    assert result.exit_code == 2
    assert "is privileged: it is never drafted as an email to the proposed defendant" in result.output
    assert not out.exists()
    set_case_field(folder, "legal_representative:\n  firm: Own Solicitors LLP\n  email: lawyer@example.org")
    result = run("draft", "letter-before-claim", folder, "--format", "eml", "--out", out, *DATE)
    assert result.exit_code == 0, result.output
    message = email.message_from_bytes(
        (out / "privileged" / "privileged-letter-before-claim.eml").read_bytes(), policy=email.policy.default
    )
    assert message["To"] == "Own Solicitors LLP <lawyer@example.org>"
    assert message["Subject"].startswith("Privileged and confidential: ")
    assert not (out / "manifest.json").exists(), "nothing goes to the public folder"


def test_a_template_that_prints_a_short_confidential_id_is_refused(tmp_path):
    folder = copy_example(tmp_path)
    with open(folder / "sources.yaml", "a", encoding="utf-8") as handle:
        handle.write(SECRET_SOURCE)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "foi.md.j2").write_text("# A letter\n\nAs our source wb-src told us.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("draft", "foi", folder, "--templates", templates, "--licence", "DIT-2017Q1-TR-01", "--out", out, *DATE)
    assert result.exit_code == 2
    assert "would contain 'wb-src', the id of withheld source 'wb-src'; a public document must not show it" in " ".join(
        result.output.split()
    )
    assert not out.exists()


@pytest.mark.parametrize(
    ("text", "leaks"),
    [
        ("See wb-src.", True),
        ("(wb-src)", True),
        ("wb-src: interview", True),
        ("wb-src-2 is public", False),
        ("my-wb-src", False),
        ("wb-srcs", False),
        ("WB-SRC", False),
        ("Interview with a WHISTLEBLOWER   at the\nministry", True),
    ],
)
def test_ids_are_found_as_tokens_and_text_whatever_its_case_and_spacing(tmp_path, text, leaks):
    folder = copy_example(tmp_path)
    with open(folder / "sources.yaml", "a", encoding="utf-8") as handle:
        handle.write(SECRET_SOURCE)
    check = LeakCheck(load_case(folder, today=TODAY))
    assert (check.find(text) is not None) == leaks


def test_file_names_and_email_headers_are_checked(tmp_path):
    folder = copy_example(tmp_path)
    confidential_imsi_licence(folder)
    case_file = load_case(folder, today=TODAY)
    with pytest.raises(ConfidentialRecordError, match=r"the file name foi-request-MB-TR-IMSI\.md would contain"):
        check_public_files({"foi-request-MB-TR-IMSI.md": b"nothing"}, case_file)
    eml = b"Subject: About MB-TR-IMSI\r\nTo: a@example.org\r\n\r\nbody\r\n"
    with pytest.raises(ConfidentialRecordError, match=r"letter\.eml \(the Subject header\) would contain 'MB-TR-IMSI'"):
        check_public_files({"letter.eml": eml}, case_file)
