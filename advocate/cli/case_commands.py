"""``advocate init`` and ``advocate check``."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.core import TyperCommand

from advocate.cli import app
from advocate.cli.case_options import DATA, data_folders
from advocate.cli.output import EXIT_BAD_EVIDENCE, fail, print_problems, say


class _ExampleMayGoWithoutName(TyperCommand):
    """``init``, whose ``--example`` may be given without a name: ``advocate init PATH --example``.

    The token after ``--example`` is its value when it names a shipped example, or when the folder was
    given before the option (so the token cannot be the folder); otherwise, and at the end of the line,
    ``--example`` means the shipped example. ``--example=NAME`` is always a name.
    """

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, _with_example_name(list(args)))


def _with_example_name(args: list[str]) -> list[str]:
    from advocate.case_skeleton import example_names

    names = example_names()
    out: list[str] = []
    positional = 0
    for index, token in enumerate(args):
        out.append(token)
        if token != "--example":
            positional += not token.startswith("-") and (index == 0 or args[index - 1] != "--example")
            continue
        following = args[index + 1] if index + 1 < len(args) else None
        takes_it = following is not None and not following.startswith("-") and (following in names or positional)
        if not takes_it:
            out.append(names[0])
    return out


@app.command(cls=_ExampleMayGoWithoutName)
def init(
    path: Path = typer.Argument(..., help="Folder to create (it must not exist, or be empty)."),
    example: str = typer.Option(
        None,
        "--example",
        metavar="[NAME]",
        help="Copy a shipped example case instead of the blank skeleton: turkey-2017, "
        "the one given when NAME is left out.",
    ),
) -> None:
    """Start a case folder with a commented example of every record kind (or a copy of a shipped example)."""
    from advocate.case_skeleton import init_case
    from advocate.errors import AdvocateError

    try:
        written = init_case(path, example=example)
    except AdvocateError as exc:
        raise fail(str(exc)) from None
    say(f"Created {path} with {len(written)} files:")
    for file in written:
        say(f"  {file}")
    say(f"Next: edit the files, then run 'advocate check {path}'.")


@app.command()
def check(
    case: Path = typer.Argument(..., help="The case folder (the one holding case.yaml)."),
    data: list[Path] = DATA,
) -> None:
    """Check a case folder and list every problem, each with its file, line and field.

    Exits with status 2 if there is any error; warnings alone exit 0.
    """
    from advocate.validate.check import check_case

    result = check_case(case, data=data_folders(data))
    print_problems(result.problems)
    errors, warnings = len(result.errors), len(result.warnings)
    if result.case_file is None:
        raise fail(
            f"{case}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; fix the errors and check again",
            EXIT_BAD_EVIDENCE,
        )
    case_file = result.case_file
    records, count = len(case_file.licences), case_file.licences.licence_count()
    licences = (
        count.describe()
        if count.exact and count.minimum == records
        else f"{records:,} licence record{'s' * (records != 1)} standing for {count.describe()}"
    )
    say(
        f"{case}: OK: {licences}, {len(case_file.abuses)} abuses, "
        f"{len(case_file.events)} events, {len(case_file.sources)} sources, {len(case_file.links)} links; "
        f"{warnings} warning{'s' * (warnings != 1)}"
    )
