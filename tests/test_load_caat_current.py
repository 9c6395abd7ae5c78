"""Loading CAAT's current release layout: per-licence tables keyed by licence_id, cohort tables by licence_cohort_id."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from advocate.cli import app
from advocate.draft.evidence import licence_view
from advocate.load.caat_release import REVOKED_NOTE
from advocate.load.licence_data import read_licence_data
from advocate.models.problem import Problems
from tests.helpers import FIXTURES, TODAY, replace_in

CURRENT = FIXTURES / "caat-current-sample"
RELEASE_URL = "https://github.com/caatdata/uk-arms-export-data"


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """A copy of the current-layout fixture that a test may change."""
    folder = tmp_path / "release"
    shutil.copytree(CURRENT, folder)
    return folder


def _read(path: Path, **options):
    problems = Problems()
    return read_licence_data(path, str(path), problems, today=TODAY, **options), problems


def _row(table, licence_id: str) -> dict:
    rows = table.frame[table.frame["id"] == licence_id]
    assert len(rows) == 1, f"{licence_id} not found once"
    return rows.iloc[0].to_dict()


def test_each_licence_id_is_one_licence_and_a_cohort_is_never_merged():
    table, problems = _read(CURRENT)
    assert [str(p) for p in problems.errors] == []
    assert [p.code for p in problems.warnings] == []
    assert table.ids() == [
        "CAAT-157531",
        "CAAT-157532",
        "CAAT-90001",
        "CAAT-90002",
        "CAAT-90003",
        "CAAT-90004",
        "CAAT-90005",
    ]
    issued, refused = _row(table, "CAAT-157531"), _row(table, "CAAT-157532")
    assert (issued["outcome"], refused["outcome"]) == ("issued", "refused")
    assert (issued["value"], issued["goods_summary"]) == (
        45000,
        "software for telecommunications interception equipment",
    )


def test_a_cohorts_refusal_criteria_attach_only_to_its_refused_licence():
    table, _ = _read(CURRENT)
    assert _row(table, "CAAT-157532")["refusal_criteria"] == "2"
    assert _row(table, "CAAT-157531")["refusal_criteria"] == ""
    assert _row(table, "CAAT-90003")["refusal_criteria"] == "2 3 7"


def test_bare_criterion_numbers_are_printed_as_the_data_gives_them_never_with_caats_description():
    table, _ = _read(CURRENT)
    refused = licence_view(table.get("CAAT-157532"))
    assert refused.refusal_criteria == ("2",)
    assert refused.refusal_criteria_text == "Criterion 2"
    assert licence_view(table.get("CAAT-90003")).refusal_criteria_text == "Criteria 2, 3 and 7"
    printed = " ".join(str(value) for value in table.frame.iloc[1].to_dict().values())
    assert "internal repression" not in printed and "2a" not in printed and "2(a)" not in printed


def test_items_give_goods_licence_type_revocation_and_military():
    table, _ = _read(CURRENT)
    korea = table.get("CAAT-90002")
    assert (korea.country, korea.destination, korea.licence_type) == ("KR", "Korea, South", "OIEL")
    assert korea.outcome == "revoked" and REVOKED_NOTE in korea.notes
    assert korea.goods_summary == "sporting guns, ammunition for sporting guns"
    assert korea.value == 4700 and korea.military is True
    assert [r.text for r in korea.ratings] == ["ML1", "ML3"]
    assert table.get("CAAT-157531").military is False
    assert table.get("CAAT-90004").military is None
    assert table.get("CAAT-157531").end_user == "Licence granted for end use by a law enforcement agency."
    # The goods summary gives the technology, whatever the rating says.
    assert table.filter(technology=["interception-software"]).ids() == ["CAAT-157531"]


def test_a_rating_new_in_the_current_list_is_known_and_tagged():
    table, problems = _read(CURRENT)
    assert not [p for p in problems if p.code == "rating_unknown"]
    assert "CAAT-90005" in table.filter(technology=["surveillance"]).ids()


def test_incorporation_destinations_find_a_licence_by_where_its_goods_end_up():
    table, _ = _read(CURRENT)
    germany = table.get("CAAT-90001")
    assert germany.country == "DE"
    assert "Turkey" in germany.onward_destinations and "TR" in germany.onward_countries
    turkey = table.filter(country=["Turkey"])
    assert turkey.ids() == ["CAAT-157531", "CAAT-157532", "CAAT-90001", "CAAT-90005"]
    assert turkey.onward_mask(["Turkey"]).tolist() == [False, False, True, False]


def test_the_listing_says_when_a_licence_is_found_by_where_its_goods_end_up():
    result = CliRunner().invoke(
        app,
        [
            "licences",
            str(CURRENT),
            "--country",
            "Turkey",
            "--format",
            "csv",
            "--columns",
            "id,destination,onward_destinations,identifier",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "CAAT-90001,Germany,France; Italy;" in result.stdout
    assert "CAAT dataset no. 90001" in result.stdout
    assert (
        "1 of these licences are to other destinations: their goods are incorporated into products exported onward to Turkey"
        in result.stderr
    )


def test_goods_in_transit_name_the_country_they_come_from():
    table, _ = _read(CURRENT)
    assert table.get("CAAT-90004").transit_from == ("Germany",)


def test_keeping_a_cases_countries_keeps_the_licences_whose_goods_end_up_there():
    table, problems = _read(CURRENT, countries={"TR"})
    assert list(problems) == []
    assert table.ids() == ["CAAT-157531", "CAAT-157532", "CAAT-90001", "CAAT-90005"]
    assert table.get("CAAT-157532").refusal_criteria == ("2",)


def test_a_folder_without_its_licence_tables_is_one_error_naming_them_and_the_release(release):
    (release / "items.csv").unlink()
    (release / "values.csv").unlink()
    table, problems = _read(release)
    (error,) = list(problems)
    assert error.code == "caat_incomplete" and len(table) == 0
    assert "without its licence tables items.csv and values.csv" in error.message
    assert "refusal-criteria.csv" in error.message
    assert RELEASE_URL in error.hint


def test_a_current_release_needs_items_csv_too(release):
    (release / "items.csv").unlink()
    _, problems = _read(release)
    (error,) = problems.errors
    assert "without its licence table items.csv " in error.message


@pytest.mark.parametrize("command", [["check"], ["licences"], ["link"], ["build", "--out", "OUT"]])
def test_no_command_shows_a_traceback_for_an_incomplete_release(tmp_path, release, new_case, command):
    (release / "items.csv").unlink()
    (release / "values.csv").unlink()
    shutil.move(str(release), new_case / "caat")
    replace_in(
        new_case / "case.yaml",
        "    source: example-licensing-data     # the source record that publishes these licences\n",
        "    source: example-licensing-data\n  - path: caat\n    format: caat\n",
    )
    args = [part.replace("OUT", str(tmp_path / "out")) for part in command]
    result = CliRunner().invoke(app, [args[0], str(new_case), *args[1:]])
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert "without its licence tables items.csv and values.csv" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_licence_table_that_is_a_folder_or_a_pipe_is_one_line_never_a_hang(release):
    (release / "items.csv").unlink()
    (release / "items.csv").mkdir()
    _, problems = _read(release)
    assert [(p.code, p.message) for p in problems.errors] == [("file_unreadable", "is a folder, not a file")]
    shutil.rmtree(release / "items.csv")
    shutil.copy(CURRENT / "items.csv", release / "items.csv")
    (release / "values.csv").unlink()
    os.mkfifo(release / "values.csv")
    _, problems = _read(release)
    (error,) = problems.errors
    assert error.file.endswith("values.csv") and "is a named pipe, not a file" in error.message


def test_values_keyed_only_by_cohort_are_refused_never_merged(release):
    for name in ("items.csv", "values.csv"):
        text = (release / name).read_text(encoding="utf-8")
        (release / name).write_text(text.replace("licence_id,", "", 1).replace("157531,", "", 1), encoding="utf-8")
    table, problems = _read(release)
    (error,) = problems.errors
    assert "has no licence_id column" in error.message and "a cohort can hold several licences" in error.message
    assert len(table) == 0


def test_cohort_tables_are_not_matched_when_the_licence_tables_give_no_cohort(release):
    for name in ("items.csv", "values.csv"):
        lines = [line.split(",") for line in (release / name).read_text(encoding="utf-8").splitlines()]
        (release / name).write_text(
            "\n".join(",".join(cells[:1] + cells[2:]) for cells in lines) + "\n", encoding="utf-8"
        )
    table, problems = _read(release)
    joins = [p for p in problems.errors if p.code == "join_impossible"]
    assert {p.file.rsplit("/", 1)[1] for p in joins} == {
        "refusal-criteria.csv",
        "incorporation-destinations.csv",
        "trade-sources.csv",
    }
    assert "a cohort number is not a licence number" in joins[0].message
    assert set(table.frame["refusal_criteria"]) == {""}


def test_one_licence_with_two_dates_is_an_error_naming_both_lines(release):
    replace_in(
        release / "items.csv",
        '90002,90002,2020-06-30,"Korea, South",KR,OIEL,ammunition',
        '90002,90002,2020-07-01,"Korea, South",KR,OIEL,ammunition',
    )
    _, problems = _read(release)
    (error,) = problems.errors
    assert (error.code, error.line, error.row, error.field) == ("licence_conflict", 6, 5, "date")
    assert "licence 90002 has date '2020-07-01' here but '2020-06-30' on line 5" in error.message


def test_the_two_licence_tables_must_agree(release):
    text = (release / "values.csv").read_text(encoding="utf-8")
    text = text.replace("licence_id,licence_cohort_id,", "licence_id,licence_cohort_id,date,", 1)
    lines = text.splitlines()
    lines = [lines[0]] + [_add_date(line) for line in lines[1:]]
    (release / "values.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = _read(release)
    (error,) = problems.errors
    assert error.file.endswith("values.csv") and error.field == "date"
    assert (
        "licence 90001 has date '2019-03-05' here but '2019-03-04' in" in error.message
        and "items.csv (line 4)" in error.message
    )


def _add_date(line: str) -> str:
    key, cohort, rest = line.split(",", 2)
    return f"{key},{cohort},{'2019-03-05' if key == '90001' else ''},{rest}"


def test_a_column_that_cannot_be_placed_is_named(release):
    lines = (release / "items.csv").read_text(encoding="utf-8").splitlines()
    (release / "items.csv").write_text(
        "\n".join([lines[0] + ",colour"] + [line + ",blue" for line in lines[1:]]) + "\n", encoding="utf-8"
    )
    _, problems = _read(release)
    (warning,) = problems.warnings
    assert (warning.code, warning.field, warning.line) == ("column_unknown", "colour", 1)
    assert "column 'colour' is not one this file's format uses" in warning.message


def test_footnote_and_region_files_and_the_ratings_table_are_known(release):
    _, problems = _read(release)
    assert not [p for p in problems if p.code == "column_unknown"]
