"""Case folders for drafting tests: the shipped example, copied so a test may add records to it."""

from __future__ import annotations

import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "turkey-2017"

CONFIDENTIAL_ABUSE = """
- id: tr-witness-account-secret
  country: Turkey
  date: 2017-02
  title: A detained journalist told us police used an IMSI catcher on the newsroom
  perpetrators: [police]
  categories: [arbitrary-detention]
  confidential: true
  sources: [witness-interview-secret]
"""

CONFIDENTIAL_SOURCE = """
- id: witness-interview-secret
  kind: interview
  title: Interview with a detained journalist, Istanbul
  date: 2017-03-02
  confidential: true
"""


def copy_example(folder: Path, *, confidential: bool = False) -> Path:
    """The example case copied to ``folder``; with ``confidential``, plus a confidential abuse and source."""
    target = folder / "case"
    shutil.copytree(EXAMPLE, target)
    if confidential:
        with open(target / "abuses.yaml", "a", encoding="utf-8") as f:
            f.write(CONFIDENTIAL_ABUSE)
        with open(target / "sources.yaml", "a", encoding="utf-8") as f:
            f.write(CONFIDENTIAL_SOURCE)
    return target


def set_case_field(case_folder: Path, text: str) -> None:
    """Append top-level YAML to case.yaml (e.g. an ``foi_requests:`` block)."""
    with open(case_folder / "case.yaml", "a", encoding="utf-8") as f:
        f.write("\n" + text.strip("\n") + "\n")
