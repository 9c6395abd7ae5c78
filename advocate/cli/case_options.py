"""Options every command that reads a case shares."""

from __future__ import annotations

from pathlib import Path

import typer

DATA = typer.Option(
    None,
    "--data",
    help="A folder besides the case folder that case.yaml's licence_data paths may name (repeat). "
    "A case reads nothing outside its own folder and these.",
)
"""``--data DIR``: where a case may find licence data kept outside its folder (a national release shared by cases)."""


def data_folders(data: list[Path] | None) -> tuple[Path, ...]:
    return tuple(data or ())
