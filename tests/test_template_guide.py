"""The guide to writing templates is written from the code: every name described, and docs/templates.md in step."""

from __future__ import annotations

from typer.testing import CliRunner

from advocate.cli import app
from advocate.draft.guide import example_names, template_guide
from advocate.draft.names import NAMES, SOMETIMES
from tests.helpers import REPO


def test_every_name_a_builder_gives_is_described_and_no_description_is_stale():
    given = set().union(*(set(found) for found in example_names().values()))
    undescribed = sorted(given - set(NAMES))
    stale = sorted(set(NAMES) - given - SOMETIMES)
    assert not undescribed, f"describe these in advocate/draft/names.py: {undescribed}"
    assert not stale, f"no builder gives these any more; remove them from advocate/draft/names.py: {stale}"


def test_the_guide_names_each_kind_and_gives_types_and_examples():
    guide = template_guide()
    assert "## Names every template gets" in guide
    assert (
        "| `date` | date | The document's date: printed on it, and the day its deadlines count from. | 2026-12-04 |"
        in guide
    )
    assert "(`advocate draft letter-before-claim`)" in guide and "| `reply_by` | Deadline |" in guide
    assert "### LicenceView" in guide and "| `long_date` |" in guide


def test_docs_templates_md_is_the_guide_as_the_code_writes_it():
    written = (REPO / "docs" / "templates.md").read_text(encoding="utf-8")
    assert written == template_guide(), "docs/templates.md is stale: run `advocate templates --out docs/templates.md`"


def test_the_command_prints_the_guide_or_writes_it(tmp_path):
    printed = CliRunner().invoke(app, ["templates"])
    assert printed.exit_code == 0 and printed.output.startswith("# Writing templates")
    written = CliRunner().invoke(app, ["templates", "--out", str(tmp_path / "guide.md")])
    assert written.exit_code == 0
    assert (tmp_path / "guide.md").read_text(encoding="utf-8") == printed.output
