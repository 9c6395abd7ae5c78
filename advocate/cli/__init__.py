"""The ``advocate`` command: a thin layer over the library, one module per group of commands.

Each command imports what it needs when it runs, so ``advocate --help`` starts in a
fraction of a second. Commands are registered in the order of the work.
"""

from __future__ import annotations

import typer

from advocate.cli.metavars import ReadableGroup

app = typer.Typer(
    name="advocate",
    cls=ReadableGroup,  # options show what their value is: --licence ID, --from DATE
    help="Turn export-licence data and documented abuses into cited advocacy documents.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: flags without a '<bool>' value, nothing wrapped for a terminal
)


def _version(value: bool) -> None:
    if value:
        import advocate

        typer.echo(f"advocate {advocate.__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print advocate's version and exit."
    ),
) -> None:
    """Turn export-licence data and documented abuses into cited advocacy documents."""


# Registered in the order of the work (typer lists commands as they register): init and check, licences,
# link, draft, build; then the template guide.
# isort: off
from advocate.cli import case_commands  # noqa: E402,F401
from advocate.cli import licence_commands  # noqa: E402,F401
from advocate.cli import link_commands  # noqa: E402,F401
from advocate.cli import draft_commands  # noqa: E402,F401
from advocate.cli import build_commands  # noqa: E402,F401
from advocate.cli import campaign_commands  # noqa: E402,F401
from advocate.cli import import_commands  # noqa: E402,F401
from advocate.cli import template_commands  # noqa: E402,F401
# isort: on


def main() -> None:
    """Entry point of the ``advocate`` console script."""
    app()
