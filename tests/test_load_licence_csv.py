"""Loading the normalised licences CSV a user writes by hand."""

from __future__ import annotations

import pytest

from advocate.load.licence_data import read_licence_data
from advocate.models.problem import Problems
from tests.helpers import TODAY

HEADER = "id,destination,decision_date,outcome,ratings,goods_summary,value,notes\n"


def _read(path):
    problems = Problems()
    return read_licence_data(path, str(path), problems, today=TODAY), problems


def _write(tmp_path, rows: str, encoding: str = "utf-8", header: str = HEADER):
    path = tmp_path / "licences.csv"
    path.write_bytes((header + rows).encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_each_encoding_is_read(tmp_path, encoding):
    path = _write(tmp_path, 'L1,Côte d\'Ivoire,2017-Q1,issued,5A001.f.2,,"£12,500",Café note\n', encoding)
    table, problems = _read(path)
    assert list(problems) == []
    row = table.frame.iloc[0]
    assert (row["destination"], row["country"], row["value"], row["notes"]) == ("Côte d'Ivoire", "CI", 12500, "Café note")


def test_several_ratings_at_every_level_of_detail_in_one_cell(tmp_path):
    path = _write(tmp_path, "L1,Turkey,2017-03,issued,5A001.f.2; 5D001e; ML10a; PL5017; End Use,,,\n")
    table, problems = _read(path)
    assert list(problems) == []
    assert table.ratings["rating"].tolist() == ["5A001.f.2", "5D001e", "ML10a", "PL5017", "End Use"]
    assert table.ratings["key"].tolist() == ["5A001.f.2", "5D001.e", "ML10.a", "PL5017", "END USE"]


def test_dates_at_the_precision_the_data_gives(tmp_path):
    path = _write(tmp_path, "L1,Turkey,2017-Q1,issued,,,,\nL2,Turkey,2017,issued,,,,\nL3,Turkey,2017-03,issued,,,,\n")
    table, _ = _read(path)
    assert table.frame["decision_start"].dt.strftime("%Y-%m-%d").tolist() == ["2017-01-01", "2017-01-01", "2017-03-01"]
    assert table.frame["decision_end"].dt.strftime("%Y-%m-%d").tolist() == ["2017-03-31", "2017-12-31", "2017-03-31"]


def test_an_unquoted_comma_is_named_for_every_row_it_breaks(tmp_path):
    path = _write(tmp_path, "L1,Turkey,2017-01-05,issued,,,,one, two\nL2,Turkey,2017-01-06,issued,,,,fine\n"
                            "L3,Turkey,2017-01-07,issued,,,,three, four\n")
    table, problems = _read(path)
    assert [(p.code, p.line, p.row) for p in problems.errors] == [("csv_cells", 2, 1), ("csv_cells", 4, 3)]
    assert "has 9 cells but the header names 8 columns" in problems.errors[0].message
    assert "quoted" in problems.errors[0].hint
    assert len(table) == 0


def test_a_first_row_with_an_extra_cell_is_not_taken_as_an_index(tmp_path):
    # pandas would otherwise read the ids as the index and shift every column left.
    path = _write(tmp_path, "L1,Turkey,2017-01-05,issued,,,,one, two\n")
    _, problems = _read(path)
    assert [p.code for p in problems] == ["csv_cells"]


def test_a_quoted_cell_over_several_lines_keeps_later_line_numbers_right(tmp_path):
    path = _write(tmp_path, 'L1,Turkey,2017-01-05,issued,,,,"two\nlines, quoted"\n\nL2,Atlantis,2017-01-06,issued,,,,\n')
    table, problems = _read(path)
    (problem,) = problems.errors
    assert (problem.line, problem.row, problem.field, problem.code) == (5, 2, "destination", "country_unknown")
    assert table.frame["notes"].iloc[0] == "two\nlines, quoted"


def test_a_short_row_is_a_warning(tmp_path):
    path = _write(tmp_path, "L1,Turkey,2017-01-05,issued\n")
    table, problems = _read(path)
    assert problems.errors == []
    (warning,) = problems.warnings
    assert (warning.code, warning.line) == ("csv_cells", 2)
    assert len(table) == 1


def test_every_problem_in_the_file_at_once(tmp_path):
    path = _write(tmp_path, "L1,Atlantis,2017-02-30,issued,,,,\nL1,Turkey,2031-01-01,maybe,QQ999,,lots,\n,Turkey,2017,issued,,,,\n")
    _, problems = _read(path)
    found = {(p.severity.value, p.code, p.row, p.field) for p in problems}
    assert found == {
        ("error", "country_unknown", 1, "destination"),
        ("error", "date_invalid", 1, "decision_date"),
        ("error", "duplicate_id", 2, "id"),
        ("error", "date_future", 2, "decision_date"),
        ("error", "outcome_unknown", 2, "outcome"),
        ("error", "value_invalid", 2, "value"),
        ("warning", "rating_unknown", 2, "ratings"),
        ("error", "missing", 3, "id"),
    }
    assert all(p.file == str(path) and p.line == p.row + 1 for p in problems)
    duplicate = next(p for p in problems if p.code == "duplicate_id")
    assert "already used on row 1 (line 2)" in duplicate.message


def test_a_missing_required_column_is_named(tmp_path):
    path = _write(tmp_path, "L1,Turkey,issued\n", header="id,destination,outcome\n")
    _, problems = _read(path)
    (problem,) = problems.errors
    assert (problem.code, problem.field, problem.line) == ("column_missing", "decision_date", 1)
    assert "missing column 'decision_date' (the date of the licensing decision)" in problem.message


def test_a_file_in_no_supported_encoding_names_the_line(tmp_path):
    path = tmp_path / "licences.csv"
    path.write_bytes(HEADER.encode() + b"L1,Turkey,2017,issued,,,,\x81\x8d\n")
    _, problems = _read(path)
    (problem,) = problems.errors
    assert (problem.code, problem.line) == ("encoding", 2)
