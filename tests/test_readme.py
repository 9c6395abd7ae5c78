"""The README documents every command and every option, as sqlite-utils' docs test does: a new option
that the README does not mention fails here."""

from __future__ import annotations

import re

import typer.main

from advocate.cli import app
from tests.helpers import REPO


def _command_bullets(readme: str) -> dict[str, str]:
    """Each '- `advocate NAME ...`' bullet of the Commands section, by command name."""
    section = readme.split("## Commands", 1)[1].split("\n## ", 1)[0]
    bullets = re.split(r"\n(?=- `advocate )", "\n" + section)
    found = {}
    for bullet in bullets:
        match = re.match(r"- `advocate (?:--)?([\w-]+)", bullet.strip())
        if match:
            found[match.group(1)] = bullet
    return found


FILTERS = {"--country", "--rating", "--technology", "--outcome", "--type", "--from", "--to"}
"""The licence filters every selecting command shares (advocate/cli/filters.py): a bullet may say it takes
"the same filters as `advocate licences`" instead of naming them again."""


def _documented(option: str, bullet: str) -> bool:
    if option in bullet:
        return True
    return option in FILTERS and "same filters as `advocate licences`" in " ".join(bullet.split())


def test_every_command_and_option_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    bullets = _command_bullets(readme)
    command = typer.main.get_command(app)
    missing = []
    for name, sub in command.commands.items():
        if name not in bullets:
            missing.append(f"advocate {name} (no bullet in the Commands section)")
            continue
        for param in sub.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help" and not _documented(option, bullets[name]):
                    missing.append(f"advocate {name} {option}")
    for param in command.params:
        for option in param.opts:
            if option.startswith("--") and option != "--help" and f"advocate {option}" not in readme:
                missing.append(f"advocate {option}")
    assert not missing, "document these in the README's Commands section: " + ", ".join(missing)
