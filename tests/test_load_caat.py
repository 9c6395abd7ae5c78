"""Loading Campaign Against Arms Trade's releases of the licensing data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from advocate.errors import CaseError
from advocate.load.licence_data import read_licence_data
from advocate.models.problem import Problems
from advocate.validate.check import check_case, load_case, load_licences
from tests.helpers import FIXTURES, TODAY, replace_in


def _read(path: Path) -> tuple:
    problems = Problems()
    table = read_licence_data(path, str(path), problems, today=TODAY)
    return table, problems


def _row(table, licence_id: str) -> dict:
    rows = table.frame[table.frame["id"] == licence_id]
    assert len(rows) == 1, f"{licence_id} not found once"
    return rows.iloc[0].to_dict()


def _ratings(table, licence_id: str) -> list[str]:
    position = int((table.frame["id"] == licence_id).to_numpy().nonzero()[0][0])
    return table.ratings[table.ratings["licence"] == position]["rating"].tolist()


def test_the_2015_release_makes_one_licence_per_group_with_criteria_and_footnotes():
    table, problems = _read(FIXTURES / "caat-2015-sample")
    assert list(problems) == []
    assert len(table) == 8
    refused = _row(table, "CAAT-66239")
    assert (refused["country"], refused["outcome"], refused["refusal_criteria"]) == ("TR", "refused", "2")
    assert _ratings(table, "CAAT-66239") == ["5A001", "5D002"]
    assert _row(table, "CAAT-418")["refusal_criteria"] == "2 3 7"
    assert _row(table, "CAAT-418")["country"] == "TL"  # "East Timor"
    oman = _row(table, "CAAT-47399")
    assert oman["value"] == 40292 + 5820 + 10880
    assert oman["end_user"] == "Licence granted for use by a law enforcement agency."
    assert oman["line"] == 8


def test_a_footnote_saying_who_the_goods_are_not_for_is_no_end_user():
    table, _ = _read(FIXTURES / "caat-2015-sample")
    bahrain = _row(table, "CAAT-37496")
    assert bahrain["end_user"] == ""
    assert "not for use by the Bahraini security services" in bahrain["notes"]


def test_legacy_ids_are_caat_dataset_numbers_not_government_references():
    table, _ = _read(FIXTURES / "caat-2015-sample")
    refused = _row(table, "CAAT-66239")
    assert (refused["reference"], refused["id_kind"], refused["dataset_number"]) == ("", "dataset", "66239")
    assert refused["dataset_name"] == "CAAT UK arms export data"
    licence = table.get("CAAT-66239")
    assert licence.identifier_text == "CAAT dataset no. 66239"
    assert licence.licence_count.describe() == "1 licence"


def test_legacy_destinations_make_a_licence_findable_where_its_goods_end_up():
    table, problems = _read(FIXTURES / "caat-2015-sample")
    assert list(problems) == []
    italy = _row(table, "CAAT-1")
    assert italy["country"] == "IT"
    assert italy["onward_destinations"].split("; ")[:2] == ["Chile", "India"]
    found = table.filter(country=["India"])
    assert found.ids() == ["CAAT-1"]
    assert found.onward_mask(["India"]).tolist() == [True]
    assert table.filter(country=["Italy"]).ids() == ["CAAT-1"]


def test_legacy_criteria_for_a_licence_that_was_not_refused_are_not_attached(caat_sample):
    replace_in(caat_sample / "refusal-criteria.csv", "418,2,", "71308,2,")
    table, problems = _read(caat_sample)
    assert _row(table, "CAAT-71308")["refusal_criteria"] == ""
    (warning,) = problems.warnings
    assert (warning.code, warning.field, warning.line) == ("criteria_on_issued", "criteria", 3)
    assert "licence 71308, which the licence tables record as not refused" in warning.message


def test_legacy_transit_sources_are_read(caat_sample):
    (caat_sample / "sources.csv").write_text("licence_group,source\n37496,Germany\n999999,France\n", encoding="utf-8")
    table, problems = _read(caat_sample)
    assert list(problems) == []
    assert _row(table, "CAAT-37496")["transit_from"] == "Germany"


def test_a_case_keeps_only_its_countries_from_caat_data_unless_told_otherwise(new_case):
    shutil.copytree(FIXTURES / "caat-2015-sample", new_case / "caat")
    replace_in(
        new_case / "case.yaml",
        "    source: example-licensing-data     # the source record that publishes these licences\n",
        "    source: example-licensing-data\n  - path: caat\n    format: caat\n    source: example-licensing-data\n",
    )
    case = load_case(new_case, today=TODAY)
    assert sorted(case.licences.ids()) == ["CAAT-66239", "CAAT-71308", "EX-LIC-1"]
    replace_in(
        new_case / "case.yaml",
        "  - path: caat\n    format: caat\n",
        "  - path: caat\n    format: caat\n    countries_only: false\n",
    )
    assert len(load_case(new_case, today=TODAY).licences) == 9


def test_a_case_names_the_caat_release_from_its_source_record(new_case):
    shutil.copytree(FIXTURES / "caat-2015-sample", new_case / "caat")
    (new_case / "sources.yaml").write_text(
        (new_case / "sources.yaml").read_text(encoding="utf-8")
        + "\n- id: caat-data\n  kind: dataset\n  organisation: Campaign Against Arms Trade\n  title: UK Arms Export Data\n"
        "  date: 2015-07\n  version: commit f8e49da\n  illustrative: true\n",
        encoding="utf-8",
    )
    replace_in(
        new_case / "case.yaml",
        "    source: example-licensing-data     # the source record that publishes these licences\n",
        "    source: example-licensing-data\n  - path: caat\n    source: caat-data\n",
    )
    case = load_case(new_case, today=TODAY)
    licence = case.licences.get("CAAT-66239")
    assert licence.dataset_name == "CAAT UK arms export data (commit f8e49da)"
    assert licence.sources == ("caat-data",)


def test_a_wrong_licence_data_source_is_blamed_on_case_yaml_alone(new_case):
    shutil.copytree(FIXTURES / "caat-2015-sample", new_case / "caat")
    replace_in(
        new_case / "case.yaml",
        "    source: example-licensing-data     # the source record that publishes these licences\n",
        "    source: example-licensing-data\n  - path: caat\n    source: no-such-source\n",
    )
    result = check_case(new_case, today=TODAY)
    (error,) = result.errors
    assert error.file.endswith("case.yaml") and error.code == "dangling_id"
    assert "no-such-source" in error.message


def test_a_lone_values_csv_is_read_as_a_release():
    table, problems = _read(FIXTURES / "caat-2015-sample" / "values.csv")
    assert list(problems) == [] and len(table) == 8


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_each_encoding_is_read(tmp_path, encoding):
    folder = tmp_path / "release"
    folder.mkdir()
    text = (
        "licence_group,date,rating,count,value,country,refused\n"
        '1,2013-02-01,5A001f,1,"£1,234",Côte d\'Ivoire,0\n'
        "2,2013-02-02,ML10a,1,,Türkiye,1\n"
    )
    (folder / "values.csv").write_bytes(text.encode(encoding))
    table, problems = _read(folder)
    assert list(problems) == []
    assert _row(table, "CAAT-1")["country"] == "CI"
    assert _row(table, "CAAT-1")["destination"] == "Côte d'Ivoire"
    assert _row(table, "CAAT-1")["value"] == 1234
    assert _row(table, "CAAT-2")["country"] == "TR"


def test_values_with_thousands_separators_and_pounds(caat_sample):
    replace_in(caat_sample / "values.csv", "71308,2014-10-28,5A001,1,272025,", '71308,2014-10-28,5A001,1,"£272,025",')
    replace_in(caat_sample / "values.csv", "71308,2014-10-28,5D001,1,84900,", '71308,2014-10-28,5D001,1,"84,900.00",')
    table, problems = _read(caat_sample)
    assert list(problems) == []
    assert _row(table, "CAAT-71308")["value"] == 356925


def test_a_value_that_is_not_money_names_its_row_and_column(caat_sample):
    replace_in(caat_sample / "values.csv", "1,2008-01-02,ML10,1,3540,", "1,2008-01-02,ML10,1,about 3k,")
    _, problems = _read(caat_sample)
    (problem,) = problems.errors
    assert (problem.file, problem.line, problem.row, problem.field) == (f"{caat_sample}/values.csv", 2, 1, "value")
    assert "'about 3k' is not an amount of money" in str(problem)


def test_a_missing_column_is_named(caat_sample):
    replace_in(
        caat_sample / "values.csv",
        "licence_group,date,rating,count,value,country,refused",
        "licence_group,date,control,count,value,country,refused",
    )
    table, problems = _read(caat_sample)
    (problem,) = problems.errors
    assert problem.field == "rating" and problem.line == 1
    assert "missing column 'rating'" in problem.message
    assert "columns found: licence_group, date, control" in problem.hint
    assert len(table) == 0


def test_an_unknown_country_and_a_bad_date_are_errors_naming_row_and_column(caat_sample):
    replace_in(
        caat_sample / "values.csv", '2,2008-01-02,ML7,1,3600,"United Arab Emirates"', "2,2008-02-30,ML7,1,3600,Atlantis"
    )
    _, problems = _read(caat_sample)
    found = {(p.code, p.row, p.field) for p in problems.errors}
    assert found == {("date_invalid", 2, "date"), ("country_unknown", 2, "country")}
    assert all(p.line == 3 for p in problems.errors)


def test_a_decision_in_the_future_is_an_error(caat_sample):
    replace_in(caat_sample / "values.csv", "1,2008-01-02,", "1,2031-01-02,")
    _, problems = _read(caat_sample)
    (problem,) = problems.errors
    assert (problem.code, problem.row, problem.field) == ("date_future", 1, "date")


def test_an_unknown_rating_is_a_warning_not_an_error(caat_sample):
    replace_in(caat_sample / "values.csv", "1,2008-01-02,ML10,", "1,2008-01-02,QQ999,")
    table, problems = _read(caat_sample)
    assert problems.errors == []
    (warning,) = problems.warnings
    assert (warning.code, warning.row, warning.field, warning.line) == ("rating_unknown", 1, "rating", 2)
    assert _ratings(table, "CAAT-1") == ["QQ999"]


def test_the_library_raises_one_error_carrying_every_problem(caat_sample):
    replace_in(caat_sample / "values.csv", "1,2008-01-02,ML10,1,3540,Italy", "1,2008-01-02,ML10,1,3540,Atlantis")
    replace_in(caat_sample / "values.csv", "2,2008-01-02,ML7,1,3600,", "2,2008-13-02,ML7,1,lots,")
    with pytest.raises(CaseError) as caught:
        load_licences(caat_sample, today=TODAY)
    assert {p.code for p in caught.value.errors} == {"country_unknown", "date_invalid", "value_invalid"}
    assert "(and 2 more)" in str(caught.value)


def test_many_bad_rows_are_all_accounted_for(caat_sample):
    lines = ["licence_group,date,rating,count,value,country,refused"]
    lines += [f"{n},2010-01-01,ML1,1,10,Atlantis,0" for n in range(1, 121)]
    (caat_sample / "values.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = _read(caat_sample)
    errors = problems.errors
    assert [p.row for p in errors[:50]] == list(range(1, 51))
    closing = errors[50]
    assert closing.message == "70 more rows have the same problem (rows 51 to 120)"
    assert (closing.row, closing.line, closing.field) == (51, 52, "country")
    assert len(errors) == 51
