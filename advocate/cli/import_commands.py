"""``advocate import``: bring in evidence from the databases campaigners cite."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from advocate.cli import app
from advocate.cli.output import EXIT_BAD_EVIDENCE, fail, note, say, stderr
from advocate.importers.registry import import_sources

if TYPE_CHECKING:  # pragma: no cover
    from advocate.importers.run import ImportPlan


def _sources_help() -> str:
    return "; ".join(f"{s.name}: {s.description}" for s in import_sources().values())


def _countries(values: list[str] | None, case: Path) -> tuple[str, ...] | None:
    """ISO codes of --country (``None``: the case's own countries; ``all``: no filter)."""
    if not values:
        return None
    if any(v.strip().casefold() == "all" for v in values):
        return ()
    from advocate.vocab.countries import resolve_country

    codes = []
    for value in values:
        country = resolve_country(value)
        if country is None:
            raise fail(
                f"--country '{value}' is not a country known to ISO 3166; write its English short name or ISO code"
            )
        codes.append(country.code)
    return tuple(codes)


def _report(plan: ImportPlan, dry_run: bool) -> None:
    batch = plan.batch
    kept = len(batch.records)
    say(f"{batch.label}: {batch.rows:,} row{'s' * (batch.rows != 1)} read, {kept:,} to import as {batch.kind}")
    for line in batch.left_out:
        note(f"  left out: {line}")
    for file in plan.files:
        if file.text is None:
            as_before = "they were" if file.unchanged != 1 else "it was"
            say(f"{file.path}: unchanged ({file.unchanged:,} record{'s' * (file.unchanged != 1)} as {as_before})")
            continue
        if dry_run:
            parts = [
                f"would add {len(file.added):,}",
                f"update {len(file.updated):,}",
                f"leave {file.unchanged:,} unchanged",
            ]
        else:
            parts = [f"{len(file.added):,} added", f"{len(file.updated):,} updated", f"{file.unchanged:,} unchanged"]
        if file.absent and file.review:
            parts.append(f"{file.absent:,} not in this import (kept as they are)")
        say(f"{file.path}{' (new file)' if file.created else ''}: {', '.join(parts)}")
        for change in file.added:
            say(f"  + {change.id}: {change.summary}")
        for change in file.updated:
            again = "; needs review again" if change.review_again else ""
            say(f"  ~ {change.id}: {'; '.join(change.fields)}{again}")
    if plan.listed:
        say(f"case.yaml: {'would list' if dry_run else 'listed'} {', '.join(plan.listed)} under record_files")
    if dry_run:
        say("dry run: nothing written")
    elif plan.changes:
        waiting = sum(len(f.added) + sum(1 for c in f.updated if c.review_again) for f in plan.files if f.review)
        if waiting:
            say(
                f"{waiting:,} record{'s' * (waiting != 1)} await{'s' * (waiting == 1)} review: check each against its source "
                "and set reviewed: true; until then no document uses it"
            )


@app.command("import")
def import_(
    source: str = typer.Argument(..., help=f"Where the data comes from. {_sources_help()}."),
    file: Path = typer.Argument(..., help="The file as the database exports it."),
    case: Path = typer.Option(..., "--case", help="The case folder to import into."),
    country: list[str] = typer.Option(
        None,
        "--country",
        help="Only rows for this country (repeat for several; 'all' for every country). Default: the case's countries.",
    ),
    start: str = typer.Option(
        None, "--from", help="Only rows dated on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would change, and write nothing."),
    accessed: str = typer.Option(None, "--accessed", help="When the data was downloaded (YYYY-MM-DD; default today)."),
    version: str = typer.Option("", "--version", help="The version of the data, as its publisher names it."),
    edition: str = typer.Option(
        "", "--edition", help="Freedom House and CIVICUS: the edition the file holds, e.g. 2023."
    ),
    mapping: Path = typer.Option(
        None, "--mapping", help="spreadsheet: the YAML file mapping its columns to record fields."
    ),
    into: str = typer.Option(
        "", "--into", help="The import file to write (default KIND.SOURCE.yaml, e.g. abuses.cpj.yaml)."
    ),
) -> None:
    """Import records from a database's export into a file of their own in the case, each marked for review.

    Importing again updates the records (matched by the database's own keys) and never duplicates
    them; hand-written files are never changed. Every problem names the file, the row and the column,
    and nothing is written unless the whole file imports.
    """
    from advocate.importers.batch import ImportFailed, ImportRequest
    from advocate.importers.run import apply_import, case_countries, plan_import
    from advocate.models.period import Period

    codes = _countries(country, case)
    since = None
    if start:
        try:
            since = Period.parse(start).start
        except ValueError:
            raise fail(f"--from '{start}' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD") from None
    day = dt.date.today()
    if accessed:
        try:
            day = dt.date.fromisoformat(accessed)
        except ValueError:
            raise fail(f"--accessed '{accessed}' is not a date; write YYYY-MM-DD") from None
        if day > dt.date.today():
            raise fail(f"--accessed {accessed} is in the future")
    request = ImportRequest(
        countries=codes or (),
        since=since,
        accessed=day,
        version=version.strip(),
        edition=edition.strip(),
        mapping=str(mapping) if mapping else "",
    )
    try:
        if codes is None:
            request = replace(request, countries=case_countries(case))
        plan = plan_import(source, file, case, request, into=into)
        if not dry_run:
            apply_import(plan)
    except ImportFailed as exc:
        problems = exc.problems
        if len(problems) == 1:
            stderr.print(f"{problems[0]}; nothing written", style="red", markup=False)
            raise typer.Exit(EXIT_BAD_EVIDENCE) from None
        for problem in problems:
            stderr.print(str(problem), style="red", markup=False)
        raise fail(f"{len(problems)} problems; nothing written", EXIT_BAD_EVIDENCE) from None
    except OSError as exc:
        raise fail(f"{exc.filename or case}: {exc.strerror or exc}; nothing written") from None
    _report(plan, dry_run)
