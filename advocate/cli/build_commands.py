"""``advocate build``: check, link and draft every document a case asks for, into one folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from advocate.cli import app
from advocate.cli.case_options import DATA, data_folders
from advocate.cli.filters import parse_date
from advocate.cli.output import Progress, fail, print_deadlines, print_problems, say, warn
from advocate.cli.run_summary import document_line, other_warnings

EXIT_CANNOT_BUILD = 2


@app.command()
def build(
    case: Path = typer.Argument(..., help="The case folder."),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Folder to write every document, links.csv and manifest.json into."
    ),
    date: str = typer.Option(
        None, "--date", help="The documents' date (YYYY-MM-DD), from which their deadlines count. Default: today."
    ),
    style: Path = typer.Option(
        None, "--style", help="A reference DOCX whose styles, page setup, header and footer the DOCX files take."
    ),
    force: bool = typer.Option(
        False, "--force", help="Replace files in --out that advocate did not write or that were changed since."
    ),
    data: list[Path] = DATA,
) -> None:
    """Check CASE, link it, and draft every document it asks for (case.yaml documents:) in every format.

    Nothing is written unless every document succeeds. The summary lists the files and the deadlines that
    follow from them; warnings (a claim limit passed or close) go to stderr.
    """
    from advocate.errors import AdvocateError, CaseError
    from advocate.run.build import build_case

    day = parse_date(date, "--date") or dt.date.today()
    if style is not None and not style.is_file():
        raise fail(f"{style}: no such reference document (--style)", EXIT_CANNOT_BUILD)
    try:
        with Progress("building") as progress:
            result = build_case(
                case, out, date=day, force=force, docx_reference=style, progress=progress, data=data_folders(data)
            )
    except CaseError as exc:
        print_problems(exc.problems)
        raise fail(
            f"{case}: {len(exc.errors)} errors in the case; nothing built (run `advocate check {case}`)"
        ) from None
    except AdvocateError as exc:
        message = str(exc)
        raise fail(
            f"{case}: {message}"
            + ("" if "nothing was written" in message or "nothing was changed" in message else "; nothing written"),
            EXIT_CANNOT_BUILD,
        ) from None
    say(
        f"built {len(result.documents)} documents ({len(result.files)} files) and {result.links} links in {result.folder}/"
    )
    for drafted in result.documents:
        say(document_line(drafted, result.files))
    for folder in sorted({name.rpartition("/")[0] for name in result.files}):
        prefix = f"{folder}/" if folder else ""
        say(f"  {prefix}links.csv, {prefix}manifest.json")
    print_deadlines(result.documents, today=dt.date.today())
    for warning in other_warnings(result):
        warn(warning)
