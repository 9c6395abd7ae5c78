"""``advocate build``: every document the case asks for, one manifest, and nothing partial on failure."""

from __future__ import annotations

import csv
import io
import json

from drafting_cases import copy_example
from typer.testing import CliRunner

from advocate.cli import app

runner = CliRunner()


def case_asking_for(tmp_path, documents: str, *, confidential: bool = False):
    folder = copy_example(tmp_path, confidential=confidential)
    with open(folder / "case.yaml", "a", encoding="utf-8") as f:
        f.write(f"\ndocuments: {documents}\n")
    return folder


def build(folder, out, *extra):
    return runner.invoke(app, ["build", str(folder), "--out", str(out), "--date", "2026-11-23", *map(str, extra)])


def test_build_writes_every_document_links_and_one_manifest(tmp_path):
    folder = case_asking_for(tmp_path, "[foi, letter-before-claim]")
    out = tmp_path / "out"
    result = build(folder, out)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "foi-request.docx",
        "foi-request.eml",
        "foi-request.md",
        "foi-request.pdf",
        "letter-before-claim.docx",
        "letter-before-claim.md",
        "letter-before-claim.pdf",
        "links.csv",
        "manifest.json",
    ]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [d["kind"] for d in manifest["documents"]] == ["foi", "letter-before-claim", "links"]
    # in date order, each with its document; the claim limit long passed
    limit = result.stdout.index("  2017-04-01  letter-before-claim: claim limit (decision-2017-q1) (passed) — ")
    proposed = result.stdout.index("  2026-12-07  letter-before-claim: reply proposed by")
    due = result.stdout.index("  2026-12-22  foi-request: reply due")
    assert limit < proposed < due
    assert result.stderr.count("warning: the CPR r 54.5 limit") == 1


def test_links_file_and_letters_leave_confidential_records_out(tmp_path):
    folder = case_asking_for(tmp_path, "[foi, letter-before-claim]", confidential=True)
    with open(folder / "links.yaml", "a", encoding="utf-8") as f:
        f.write(
            "\n- id: secret-link\n  licence: DIT-2017Q1-TR-01\n  abuse: tr-journalists-arrested-2016\n"
            "  reason: our source saw this very equipment in the interrogation room\n  confidential: true\n"
        )
    out = tmp_path / "out"
    result = build(folder, out)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO((out / "links.csv").read_text(encoding="utf-8"))))
    assert rows, "the public links are written"
    assert all(row["abuse_id"] != "tr-witness-account-secret" for row in rows)
    assert not any(
        row["abuse_id"] == "tr-journalists-arrested-2016" and row["licence_id"] == "DIT-2017Q1-TR-01" for row in rows
    ), "a link a confidential record asserts is not published"
    for name in ("foi-request.md", "letter-before-claim.md", "links.csv"):
        text = (out / name).read_text(encoding="utf-8")
        assert "interrogation room" not in text
        assert "IMSI catcher on the newsroom" not in text


def test_a_failing_document_leaves_the_folder_untouched(tmp_path):
    folder = case_asking_for(tmp_path, "[foi, letter-before-claim]")
    text = (folder / "case.yaml").read_text(encoding="utf-8")
    (folder / "case.yaml").write_text(text.replace("    licences: [DIT-2017Q1-TR-01]\n", ""), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = build(folder, out)
    assert result.exit_code == 2
    assert "decision 'decision-2017-q1' names no licences" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


def test_unknown_document_kind_is_an_error_naming_the_file(tmp_path):
    folder = case_asking_for(tmp_path, "[foi, press-release]")
    result = build(folder, tmp_path / "out")
    assert result.exit_code == 2
    assert "case.yaml" in result.output and "documents" in result.output
    assert not (tmp_path / "out").exists()
