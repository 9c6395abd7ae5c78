"""``advocate draft``: the files it writes, the manifest beside them, and what it refuses to do."""

from __future__ import annotations

import email
import email.policy
import hashlib
import json
import zipfile
from io import BytesIO

from drafting_cases import EXAMPLE, copy_example
from typer.testing import CliRunner

from advocate.cli import app

Q1_2017 = "DIT-2017Q1-TR-01"
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def draft_foi(out, *extra, case=EXAMPLE):
    return run("draft", "foi", case, "--out", out, "--licence", Q1_2017, "--date", "2025-12-19", *extra)


def test_draft_writes_every_format_and_a_manifest(tmp_path):
    out = tmp_path / "out"
    result = draft_foi(out)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["foi-request.docx", "foi-request.eml", "foi-request.md", "foi-request.pdf", "manifest.json"]
    assert "  2026-01-22  foi-request: reply due" in result.stdout
    manifest = json.loads((out / "manifest.json").read_text())
    [entry] = manifest["documents"]
    assert entry["kind"] == "foi"
    assert entry["date"] == "2025-12-19"
    assert entry["template"]["path"] == "letter_templates/foi.md.j2"
    shipped = (EXAMPLE.parent.parent / "letter_templates" / "foi.md.j2").read_bytes()
    assert entry["template"]["sha256"] == hashlib.sha256(shipped).hexdigest()
    assert Q1_2017 in entry["records"]["licences"]
    assert "CAAT-66239" in entry["records"]["licences"], "the earlier refusal the letter cites"
    assert "foia-2000" in entry["records"]["sources"] and "motherboard-2017" in entry["records"]["sources"]
    assert entry["deadlines"][0]["date"] == "2026-01-22"
    for output in entry["outputs"]:
        assert hashlib.sha256((out / output["path"]).read_bytes()).hexdigest() == output["sha256"]
    inputs = {i["path"] for i in manifest["case"]["inputs"]}
    assert {"case.yaml", "abuses.yaml", "sources.yaml", "licences.csv"} <= inputs


def test_rerun_gives_byte_identical_files(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert draft_foi(first).exit_code == 0
    assert draft_foi(second).exit_code == 0
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_rerun_into_the_same_folder_replaces_its_own_files(tmp_path):
    out = tmp_path / "out"
    assert draft_foi(out).exit_code == 0
    result = draft_foi(out)
    assert result.exit_code == 0, result.output


def test_a_letter_edited_by_the_user_is_not_overwritten(tmp_path):
    out = tmp_path / "out"
    assert draft_foi(out).exit_code == 0
    edited = out / "foi-request.md"
    edited.write_text("My own edits\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    result = draft_foi(out)
    assert result.exit_code == 2
    assert "foi-request.md" in result.output and "changed since advocate wrote" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert draft_foi(out, "--force").exit_code == 0
    assert edited.read_text(encoding="utf-8") != "My own edits\n"


def test_email_draft_is_addressed_to_the_foi_address_with_the_pdf_attached(tmp_path):
    out = tmp_path / "out"
    assert draft_foi(out, "--format", "eml").exit_code == 0
    message = email.message_from_bytes((out / "foi-request.eml").read_bytes(), policy=email.policy.default)
    assert message["To"] == "Department for Business and Trade <check-the-foi-address@example.org>"
    assert message["From"] == "Example Campaign Group <requests@example.org>"
    assert message["Subject"].startswith(
        "Request for information: an export licence for Turkey decided in the first quarter of 2017"
    )
    body = message.get_body(("plain",)).get_content()
    assert "22 January 2026" in body
    [attachment] = list(message.iter_attachments())
    assert attachment.get_filename() == "foi-request.pdf"
    assert attachment.get_content().startswith(b"%PDF")


def test_docx_and_pdf_carry_the_letter_and_real_footnotes(tmp_path):
    out = tmp_path / "out"
    assert draft_foi(out, "--format", "docx", "--format", "pdf").exit_code == 0
    with zipfile.ZipFile(out / "foi-request.docx") as docx:
        xml = docx.read("word/document.xml").decode()
        notes = docx.read("word/footnotes.xml").decode()
    import docx as python_docx
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    # the text as Word shows it, tables included (identifiers' hyphens are non-breaking, dates' spaces no-break)
    element = python_docx.Document(out / "foi-request.docx").element.body
    body = " ".join(Paragraph(p, None).text for p in element.iter(qn("w:p"))).replace("\u00a0", " ")
    assert "software for telecommunications interception equipment" in body
    assert "22 January 2026" in body
    assert "w:footnoteReference" in xml
    assert "Freedom of Information Act 2000" in notes
    from pypdf import PdfReader

    text = " ".join(
        " ".join(
            page.extract_text() for page in PdfReader(BytesIO((out / "foi-request.pdf").read_bytes())).pages
        ).split()
    )
    assert "software for telecommunications interception equipment" in text
    assert "22 January 2026" in text
    assert "Freedom of Information Act 2000, s 1(1)" in text


def test_each_writes_one_letter_per_licence(tmp_path):
    out = tmp_path / "out"
    result = run(
        "draft", "foi", EXAMPLE, "--out", out, "--rating", "5D001", "--each", "--format", "md", "--date", "2026-11-23"
    )
    assert result.exit_code == 0, result.output
    written = sorted(p.name for p in out.glob("*.md"))
    assert written == ["foi-request-CAAT-71308.md", "foi-request-CAAT-75164.md"]


def test_unknown_licence_is_a_one_line_error_and_nothing_is_written(tmp_path):
    out = tmp_path / "out"
    result = run("draft", "foi", EXAMPLE, "--out", out, "--licence", "NO-SUCH")
    assert result.exit_code == 2
    assert "no licence NO-SUCH in the case" in result.output
    assert not out.exists()


def test_template_error_exits_2_naming_the_template_line_and_writes_nothing(tmp_path):
    templates = tmp_path / "t"
    templates.mkdir()
    (templates / "foi.md.j2").write_text("# Letter\n\n{{ requester.nmae }}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = draft_foi(out, "--templates", templates)
    assert result.exit_code == 2
    assert "foi.md.j2:3" in result.output
    assert not out.exists()


def test_bad_case_exits_2_and_names_the_problem(tmp_path):
    folder = copy_example(tmp_path)
    (folder / "abuses.yaml").write_text("- id: x\n  country: Narnia\n", encoding="utf-8")
    result = draft_foi(tmp_path / "out", case=folder)
    assert result.exit_code == 2
    assert "abuses.yaml" in result.output
    assert not (tmp_path / "out").exists()
