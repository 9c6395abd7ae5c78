"""Helpers for the campaign tests: a case with no requests yet, the command line, and replies to log."""

from __future__ import annotations

import re
from pathlib import Path

from drafting_cases import copy_example
from typer.testing import CliRunner

from advocate.cli import app

Q1_2017 = "DIT-2017Q1-TR-01"


def empty_campaign(folder: Path) -> Path:
    """The example case with no requests of its own (a campaign about to start)."""
    case = copy_example(folder)
    (case / "requests.yaml").unlink()
    return case


def run(*args: str, input: str | None = None, ok: bool = True):
    """Run ``advocate ARGS``; with ``ok``, fail the test on a non-zero exit, showing what the command printed."""
    result = CliRunner().invoke(app, [str(a) for a in args], input=input)
    if ok:
        assert result.exit_code == 0, f"advocate {' '.join(map(str, args))} exited {result.exit_code}:\n{result.output}"
    return result


def reply_file(folder: Path, name: str, text: str) -> Path:
    """A reply as a text file."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def drafted_text(out: Path) -> str:
    """The Markdown of the one document drafted into ``out``, with whitespace and Markdown escapes normalised."""
    documents = list(out.glob("*.md"))
    assert len(documents) == 1, documents
    text = documents[0].read_text(encoding="utf-8").replace("\\", "")
    return re.sub(r"\s+", " ", text)


def add_answer(case: Path, answer: str) -> None:
    """Write the requester's answer under the last clarification-asked event of requests.yaml, as a user would."""
    path = case / "requests.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = max(i for i, line in enumerate(lines) if "kind: clarification-asked" in line)
    indent = " " * (len(lines[index]) - len(lines[index].lstrip(" -")))
    if lines[index].lstrip().startswith("- {"):
        raise AssertionError("expected a block-style event")
    lines.insert(index + 1, f"{indent}answer: {answer}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
