"""The controlled vocabulary of abuse categories a case file may use, and what each engages.

Each category names the licensing criteria it engages (internal repression under Criterion
2(a), violations of international humanitarian law under 2(c), internal conflict under 3,
diversion under 7), as numbers the criteria library resolves in the version in force, and the
kinds of technology that can facilitate it. The technology is this project's inference from the
kind of abuse, used by the linker only when an abuse's sources name no technology, and every
link it supports says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from advocate.resources import read_vocab_table


@dataclass(frozen=True)
class AbuseCategory:
    """One category of documented abuse."""

    category: str
    label: str
    description: str
    criteria: tuple[str, ...] = ()
    """Numbers of the criteria the category engages (``2(a)``, ``2(c)``, ``3``, ``7``)."""
    technology: tuple[str, ...] = ()
    """Technology tags of the kinds of goods that can facilitate it (an inference, not evidence)."""


@lru_cache(maxsize=1)
def abuse_categories() -> dict[str, AbuseCategory]:
    """Every abuse category, by its code."""
    return {
        row["category"]: AbuseCategory(
            row["category"],
            row["label"],
            row["description"],
            tuple(row.get("criteria", "").split()),
            tuple(row.get("technology", "").split()),
        )
        for row in read_vocab_table("abuse_categories.csv")
    }


def criteria_engaged(categories) -> tuple[str, ...]:
    """The criteria numbers the categories engage, each once, in first-seen order."""
    known = abuse_categories()
    return tuple(dict.fromkeys(n for c in categories if c in known for n in known[c].criteria))
