"""What an option's value is called in ``--help``: ``--licence ID``, ``--from DATE``, ``--out DIR``.

Left alone, typer prints the Python type of the value (``--licence <list[str]>``, ``--from <str>``),
which tells a newcomer nothing. :class:`ReadableGroup`, the command group of ``advocate``, gives every
option that takes a value and names none its metavar from :data:`METAVARS` (one table for all the
commands, so ``--from`` reads the same everywhere), or failing that from the option's name. An
option that names its own metavar keeps it; a flag, and an option with a fixed set of choices (shown
as the choices), gets none.
"""

from __future__ import annotations

from typer.core import TyperGroup

METAVARS = {
    "--accessed": "DATE",
    "--as": "STAGE",
    "--authority": "ID",
    "--case": "DIR",
    "--columns": "NAMES",
    "--country": "COUNTRY",
    "--date": "DATE",
    "--delay-reason": "TEXT",
    "--document": "FILE",
    "--edition": "YEAR",
    "--example": "[NAME]",
    "--exemption": "SECTION",
    "--explain": "LICENCE",
    "--format": "FORMAT",
    "--from": "DATE",
    "--ground": "GROUND",
    "--ics": "FILE",
    "--into": "FILE",
    "--kind": "KIND",
    "--licence": "ID",
    "--limit": "N",
    "--mapping": "FILE",
    "--out": "PATH",
    "--outcome": "OUTCOME",
    "--rating": "RATING",
    "--reference": "TEXT",
    "--refused": "DATE",
    "--reply-days": "DAYS",
    "--request": "ID",
    "--review-outcome": "TEXT",
    "--review-requested": "DATE",
    "--review-responded": "DATE",
    "--section": "SECTION",
    "--sent": "DATE",
    "--style": "FILE.docx",
    "--technology": "TAG",
    "--templates": "DIR",
    "--title": "TEXT",
    "--to": "DATE",
    "--today": "DATE",
    "--type": "TYPE",
    "--until": "DATE",
    "--version": "TEXT",
}
"""The metavar of each option of the ``advocate`` commands, by its long name."""


def _takes_choices(param) -> bool:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is not None:
        return bool(getattr(descriptor, "is_choice", False))
    return hasattr(getattr(param, "type", None), "choices")


def metavar_for(param) -> str | None:
    """The metavar ``param`` should show, or None (a flag, a choice, an argument, one it names itself)."""
    if param.param_type_name != "option" or param.metavar is not None:
        return None
    if getattr(param, "is_flag", False) or getattr(param, "count", False) or _takes_choices(param):
        return None
    long = next((opt for opt in param.opts if opt.startswith("--")), param.opts[0])
    return METAVARS.get(long) or long.lstrip("-").rsplit("-", 1)[-1].upper()


def make_readable(command) -> None:
    """Give each option of ``command`` that takes a value a readable metavar."""
    for param in getattr(command, "params", ()):
        name = metavar_for(param)
        if name is not None:
            param.metavar = name


class ReadableGroup(TyperGroup):
    """The ``advocate`` group: its commands' options show readable metavars in ``--help``."""

    def get_command(self, ctx, cmd_name):
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            make_readable(command)
        return command
