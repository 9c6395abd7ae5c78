"""The Government's own refusals as evidence: an earlier refusal on human-rights grounds for similar goods.

For each licence to be linked, find the latest refusal to the same destination, before its
decision and within the refusal window, under one of the criteria the settings name, whose
goods share a control-list entry (strongest) or a technology with it. Vectorised with
:func:`pandas.merge_asof` over (destination, similarity key); Python runs once per distinct
licence profile only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from advocate.link.columns import MISSING_END, LicenceColumns
from advocate.link.matching import ROOTS
from advocate.models.licence_table import LicenceTable

REFUSED = ("refused", "rejected")
RATING_STRENGTH = 1.0
TECHNOLOGY_STRENGTH = 0.7


@dataclass(frozen=True)
class RefusalEvidence:
    """Per licence row: the row of the refusal found (-1 for none), its strength, and the shared key."""

    refusal: np.ndarray
    strength: np.ndarray
    key: np.ndarray
    keys: tuple[str, ...]
    """Shared keys, ``R:5A001`` (a rating entry) or ``T:interception`` (a technology tag)."""


def _criterion_number(code: str) -> str:
    match = re.match(r"\s*(?:criterion\s*)?(\d+)", code, re.IGNORECASE)
    return match.group(1) if match else code.strip().lower()


def refused_mask(table: LicenceTable, criteria: tuple[str, ...]) -> np.ndarray:
    """Licences refused under one of ``criteria`` (``2`` covers 2, 2a, 2b, 2c)."""
    wanted = {_criterion_number(c) for c in criteria}
    frame = table.frame
    cells = frame["refusal_criteria"].fillna("").astype(str)
    matches = {cell: any(_criterion_number(code) in wanted for code in cell.split()) for cell in cells.unique()}
    return (frame["outcome"].isin(REFUSED) & cells.map(matches).astype(bool)).to_numpy()


def _profile_keys(columns: LicenceColumns) -> tuple[list[list[int]], list[str]]:
    vocabulary: dict[str, int] = {}
    per_profile = []
    for profile in columns.profiles:
        keys = []
        for element in profile.elements:
            if element.rating_entry:
                keys.append("R:" + element.rating_entry)
            keys.extend("T:" + tag for tag in sorted((element.certain | element.possible) - ROOTS))
        per_profile.append([vocabulary.setdefault(k, len(vocabulary)) for k in dict.fromkeys(keys)])
    return per_profile, list(vocabulary)


def _explode(rows: np.ndarray, profile: np.ndarray, per_profile: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    counts = np.array([len(k) for k in per_profile], dtype=np.int64)
    offsets = np.r_[0, np.cumsum(counts)]
    flat = np.array([k for keys in per_profile for k in keys], dtype=np.int64)
    n = counts[profile[rows]]
    row = np.repeat(rows, n)
    within = np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    return row, flat[offsets[profile[row]] + within]


def find_refusals(
    table: LicenceTable,
    columns: LicenceColumns,
    country: np.ndarray,
    linked: np.ndarray,
    criteria: tuple[str, ...],
    window_days: int,
) -> RefusalEvidence:
    """Refusal evidence for the rows where ``linked`` is true (``country`` is an integer code per row)."""
    n = len(table)
    refusal = np.full(n, -1, dtype=np.int64)
    strength = np.zeros(n, dtype=np.float64)
    key_out = np.full(n, -1, dtype=np.int64)
    refused_rows = np.flatnonzero(refused_mask(table, criteria))
    if not len(refused_rows) or not linked.any():
        return RefusalEvidence(refusal, strength, key_out, ())
    per_profile, vocabulary = _profile_keys(columns)
    r_row, r_key = _explode(refused_rows, columns.profile, per_profile)
    r_day = columns.end[r_row]
    r_day = np.where(r_day == MISSING_END, columns.key_day[r_row], r_day)
    width = len(vocabulary) + 1
    right_pairs = country[r_row] * width + r_key
    l_row, l_key = _explode(np.flatnonzero(linked), columns.profile, per_profile)
    keep = np.isin(country[l_row] * width + l_key, np.unique(right_pairs))
    l_row, l_key = l_row[keep], l_key[keep]
    if not len(l_row):
        return RefusalEvidence(refusal, strength, key_out, tuple(vocabulary))
    left = pd.DataFrame({"row": l_row, "pair": country[l_row] * width + l_key, "day": columns.key_day[l_row] - 1})
    right = pd.DataFrame({"refusal": r_row, "pair": right_pairs, "day": columns.key_day[r_row], "refusal_end": r_day})
    merged = pd.merge_asof(
        left.sort_values("day", kind="stable"),
        right.sort_values("day", kind="stable"),
        on="day",
        by="pair",
        direction="backward",
    )
    merged = merged.dropna(subset=["refusal"])
    merged["refusal"] = merged["refusal"].astype(np.int64)
    merged = merged[
        (merged["day"] + 1 - merged["refusal_end"] <= window_days) & (merged["refusal_end"] < merged["day"] + 1)
    ]
    if not len(merged):
        return RefusalEvidence(refusal, strength, key_out, tuple(vocabulary))
    key = (merged["pair"].to_numpy() % width).astype(np.int64)
    is_rating = np.array([k.startswith("R:") for k in vocabulary], dtype=bool)[key]
    merged = merged.assign(
        key=key,
        strength=np.where(is_rating, RATING_STRENGTH, TECHNOLOGY_STRENGTH),
        refusal_day=columns.key_day[merged["refusal"].to_numpy()],
    )
    # the best refusal per licence: a shared rating before a shared technology, then the latest, then by key
    row_m, key_m = merged["row"].to_numpy(), merged["key"].to_numpy()
    order = np.lexsort((key_m, -merged["refusal_day"].to_numpy(), -merged["strength"].to_numpy(), row_m))
    first = order[np.r_[True, row_m[order][1:] != row_m[order][:-1]]]
    rows = row_m[first]
    refusal[rows] = merged["refusal"].to_numpy()[first]
    strength[rows] = merged["strength"].to_numpy()[first]
    key_out[rows] = key_m[first]
    return RefusalEvidence(refusal, strength, key_out, tuple(vocabulary))
