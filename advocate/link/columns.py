"""Licence and abuse columns as the engine needs them: days as integers, codes for profiles.

Everything here works on whole columns. Python runs once per *distinct* profile (a
combination of ratings, goods summary and asserted tags), never once per licence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from advocate.law.criteria import version_starts
from advocate.link.matching import AbuseProfile, LicenceProfile
from advocate.models.licence_table import LicenceTable

MISSING_START = np.iinfo(np.int64).min // 4
"""Day number standing for an open start ("../2017-03")."""
MISSING_END = np.iinfo(np.int64).max // 4
"""Day number standing for an open end ("2017-04/..")."""

_EPOCH = dt.date(1970, 1, 1)
_PACK_BITS = 15
_PACKED = 4


def day_number(day: dt.date | None, missing: int) -> int:
    return missing if day is None else (day - _EPOCH).days


def day_of(number: int) -> dt.date:
    return _EPOCH + dt.timedelta(days=int(number))


def days_column(series: pd.Series, missing: int) -> np.ndarray:
    """Days since 1970 of a datetime column, with ``missing`` for NaT."""
    values = series.to_numpy(dtype="datetime64[s]").astype("datetime64[D]")
    out = values.astype(np.int64)
    out[np.isnat(values)] = missing
    return out


@dataclass(frozen=True)
class LicenceColumns:
    """The columns of a licence table the engine reads, as numpy arrays in table row order."""

    start: np.ndarray
    end: np.ndarray
    key_day: np.ndarray
    """The day a licence sorts by: its first possible decision day, or its last when the start is open."""
    profile: np.ndarray
    profiles: tuple[LicenceProfile, ...]
    end_user: np.ndarray
    end_users: tuple[str, ...]
    version: np.ndarray
    """Index into :data:`VERSION_IDS` of the criteria in force on ``key_day`` (-1: none shipped)."""


VERSION_IDS: tuple[str, ...] = tuple(version_id for _, version_id in version_starts())


def _version_index(key_day: np.ndarray) -> np.ndarray:
    starts = np.array([day_number(day, 0) for day, _ in version_starts()], dtype=np.int64)
    return np.searchsorted(starts, key_day, side="right") - 1


def licence_columns(table: LicenceTable) -> LicenceColumns:
    frame = table.frame
    start = days_column(frame["decision_start"], MISSING_START)
    end = days_column(frame["decision_end"], MISSING_END)
    key_day = np.where(start == MISSING_START, end, start)
    profile, profiles = _profiles(table)
    end_user_codes, end_users = pd.factorize(frame["end_user"].fillna("").astype(str), sort=False)
    return LicenceColumns(
        start=start,
        end=end,
        key_day=key_day,
        profile=profile,
        profiles=profiles,
        end_user=end_user_codes.astype(np.int64),
        end_users=tuple(str(u) for u in end_users),
        version=_version_index(key_day),
    )


def _profiles(table: LicenceTable) -> tuple[np.ndarray, tuple[LicenceProfile, ...]]:
    """Each licence's profile id, and the distinct profiles (ratings, goods summary, asserted tags)."""
    frame, ratings = table.frame, table.ratings
    n = len(frame)
    packed = np.zeros(n, dtype=np.int64)
    rating_texts: np.ndarray = np.array([], dtype=object)
    long_texts: dict[int, tuple[str, ...]] = {}
    if len(ratings):
        codes, rating_texts = pd.factorize(ratings["rating"].astype(str), sort=True)
        rows = pd.DataFrame({"licence": ratings["licence"].to_numpy(), "code": codes}).drop_duplicates()
        rows = rows.sort_values(["licence", "code"], kind="stable")
        licence = rows["licence"].to_numpy()
        code = rows["code"].to_numpy().astype(np.int64)
        first = np.r_[True, licence[1:] != licence[:-1]]
        group_start = np.maximum.accumulate(np.where(first, np.arange(len(licence)), 0))
        rank = np.arange(len(licence)) - group_start
        small = rank < _PACKED
        if len(rating_texts) >= (1 << _PACK_BITS) - 1:
            raise ValueError("too many distinct ratings to pack")
        np.add.at(packed, licence[small], (code[small] + 1) << (_PACK_BITS * rank[small]))
        many = np.unique(licence[rank >= _PACKED])
        if len(many):
            among = np.isin(licence, many)
            long_lists = pd.Series(code[among]).groupby(licence[among]).agg(tuple)
            ids, _ = pd.factorize(pd.Series([long_lists[i] for i in many], dtype=object))
            packed[many] = -(ids.astype(np.int64) + 1)
            long_texts = {int(i): tuple(str(rating_texts[c]) for c in long_lists[i]) for i in many}
    keys = pd.DataFrame(
        {
            "ratings": packed,
            "summary": pd.factorize(frame["goods_summary"].fillna("").astype(str))[0],
            "technology": pd.factorize(frame["technology"].fillna("").astype(str))[0],
        }
    )
    group = keys.groupby(["ratings", "summary", "technology"], sort=False).ngroup().to_numpy().astype(np.int64)
    _, first_rows = np.unique(group, return_index=True)
    summaries, asserted = frame["goods_summary"].to_numpy(), frame["technology"].to_numpy()
    profiles = []
    for row in first_rows:
        value = packed[row]
        if value >= 0:
            codes = [((value >> (_PACK_BITS * i)) & ((1 << _PACK_BITS) - 1)) - 1 for i in range(_PACKED)]
            texts = tuple(str(rating_texts[c]) for c in codes if c >= 0)
        else:
            texts = long_texts[int(row)]
        profiles.append(LicenceProfile(texts, str(summaries[row] or ""), str(asserted[row] or "")))
    return group, tuple(profiles)


@dataclass(frozen=True)
class AbuseColumns:
    """The abuses as arrays, in the order given, with their profiles."""

    ids: tuple[str, ...]
    country: tuple[str, ...]
    start: np.ndarray
    end: np.ndarray
    profile: np.ndarray
    profiles: tuple[AbuseProfile, ...]
    perpetrators: np.ndarray
    perpetrator_sets: tuple[tuple[str, ...], ...]


def abuse_columns(abuses) -> AbuseColumns:
    """Columns of a sequence of :class:`~advocate.models.records.Abuse`."""
    abuses = list(abuses)
    profile_ids: dict[AbuseProfile, int] = {}
    perpetrator_ids: dict[tuple[str, ...], int] = {}
    profile, perpetrators = [], []
    for abuse in abuses:
        key = AbuseProfile(tuple(abuse.technology), tuple(abuse.categories))
        profile.append(profile_ids.setdefault(key, len(profile_ids)))
        perpetrators.append(perpetrator_ids.setdefault(tuple(abuse.perpetrators), len(perpetrator_ids)))
    return AbuseColumns(
        ids=tuple(a.id for a in abuses),
        country=tuple(a.country.code for a in abuses),
        start=np.array([day_number(a.date.start, MISSING_START) for a in abuses], dtype=np.int64),
        end=np.array([day_number(a.date.end, MISSING_END) for a in abuses], dtype=np.int64),
        profile=np.array(profile, dtype=np.int64),
        profiles=tuple(profile_ids),
        perpetrators=np.array(perpetrators, dtype=np.int64),
        perpetrator_sets=tuple(perpetrator_ids),
    )
