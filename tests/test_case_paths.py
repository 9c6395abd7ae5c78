"""A case reads only the case: paths it names stay inside it (or a --data folder), only regular files of bounded size.

Each hostile path gives one line naming case.yaml's line (or the file) and what is wrong, exit 2, and never
the content of what it names: the environment, a key, gigabytes of zeros.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from advocate.cli import app
from advocate.load.case_paths import MAX_RECORD_BYTES
from advocate.validate.check import check_case
from tests.helpers import EXAMPLE_CASE, TODAY, line_of, replace_in

CANARY = "CANARY_SECRET_7f3a9"


@pytest.fixture
def case(tmp_path) -> Path:
    folder = tmp_path / "case"
    shutil.copytree(EXAMPLE_CASE, folder)
    return folder


def name_licence_data(case: Path, path: str) -> int:
    replace_in(case / "case.yaml", "  - path: licences.csv", f"  - path: {path}")
    return line_of(case / "case.yaml", f"  - path: {path}")


def errors_of(case: Path, **options) -> list[str]:
    return [str(p) for p in check_case(case, today=TODAY, **options).errors]


HOSTILE = [
    ("/proc/self/environ", "'/proc/self/environ' is an absolute path; a case reads only files inside its folder"),
    ("/etc/passwd", "'/etc/passwd' is an absolute path"),
    ("~/.ssh/id_rsa", "'~/.ssh/id_rsa' is an absolute path"),
    ("../outside.csv", "'../outside.csv' leads out of the case folder with '..'"),
    ("data/../../outside.csv", "leads out of the case folder with '..'"),
]


@pytest.mark.parametrize(("written", "message"), HOSTILE)
def test_a_licence_data_path_out_of_the_case_is_refused(case, written, message, monkeypatch):
    monkeypatch.setenv("ADVOCATE_TEST_CANARY", CANARY)
    (case.parent / "outside.csv").write_text(f"id,{CANARY}\n", encoding="utf-8")
    line = name_licence_data(case, written)
    errors = errors_of(case)
    assert errors[0].startswith(f"{case / 'case.yaml'}:{line}: error: field 'licence_data': ")
    assert message in errors[0]
    assert not any(CANARY in error for error in errors)


@pytest.mark.parametrize("target", ["/proc/self/environ", "../outside.csv", "/dev/zero"])
def test_a_link_out_of_the_case_is_refused_and_never_read(case, target):
    (case.parent / "outside.csv").write_text(f"id,{CANARY}\n", encoding="utf-8")
    (case / "mine.csv").symlink_to(target)
    line = name_licence_data(case, "mine.csv")
    [error] = [e for e in errors_of(case) if "licence_data" in e]
    assert error == (
        f"{case / 'case.yaml'}:{line}: error: field 'licence_data': {case / 'mine.csv'}: is a link to a "
        "file outside the case folder; a case reads only its own files "
        "(name another data folder with --data DIR)"
    )


def test_a_link_inside_the_case_is_followed(case):
    (case / "data").mkdir()
    shutil.move(case / "licences.csv", case / "data" / "licences.csv")
    (case / "licences.csv").symlink_to(Path("data") / "licences.csv")
    assert errors_of(case) == []


def test_a_link_out_of_a_data_folder_of_the_case_is_refused(case):
    (case.parent / "outside.csv").write_text(f"id,{CANARY}\n", encoding="utf-8")
    (case / "caat-2015-turkey" / "extra.csv").symlink_to(case.parent / "outside.csv")
    errors = errors_of(case)
    linked = case / "caat-2015-turkey" / "extra.csv"
    assert any(f"{linked}: is a link to a file outside the case folder" in e for e in errors)
    assert not any(CANARY in error for error in errors)


def test_a_record_file_linked_out_of_the_case_is_refused(case):
    (case / "sources.yaml").unlink()
    (case / "sources.yaml").symlink_to("/proc/self/environ")
    errors = errors_of(case)
    assert errors[0] == (
        f"{case / 'sources.yaml'}: error: is a link to a file outside the case folder; a case reads "
        "only its own files (name another data folder with --data DIR)"
    )


def test_a_folder_in_place_of_a_record_file_is_an_error(case):
    (case / "events.yaml").unlink()
    (case / "events.yaml").mkdir()
    assert any(e.startswith(f"{case / 'events.yaml'}: error: is a folder, not a file") for e in errors_of(case))


def test_a_record_file_too_large_to_read_is_refused_before_reading(case):
    with open(case / "abuses.yaml", "r+b") as handle:
        handle.truncate(MAX_RECORD_BYTES + 1)  # sparse: nothing is written, and nothing must be read
    assert f"{case / 'abuses.yaml'}: error: is 64.0 MiB, more than advocate reads (64.0 MiB)" in errors_of(case)


def test_data_kept_outside_the_case_is_read_from_a_folder_named_with_data(case, tmp_path):
    shared = tmp_path / "shared-data"
    shared.mkdir()
    shutil.move(case / "caat-2015-turkey", shared / "caat-2015-turkey")
    line = line_of(case / "case.yaml", "  - path: caat-2015-turkey")
    [missing] = [e for e in errors_of(case) if "caat-2015-turkey" in e and "error" in e]
    assert "no such file or folder" in missing
    assert errors_of(case, data=(shared,)) == []
    loaded = check_case(case, today=TODAY, data=(shared,)).case_file
    assert "caat-2015-turkey/values.csv" in {i.path for i in loaded.inputs}, "inputs are named as case.yaml names them"
    (shared / "caat-2015-turkey" / "leak.csv").symlink_to("/etc/passwd")
    [error] = [e for e in errors_of(case, data=(shared,)) if "leak.csv" in e]
    assert f"{case / 'case.yaml'}:{line}: error: field 'licence_data': " in error
    assert f"is a link to a file outside the data folder {shared}" in error


FIFO_CHILD = """
import sys
from advocate.cli import main
sys.argv = ["advocate", *sys.argv[1:]]
main()
"""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
@pytest.mark.parametrize("where", ["licence data", "record file", "case.yaml", "command line"])
def test_a_named_pipe_is_an_error_never_a_hang(case, where):
    if where == "licence data":
        os.mkfifo(case / "pipe.csv")
        name_licence_data(case, "pipe.csv")
        args, expected = ["check", str(case)], f"{case / 'pipe.csv'}: is a named pipe, not a file"
    elif where == "record file":
        (case / "abuses.yaml").unlink()
        os.mkfifo(case / "abuses.yaml")
        args, expected = ["check", str(case)], f"{case / 'abuses.yaml'}: error: is a named pipe, not a file"
    elif where == "case.yaml":
        (case / "case.yaml").unlink()
        os.mkfifo(case / "case.yaml")
        args, expected = ["check", str(case)], f"{case / 'case.yaml'}: error: is a named pipe, not a file"
    else:
        os.mkfifo(case / "pipe.csv")
        args, expected = (
            ["licences", str(case / "pipe.csv")],
            f"{case / 'pipe.csv'}: error: is a named pipe, not a file",
        )
    result = subprocess.run([sys.executable, "-c", FIFO_CHILD, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_dev_zero_on_the_command_line_is_one_line(tmp_path):
    result = CliRunner().invoke(app, ["licences", "/dev/zero"])
    assert result.exit_code == 2
    assert result.output.splitlines()[0] == "/dev/zero: error: is a device, not a file"


def test_a_file_that_is_not_a_licence_csv_is_not_echoed(case):
    (case / "licences.csv").write_text(f"HOME=/root\x00API_KEY={CANARY}\x00PATH=/bin\n", encoding="utf-8")
    errors = errors_of(case)
    assert not any(CANARY in error for error in errors)
    assert any("it is not such a CSV file" in error or "licences.csv" in error for error in errors)
