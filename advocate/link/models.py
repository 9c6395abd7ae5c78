"""A link between a licence and an abuse, and the links as a table of rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

Relation = Literal["foreseeable", "concurrent", "review"]


@dataclass(frozen=True)
class Link:
    """One licence related to one abuse.

    ``days`` is the decision date minus the abuse date (positive: the abuse came first; 0 when
    the two periods overlap). ``criteria`` are criterion numbers in ``criteria_version`` (the
    version in force on the decision date; empty if none is shipped for it). ``reasons`` are
    sentences, hand-asserted reason first. ``sources`` are source ids from the asserted link and
    the abuse.
    """

    licence_id: str
    abuse_id: str
    score: float
    criteria_version: str
    criteria: tuple[str, ...]
    reasons: tuple[str, ...]
    asserted: bool
    relation: Relation
    days: int
    sources: tuple[str, ...]
    destination: str = ""
    decision_date: str = ""
    abuse_date: str = ""
    refusal_id: str = ""
    """The earlier refusal for similar goods this link cites, if any."""


FRAME_COLUMNS = ("licence_id", "abuse_id", "score", "relation", "days", "destination", "decision_date", "abuse_date",
                 "criteria_version", "criteria", "asserted", "refusal_id", "reasons", "sources")


def links_frame(links) -> pd.DataFrame:
    rows = [{
        "licence_id": l.licence_id, "abuse_id": l.abuse_id, "score": l.score, "relation": l.relation, "days": l.days,
        "destination": l.destination, "decision_date": l.decision_date, "abuse_date": l.abuse_date,
        "criteria_version": l.criteria_version, "criteria": "; ".join(l.criteria), "asserted": l.asserted,
        "refusal_id": l.refusal_id, "reasons": " | ".join(l.reasons), "sources": "; ".join(l.sources),
    } for l in links]
    return pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
