"""The command line as a newcomer meets it: init as the README says, deadlines in date order with their
documents, output not wrapped when piped and wrapped under its item on a terminal, readable option
values in --help, each warning once, progress naming each document, and the README's first listing."""

from __future__ import annotations

import datetime as dt
import io
import re
import shlex
from types import SimpleNamespace

import pytest
import typer.main
from rich.console import Console
from typer.testing import CliRunner

from advocate.cli import app, output
from advocate.draft.context import Timing
from advocate.law.deadlines import Deadline
from tests.helpers import EXAMPLE_CASE, REPO, replace_in

runner = CliRunner()


# -- init --example ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["{path}", "--example"],
        ["--example", "{path}"],
        ["{path}", "--example", "turkey-2017"],
        ["--example", "turkey-2017", "{path}"],
        ["--example=turkey-2017", "{path}"],
    ],
)
def test_init_example_with_or_without_a_name_copies_the_shipped_example(tmp_path, args):
    folder = tmp_path / "case"
    result = runner.invoke(app, ["init", *(a.format(path=folder) for a in args)])
    assert result.exit_code == 0, result.output
    copied = (folder / "case.yaml").read_text(encoding="utf-8")
    assert copied == (EXAMPLE_CASE / "case.yaml").read_text(encoding="utf-8")
    assert runner.invoke(app, ["check", str(folder)]).exit_code == 0


def test_init_example_with_an_unknown_name_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path / "case"), "--example", "nosuch"])
    assert result.exit_code == 2
    assert result.stderr == "error: no shipped example called 'nosuch'; examples: turkey-2017\n"
    assert not (tmp_path / "case").exists()


def test_init_without_example_writes_the_skeleton(tmp_path):
    result = runner.invoke(app, ["init", str(tmp_path / "case")])
    assert result.exit_code == 0
    assert "# case.yaml: the matter" in (tmp_path / "case" / "case.yaml").read_text(encoding="utf-8")


# -- deadlines ---------------------------------------------------------------------------------------


def _timing(name: str, day: dt.date, rule: str, warning: str = "") -> Timing:
    return Timing(name, Deadline(date=day, start=day, rule=rule, authority="", pinpoint=""), warning)


def test_deadlines_are_listed_in_date_order_with_their_document_and_passed_ones_marked(capsys):
    letter = SimpleNamespace(
        file_stem="letter-before-claim",
        timings=(
            _timing("reply proposed by", dt.date(2026, 12, 18), "14 days"),
            _timing("claim limit (decision-2017-q1)", dt.date(2017, 4, 1), "3 months", warning="the limit has passed"),
        ),
    )
    request = SimpleNamespace(
        file_stem="foi-request", timings=(_timing("reply due", dt.date(2027, 1, 7), "20 working days"),)
    )
    output.print_deadlines([request, letter], today=dt.date(2026, 12, 4))
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "deadlines, in date order:",
        "  2017-04-01  letter-before-claim: claim limit (decision-2017-q1) (passed) — 3 months",
        "  2026-12-18  letter-before-claim: reply proposed by — 14 days",
        "  2027-01-07  foi-request: reply due — 20 working days",
    ]
    assert captured.err == "warning: the limit has passed\n"


def test_a_deadline_due_today_is_not_passed_and_one_shared_by_many_letters_is_listed_once(capsys):
    due = _timing("reply due", dt.date(2026, 12, 4), "20 days")
    letters = [SimpleNamespace(file_stem=f"foi-request-{n}", timings=(due,)) for n in range(1, 6)]
    output.print_deadlines(letters, today=dt.date(2026, 12, 4))
    assert capsys.readouterr().out.splitlines()[1:] == [
        "  2026-12-04  foi-request-1, foi-request-2 and 3 other documents: reply due — 20 days"
    ]


# -- wrapping ----------------------------------------------------------------------------------------

LONG = "  2027-01-07  foi-request: reply due — " + "promptly and in any event not later than the twentieth " * 3


def test_output_piped_is_never_wrapped(capsys):
    output.say(LONG)
    assert capsys.readouterr().out == LONG + "\n"


def test_output_on_a_terminal_wraps_between_words_under_its_item(monkeypatch):
    screen = io.StringIO()
    monkeypatch.setattr(output, "stdout", Console(file=screen, force_terminal=True, width=60, color_system=None))
    output.say(LONG, hang=12)
    lines = screen.getvalue().splitlines()
    assert len(lines) > 2
    assert all(len(line) <= 60 for line in lines)
    assert lines[0].startswith("  2027-01-07  foi-request")
    assert all(line.startswith(" " * 14) and line[14] != " " for line in lines[1:])
    assert " ".join(" ".join(lines).split()) == " ".join(LONG.split())


def test_build_output_piped_has_one_line_per_item(tmp_path):
    result = runner.invoke(app, ["build", str(EXAMPLE_CASE), "--out", str(tmp_path / "out"), "--date", "2026-12-04"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("  letter before claim for judicial review") and line.endswith("letter-before-claim.pdf")
        for line in lines
    )
    deadlines = lines[lines.index("deadlines, in date order:") + 1 :]
    assert [line[:12] for line in deadlines] == sorted(line[:12] for line in deadlines)
    assert all(re.match(r"  \d{4}-\d\d-\d\d  [\w-]+: ", line) for line in deadlines)


# -- help --------------------------------------------------------------------------------------------


def test_help_names_what_each_option_takes():
    group = typer.main.get_command(app)
    for name in group.commands:
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0
        assert not re.search(r"--[\w-]+ <(?:list\[)?(?:str|int|path)", result.output), (name, result.output)
    draft = runner.invoke(app, ["draft", "--help"]).output
    for shown in ("--licence ID", "--from DATE", "--rating RATING", "--style FILE.docx", "--format FORMAT"):
        assert shown in draft, shown
    assert "--each " in draft and "--each <bool>" not in draft
    assert "--example [NAME]" in runner.invoke(app, ["init", "--help"]).output


# -- warnings once, progress -------------------------------------------------------------------------


def test_licences_prints_each_warning_once(tmp_path):
    folder = tmp_path / "case"
    runner.invoke(app, ["init", str(folder)])
    replace_in(folder / "licences.csv", "5A001.f; 5D001", "5A001.f; QQ999")
    result = runner.invoke(app, ["licences", str(folder)])
    assert result.exit_code == 0
    assert result.stderr.count("'QQ999' is not a control-list rating") == 1


def test_a_warning_given_twice_in_a_run_is_printed_once(capsys):
    output.warn("the limit has passed")
    output.warn("the limit has passed")
    output.warn("another")
    assert capsys.readouterr().err == "warning: the limit has passed\nwarning: another\n"


def test_progress_names_each_document_as_it_starts(tmp_path):
    result = runner.invoke(app, ["build", str(EXAMPLE_CASE), "--out", str(tmp_path / "out"), "--date", "2026-12-04"])
    steps = [line for line in result.stderr.splitlines() if line.startswith("building ")]
    assert steps[0] == "building 1/5: Freedom of Information request to the licensing body"
    assert steps[1].startswith("building 2/5: letter before claim")
    assert steps[-1] == "building 5/5: links"


def test_draft_each_names_each_document_as_it_starts(tmp_path):
    result = runner.invoke(
        app,
        [
            "draft",
            "foi",
            str(EXAMPLE_CASE),
            "--out",
            str(tmp_path / "out"),
            "--each",
            "--licence",
            "CAAT-75164",
            "--licence",
            "CAAT-74522",
            "--date",
            "2026-12-04",
        ],
    )
    assert result.exit_code == 0, result.output
    steps = [line for line in result.stderr.splitlines() if line.startswith("drafting ")]
    assert [step[:14] for step in steps] == ["drafting 1/2: ", "drafting 2/2: "]
    assert sorted(step[14:] for step in steps) == ["foi-request-CAAT-74522", "foi-request-CAAT-75164"]


# -- the README ------------------------------------------------------------------------------------


def test_the_readmes_first_listing_shows_the_licence_the_example_is_about():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first = re.search(r"```sh\n(.*?)\n```", readme, re.S).group(1)
    commands = [shlex.split(part) for part in first.split("&&")]
    listing = next(c for c in commands if c[:2] == ["advocate", "licences"])
    explained = next(c for c in commands if c[:2] == ["advocate", "link"])
    licence = explained[explained.index("--explain") + 1]
    args = [str(REPO / a) if a.startswith("evidence/") else a for a in listing[1:]]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert licence in result.stdout


def test_link_explain_piped_gives_each_reason_on_one_line():
    result = runner.invoke(app, ["link", str(EXAMPLE_CASE), "--explain", "DIT-2017Q1-TR-01"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("DIT-2017Q1-TR-01 → ") and lines[0].endswith(")")
    assert any(line.startswith("  - ") and len(line) > 120 for line in lines)  # a long reason, whole
    assert not any(line and not line.startswith(" ") and "→" not in line for line in lines)  # no wrapped stub
