"""What `advocate check` says about case files that are wrong in the ways real ones are: one line each, at the cause."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from advocate import init_case
from advocate.models.case import Person
from advocate.validate.check import check_case
from tests.cli_run import error_lines, run_cli

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    init_case(folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _errors(case: Path) -> list[str]:
    return [str(p) for p in check_case(case, today=TODAY).problems if p.severity.value == "error"]


# -- values a case file cannot hold ---------------------------------------------------


def test_a_binary_value_is_refused_not_printed_as_bytes(case):
    abuses = case / "abuses.yaml"
    _edit(abuses, "title: Police detained", "title: !!binary aGVsbG8gd29ybGQ=\n  old_title: Police detained")
    assert _errors(case) == [
        f"{abuses}:{_line(abuses, '!!binary')}: error: the tag '!!binary' is not allowed in a case "
        "file; write the value as plain text, a number, true or false, a list or 'key: value' fields"
    ]


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ('"A.\\r\\nCampaigner"', "has a carriage return, which no document can print, after 'A.'; delete it"),
        ('"A.\\nCampaigner"', "must be on one line, but has a line break (a new line) after 'A.'"),
        ("|\n    A.\n    Campaigner", "must be on one line, but has a line break (a new line) after 'A.'"),
        ('"A.\\u2028Campaigner"', "must be on one line, but has a line break (U+2028 LINE SEPARATOR) after 'A.'"),
        ('"A.\\aCampaigner"', "has the control character U+0007, which no document can print, after 'A.'; delete it"),
    ],
)
def test_a_name_that_no_document_can_print_is_refused_by_check(case, written, message):
    case_yaml = case / "case.yaml"
    _edit(case_yaml, "  name: A. Campaigner", f"  name: {written}")
    line = _line(case_yaml, "  name: " + written.split("\n")[0])
    assert _errors(case) == [f"{case_yaml}:{line}: error: field 'requester.name': {message}"]


def test_a_lone_surrogate_is_refused_by_the_model(case):
    with pytest.raises(ValidationError, match=r"U\+DC80, half of a UTF-16 surrogate pair"):
        Person.model_validate({"name": "A.\udc80 Campaigner"})


def test_a_multi_line_address_is_still_allowed(case):
    _edit(case / "case.yaml", "  address: 1 Example Street, London", "  address: |\n    1 Example Street\n    London")
    assert _errors(case) == []


# -- dates and ids of decisions ----------------------------------------------------------


def test_a_decision_dated_in_the_future_is_an_error(case):
    case_yaml = case / "case.yaml"
    _edit(case_yaml, "    date: 2017-Q1", "    date: 2027-03")
    assert _errors(case) == [
        f"{case_yaml}:{_line(case_yaml, 'date: 2027-03')}: error: decision 'decision-1', field "
        "'decisions.date': '2027-03' is in the future (today is 2026-11-22); a decision under "
        "challenge has been taken; check the date"
    ]


def test_grounds_arising_in_the_future_are_an_error(case):
    case_yaml = case / "case.yaml"
    _edit(case_yaml, "    # grounds_arose: 2026-03-02", "    grounds_arose: 2026-12-01")
    assert _errors(case) == [
        f"{case_yaml}:{_line(case_yaml, 'grounds_arose: 2026')}: error: decision 'decision-1', "
        "field 'decisions.grounds_arose': '2026-12-01' is in the future (today is 2026-11-22); the "
        "grounds for a claim arise from what has happened; check the date"
    ]


def test_two_decisions_with_one_id_is_an_error(case):
    case_yaml = case / "case.yaml"
    _edit(case_yaml, "relief_sought:", "  - id: decision-1\n    description: another\n    date: 2018\n\nrelief_sought:")
    first, second = _line(case_yaml, "- id: decision-1"), _line(case_yaml, "description: another") - 1
    assert _errors(case) == [
        f"{case_yaml}:{second}: error: decision 'decision-1', field 'decisions.id': id 'decision-1' "
        f"is already used by the decision on line {first}; every decision needs its own id: "
        "documents and deadlines name decisions by it"
    ]


# -- the cause, not its echoes -------------------------------------------------------------


def test_a_tab_in_sources_yaml_is_one_error(case):
    sources = case / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("\n  kind:", "\n\tkind:", 1), encoding="utf-8")
    result = run_cli("check", case)
    assert result.exit_code == 2
    assert error_lines(result) == [
        f"{sources}:{_line(sources, chr(9) + 'kind:')}: error: malformed YAML: while scanning a plain scalar found a tab "
        "character that violates indentation; YAML indents with spaces, never tabs: replace the tab with spaces",
        f"error: {case}: 1 error, 0 warnings; fix the errors and check again",
    ]


def test_unreadable_abuses_do_not_make_every_link_dangle(case):
    (case / "abuses.yaml").write_text("id: not-a-list\n", encoding="utf-8")
    assert _errors(case) == [
        f"{case / 'abuses.yaml'}:1: error: expected a list of abuse records, each starting '- id: ...'"
    ]


def test_unreadable_licence_data_does_not_make_every_reference_dangle(case):
    licences = case / "licences.csv"
    licences.write_text(licences.read_text(encoding="utf-8").replace("id,", "ident,", 1), encoding="utf-8")
    errors = _errors(case)
    assert len(errors) == 1 and errors[0].startswith(f"{licences}:1: error: field 'id': missing column 'id'")


# -- files that are not files ----------------------------------------------------------------


def test_a_folder_in_place_of_a_record_file_is_named(case):
    (case / "abuses.yaml").unlink()
    (case / "abuses.yaml").mkdir()
    assert _errors(case) == [
        f"{case / 'abuses.yaml'}: error: is a folder, not a file; abuses.yaml must be a YAML file "
        "of abuse records, or absent"
    ]


def test_a_named_pipe_in_place_of_a_record_file_is_named_and_never_read(case):
    (case / "events.yaml").unlink()
    os.mkfifo(case / "events.yaml")
    result = run_cli("check", case, deadline_seconds=60)
    assert result.exit_code == 2
    assert error_lines(result)[0] == (
        f"{case / 'events.yaml'}: error: is a named pipe, not a file; events.yaml must be a "
        "YAML file of event records, or absent"
    )


def test_a_link_to_nothing_in_place_of_a_record_file_is_named(case):
    (case / "links.yaml").unlink()
    (case / "links.yaml").symlink_to(case / "missing.yaml")
    assert _errors(case) == [
        f"{case / 'links.yaml'}: error: is a link to a file that does not exist; links.yaml must be "
        "a YAML file of link records, or absent"
    ]


def test_a_folder_in_place_of_case_yaml_is_named(case):
    (case / "case.yaml").unlink()
    (case / "case.yaml").mkdir()
    assert _errors(case) == [f"{case / 'case.yaml'}: error: is a folder, not a file; case.yaml must be a YAML file"]


# -- encodings ---------------------------------------------------------------------------------


def test_utf16_with_a_byte_order_mark_is_read(case):
    abuses = case / "abuses.yaml"
    text = abuses.read_text(encoding="utf-8").replace("Police detained", "Polis gözaltına aldı (police detained)")
    abuses.write_bytes(text.encode("utf-16"))  # with its byte-order mark, as Windows editors save it
    result = check_case(case, today=TODAY)
    assert [str(p) for p in result.errors] == []
    assert result.case_file.abuses["example-detentions"].title.startswith("Polis gözaltına aldı")


def test_utf16_without_a_byte_order_mark_is_named(case):
    abuses = case / "abuses.yaml"
    abuses.write_bytes(abuses.read_text(encoding="utf-8").encode("utf-16-le"))
    assert _errors(case) == [
        f"{abuses}:1: error: the file looks like UTF-16 (little-endian) without a byte-order mark, "
        "which cannot be read for certain; save it as UTF-8"
    ]


def test_a_nul_byte_names_its_line(case):
    abuses = case / "abuses.yaml"
    data = abuses.read_bytes().replace(b"Police detained", b"Police\x00detained")
    abuses.write_bytes(data)
    line = data[: data.index(b"\x00")].count(b"\n") + 1
    assert _errors(case) == [
        f"{abuses}:{line}: error: line {line} holds a NUL byte (0x00), which a text file never has: "
        "the file is damaged or not a YAML file; save it again as UTF-8 text"
    ]


def test_a_file_mixing_two_encodings_names_the_line(case):
    abuses = case / "abuses.yaml"
    data = abuses.read_bytes().replace(b"Police detained", "Türk police detained".encode())
    data = data.replace(b"raids on", "raids on Türk".encode("cp1252"))
    abuses.write_bytes(data)
    line = data[: data.index(b"\xfc")].count(b"\n") + 1
    assert _errors(case) == [
        f"{abuses}:{line}: error: byte 0xFC on line {line} is not UTF-8, though the file's other "
        "accented characters are: it mixes two encodings; correct that line and save the file as UTF-8"
    ]
