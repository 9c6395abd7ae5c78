"""Imported records in use: read from the files case.yaml lists, left out of every document until a person
has marked them reviewed (and counted), indicators printed as context with their citation."""

from __future__ import annotations

import datetime as dt
import shutil

from drafting_cases import copy_example
from typer.testing import CliRunner

from advocate.cli import app
from advocate.draft.evidence import Evidence
from advocate.run.build import build_case
from advocate.run.document import DraftOptions, document_text, draft_document
from advocate.validate.check import check_case
from tests.helpers import FIXTURES, TODAY, line_of, replace_in

runner = CliRunner()
DATE = dt.date(2026, 3, 2)
IMPORTS = FIXTURES / "imports"


def imported_example(tmp_path):
    case = copy_example(tmp_path)
    csv = tmp_path / "cpj.csv"
    shutil.copy(IMPORTS / "cpj-killed.csv", csv)
    for args in (
        ["cpj", str(csv)],
        ["freedom-house", str(IMPORTS / "freedom-house.csv"), "--edition", "2023"],
        ["sii", str(IMPORTS / "sii-transfers.json")],
    ):
        result = runner.invoke(app, ["import", *args, "--case", str(case), "--accessed", "2024-05-01"])
        assert result.exit_code == 0, result.output
    return case


def mark_reviewed(path, record_id):
    replace_in(path, f"- id: {record_id}\n  reviewed: false\n", f"- id: {record_id}\n  reviewed: true\n")


def test_unreviewed_records_stay_out_of_documents_and_are_counted(tmp_path):
    case = imported_example(tmp_path)
    case_file = check_case(case, today=TODAY).case_file
    evidence = Evidence(case_file, public=True, document="the briefing")
    assert "cpj-killed-ayse-example" not in {a.id for a in evidence.abuses}
    assert evidence.unreviewed == {"abuses": 2, "indicators": 1, "transfers": 1}
    text = document_text(draft_document(case_file, "briefing", DraftOptions(date=DATE)))
    assert "Ayse Example" not in text and "Freedom House" not in text
    privileged = Evidence(case_file, public=False, document="a privileged letter")
    assert "cpj-killed-ayse-example" not in {a.id for a in privileged.abuses}


def test_a_reviewed_import_is_used_and_an_indicator_is_printed_with_its_citation(tmp_path):
    case = imported_example(tmp_path)
    mark_reviewed(case / "abuses.cpj.yaml", "cpj-killed-ayse-example")
    mark_reviewed(case / "indicators.freedom-house.yaml", "freedom-house-2023-turkey")
    case_file = check_case(case, today=TODAY).case_file
    evidence = Evidence(case_file, public=True, document="the briefing")
    assert "cpj-killed-ayse-example" in {a.id for a in evidence.abuses}
    assert evidence.unreviewed == {"abuses": 1, "transfers": 1}
    text = document_text(draft_document(case_file, "briefing", DraftOptions(date=DATE)))
    assert "Freedom House rates Turkey Not Free (32 out of 100), 2023 edition." in text
    assert "Freedom House, Freedom in the World (2023 edition) entry ‘Turkey’" in text


def test_a_build_says_how_many_records_await_review(tmp_path):
    case = imported_example(tmp_path)
    run = build_case(case, tmp_path / "out", date=DATE)
    assert (
        "4 records awaiting review (reviewed: false) were left out; mark them reviewed once checked against the source"
        in run.warnings
    )
    assert "cpj-killed" not in (tmp_path / "out" / "links.csv").read_text(encoding="utf-8")


def test_a_reviewed_transfer_reads_as_the_index_reports_it(tmp_path):
    case = imported_example(tmp_path)
    mark_reviewed(case / "transfers.sii.yaml", "sii-example-interception-gmbh-turkey-2015")
    case_file = check_case(case, today=TODAY).case_file
    from advocate.draft.transfers import case_transfers

    [view] = case_transfers(Evidence(case_file, public=True, document="the briefing"))
    assert view.statement == (
        "Example Interception GmbH (Germany) is reported to have sold goods listed as lawful "
        "interception and monitoring Centre to National Police in Turkey, ordered in 2015; "
        "whether the transfer was completed is not known"
    )


def test_a_record_file_listed_twice_or_missing_is_an_error_on_its_line(new_case):
    replace_in(new_case / "case.yaml", "title:", "record_files: [abuses.extra.yaml, abuses.yaml]\ntitle:")
    line = line_of(new_case / "case.yaml", "record_files")
    problems = [str(p) for p in check_case(new_case, today=TODAY).errors]
    assert any(
        f"case.yaml:{line}: error: field 'record_files': record file 'abuses.extra.yaml' does not exist" in p
        for p in problems
    )
    assert any("'abuses.yaml' is already read" in p for p in problems)


def test_an_id_in_two_record_files_is_a_duplicate(new_case):
    abuses = (new_case / "abuses.yaml").read_text(encoding="utf-8")
    (new_case / "abuses.more.yaml").write_text(abuses, encoding="utf-8")
    replace_in(new_case / "case.yaml", "title:", "record_files: [abuses.more.yaml]\ntitle:")
    problems = [str(p) for p in check_case(new_case, today=TODAY).errors]
    assert any(
        "abuses.more.yaml" in p and "is already used by the abuse in" in p and "abuses.yaml on line" in p
        for p in problems
    )


def test_a_record_read_only_from_a_listed_file_is_named_as_one_record(new_case):
    (new_case / "transfers.extra.yaml").write_text(
        "- id: tr-1\n  supplier: Acme\n  country: TR\n  date: 2099\n  sources: [nosuch]\n", encoding="utf-8"
    )
    replace_in(new_case / "case.yaml", "title:", "record_files: [transfers.extra.yaml]\ntitle:")
    problems = [str(p) for p in check_case(new_case, today=TODAY).errors]
    assert any(
        p.endswith(
            "transfers.extra.yaml:4: error: transfer 'tr-1', field 'date': '2099' is in the future "
            "(today is 2026-11-22)"
        )
        for p in problems
    )
    assert any(
        "transfers.extra.yaml:5: error: transfer 'tr-1', field 'sources': source 'nosuch' does not exist" in p
        for p in problems
    )
