"""Loading the normalised licences CSV a user writes by hand."""

from __future__ import annotations

import pytest

from advocate.load.licence_data import read_licence_data
from advocate.models.problem import Problems
from advocate.validate.check import load_case
from tests.helpers import EXAMPLE_CASE, TODAY

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
    assert (row["destination"], row["country"], row["value"], row["notes"]) == (
        "Côte d'Ivoire",
        "CI",
        12500,
        "Café note",
    )


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
    path = _write(
        tmp_path,
        "L1,Turkey,2017-01-05,issued,,,,one, two\nL2,Turkey,2017-01-06,issued,,,,fine\n"
        "L3,Turkey,2017-01-07,issued,,,,three, four\n",
    )
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
    path = _write(
        tmp_path, 'L1,Turkey,2017-01-05,issued,,,,"two\nlines, quoted"\n\nL2,Atlantis,2017-01-06,issued,,,,\n'
    )
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
    path = _write(
        tmp_path,
        "L1,Atlantis,2017-02-30,issued,,,,\nL1,Turkey,2031-01-01,maybe,QQ999,,lots,\n,Turkey,2017,issued,,,,\n",
    )
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


# -- what identifies a licence, and how many licences a row stands for -------------------

IDS = "id,reference,dataset_number,dataset_name,id_kind,count,destination,decision_date,outcome\n"


def test_each_row_says_what_its_identifier_is(tmp_path):
    path = _write(
        tmp_path,
        "L1,GBSIEL/2017/0001234,,,,,Turkey,2017-Q1,issued\n"
        'L2,,4107,"CAAT UK arms export data, April 2026 release",,,Turkey,2008-07,issued\n'
        "L3,,,,case,,Turkey,2017,issued\n"
        "L4,,,,,,Turkey,2017,issued\n",
        header=IDS,
    )
    table, problems = _read(path)
    assert list(problems) == []
    assert table.frame["id_kind"].tolist() == ["government", "dataset", "case", "case"]
    texts = [licence.identifier_text for licence in table.licences()]
    assert texts == [
        "GBSIEL/2017/0001234",
        "dataset no. 4107 of CAAT UK arms export data, April 2026 release",
        "case reference L3",
        "case reference L4",
    ]


@pytest.mark.parametrize(
    "row, field, says",
    [
        ("L1,,,,government,,Turkey,2017,issued", "id_kind", "is 'government' but the row gives no reference"),
        ("L1,,,,dataset,,Turkey,2017,issued", "id_kind", "is 'dataset' but the row gives no dataset_number"),
        (
            "L1,GBSIEL/1,,,case,,Turkey,2017,issued",
            "id_kind",
            "is 'case' but the row gives the Government's reference 'GBSIEL/1'",
        ),
        ("L1,,,,official,,Turkey,2017,issued", "id_kind", "'official' is not a kind of identifier"),
        ("L1,,4107,,,,Turkey,2017,issued", "dataset_name", "is empty, so dataset number '4107' names no dataset"),
        ("L1,,,,,lots,Turkey,2017,issued", "count", "'lots' is not a number of licences"),
        ("L1,,,,,0,Turkey,2017,issued", "count", "'0' is not a number of licences"),
    ],
)
def test_an_identifier_or_count_that_does_not_hold_is_an_error_naming_the_column(tmp_path, row, field, says):
    _, problems = _read(_write(tmp_path, row + "\n", header=IDS))
    (error,) = problems.errors
    assert (error.field, error.line, error.row) == (field, 2, 1)
    assert says in error.message


def test_a_bare_number_in_reference_is_warned_about_as_a_dataset_number(tmp_path):
    _, problems = _read(_write(tmp_path, "L1,66239,,,,,Turkey,2014-05-14,refused\n", header=IDS))
    (warning,) = problems.warnings
    assert (
        warning.field == "reference"
        and "looks like a dataset's number, not the Government's reference" in warning.message
    )


def test_a_row_for_several_licences_of_unknown_number_makes_totals_at_least(tmp_path):
    path = _write(
        tmp_path,
        "L1,,,,,,Turkey,2017,issued\nL2,,,,,3,Turkey,2017,issued\nL3,,,,,several,Turkey,2016,issued\n"
        "L4,,,,,at least 4,Turkey,2016,issued\nL5,,,,,unknown,Turkey,2016,issued\n",
        header=IDS,
    )
    table, problems = _read(path)
    assert list(problems) == []
    assert [licence.licence_count.describe() for licence in table.licences()] == [
        "1 licence",
        "3 licences",
        "at least 2 licences",
        "at least 4 licences",
        "at least 1 licence",
    ]
    assert str(table.licence_count()) == "at least 11"
    assert str(table.filter(ids=["L1", "L2"]).licence_count()) == "4"


def test_the_example_imsi_catcher_row_is_never_counted_as_one():
    example = load_case(EXAMPLE_CASE, today=TODAY)
    imsi = example.licences.get("MB-TR-IMSI")
    assert (imsi.id_kind, imsi.count, imsi.count_exact) == ("case", 2, False)
    assert imsi.identifier_text == "case reference MB-TR-IMSI"
    assert example.licences.licence_count().describe() == "at least 18 licences"


# -- record positions from the CSV parser, and what cannot be read ------------------------------


def test_a_stray_quote_inside_a_cell_is_read_as_written_without_a_false_warning(tmp_path):
    path = _write(tmp_path, 'L1,Turkey,2017-01-05,issued,,5" naval guns,,\nL2,Atlantis,2017-01-06,issued,,,,\n')
    table, problems = _read(path)
    (error,) = list(problems)
    assert (error.code, error.line, error.row) == ("country_unknown", 3, 2)
    assert table.frame["goods_summary"].iloc[0] == '5" naval guns'


def test_a_quote_that_never_closes_names_the_line_it_opens_on(tmp_path):
    _, problems = _read(
        _write(tmp_path, 'L1,Turkey,2017-01-05,issued,,,,fine\nL2,Turkey,2017-01-06,issued,,"open,,\nL3,x,y,z,,,,\n')
    )
    (error,) = problems.errors
    assert (error.code, error.line) == ("csv_syntax", 3)
    assert "never closes" in error.message


def test_a_column_named_twice_is_an_error_not_a_silent_loss(tmp_path):
    path = _write(
        tmp_path, "L1,Turkey,2017,issued,100,200\n", header="id,destination,decision_date,outcome,value,Value\n"
    )
    table, problems = _read(path)
    (error,) = problems.errors
    assert (error.code, error.line) == ("column_duplicate", 1)
    assert "column 'Value' appears twice (columns 5 and 6)" in error.message
    assert len(table) == 0


@pytest.mark.parametrize(
    "value, says",
    [
        ("-5000", "is negative"),
        ("£-5,000", "is negative"),
        ("inf", "is not an amount of money"),
        ("1e400", "is not an amount of money"),
        ("9" * 400, "is too large"),
        ("£1,2,3", "group thousands in threes"),
        ("$500", "is not in pounds sterling"),
        ("NaN", "is not an amount of money"),
    ],
)
def test_a_value_that_is_not_an_amount_in_pounds_is_an_error_saying_why(tmp_path, value, says):
    _table, problems = _read(_write(tmp_path, f'L1,Turkey,2017,issued,,,"{value}",\n'))
    (error,) = problems.errors
    assert (error.field, error.line, error.row) == ("value", 2, 1)
    assert says in error.message and value[:20] in error.message


@pytest.mark.parametrize(
    "value, amount",
    [("36000", 36000), ("£36,000", 36000), ("1,234.50", 1234.5), ("12 000", 12000), ("GBP 5", 5), ("0", 0)],
)
def test_amounts_in_pounds_are_read(tmp_path, value, amount):
    table, problems = _read(_write(tmp_path, f'L1,Turkey,2017,issued,,,"{value}",\n'))
    assert list(problems) == [] and table.frame["value"].iloc[0] == amount


def test_a_utf16_file_with_its_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "licences.csv"
    path.write_bytes((HEADER + "L1,Türkiye,2017,issued,,,,Café\n").encode("utf-16"))
    table, problems = _read(path)
    assert list(problems) == []
    assert (table.frame["country"].iloc[0], table.frame["notes"].iloc[0]) == ("TR", "Café")


def test_utf16_without_its_mark_and_nul_bytes_are_one_line_naming_the_trouble(tmp_path):
    path = tmp_path / "licences.csv"
    path.write_bytes((HEADER + "L1,Turkey,2017,issued,,,,\n").encode("utf-16-le"))
    (error,) = _read(path)[1].errors
    assert (error.code, error.line) == ("encoding", 1) and "UTF-16 without a byte-order mark" in error.message
    path.write_bytes(HEADER.encode() + b"L1,Turkey,2017,issued,,,,\nL2,Tur\x00key,2017,issued,,,,\n")
    (error,) = _read(path)[1].errors
    assert (error.code, error.line) == ("encoding", 3) and "NUL byte" in error.message


def test_a_file_mixing_utf8_and_windows_1252_is_refused_rather_than_printed_garbled(tmp_path):
    path = tmp_path / "licences.csv"
    path.write_bytes(
        HEADER.encode()
        + "L1,Turkey,2017,issued,,,,Türk Telekom\n".encode()
        + "L2,Turkey,2017,issued,,,,Café\n".encode("cp1252")
    )
    table, problems = _read(path)
    (error,) = problems.errors
    assert (error.code, error.line) == ("encoding", 3)
    assert "mixes encodings: line 2 is UTF-8 but byte 0xE9 on line 3 is not" in error.message
    assert len(table) == 0


def test_a_column_this_format_does_not_use_is_named(tmp_path):
    path = _write(tmp_path, "L1,Turkey,2017,issued,x\n", header="id,destination,decision_date,outcome,goods_sumary\n")
    _, problems = _read(path)
    (warning,) = problems.warnings
    assert warning.field == "goods_sumary" and "(did you mean 'goods_summary'?)" in warning.message
