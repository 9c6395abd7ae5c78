"""The Freedom of Information Act 2000's exemptions and refusal grounds, as an authority cites them.

Section headings are the Act's own; ``kind`` says whether the exemption is
absolute (listed in s 2(3)), qualified (the public interest must be weighed,
s 2(2)(b)), or a refusal ground that is not an exemption at all (ss 12 and 14).
A refusal names sections in many ways ("s27", "section 27(1)(a)", "27"):
:func:`parse_exemption` reads them all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from advocate.resources import read_vocab_table

_SECTION = re.compile(r"^\s*(?:s(?:ection)?\.?\s*)?(\d+)\s*((?:\(\s*[0-9a-zA-Z]+\s*\))*)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Exemption:
    """One provision an authority relies on: its section, the sub-provisions given, and what the Act calls it."""

    section: str
    provision: str
    heading: str
    kind: str
    note: str

    @property
    def cited(self) -> str:
        """As a letter cites it: 's 27(1)(a)'."""
        return f"s {self.section}{self.provision}"

    @property
    def qualified(self) -> bool:
        return self.kind == "qualified"

    @property
    def absolute(self) -> bool:
        return self.kind == "absolute"


@lru_cache(maxsize=1)
def exemption_table() -> dict[str, dict[str, str]]:
    return {row["section"]: row for row in read_vocab_table("foi_exemptions.csv")}


def parse_exemption(text: str) -> Exemption:
    """Read an exemption as an authority or a user writes it; ``ValueError`` says what is accepted."""
    match = _SECTION.match(str(text))
    if not match or match[1] not in exemption_table():
        known = ", ".join(f"s {s}" for s in exemption_table())
        raise ValueError(
            f"'{text}' is not an exemption of the Freedom of Information Act 2000 this tool knows "
            f"(write e.g. 's 27(1)(a)'); known: {known}"
        )
    row = exemption_table()[match[1]]
    provision = re.sub(r"\s+", "", match[2] or "")
    return Exemption(match[1], provision, row["heading"], row["kind"], row["note"])
