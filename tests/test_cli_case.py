"""``advocate init`` and ``advocate check`` as a user runs them."""

from __future__ import annotations

from typer.testing import CliRunner

from advocate.cli import app
from tests.helpers import replace_in

runner = CliRunner()


def test_init_writes_a_case_that_check_accepts(tmp_path):
    folder = tmp_path / "my-case"
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in folder.iterdir()) == [
        "abuses.yaml",
        "case.yaml",
        "events.yaml",
        "licences.csv",
        "links.yaml",
        "sources.yaml",
    ]
    assert "# case.yaml: the matter" in (folder / "case.yaml").read_text(encoding="utf-8")
    checked = runner.invoke(app, ["check", str(folder)])
    assert checked.exit_code == 0, checked.output
    assert f"{folder}: OK: 1 licence, 1 abuses, 1 events, 4 sources, 1 links; 0 warnings" in checked.stdout


def test_init_refuses_to_overwrite_a_folder(tmp_path):
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "case.yaml").write_text("title: mine\n", encoding="utf-8")
    result = runner.invoke(app, ["init", str(folder)])
    assert result.exit_code != 0
    assert "already exists and is not empty; nothing was written" in result.stderr
    assert (folder / "case.yaml").read_text(encoding="utf-8") == "title: mine\n"
    assert [p.name for p in folder.iterdir()] == ["case.yaml"]


def test_init_into_an_empty_folder_is_allowed(tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "case.yaml").is_file()


def test_check_prints_every_error_on_stderr_and_exits_2(tmp_path):
    folder = tmp_path / "case"
    runner.invoke(app, ["init", str(folder)])
    replace_in(folder / "abuses.yaml", "country: Turkey", "country: Turkland")
    replace_in(folder / "licences.csv", ",2017-Q1,", ",2017-Q5,")
    replace_in(folder / "sources.yaml", "  url: https://example.org/news/editors-detained\n", "")
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert any(
        line.startswith(f"{folder / 'abuses.yaml'}:") and "field 'country'" in line and "Turkland" in line
        for line in lines
    )
    assert any(line.startswith(f"{folder / 'licences.csv'}:2: error: row 1, column 'decision_date'") for line in lines)
    assert any("warning: source 'example-news', field 'url'" in line for line in lines)
    assert lines[-1] == f"error: {folder}: 2 errors, 1 warning; fix the errors and check again"
    assert result.stdout == ""


def test_check_with_warnings_only_exits_0(tmp_path):
    folder = tmp_path / "case"
    runner.invoke(app, ["init", str(folder)])
    replace_in(folder / "licences.csv", "5A001.f; 5D001", "5A001.f; QQ999")
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 0
    assert "warning: row 1, column 'ratings': 'QQ999' is not a control-list rating" in result.stderr
    assert "; 1 warning" in result.stdout


def test_check_of_a_folder_without_a_case(tmp_path):
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "the case folder has no case.yaml; run 'advocate init FOLDER' to start one" in result.stderr
