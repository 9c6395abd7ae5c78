"""The licence filters and date options every command that selects licences shares (licences, link, draft).

Declared once so that ``--country``, ``--rating`` ... mean the same and read the same
in every command's help.
"""

from __future__ import annotations

import datetime as dt

import typer

from advocate.cli.output import fail

COUNTRY = typer.Option(None, "--country", help="Destination name or ISO code (repeat for several).")
RATING = typer.Option(
    None, "--rating", help="Control-list rating; matches its sub-items too (5A001 matches 5A001.f.2)."
)
TECHNOLOGY = typer.Option(
    None, "--technology", help="Technology tag, e.g. interception, imsi-catcher, intrusion-software."
)
OUTCOME = typer.Option(None, "--outcome", help="issued, refused, revoked ...")
LICENCE_TYPE = typer.Option(None, "--type", help="Licence type: SIEL, OIEL ...")
START = typer.Option(None, "--from", help="Licences decided on or after this date (YYYY-MM-DD).")
END = typer.Option(None, "--to", help="Licences decided on or before this date (YYYY-MM-DD).")


def parse_date(value: str | None, option: str) -> dt.date | None:
    """A YYYY-MM-DD option's date; anything else is a one-line error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} '{value}' is not a date; write YYYY-MM-DD") from None
