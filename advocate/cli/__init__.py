"""The ``advocate`` command: a thin layer over the library, one module per group of commands."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="advocate",
    help="Turn export-licence data and documented abuses into cited advocacy documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

from advocate.cli import (  # noqa: E402,F401  (registers the commands)
    build_commands,
    campaign_commands,
    case_commands,
    draft_commands,
    licence_commands,
    link_commands,
)


def main() -> None:
    """Entry point of the ``advocate`` console script."""
    app()
