"""``advocate link``: table, CSV and JSON, --explain, --out without silent overwrite, errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

import advocate.cli.link_commands  # noqa: F401  (registers the command until the lead adds the import)
from advocate.cli import app
from tests.helpers import EXAMPLE_CASE
from tests.test_link_engine import write_case

runner = CliRunner()


def test_table_shows_the_strongest_links():
    result = runner.invoke(app, ["link", str(EXAMPLE_CASE), "--limit", "3"], env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    assert "DIT-2017Q1-TR-01" in result.output
    assert "showing 3 of" in result.output


def test_csv_and_json(tmp_path):
    case = write_case(tmp_path / "case")
    csv = runner.invoke(app, ["link", str(case), "--format", "csv"])
    assert csv.exit_code == 0, csv.output
    assert csv.output.splitlines()[0].startswith("licence_id,abuse_id,score,relation,days")
    records = json.loads(runner.invoke(app, ["link", str(case), "--format", "json"]).output)
    first = records[0]
    assert first["asserted"] and first["licence_id"] == "L-1209" and isinstance(first["reasons"], list)


def test_filters_as_in_licences(tmp_path):
    case = write_case(tmp_path / "case")
    records = json.loads(runner.invoke(app, ["link", str(case), "--format", "json", "--rating", "ML6"]).output)
    assert {r["licence_id"] for r in records} == {"L-ML6"}


def test_out_refuses_to_overwrite_without_force(tmp_path):
    case = write_case(tmp_path / "case")
    out = tmp_path / "links.csv"
    first = runner.invoke(app, ["link", str(case), "--out", str(out)])
    assert first.exit_code == 0, first.output
    written = out.read_bytes()
    assert written.startswith(b"licence_id,abuse_id")
    again = runner.invoke(app, ["link", str(case), "--out", str(out)])
    assert again.exit_code == 2
    assert "exists" in again.output
    forced = runner.invoke(app, ["link", str(case), "--out", str(out), "--force"])
    assert forced.exit_code == 0
    assert out.read_bytes() == written  # reruns are byte-identical


def test_explain_prints_reasons_and_criteria_text(tmp_path):
    case = write_case(tmp_path / "case")
    result = runner.invoke(app, ["link", str(case), "--explain", "L-1207"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "occurred on 20 August 2021, 109 days before the licence decision" in result.output
    assert "Criterion 2(a) of the 2014 Consolidated Criteria" in result.output
    assert "summary, not the text" in result.output
    assert '"The Government will not grant' not in result.output  # a summary is never quoted


def test_bad_input_is_one_line_and_exit_2(tmp_path):
    missing = runner.invoke(app, ["link", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
    case = write_case(tmp_path / "case")
    unknown = runner.invoke(app, ["link", str(case), "--explain", "NOPE"])
    assert unknown.exit_code == 2 and "no licence 'NOPE'" in unknown.output
    bad_date = runner.invoke(app, ["link", str(case), "--from", "2021-13-01"])
    assert bad_date.exit_code == 2 and "--from" in bad_date.output


def test_link_json_gives_every_field_of_a_link():
    import json

    from typer.testing import CliRunner

    from advocate.cli import app
    from advocate.link.models import FRAME_COLUMNS

    result = CliRunner().invoke(app, ["link", str(EXAMPLE_CASE), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert records and list(records[0]) == list(FRAME_COLUMNS)
    assert isinstance(records[0]["reasons"], list)
