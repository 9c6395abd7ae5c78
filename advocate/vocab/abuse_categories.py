"""The controlled vocabulary of abuse categories a case file may use."""

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


@lru_cache(maxsize=1)
def abuse_categories() -> dict[str, AbuseCategory]:
    """Every abuse category, by its code."""
    return {
        row["category"]: AbuseCategory(row["category"], row["label"], row["description"])
        for row in read_vocab_table("abuse_categories.csv")
    }
