"""Small case folders for link tests: a case.yaml, and the sources, abuses and licences a test gives."""

from __future__ import annotations

from pathlib import Path

from advocate.validate.check import load_case
from tests.helpers import TODAY

CASE_YAML = """\
title: Link test case
countries: [Turkey]
public_body:
  name: Department for Business and Trade
  foi_email: foi@example.org
requester:
  name: A. Campaigner
  email: a@example.org
"""

LICENCE_HEADER = "id,destination,decision_date,outcome,ratings,end_user,sources\n"


def link_case_folder(
    folder: Path,
    *,
    sources: str,
    abuses: str,
    licences: str,
    links: str = "[]\n",
    case_extra: str = "",
    header: str = LICENCE_HEADER,
) -> Path:
    """A case folder with the given YAML for sources and abuses and CSV rows (after ``header``) for licences."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "case.yaml").write_text(CASE_YAML + case_extra, encoding="utf-8")
    (folder / "sources.yaml").write_text(sources, encoding="utf-8")
    (folder / "abuses.yaml").write_text(abuses, encoding="utf-8")
    (folder / "licences.csv").write_text(header + licences, encoding="utf-8")
    (folder / "links.yaml").write_text(links, encoding="utf-8")
    return folder


def load_link_case(folder: Path, **files):
    """:func:`link_case_folder`, loaded as of the tests' fixed today."""
    return load_case(link_case_folder(folder, **files), today=TODAY)
