"""Control-list ratings: reading them at any level of detail, and what they cover.

Licensing data writes the same entry many ways: ``5A001``, ``5A001f``,
``5A001.f.2``, ``5D001e``, ``ML10a``, ``PL5017``, and non-ratings such as
``End Use``, ``MEND`` or ``HR AIII``. :func:`parse_rating` turns each into a
canonical key (``5A001.f.2``, ``ML10.a``) without assuming one pattern;
:func:`describe_rating` finds the most specific entry of the shipped table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from advocate.resources import read_vocab_table

_DUAL_USE = re.compile(r"^([0-9][A-E][0-9]{3})([A-Z0-9.]*)$")
_MILITARY = re.compile(r"^(ML[0-9]{1,2})([A-Z0-9.]*)$")
_NATIONAL = re.compile(r"^(PL[0-9]{4})([A-Z0-9.]*)$")
_SUB_ITEMS = re.compile(r"[a-z]+|[0-9]+")


@dataclass(frozen=True)
class Rating:
    """A rating as the data wrote it, with its canonical key.

    ``kind`` is ``dual-use``, ``military``, ``national``, ``marker`` (a control that
    is not a list entry, such as ``End Use``) or ``unknown``.
    """

    text: str
    key: str
    kind: str

    @property
    def entry(self) -> str:
        """The list entry without sub-items (``5A001`` for ``5A001.f.2``)."""
        return self.key.split(".", 1)[0]


def _canonical(entry: str, rest: str) -> str:
    items = _SUB_ITEMS.findall(rest.lower())
    return ".".join([entry, *items])


@lru_cache(maxsize=8192)
def parse_rating(text: str) -> Rating:
    """Read one rating as written in licensing data or a case file."""
    raw = " ".join(str(text).split())
    compact = raw.replace(" ", "").upper()
    for pattern, kind in ((_DUAL_USE, "dual-use"), (_MILITARY, "military"), (_NATIONAL, "national")):
        if m := pattern.match(compact):
            return Rating(raw, _canonical(m[1], m[2]), kind)
    if raw.upper() in _markers():
        return Rating(raw, raw.upper(), "marker")
    return Rating(raw, raw.upper(), "unknown")


def split_ratings(cell: str) -> list[str]:
    """Split a cell holding several ratings (``5A001f; 5D001``, ``5A001f, 5D001``, ``5A001f|5D001``)."""
    return [part.strip() for part in re.split(r"[;,|/\n]+", str(cell)) if part.strip()]


@dataclass(frozen=True)
class RatingInfo:
    """What the shipped table says of a rating: description, technology tags, and tags
    its sub-items may carry when the data gives only the entry (``5A001`` may be 5A001.f)."""

    key: str
    description: str
    military: bool
    tags: tuple[str, ...]
    may_include: tuple[str, ...]
    source: str


@lru_cache(maxsize=1)
def rating_table() -> dict[str, RatingInfo]:
    """The shipped ratings table, by canonical key."""
    table = {}
    for row in read_vocab_table("ratings.csv"):
        key = parse_rating(row["rating"]).key
        table[key] = RatingInfo(
            key=key,
            description=row["description"],
            military=row["military"] == "1",
            tags=tuple(row["tags"].split()),
            may_include=tuple(row["may_include"].split()),
            source=row["source"],
        )
    return table


@lru_cache(maxsize=1)
def _markers() -> frozenset[str]:
    return frozenset(
        row["rating"].upper()
        for row in read_vocab_table("ratings.csv")
        if not re.match(r"^([0-9][A-E][0-9]{3}|ML[0-9]|PL[0-9])", row["rating"].upper())
    )


@lru_cache(maxsize=8192)
def describe_rating(text: str) -> RatingInfo | None:
    """The most specific table entry covering a rating (``5A001.f.2`` falls back to ``5A001.f``, then ``5A001``)."""
    key = parse_rating(text).key
    table = rating_table()
    parts = key.split(".")
    while parts:
        if info := table.get(".".join(parts)):
            return info
        parts.pop()
    return None


def is_known_rating(text: str) -> bool:
    """Whether the rating has the shape of a list entry or marker and the table knows its entry."""
    rating = parse_rating(text)
    return rating.kind != "unknown" and describe_rating(text) is not None


def rating_matches(candidate_key: str, wanted_key: str) -> bool:
    """Whether a rating falls under a wanted one: ``5A001.f.2`` falls under ``5A001`` and ``5A001.f``."""
    return candidate_key == wanted_key or candidate_key.startswith(wanted_key + ".")
