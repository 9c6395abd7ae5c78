"""How lists and counts read in English, as UK legal writing has them (one home for every document and message)."""

from __future__ import annotations

from collections.abc import Iterable


def join_and(items: Iterable[object], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c': no Oxford comma. Empty items are left out."""
    words = [str(item) for item in items if item not in (None, "")]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 licence', '3 licences', '1,204 licences'."""
    return f"{count:,} {singular if count == 1 else (plural_form or singular + 's')}"
