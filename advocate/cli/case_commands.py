"""``advocate init`` and ``advocate check``."""

from __future__ import annotations

from pathlib import Path

import typer

from advocate.cli import app
from advocate.cli.output import EXIT_BAD_EVIDENCE, fail, print_problems, say


@app.command()
def init(
    path: Path = typer.Argument(..., help="Folder to create (it must not exist, or be empty)."),
    example: str = typer.Option(None, "--example", help="Copy a shipped example case (turkey-2017) instead of the blank skeleton."),
) -> None:
    """Start a case folder with a commented example of every record kind."""
    from advocate.case_skeleton import init_case
    from advocate.errors import AdvocateError

    try:
        written = init_case(path, example=example)
    except AdvocateError as exc:
        raise fail(str(exc))
    say(f"Created {path} with {len(written)} files:")
    for file in written:
        say(f"  {file}")
    say(f"Next: edit the files, then run 'advocate check {path}'.")


@app.command()
def check(
    case: Path = typer.Argument(..., help="The case folder (the one holding case.yaml)."),
) -> None:
    """Check a case folder and list every problem, each with its file, line and field.

    Exits with status 2 if there is any error; warnings alone exit 0.
    """
    from advocate.validate.check import check_case

    result = check_case(case)
    print_problems(result.problems)
    errors, warnings = len(result.errors), len(result.warnings)
    if result.case_file is None:
        raise fail(f"{case}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}; fix the errors and check again",
                   EXIT_BAD_EVIDENCE)
    case_file = result.case_file
    records, count = len(case_file.licences), case_file.licences.licence_count()
    licences = (count.describe() if count.exact and count.minimum == records
                else f"{records:,} licence record{'s' * (records != 1)} standing for {count.describe()}")
    say(
        f"{case}: OK: {licences}, {len(case_file.abuses)} abuses, "
        f"{len(case_file.events)} events, {len(case_file.sources)} sources, {len(case_file.links)} links; "
        f"{warnings} warning{'s' * (warnings != 1)}"
    )

