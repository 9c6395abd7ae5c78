"""``advocate licences``: filters, formats, and where warnings go."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from advocate.cli import app
from tests.helpers import FIXTURES, REPO

runner = CliRunner()

LICENCES = """id,destination,decision_date,outcome,licence_type,ratings,goods_summary,value
A,Turkey,2017-01-10,issued,SIEL,5A001.f.2,,"£1,000"
B,Turkey,2017-02-10,refused,SIEL,5D001e,,
C,Saudi Arabia,2016-05-01,issued,OIEL,ML10a,,
D,"Korea, South",2015-03-01,issued,SIEL,5A002,,
E,Turkey,2017-Q1,issued,,,software for telecommunications interception equipment,
F,Turkey,2018-06-01,revoked,SIEL,PL5017; End Use,,
"""


@pytest.fixture
def licences_csv(tmp_path):
    path = tmp_path / "licences.csv"
    path.write_text(LICENCES, encoding="utf-8")
    return path


def _ids(path, *options) -> list[str]:
    result = runner.invoke(app, ["licences", str(path), "--format", "csv", *options])
    assert result.exit_code == 0, result.output
    return sorted(row["id"] for row in csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize(
    "options, expected",
    [
        ((), ["A", "B", "C", "D", "E", "F"]),
        (("--country", "Turkey"), ["A", "B", "E", "F"]),
        (("--country", "KR"), ["D"]),
        (("--country", "South Korea"), ["D"]),
        (("--country", "Saudi Arabia", "--country", "KR"), ["C", "D"]),
        (("--rating", "5A001"), ["A"]),
        (("--rating", "5A001.f"), ["A"]),
        (("--rating", "5A001.j"), []),
        (("--rating", "5D001"), ["B"]),
        (("--rating", "ML10"), ["C"]),
        (("--rating", "ML1"), []),
        (("--rating", "PL5017"), ["F"]),
        (("--rating", "5A001", "--rating", "5D001"), ["A", "B"]),
        (("--technology", "imsi-catcher"), ["A"]),
        (("--technology", "interception-software"), ["B", "E"]),  # 5D001.e is law-enforcement monitoring software
        (("--technology", "interception"), ["A", "B", "E"]),
        (("--outcome", "refused"), ["B"]),
        (("--outcome", "revoked"), ["F"]),
        (("--type", "OIEL"), ["C"]),
        (("--type", "siel"), ["A", "B", "D", "F"]),
        (("--from", "2017-02-01"), ["B", "E", "F"]),
        (("--to", "2016-12-31"), ["C", "D"]),
        (("--from", "2017-01-01", "--to", "2017-01-31"), ["A", "E"]),
        (("--country", "TR", "--outcome", "issued", "--from", "2017-01-01"), ["A", "E"]),
    ],
)
def test_each_filter(licences_csv, options, expected):
    assert _ids(licences_csv, *options) == expected


def test_csv_output_has_every_column_and_clean_values(licences_csv):
    result = runner.invoke(app, ["licences", str(licences_csv), "--format", "csv", "--rating", "5A001"])
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert row["ratings"] == "5A001.f.2"
    assert row["technology"] == "imsi-catcher"
    assert row["value"] == "1000.0"
    assert row["line"] == "2"


def test_json_output(licences_csv):
    result = runner.invoke(
        app,
        [
            "licences",
            str(licences_csv),
            "--format",
            "json",
            "--technology",
            "interception-software",
            "--outcome",
            "issued",
        ],
    )
    assert result.exit_code == 0
    (record,) = json.loads(result.stdout)
    assert record["id"] == "E" and record["value"] is None
    assert record["goods_summary"] == "software for telecommunications interception equipment"
    assert record["technology"] == "interception-software"
    assert record["decision_date"] == "2017-Q1"


def test_columns_choose_the_output(licences_csv):
    result = runner.invoke(
        app, ["licences", str(licences_csv), "--format", "csv", "--columns", "id,ratings", "--outcome", "refused"]
    )
    assert result.stdout == "id,ratings\nB,5D001e\n"
    bad = runner.invoke(app, ["licences", str(licences_csv), "--columns", "id,colour"])
    assert bad.exit_code == 2
    assert "--columns: no column 'colour'" in bad.stderr


def test_warnings_go_to_stderr_and_leave_csv_and_json_clean(tmp_path):
    path = tmp_path / "licences.csv"
    path.write_text(
        "id,destination,decision_date,outcome,ratings\nA,Turkey,2017-01-10,issued,QQ999\n", encoding="utf-8"
    )
    for output in ("csv", "json"):
        result = runner.invoke(app, ["licences", str(path), "--format", output])
        assert result.exit_code == 0
        assert "QQ999' is not a control-list rating" in result.stderr
        assert "warning:" not in result.stdout and "QQ999' is not" not in result.stdout
    assert json.loads(runner.invoke(app, ["licences", str(path), "--format", "json"]).stdout)[0]["ratings"] == "QQ999"


def test_errors_list_nothing_and_exit_2(tmp_path):
    path = tmp_path / "licences.csv"
    path.write_text(
        "id,destination,decision_date,outcome\nA,Atlantis,2017-01-10,issued\nB,Turkey,2017-02-30,issued\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["licences", str(path), "--format", "csv"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{path}:2: error: row 1, column 'destination'" in result.stderr
    assert f"{path}:3: error: row 2, column 'decision_date'" in result.stderr
    assert "2 errors in the evidence; nothing listed" in result.stderr


def test_a_bad_date_option_is_refused(licences_csv):
    result = runner.invoke(app, ["licences", str(licences_csv), "--from", "1 May 2017"])
    assert result.exit_code == 2
    assert "--from '1 May 2017' is not a date; write YYYY-MM-DD" in result.stderr


def test_a_caat_release_folder_is_listed(tmp_path):
    result = runner.invoke(
        app,
        [
            "licences",
            str(FIXTURES / "caat-2015-sample"),
            "--format",
            "csv",
            "--outcome",
            "refused",
            "--columns",
            "id,destination,country,refusal_criteria",
        ],
    )
    assert result.stdout.splitlines() == [
        "id,destination,country,refusal_criteria",
        "CAAT-53,Syria,SY,1",
        'CAAT-418,East Timor,TL,"2, 3, 7"',
        "CAAT-66239,Turkey,TR,2",
    ]


def _run_cli(*args: str, columns: int) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": str(columns), "NO_COLOR": "1", "TERM": "dumb"}
    return subprocess.run(
        [sys.executable, "-c", "from advocate.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        check=False,
    )


def test_a_narrow_terminal_keeps_whole_words_and_says_what_it_left_out(licences_csv):
    result = _run_cli("licences", str(licences_csv), columns=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(len(line) <= 60 for line in lines)
    assert any("Licence" in line and "Decided" in line for line in lines)
    assert "not shown, for want of width:" in result.stderr
    assert "Saudi Arabia" in result.stdout or "Saudi" in result.stdout
    assert not any(line.strip("│ ").startswith(("rabia", "ssued")) for line in lines)


def test_a_wide_terminal_shows_the_default_columns(licences_csv):
    result = _run_cli("licences", str(licences_csv), columns=220)
    header = next(line for line in result.stdout.splitlines() if "Licence" in line)
    for heading in ("Decided", "Country", "Outcome", "Ratings", "Technology", "Value", "Type", "Goods", "End user"):
        assert heading in header
    assert "not shown" not in result.stderr
