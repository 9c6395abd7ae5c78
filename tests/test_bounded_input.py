"""No input makes advocate run for ever or exhaust memory: each attack is one line naming the place, and exit 2.

Each test runs the command as a user would, in this process, under a deadline
that turns a hang into a failure (see ``tests/cli_run.py``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from advocate import init_case
from tests.cli_run import error_lines, run_cli


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / "case"
    init_case(folder)
    return folder


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _check_fails(case: Path) -> list[str]:
    result = run_cli("check", case)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return error_lines(result)


def _line(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


# -- YAML -------------------------------------------------------------------------------


def test_a_yaml_alias_bomb_is_refused_without_expanding_it(case):
    bomb = ["notes: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    bomb += [f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]  # 9**10 values once expanded
    (case / "events.yaml").write_text("\n".join(bomb) + "\n", encoding="utf-8")
    errors = _check_fails(case)
    assert errors[0].startswith(f"{case / 'events.yaml'}:")
    assert "aliases ('*name') repeat more than 100,000 values" in errors[0]
    assert "write the values out, or use fewer aliases" in errors[0]


def test_an_alias_inside_its_own_value_is_refused(case):
    (case / "events.yaml").write_text("- &loop [1, *loop]\n", encoding="utf-8")
    errors = _check_fails(case)
    assert errors[0].startswith(f"{case / 'events.yaml'}:1: error: an alias ('*name') repeats the value it is inside")


def test_ten_thousand_levels_of_nesting_are_refused(case):
    (case / "events.yaml").write_text("[" * 10_000 + "]" * 10_000 + "\n", encoding="utf-8")
    errors = _check_fails(case)
    assert errors[0].startswith(f"{case / 'events.yaml'}:1: error: malformed YAML:")
    assert "exceeded maximum nesting depth" in errors[0]
    assert "a case file needs only a few levels" in errors[0]


def test_nesting_deeper_than_a_case_file_needs_is_refused(case):
    text = "".join(" " * (2 * depth) + "- \n" for depth in range(60)) + " " * 120 + "- x\n"
    (case / "events.yaml").write_text(text, encoding="utf-8")
    errors = _check_fails(case)
    assert errors == [
        f"{case / 'events.yaml'}:51: error: nested more than 50 levels deep; "
        "a case file needs only a few levels of lists and fields",
        errors[-1],
    ]


def test_a_five_thousand_digit_number_is_refused(case):
    _edit(case / "case.yaml", "reference: EXAMPLE-001", "reference: " + "9" * 5000)
    errors = _check_fails(case)
    assert errors[0] == (
        f"{case / 'case.yaml'}:{_line(case / 'case.yaml', 'reference:')}: error: a number of 5,000 digits "
        "is longer than any a case file needs (at most 100); put it in quotes if it is text rather than a number"
    )


def test_an_infinite_number_is_refused(case):
    _edit(case / "case.yaml", "privileged: false", "linking:\n  min_score: 1e400\nprivileged: false")
    errors = _check_fails(case)
    assert errors[0] == (
        f"{case / 'case.yaml'}:{_line(case / 'case.yaml', 'min_score: 1e400')}: error: '1e400' is too large a "
        "number; write a finite number"
    )


def test_a_one_megabyte_abuse_title_is_refused_naming_the_record(case):
    abuses = case / "abuses.yaml"
    _edit(abuses, "title: Police detained the editors", "title: " + "x" * 1_000_000 + " Police detained the editors")
    errors = _check_fails(case)
    length = len("x" * 1_000_000 + " Police detained the editors of two newspapers after raids on their offices")
    assert errors[0] == (
        f"{abuses}:{_line(abuses, 'title:')}: error: abuse 'example-detentions', field 'title': "
        f"is {length:,} characters long; a one-line text here may have at most 1,000 (it starts '{'x' * 40}…')"
    )


def test_a_long_description_is_refused(case):
    _edit(case / "case.yaml", "summary: >-", "summary: " + "word " * 3000 + "\nold_summary: >-")
    errors = _check_fails(case)
    assert any("field 'summary': is 14,999 characters long; a text here may have at most 10,000" in e for e in errors)


# -- templates ----------------------------------------------------------------------------


def _draft_with(case: Path, tmp_path: Path, template: str):
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "foi.md.j2").write_text(template, encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("draft", "foi", case, "--out", out, "--templates", folder, "--format", "md")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert not out.exists()  # nothing half-written
    errors = error_lines(result)
    assert len(errors) == 1, errors
    return errors[0]


@pytest.mark.parametrize(
    ("template", "line", "message"),
    [
        ("{% for i in range(1000000000) %}x{% endfor %}", 1, "1,000,000,000 is larger than any width or count"),
        (
            "Dear\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            2,
            "the template takes more than 1,006,500 steps (loop iterations, calls and filters)",
        ),
        (
            "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}\n{{ f(60) }}",
            1,
            "the template takes more than 1,006,500 steps",
        ),
        ("{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}", 1, "the template calls itself too deeply"),
        ("{{ 'a' * 10**10 }}", 1, "the template builds a text or list of 10,000,000,000 characters or items"),
        ("{{ [1] * 10**9 }}", 1, "the template builds a text or list of 1,000,000,000 characters or items"),
        ("{{ 2 ** (10 ** 10) }}", 1, "the template computes a number of more than 100,000 bits"),
        ("{{ 'a'.center(10**10) }}", 1, "10,000,000,000 is larger than any width or count the document could need"),
        ("{{ 'x'|indent(10**9) }}", 1, "1,000,000,000 is larger than any width or count"),
        ("{{ '%999999999d' % 1 }}", 1, "a format asks for a width of ten million characters or more"),
        ("{{ '{:>99999999}'.format(1) }}", 1, "a format asks for a width of ten million characters or more"),
        (
            "{% set ns = namespace(s='a') %}\n{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
            2,
            "the template builds a text or list of",
        ),
        (
            "{% set ns = namespace(s='a') %}\n{% for i in range(64) %}{% set ns.s = ns.s|replace('a', 'aa') %}{% endfor %}",
            2,
            "steps",
        ),
        ("{% for i in range(100000) %}{% set x = range(100000)|list %}{% endfor %}", 1, "steps"),
        ("{% for i in range(100000) %}{{ range(100000)|join(',') }}{% endfor %}", 1, "steps"),
        (
            "{% for i in range(3000) %}{{ 'x' * 5000 }}{% endfor %}",
            1,
            "the template prints more than 10,026,000 characters",
        ),
        ("{{ lipsum(10**7) }}", 1, "'lipsum' is undefined"),
    ],
)
def test_a_template_asking_for_unbounded_work_is_stopped_at_its_line(case, tmp_path, template, line, message):
    error = _draft_with(case, tmp_path, template)
    assert error.startswith(f"error: {case}: {tmp_path / 'templates' / 'foi.md.j2'}:{line}: "), error
    pattern = re.escape(message).replace(re.escape("1,006,500"), r"[\d,]+").replace(re.escape("10,026,000"), r"[\d,]+")
    assert re.search(pattern, error), error  # the budgets scale with the records the template is given
