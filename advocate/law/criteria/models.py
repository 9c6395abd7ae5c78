"""A criterion and a version of the criteria: small immutable records read from the shipped data."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Literal

TextKind = Literal["quotation", "summary"]


@dataclass(frozen=True)
class Criterion:
    """One criterion or sub-paragraph (``2``, ``2(c)``, ``7``, or ``5(1)`` of a regulation).

    ``text_kind`` is ``quotation`` when ``text`` is the instrument's own words, checked against a
    primary source, or ``summary`` when it is this project's faithful summary: a template must
    never print a summary in quotation marks. ``source_id`` is the shipped authority the criterion
    is cited from and ``pinpoint`` the pinpoint within it ("Criterion 2(a)", "art 5(1)").
    """

    number: str
    title: str
    text: str
    text_kind: TextKind
    source_id: str
    pinpoint: str

    @property
    def parent(self) -> str:
        """The criterion a sub-paragraph belongs to (``2`` for ``2(a)``); the number itself otherwise."""
        return re.sub(r"\(.*$", "", self.number)

    @property
    def is_quotation(self) -> bool:
        return self.text_kind == "quotation"


@dataclass(frozen=True)
class CriteriaVersion:
    """The criteria as in force over a span of dates.

    ``in_force_to`` is the last day in force (``None`` while still in force); ``territorial_note``
    says where the version applies and anything a citation must add ("In force in Northern
    Ireland only ...").
    """

    id: str
    title: str
    short_title: str
    in_force_from: dt.date
    in_force_to: dt.date | None
    source_id: str
    applies_to: str
    territorial_note: str
    criteria: tuple[Criterion, ...]
    goods: str = "all"
    """What the version governs: ``all`` licensable goods, or ``military-list`` items only (the EU Common Position)."""
    uk_to: dt.date | None = None
    """For an EU instrument, the last day it bound the United Kingdom."""

    @property
    def dated_title(self) -> str:
        """The title with the date it was announced, so that two versions of one name are told apart:
        'Consolidated EU and National Arms Export Licensing Criteria of 26 October 2000'."""
        day = self.in_force_from
        return f"{self.title} of {day.day} {day.strftime('%B %Y')}"

    def criterion(self, number: str) -> Criterion:
        """One criterion by number (``2``, ``2(a)``, ``2a`` and ``Criterion 2(a)`` all work); ``KeyError`` if absent."""
        wanted = normalise_number(number)
        for criterion in self.criteria:
            if normalise_number(criterion.number) == wanted:
                return criterion
        known = ", ".join(c.number for c in self.criteria)
        raise KeyError(f"{self.id} has no criterion '{number}'; it has {known}")

    def has(self, number: str) -> bool:
        wanted = normalise_number(number)
        return any(normalise_number(c.number) == wanted for c in self.criteria)

    def in_force_on(self, day: dt.date) -> bool:
        return self.in_force_from <= day and (self.in_force_to is None or day <= self.in_force_to)

    def order(self, numbers) -> tuple[str, ...]:
        """Criterion numbers in the order the version lists them, each once, as the version writes them."""
        position = {normalise_number(c.number): i for i, c in enumerate(self.criteria)}
        kept = {normalise_number(n): self.criterion(n).number for n in numbers if normalise_number(n) in position}
        return tuple(kept[n] for n in sorted(kept, key=position.__getitem__))


@functools.lru_cache(maxsize=4096)
def normalise_number(number: str) -> str:
    """``Criterion 2(a)``, ``2a`` and ``2 (a)`` all become ``2a``; ``art 5(1)`` becomes ``51``."""
    text = str(number).strip().lower()
    text = re.sub(r"^(criterion|crit\.?|art\.?|article)\s*", "", text)
    return re.sub(r"[\s()]", "", text)
