"""``advocate draft``: draft one kind of document for a case, in every format asked for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from advocate.cli import app
from advocate.cli.case_options import DATA, data_folders
from advocate.cli.filters import (
    COUNTRY,
    END,
    LICENCE_TYPE,
    OUTCOME,
    RATING,
    START,
    TECHNOLOGY,
    parse_date,
)
from advocate.cli.output import Progress, fail, print_deadlines, print_problems, say, warn
from advocate.cli.run_summary import document_line, left_out_line, other_warnings
from advocate.kinds import ALL_FORMATS, KINDS

EXIT_CANNOT_DRAFT = 2


@app.command()
def draft(
    kind: str = typer.Argument(..., help=f"What to draft: {', '.join(KINDS)} (or the name of one of your templates)."),
    case: Path = typer.Argument(..., help="The case folder."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder to write the documents and manifest.json into."),
    output_format: list[str] = typer.Option(
        None,
        "--format",
        "-f",
        help=f"Format to write (repeat): {', '.join(ALL_FORMATS)}. Default: docx, pdf, md and eml.",
    ),
    licence: list[str] = typer.Option(
        None, "--licence", "-l", help="A licence id (repeat). Default: every licence matching the filters."
    ),
    country: list[str] = COUNTRY,
    rating: list[str] = RATING,
    technology: list[str] = TECHNOLOGY,
    outcome: list[str] = OUTCOME,
    licence_type: list[str] = LICENCE_TYPE,
    start: str = START,
    end: str = END,
    each: bool = typer.Option(False, "--each", help="One document per licence instead of one for all."),
    date: str = typer.Option(
        None, "--date", help="The document's date (YYYY-MM-DD), from which its deadlines count. Default: today."
    ),
    templates: Path = typer.Option(
        None, "--templates", help="Your template folder; its templates override the shipped ones by name."
    ),
    style: Path = typer.Option(
        None, "--style", help="A reference DOCX whose styles, page setup, header and footer the DOCX takes."
    ),
    force: bool = typer.Option(
        False, "--force", help="Replace files in --out that advocate did not write or that were changed since."
    ),
    request: str = typer.Option(
        "",
        "--request",
        help="The request of the campaign (requests.yaml) the document is for; its licences are the default.",
    ),
    sent: str = typer.Option(None, "--sent", help="Follow-ups: the date the request was sent."),
    reference: str = typer.Option("", "--reference", help="Follow-ups: the authority's reference for the request."),
    refused: str = typer.Option(None, "--refused", help="Follow-ups: the date of the authority's refusal."),
    exemption: list[str] = typer.Option(
        None, "--exemption", help="Follow-ups: an exemption the authority claimed, e.g. 's 27(1)(a)' (repeat)."
    ),
    review_requested: str = typer.Option(
        None, "--review-requested", help="Complaint: the date the internal review was asked for."
    ),
    review_responded: str = typer.Option(
        None, "--review-responded", help="Complaint: the date of the internal review's decision."
    ),
    review_outcome: str = typer.Option("", "--review-outcome", help="Complaint: the review's outcome in a few words."),
    delay_reason: str = typer.Option(
        "",
        "--delay-reason",
        help="Follow-ups: why a review, complaint or appeal comes after its usual time, as a sentence (the letter gives it).",
    ),
    ground: list[str] = typer.Option(
        None,
        "--ground",
        help="Letter before claim: a ground to argue (repeat, in order); default: claim: grounds: in case.yaml.",
    ),
    reply_days: int = typer.Option(
        None, "--reply-days", help="Letter before claim: days allowed for the reply (default 14, or claim: reply_days)."
    ),
    data: list[Path] = DATA,
) -> None:
    """Draft a document (an FOI request, its internal review, a complaint to the ICO ...) for CASE.

    Every format is rendered before anything is written: on any error the output folder is left as it
    was. The folder gets a manifest.json naming the template, the case files and the records each document
    used, with the hash of every file written.
    """
    from advocate.draft.options import ClaimOptions, Correspondence, DraftOptions
    from advocate.draft.template_env import Templates
    from advocate.errors import AdvocateError, CaseError, RenderError
    from advocate.run.draft import LicenceSelection, draft_run

    correspondence = Correspondence(
        request_id=request,
        sent=parse_date(sent, "--sent"),
        authority_reference=reference,
        response_date=parse_date(refused, "--refused"),
        exemptions=tuple(exemption or ()),
        review_requested=parse_date(review_requested, "--review-requested"),
        review_response_date=parse_date(review_responded, "--review-responded"),
        review_outcome=review_outcome,
        delay_reason=delay_reason,
    )
    selection = LicenceSelection(
        ids=tuple(licence or ()),
        country=tuple(country or ()),
        rating=tuple(rating or ()),
        technology=tuple(technology or ()),
        outcome=tuple(outcome or ()),
        licence_type=tuple(licence_type or ()),
        start=parse_date(start, "--from"),
        end=parse_date(end, "--to"),
    )
    try:
        options = DraftOptions(
            date=parse_date(date, "--date") or dt.date.today(),
            correspondence=correspondence,
            templates=Templates(templates) if templates else None,
            claim=ClaimOptions(grounds=tuple(ground or ()), reply_days=reply_days),
        )
        with Progress("drafting") as progress:
            run = draft_run(
                case,
                kind,
                out,
                options=options,
                selection=selection,
                formats=tuple(output_format) if output_format else None,
                each=each,
                force=force,
                docx_reference=style,
                progress=progress,
                data=data_folders(data),
            )
    except CaseError as exc:
        print_problems(exc.problems)
        raise fail(
            f"{case}: {len(exc.errors)} errors in the case; nothing drafted (run `advocate check {case}`)"
        ) from None
    except RenderError as exc:  # a renderer refusing text it cannot print (a character no font has)
        raise fail(f"{case}: {exc}; nothing written", EXIT_CANNOT_DRAFT) from None
    except AdvocateError as exc:
        raise fail(f"{case}: {exc}", EXIT_CANNOT_DRAFT) from None
    documents = len(run.documents)
    say(
        f"wrote {len(run.files)} files for {documents} document{'s' if documents != 1 else ''} to {run.folder}/ "
        f"(manifest.json lists them)"
    )
    for name in sorted(run.files):
        say(f"  {name}")
    if documents == 1:
        [drafted] = run.documents
        summary = document_line(drafted, run.files, names=False)
        if "(" in summary:
            say(summary)
    if run.left_out:
        say(left_out_line(run.left_out))
    print_deadlines(run.documents, today=dt.date.today())
    for warning in other_warnings(run):
        warn(warning)
