"""Who decided, by date: the licensing department and the departments that advise it.

Export licensing moved between departments (the DTI, BERR, BIS, DIT, now DBT) and the
Foreign and Commonwealth Office became the FCDO. A document about a 2015 decision asks
for the FCO's advice, not the FCDO's; a letter about a 2017 decision names the Secretary
of State for International Trade who took it. The table is ``data/bodies.csv``, each row
with the order that made the department (an authority id) and what the dates rest on
(``data/README.md``).
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

ROLES = ("licensing", "foreign", "defence")
"""``licensing``: the department that decides; ``foreign`` and ``defence``: the departments that advise it."""


@dataclass(frozen=True)
class Body:
    """A department over the days it existed under that name (``start``/``end`` None: open)."""

    role: str
    name: str
    short: str
    secretary_of_state: str
    start: dt.date | None
    end: dt.date | None
    order: str
    """The shipped authority id of the order that made it ('' when none is cited)."""

    def existed_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def the_name(self) -> str:
        """'the Department for International Trade'."""
        return f"the {self.name}"


def _day(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@lru_cache(maxsize=1)
def bodies() -> tuple[Body, ...]:
    """Every row of the table, in file order."""
    text = (files("advocate.law") / "data" / "bodies.csv").read_text(encoding="utf-8")
    return tuple(
        Body(
            row["role"],
            row["name"],
            row["short"],
            row["secretary_of_state"],
            _day(row["from"]),
            _day(row["to"]),
            row["order"],
        )
        for row in csv.DictReader(text.splitlines())
    )


def bodies_during(role: str, start: dt.date | None, end: dt.date | None) -> tuple[Body, ...]:
    """The departments of ``role`` that existed on some day from ``start`` to ``end``, oldest first: two when a
    decision known only to a period straddles a change. With neither end known, every one of the role."""
    if role not in ROLES:
        raise KeyError(f"no role '{role}'; roles: {', '.join(ROLES)}")
    first, last = start or end, end or start
    if first is None or last is None:
        return tuple(body for body in bodies() if body.role == role)
    return tuple(
        body
        for body in bodies()
        if body.role == role
        and ((body.start is None or body.start <= last) and (body.end is None or body.end >= first))
    )


def body_on(role: str, day: dt.date) -> Body:
    """The department of ``role`` on ``day``."""
    found = bodies_during(role, day, day)
    if not found:
        raise LookupError(f"no {role} department is known for {day.isoformat()}")
    return found[0]


def current(role: str) -> Body:
    """The department of ``role`` now (the row with no end)."""
    return next(body for body in bodies() if body.role == role and body.end is None)
