"""Kinds of state body: who carried out an abuse, and who a licence's end user is.

The kinds form a tree (``police`` is ``law-enforcement``, which is
``security-forces``, which is ``government``) so that a licence for "law
enforcement agency end use" meets abuses by the police. Free-text end-user notes
in licensing data ("Licence granted for use by a law enforcement agency.") are
read with the phrases of the shipped table.

Each kind is ``state``, ``non-state`` or ``unknown`` (its ``kind`` column): an abuse
whose perpetrators include no state body (none named, ``unknown``, or only
``non-state`` actors) is not repression by the state, which Criterion 2(a) concerns.
``unknown`` has no phrases: no end-user note names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from advocate.resources import read_vocab_table


@dataclass(frozen=True)
class StateBody:
    """One kind of body."""

    body: str
    parent: str
    label: str
    kind: str
    """``state``, ``non-state`` or ``unknown``."""
    pattern: re.Pattern[str] | None
    """The end-user wording that names the body (None: no wording names it)."""


BODY_KINDS = ("state", "non-state", "unknown")


@lru_cache(maxsize=1)
def state_bodies() -> dict[str, StateBody]:
    """Every kind of body, by its code."""
    bodies = {}
    for row in read_vocab_table("state_bodies.csv"):
        if row["kind"] not in BODY_KINDS:
            raise ValueError(f"state_bodies.csv: {row['body']}: kind must be one of {', '.join(BODY_KINDS)}")
        phrases = row["phrases"].strip()
        pattern = re.compile(r"\b(" + phrases + r")", re.IGNORECASE) if phrases else None
        bodies[row["body"]] = StateBody(row["body"], row["parent"], row["label"], row["kind"], pattern)
    return bodies


def responsibility(perpetrators) -> str:
    """Who the sources hold responsible, in one word: ``state`` if any perpetrator is a state body,
    ``non-state`` if they name only non-state actors, ``unknown`` if they name nobody (or persons unknown)."""
    bodies = state_bodies()
    kinds = {bodies[p].kind if p in bodies else "unknown" for p in perpetrators}
    if "state" in kinds:
        return "state"
    return "non-state" if "non-state" in kinds else "unknown"


def body_lineage(body: str) -> tuple[str, ...]:
    """The body and every broader kind above it."""
    bodies = state_bodies()
    chain = []
    while body and body in bodies and body not in chain:
        chain.append(body)
        body = bodies[body].parent
    return tuple(chain)


_NEGATED = re.compile(r"\b(not|never|except|excluding|other than)\b", re.IGNORECASE)


@lru_cache(maxsize=65536)
def bodies_in_text(text: str) -> tuple[str, ...]:
    """The kinds of body an end-user note names, most specific first.

    "law enforcement agency" gives ``law-enforcement``; "government / military end use"
    gives ``military`` and ``government``. A broader kind is dropped when a narrower
    one under it was also named. Sentences that exclude a body ("They are not for
    use by the ... security services") name nobody.
    """
    sentences = [s for s in re.split(r"(?<=[.;])\s+", text or "") if not _NEGATED.search(s)]
    found = [
        code
        for code, body in state_bodies().items()
        if body.pattern is not None and any(body.pattern.search(s) for s in sentences)
    ]
    narrowest = [code for code in found if not any(other != code and code in body_lineage(other) for other in found)]
    return tuple(sorted(narrowest, key=lambda code: -len(body_lineage(code))))
