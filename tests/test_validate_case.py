"""Checking a case folder: every problem at once, each naming its file, line and field."""

from __future__ import annotations

import pytest

from advocate.errors import CaseError
from advocate.load.case_folder import RECORD_FILES
from advocate.load.case_records import CaseRecords
from advocate.load.licence_data import read_licence_data
from advocate.models.problem import Problems
from advocate.validate.check import check_case, load_case
from tests.helpers import TODAY, line_of, replace_in


def _problems(folder):
    return check_case(folder, today=TODAY).problems


def _only(folder, code):
    found = [p for p in _problems(folder) if p.code == code]
    assert len(found) == 1, [str(p) for p in _problems(folder)]
    return found[0]


def test_a_new_case_has_no_problems(new_case):
    result = check_case(new_case, today=TODAY)
    assert result.problems == ()
    assert result.case_file is not None and len(result.case_file.licences) == 1


def test_a_dangling_source_id(new_case):
    replace_in(new_case / "abuses.yaml", "    - example-news ", "    - example-newz ")
    problem = _only(new_case, "dangling_id")
    assert problem.file == str(new_case / "abuses.yaml")
    assert problem.line == line_of(new_case / "abuses.yaml", "example-newz")
    assert (problem.record, problem.field) == ("abuse 'example-detentions'", "sources")
    assert "(did you mean 'example-news'?)" in problem.message


def test_a_duplicate_id(new_case):
    replace_in(new_case / "sources.yaml", "- id: example-news", "- id: example-report  # again")
    problem = _only(new_case, "duplicate_id")
    assert problem.line == line_of(new_case / "sources.yaml", "example-report  # again")
    assert (problem.field, problem.record) == ("id", "source 'example-report'")
    assert (
        f"already used by the source on line {line_of(new_case / 'sources.yaml', '- id: example-report')}"
        in problem.message
    )


def test_an_unparseable_date(new_case):
    replace_in(new_case / "events.yaml", "date: 2017-07-18", "date: 18 July 2017")
    problem = _only(new_case, "date_invalid")
    assert (problem.file, problem.line, problem.field) == (str(new_case / "events.yaml"), 5, "date")
    assert "write YYYY-MM-DD" in problem.message


@pytest.mark.parametrize("written", ["2017-03", "2017", "2017-Q1", "2017-01-20", "2016-07-15/2017-03", "../2017-03"])
def test_dates_are_read_at_the_precision_written(new_case, written):
    replace_in(new_case / "abuses.yaml", "date: 2017-01-20", f"date: {written}")
    case_file = load_case(new_case, today=TODAY)
    assert case_file.abuses["example-detentions"].date.text == written


def test_an_impossible_day_is_a_located_error_not_a_crash(new_case):
    replace_in(new_case / "sources.yaml", "accessed: 2024-01-15", "accessed: 2024-02-30")
    problem = _only(new_case, "date_invalid")
    assert (problem.line, problem.field, problem.record) == (
        line_of(new_case / "sources.yaml", "2024-02-30"),
        "accessed",
        "source 'example-licensing-data'",
    )


def test_an_unknown_country(new_case):
    replace_in(new_case / "abuses.yaml", "country: Turkey", "country: Turkland")
    problem = _only(new_case, "country_unknown")
    assert (problem.line, problem.field) == (line_of(new_case / "abuses.yaml", "Turkland"), "country")


def test_a_licence_decided_in_the_future(new_case):
    replace_in(new_case / "licences.csv", ",2017-Q1,", ",2027-Q1,")
    problem = _only(new_case, "date_future")
    assert (problem.file, problem.line, problem.row, problem.field) == (
        str(new_case / "licences.csv"),
        2,
        1,
        "decision_date",
    )


def test_a_missing_required_field(new_case):
    replace_in(new_case / "abuses.yaml", "  title: Police detained", "  summary: Police detained")
    problems = _problems(new_case)
    missing = next(p for p in problems if p.code == "missing")
    assert (missing.field, missing.record) == ("title", "abuse 'example-detentions'")
    assert missing.line == line_of(new_case / "abuses.yaml", "- id: example-detentions")
    unknown = next(p for p in problems if p.code == "extra_forbidden")
    assert unknown.field == "summary" and unknown.line == line_of(new_case / "abuses.yaml", "summary:")


def test_malformed_yaml_names_its_line(new_case):
    replace_in(new_case / "links.yaml", "  reason: The end user", "  reason: [The end user")
    problem = _only(new_case, "yaml_syntax")
    assert problem.file == str(new_case / "links.yaml")
    assert problem.line is not None and problem.line >= line_of(new_case / "links.yaml", "reason:")


def test_every_problem_at_once_in_every_file(new_case):
    replace_in(new_case / "case.yaml", "countries: [Turkey]", "countries: [Turkland]")
    replace_in(new_case / "abuses.yaml", "    - example-news ", "    - nowhere ")
    replace_in(new_case / "events.yaml", "date: 2017-07-18", "date: someday")
    replace_in(new_case / "sources.yaml", "- id: example-news", "- id: example-report")
    replace_in(new_case / "licences.csv", "EX-LIC-1,,SIEL,Turkey", "EX-LIC-1,,SIEL,Atlantis")
    result = check_case(new_case, today=TODAY)
    found = {(p.file.rsplit("/", 1)[-1], p.code) for p in result.errors}
    assert found >= {
        ("case.yaml", "country_unknown"),
        ("abuses.yaml", "dangling_id"),
        ("events.yaml", "date_invalid"),
        ("sources.yaml", "duplicate_id"),
        ("licences.csv", "country_unknown"),
    }
    assert result.case_file is None
    with pytest.raises(CaseError) as caught:
        load_case(new_case, today=TODAY)
    assert len(caught.value.errors) == len(result.errors)


def test_licence_files_are_checked_even_when_case_yaml_is_broken(new_case):
    replace_in(new_case / "case.yaml", "title: UK surveillance", "title: [UK surveillance")
    replace_in(new_case / "licences.csv", "EX-LIC-1,,SIEL,Turkey", "EX-LIC-1,,SIEL,Atlantis")
    found = {(p.file.rsplit("/", 1)[-1], p.code) for p in _problems(new_case)}
    assert found == {("case.yaml", "yaml_syntax"), ("licences.csv", "country_unknown")}


def test_warnings_do_not_stop_the_case(new_case):
    replace_in(new_case / "licences.csv", "5A001.f; 5D001", "5A001.f; QQ999")
    replace_in(new_case / "sources.yaml", "  url: https://example.org/news/editors-detained\n", "")
    replace_in(new_case / "sources.yaml", "  accessed: 2024-01-15\n  pinpoint: 12", "  pinpoint: 12")
    result = check_case(new_case, today=TODAY)
    assert result.errors == []
    assert result.case_file is not None
    found = {(p.code, p.field, p.record or p.row) for p in result.warnings}
    assert found == {
        ("rating_unknown", "ratings", 1),
        ("source_no_url", "url", "source 'example-news'"),
        ("source_no_access_date", "accessed", "source 'example-report'"),
    }


FOI = """
foi_requests:
  - id: foi-1
    sent: 2024-02-01
    licences: [EX-LIC-1, EX-LIC-9]
    response_date: 2024-01-20
    response: refused
    review_requested: 2024-03-01
    review_response_date: 2027-02-01
  - id: foi-1
    sent: 2024-05-01
"""


def test_earlier_foi_requests_are_validated(new_case):
    with (new_case / "case.yaml").open("a", encoding="utf-8") as handle:
        handle.write(FOI)
    case_yaml = new_case / "case.yaml"
    problems = {(p.code, p.field, p.line): p for p in _problems(new_case)}
    assert set(problems) == {
        ("dangling_id", "foi_requests.licences", line_of(case_yaml, "EX-LIC-9")),
        ("date_order", "foi_requests.response_date", line_of(case_yaml, "response_date:")),
        ("date_future", "foi_requests.review_response_date", line_of(case_yaml, "review_response_date:")),
        ("duplicate_id", "foi_requests.id", line_of(case_yaml, "sent: 2024-05-01") - 1),
    }
    assert all(p.record == "FOI request 'foi-1'" and p.file == str(case_yaml) for p in problems.values())
    order = problems[("date_order", "foi_requests.response_date", line_of(case_yaml, "response_date:"))]
    assert "before the request (sent: 2024-02-01)" in order.message


def test_a_review_request_before_the_response_is_an_error(new_case):
    with (new_case / "case.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "\nfoi_requests:\n  - id: foi-2\n    sent: 2024-02-01\n    licences: EX-LIC-1\n"
            "    response_date: 2024-03-01\n    review_requested: 2024-02-15\n"
        )
    problem = _only(new_case, "date_order")
    assert problem.field == "foi_requests.review_requested"
    assert "before the response" in problem.message


def test_a_synthetic_case_checks_clean_and_is_reproducible(tmp_path):
    from benchmarks.synthetic import write_caat_release, write_synthetic_case

    first = write_synthetic_case(tmp_path / "one", n_licences=200, n_abuses=50, seed=3)
    second = write_synthetic_case(tmp_path / "two", n_licences=200, n_abuses=50, seed=3)
    result = check_case(first, today=TODAY)
    assert result.problems == ()
    assert (len(result.case_file.licences), len(result.case_file.abuses)) == (200, 50)
    for name in ("case.yaml", "sources.yaml", "abuses.yaml", "licences.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
    release = write_caat_release(tmp_path / "release", 5_000, seed=3, encoding="cp1252")
    problems = Problems()
    table = read_licence_data(release, "release", problems, today=TODAY)
    assert list(problems) == [] and 0 < len(table) <= 5_000


def test_each_record_file_is_read_into_the_records_of_its_kind():
    by_kind = CaseRecords().by_kind()
    assert list(by_kind) == list(RECORD_FILES)
    for kind, (_, noun, model) in RECORD_FILES.items():
        assert (by_kind[kind].kind, by_kind[kind].model) == (noun, model)
