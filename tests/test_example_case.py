"""The shipped example case, evidence/turkey-2017, checks clean and lists its Turkey licences."""

from __future__ import annotations

import csv
import io

from typer.testing import CliRunner

from advocate.cli import app
from advocate.validate.check import check_case
from tests.helpers import EXAMPLE_CASE, TODAY

runner = CliRunner()

CAAT_5A001_5D001 = {
    "CAAT-4107",
    "CAAT-12310",
    "CAAT-20557",
    "CAAT-28411",
    "CAAT-41182",
    "CAAT-49200",
    "CAAT-56267",
    "CAAT-66239",
    "CAAT-69815",
    "CAAT-70919",
    "CAAT-71308",
    "CAAT-72680",
    "CAAT-73616",
    "CAAT-74522",
    "CAAT-75164",
}
"""Turkey licences rated 5A001 or 5D001 in evidence/turkey-2017/caat-2015-turkey/values.csv (read from that file)."""


def test_the_example_case_has_no_errors():
    result = check_case(EXAMPLE_CASE, today=TODAY)
    assert result.errors == [], [str(p) for p in result.errors]
    assert result.case_file is not None
    assert result.case_file.case.illustrative


def test_advocate_check_accepts_the_example_case():
    result = runner.invoke(app, ["check", str(EXAMPLE_CASE)])
    assert result.exit_code == 0, result.output
    # the IMSI-catcher row stands for several licences: the summary counts records and the licences they stand for
    assert ": OK: 17 licence records standing for at least 18 licences, 7 abuses" in result.stdout


def test_the_5a001_and_5d001_turkey_licences_list():
    result = runner.invoke(
        app,
        [
            "licences",
            str(EXAMPLE_CASE),
            "--country",
            "Turkey",
            "--rating",
            "5A001",
            "--rating",
            "5D001",
            "--format",
            "csv",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["id"] for row in rows} == CAAT_5A001_5D001
    assert all(row["sources"] == "caat-uk-arms-export-data" and row["country"] == "TR" for row in rows)
    refused = [row for row in rows if row["outcome"] == "refused"]
    assert [(row["id"], row["refusal_criteria"]) for row in refused] == [("CAAT-66239", "2")]


def test_the_expected_ids_are_those_in_the_shipped_release():
    values = EXAMPLE_CASE / "caat-2015-turkey" / "values.csv"
    with values.open(encoding="utf-8") as handle:
        groups = {
            f"CAAT-{row['licence_group']}"
            for row in csv.DictReader(handle)
            if row["country"] == "Turkey" and row["rating"].upper().startswith(("5A001", "5D001"))
        }
    assert groups == CAAT_5A001_5D001


def test_the_q1_2017_licence_is_interception_software():
    result = runner.invoke(
        app,
        [
            "licences",
            str(EXAMPLE_CASE),
            "--technology",
            "interception-software",
            "--format",
            "csv",
            "--columns",
            "id,decision_date,goods_summary,end_user",
        ],
    )
    assert result.stdout.splitlines()[1:] == [
        "DIT-2017Q1-TR-01,2017-Q1,software for telecommunications interception equipment,law enforcement agency",
    ]
