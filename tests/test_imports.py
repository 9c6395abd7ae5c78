"""``advocate import``: each source's file becomes records of the case, marked for review, without touching
what a person wrote; bad input names the file, the row and the column, and writes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from advocate.cli import app
from advocate.validate.check import check_case
from tests.helpers import FIXTURES, TODAY, replace_in

runner = CliRunner()
IMPORTS = FIXTURES / "imports"


def run_import(case: Path, source: str, file: Path, *extra: str):
    return runner.invoke(app, ["import", source, str(file), "--case", str(case), "--accessed", "2024-05-01", *extra])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def cpj_csv(tmp_path: Path) -> Path:
    path = tmp_path / "cpj.csv"
    shutil.copy(IMPORTS / "cpj-killed.csv", path)
    return path


# -- CPJ ------------------------------------------------------------------------------------------


def test_cpj_killings_become_abuses_with_unknown_perpetrators_marked_for_review(new_case, cpj_csv):
    result = run_import(new_case, "cpj", cpj_csv, "--version", "export of 1 May 2024")
    assert result.exit_code == 0, result.output
    assert "4 rows read, 2 to import as abuses" in result.stdout
    assert "'Israel and the Occupied Palestinian Territory' (row 4)" in result.stderr
    checked = check_case(new_case, today=TODAY)
    assert checked.errors == []
    abuse = checked.case_file.abuses["cpj-killed-ayse-example"]
    assert abuse.reviewed is False
    assert abuse.perpetrators == ("unknown",)
    assert abuse.categories == ("killing-of-a-journalist",)
    assert abuse.title == "Ayse Example, a journalist, was murdered in Turkey"
    assert abuse.date.text == "2018-04-30" and abuse.country.code == "TR"
    assert abuse.sources[0].id == "cpj-killed" and abuse.sources[0].pinpoint == "entry 'Ayse Example'"
    unconfirmed = checked.case_file.abuses["cpj-killed-mehmet-sample"]
    assert unconfirmed.title == (
        "Mehmet Sample, a media worker, was killed in crossfire in Turkey (CPJ has not confirmed the motive)"
    )
    assert "cpj-killed-juan-fixture" not in checked.case_file.abuses  # Mexico is not the case's country
    source = checked.case_file.sources["cpj-killed"]
    assert (source.kind, source.organisation, source.version, source.accessed.isoformat()) == (
        "dataset",
        "Committee to Protect Journalists",
        "export of 1 May 2024",
        "2024-05-01",
    )
    case_text = (new_case / "case.yaml").read_text(encoding="utf-8")
    assert case_text.endswith("record_files:\n  - abuses.cpj.yaml\n  - sources.imported.yaml\n")
    assert [w.message for w in checked.warnings if w.code == "awaiting_review"] == [
        "2 records await review (reviewed: false); documents leave them out"
    ]


def test_reimporting_changes_nothing(new_case, cpj_csv):
    assert run_import(new_case, "cpj", cpj_csv).exit_code == 0
    before = snapshot(new_case)
    again = run_import(new_case, "cpj", cpj_csv)
    assert again.exit_code == 0, again.output
    assert "abuses.cpj.yaml: unchanged (2 records as they were)" in again.stdout
    assert snapshot(new_case) == before


def test_reimport_updates_database_fields_keeps_the_reviewers_and_asks_for_review_again(new_case, cpj_csv):
    assert run_import(new_case, "cpj", cpj_csv).exit_code == 0
    imported = new_case / "abuses.cpj.yaml"
    replace_in(
        imported,
        "- id: cpj-killed-ayse-example\n  reviewed: false\n",
        "- id: cpj-killed-ayse-example   # checked against CPJ's page\n  reviewed: true\n",
    )
    replace_in(imported, "  perpetrators: [unknown]\n", "  perpetrators: [police]\n  notes: seen the court file\n")
    replace_in(cpj_csv, '"April 30, 2018"', '"May 1, 2018"')
    result = run_import(new_case, "cpj", cpj_csv)
    assert result.exit_code == 0, result.output
    assert "~ cpj-killed-ayse-example: date: '2018-04-30' → '2018-05-01'; needs review again" in result.stdout
    text = imported.read_text(encoding="utf-8")
    assert text.count("- id: cpj-killed-ayse-example") == 1
    assert "# checked against CPJ's page" in text and "notes: seen the court file" in text
    abuse = check_case(new_case, today=TODAY).case_file.abuses["cpj-killed-ayse-example"]
    assert (abuse.date.text, abuse.perpetrators, abuse.reviewed) == ("2018-05-01", ("police",), False)


def test_dry_run_says_what_would_change_and_writes_nothing(new_case, cpj_csv):
    before = snapshot(new_case)
    result = run_import(new_case, "cpj", cpj_csv, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "abuses.cpj.yaml (new file): would add 2, update 0, leave 0 unchanged" in result.stdout
    assert "+ cpj-killed-ayse-example: Ayse Example, a journalist, was murdered in Turkey (2018-04-30)" in result.stdout
    assert "case.yaml: would list abuses.cpj.yaml, sources.imported.yaml under record_files" in result.stdout
    assert "dry run: nothing written" in result.stdout
    assert snapshot(new_case) == before


def test_hand_written_files_are_never_touched(new_case, cpj_csv):
    before = (new_case / "abuses.yaml").read_bytes()
    refused = run_import(new_case, "cpj", cpj_csv, "--into", "abuses.yaml")
    assert refused.exit_code == 2
    assert "abuses.yaml: error: is one of the case's own files, which an import never changes" in refused.stderr
    (new_case / "abuses.cpj.yaml").write_text("# my own notes on CPJ cases\n[]\n", encoding="utf-8")
    mine = run_import(new_case, "cpj", cpj_csv)
    assert mine.exit_code == 2
    assert "abuses.cpj.yaml:1: error: was not written by advocate import, so it is never changed by one" in mine.stderr
    assert (new_case / "abuses.cpj.yaml").read_text(encoding="utf-8") == "# my own notes on CPJ cases\n[]\n"
    assert run_import(new_case, "cpj", cpj_csv, "--into", "abuses.cpj-2024.yaml").exit_code == 0
    assert (new_case / "abuses.yaml").read_bytes() == before


def test_a_bad_cpj_date_names_the_row_and_column_and_writes_nothing(new_case, cpj_csv):
    replace_in(cpj_csv, '"July 16, 2016"', "last summer")
    before = snapshot(new_case)
    result = run_import(new_case, "cpj", cpj_csv)
    assert result.exit_code == 2
    assert "cpj.csv:3: error: row 2, column 'Date': 'last summer' is not a date" in result.stderr
    assert "nothing written" in result.stderr and "Traceback" not in result.output
    assert snapshot(new_case) == before


def test_a_cpj_file_without_its_columns_names_what_is_missing(new_case, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Date\nA,2018\n", encoding="utf-8")
    result = run_import(new_case, "cpj", bad)
    assert result.exit_code == 2
    assert "bad.csv:1: error: has no column 'Status'; the header has: Name, Date" in result.stderr
    assert "bad.csv:1: error: has no column 'cpj.org URL'" in result.stderr


def test_an_id_already_used_by_a_hand_written_record_is_refused(new_case, cpj_csv):
    abuses = new_case / "abuses.yaml"
    abuses.write_text(
        abuses.read_text(encoding="utf-8").replace("- id: ", "- id: cpj-killed-ayse-example\n  notes: x\n  # was: ", 1),
        encoding="utf-8",
    )
    result = run_import(new_case, "cpj", cpj_csv)
    assert result.exit_code == 2
    assert "would be record 'cpj-killed-ayse-example', an id already used in abuses.yaml" in result.stderr


# -- the campaign's own spreadsheet ---------------------------------------------------------------


@pytest.fixture
def documentation(tmp_path: Path) -> tuple[Path, Path]:
    sheet, mapping = tmp_path / "documentation.csv", tmp_path / "documentation.mapping.yaml"
    shutil.copy(IMPORTS / "documentation.csv", sheet)
    shutil.copy(IMPORTS / "documentation.mapping.yaml", mapping)
    return sheet, mapping


def test_a_spreadsheet_becomes_abuses_through_its_mapping(new_case, documentation):
    sheet, mapping = documentation
    result = run_import(new_case, "spreadsheet", sheet, "--mapping", str(mapping))
    assert result.exit_code == 0, result.output
    abuses = check_case(new_case, today=TODAY).case_file.abuses
    first, second = abuses["doc-d-1"], abuses["doc-d-2"]
    assert (first.date.text, first.perpetrators, first.categories, first.confidential) == (
        "2017-03-12",
        ("police",),
        ("arbitrary-detention",),
        False,
    )
    assert second.categories == ("arbitrary-detention", "persecution-of-journalists")
    assert second.confidential is True
    assert first.sources[0].id == "our-documentation" and first.sources[0].pinpoint == "entry D-1"
    assert (new_case / "abuses.documentation.yaml").is_file()


def test_a_bad_row_in_a_spreadsheet_is_named_and_nothing_is_written(new_case, documentation):
    sheet, mapping = documentation
    with sheet.open("a", encoding="utf-8") as out:
        out.write("D-3,31/02/2017,Turkey,A date that does not exist,Police,Detention,no\n")
        out.write("D-4,01/04/2017,Turkey,Beaten at a protest,Police,Beating,no\n")
    before = snapshot(new_case)
    result = run_import(new_case, "spreadsheet", sheet, "--mapping", str(mapping))
    assert result.exit_code == 2
    assert "documentation.csv:4: error: row 3, column 'Date': '31/02/2017' is not a date" in result.stderr
    assert "documentation.csv:5: error: row 4, column 'Kind': 'Beating' is not a known abuse category" in result.stderr
    assert "2 problems; nothing written" in result.stderr
    assert snapshot(new_case) == before


def test_a_workbook_row_is_named_as_the_spreadsheet_shows_it(new_case, documentation, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    _, mapping = documentation
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Detentions"
    sheet.append(["Our documentation of detentions"])
    sheet.append(["Ref", "Date", "Country", "What happened", "Who", "Kind", "Confidential"])
    sheet.append(["D-1", "12/03/2017", "Turkey", "Police detained an editor", "Police", "Detention", "no"])
    sheet.append(["D-2", "12/03/2017", "Narnia", "Held without charge", "Police", "Detention", "no"])
    path = tmp_path / "documentation.xlsx"
    workbook.save(path)
    result = run_import(new_case, "spreadsheet", path, "--mapping", str(mapping))
    assert result.exit_code == 2
    assert (
        "documentation.xlsx (sheet 'Detentions'): error: row 4, column 'Country': 'Narnia' is not a country"
        in result.stderr
    )


def test_a_mapping_to_a_field_records_do_not_have_names_its_line(new_case, documentation):
    sheet, mapping = documentation
    replace_in(mapping, "  Who: perpetrators\n", "  Who: perpetrator\n")
    result = run_import(new_case, "spreadsheet", sheet, "--mapping", str(mapping))
    assert result.exit_code == 2
    assert (
        "documentation.mapping.yaml:9: error: column 'Who' maps to 'perpetrator', which is not a field of abuses "
        "(did you mean 'perpetrators'?)" in result.stderr
    )


# -- indicators ------------------------------------------------------------------------------------


def test_freedom_house_csv_gives_an_indicator_never_an_abuse(new_case):
    result = run_import(new_case, "freedom-house", IMPORTS / "freedom-house.csv", "--edition", "2023")
    assert result.exit_code == 0, result.output
    case_file = check_case(new_case, today=TODAY).case_file
    indicator = case_file.indicators["freedom-house-2023-turkey"]
    assert (indicator.publisher, indicator.rating, indicator.score, indicator.edition) == (
        "Freedom House",
        "Not Free",
        32,
        "2023",
    )
    assert case_file.sources["freedom-house-fiw-2023"].version == "2023 edition"
    assert not any(a.startswith("freedom-house") for a in case_file.abuses)
    assert "'Tibet' (row 3)" in result.stderr


def test_freedom_house_csv_needs_its_edition(new_case):
    result = run_import(new_case, "freedom-house", IMPORTS / "freedom-house.csv")
    assert result.exit_code == 2
    assert "row 1, column 'edition': gives no edition, and none was given with --edition" in result.stderr


def test_civicus_ratings_are_checked_against_the_monitors_scale(new_case, tmp_path):
    result = run_import(new_case, "civicus", IMPORTS / "civicus.csv", "--edition", "2023")
    assert result.exit_code == 0, result.output
    indicator = check_case(new_case, today=TODAY).case_file.indicators["civicus-2023-turkey"]
    assert (indicator.measure, indicator.rating) == ("civic space", "Repressed")
    bad = tmp_path / "civicus.csv"
    bad.write_text("country,rating\nTurkey,Very bad\n", encoding="utf-8")
    refused = run_import(new_case, "civicus", bad, "--edition", "2024")
    assert refused.exit_code == 2
    assert "civicus.csv:2: error: row 1, column 'rating': 'Very bad' is not a CIVICUS Monitor rating" in refused.stderr


# -- Surveillance Industry Index ------------------------------------------------------------------


def test_an_sii_transfer_names_supplier_and_end_user(new_case):
    result = run_import(new_case, "sii", IMPORTS / "sii-transfers.json")
    assert result.exit_code == 0, result.output
    case_file = check_case(new_case, today=TODAY).case_file
    transfer = case_file.transfers["sii-example-interception-gmbh-turkey-2015"]
    assert (transfer.supplier, transfer.supplier_country, transfer.end_user) == (
        "Example Interception GmbH",
        "Germany",
        "National Police",
    )
    assert transfer.goods == ("Lawful interception", "Monitoring Centre")
    assert transfer.technology == ("interception",)
    assert (transfer.date.text, transfer.complete, transfer.basis) == ("2015", "unknown", "open source")
    assert "https://news.example.org/monitoring" in transfer.reported_in
    assert transfer.sources[0].pinpoint == "transfer 'Example_Interception_GmbH_Turkey_2015'"


def test_malformed_json_names_its_line(new_case, tmp_path):
    bad = tmp_path / "transfers.json"
    bad.write_text('[\n  {"supplier_company": "X",\n  "recipient_country": }\n]\n', encoding="utf-8")
    result = run_import(new_case, "sii", bad)
    assert result.exit_code == 2
    assert "transfers.json:3: error: is not valid JSON" in result.stderr


def test_every_import_source_names_a_reader_that_exists():
    from advocate.importers.registry import import_sources

    for source in import_sources().values():
        assert callable(source.read), source.name
