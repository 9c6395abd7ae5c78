"""``advocate templates``: the guide to writing templates, written from the code."""

from __future__ import annotations

from pathlib import Path

import typer

from advocate.cli import app
from advocate.cli.output import say, write_stdout


@app.command()
def templates(
    out: Path = typer.Option(
        None, "--out", "-o", metavar="FILE", help="Write the guide to FILE instead of printing it."
    ),
) -> None:
    """Print the guide to writing templates: every name a template gets, its type and an example."""
    from advocate.draft.guide import template_guide

    guide = template_guide()
    if out is None:
        write_stdout(guide)
        return
    out.write_text(guide, encoding="utf-8")
    say(f"wrote the template guide to {out}")
