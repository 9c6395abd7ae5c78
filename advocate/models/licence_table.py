"""Licences in columnar form, for national datasets of hundreds of thousands of rows.

A :class:`LicenceTable` holds two pandas frames: ``frame``, one row per licence,
and ``ratings``, one row per rating of a licence (``licence`` is the row position
in ``frame``). Filters work on whole columns; :class:`~advocate.models.licence.Licence`
objects are made only for the rows a user asks to see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from advocate.models.licence import Licence, LicenceCount
from advocate.models.period import Period
from advocate.vocab.countries import country_code
from advocate.vocab.ratings import parse_rating, rating_matches
from advocate.vocab.technology import lineage, read_goods_summary, tags_for_rating

LICENCE_COLUMNS = (
    "id",
    "reference",
    "destination",
    "country",
    "licence_type",
    "outcome",
    "decision_start",
    "decision_end",
    "decision_text",
    "value",
    "goods_summary",
    "end_user",
    "technology",
    "refusal_criteria",
    "notes",
    "sources",
    "confidential",
    "illustrative",
    "dataset",
    "line",
    "id_kind",
    "dataset_number",
    "dataset_name",
    "dataset_short",
    "count",
    "count_exact",
    "military",
    "onward_destinations",
    "onward_countries",
    "transit_from",
)
"""Columns of :attr:`LicenceTable.frame`. ``sources``, ``technology``, ``refusal_criteria`` and
``onward_countries`` are space-separated; ``onward_destinations`` and ``transit_from`` are country
names joined by "; "; ``technology`` holds tags a user asserted for a licence whose data has no ratings;
``military`` is True, False or None (the data does not say). See :class:`~advocate.models.licence.Licence`."""

RATING_COLUMNS = ("licence", "rating", "key")


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=_dtype(name)) for name in LICENCE_COLUMNS})


def _dtype(name: str) -> str:
    if name in ("decision_start", "decision_end"):
        return "datetime64[s]"
    if name == "value":
        return "float64"
    if name in ("confidential", "illustrative", "count_exact"):
        return "bool"
    if name in ("line", "count"):
        return "int64"
    return "object"


@lru_cache(maxsize=65536)
def rating_tags(key: str) -> tuple[frozenset[str], frozenset[str]]:
    """Tags (with every broader tag) a rating key certainly carries, and those it may carry."""
    certain, possible = tags_for_rating(key)
    return (
        frozenset(t for tag in certain for t in lineage(tag)),
        frozenset(t for tag in possible for t in lineage(tag)),
    )


@lru_cache(maxsize=65536)
def summary_tags(summary: str) -> frozenset[str]:
    """Tags (with every broader tag) a goods summary carries."""
    return frozenset(t for tag in read_goods_summary(summary).tags for t in lineage(tag))


@lru_cache(maxsize=65536)
def asserted_tags(cell: str) -> frozenset[str]:
    """Tags (with every broader tag) of a space-separated list of asserted tags."""
    return frozenset(t for tag in cell.split() for t in lineage(tag))


@dataclass(frozen=True)
class LicenceTable:
    """Licences (``frame``) and their ratings (``ratings``); see the module docstring."""

    frame: pd.DataFrame
    ratings: pd.DataFrame

    @classmethod
    def empty(cls) -> LicenceTable:
        return cls(
            empty_frame(),
            pd.DataFrame(
                {
                    "licence": pd.Series(dtype="int64"),
                    "rating": pd.Series(dtype="object"),
                    "key": pd.Series(dtype="object"),
                }
            ),
        )

    @classmethod
    def concat(cls, tables: list[LicenceTable]) -> LicenceTable:
        """One table of several, renumbering the rating rows."""
        tables = [t for t in tables if len(t)]
        if not tables:
            return cls.empty()
        if len(tables) == 1:
            return tables[0]
        frames, ratings, offset = [], [], 0
        for table in tables:
            frames.append(table.frame)
            shifted = table.ratings.copy()
            shifted["licence"] = shifted["licence"] + offset
            ratings.append(shifted)
            offset += len(table.frame)
        return cls(pd.concat(frames, ignore_index=True), pd.concat(ratings, ignore_index=True))

    def __len__(self) -> int:
        return len(self.frame)

    def licence_count(self) -> LicenceCount:
        """How many licences the records stand for: "at least" when one stands for an unknown number.

        ``len(table)`` counts records; this counts licences, and a record for several
        licences of unknown number is never counted as one.
        """
        if not len(self.frame):
            return LicenceCount(0)
        return LicenceCount(int(self.frame["count"].sum()), bool(self.frame["count_exact"].all()))

    def take(self, mask: np.ndarray) -> LicenceTable:
        """The licences where ``mask`` is true, with their ratings."""
        positions = np.flatnonzero(mask)
        renumber = np.full(len(self.frame), -1, dtype=np.int64)
        renumber[positions] = np.arange(len(positions))
        kept = self.ratings[mask[self.ratings["licence"].to_numpy()]] if len(self.ratings) else self.ratings
        kept = kept.assign(licence=renumber[kept["licence"].to_numpy()]) if len(kept) else kept
        return LicenceTable(self.frame.iloc[positions].reset_index(drop=True), kept.reset_index(drop=True))

    # -- filters ---------------------------------------------------------

    def _rating_mask(self, predicate) -> np.ndarray:
        """Licences with at least one rating whose key satisfies ``predicate``."""
        mask = np.zeros(len(self.frame), dtype=bool)
        if not len(self.ratings):
            return mask
        keys = self.ratings["key"]
        hits = keys.map({key: bool(predicate(key)) for key in keys.unique()}).to_numpy(dtype=bool)
        mask[self.ratings["licence"].to_numpy()[hits]] = True
        return mask

    def technology_mask(self, tag: str, *, include_possible: bool = True) -> np.ndarray:
        """Licences whose ratings or goods summary carry ``tag`` or a narrower tag.

        With ``include_possible``, a rating given only at entry level counts when its
        sub-items may carry the tag (``5A001`` may be mobile interception equipment).
        """
        mask = self._rating_mask(
            lambda key: tag in rating_tags(key)[0] or (include_possible and tag in rating_tags(key)[1])
        )
        for column, tags_of in (("goods_summary", summary_tags), ("technology", asserted_tags)):
            texts = self.frame[column]
            mask |= texts.map({s: tag in tags_of(s) for s in texts.unique()}).to_numpy(dtype=bool)
        return mask

    def country_mask(self, countries: list[str]) -> np.ndarray:
        """Licences to any of ``countries`` (names or codes), or whose goods end up there (:meth:`onward_mask`)."""
        codes = {country_code(c) or c for c in countries}
        names = {c.casefold() for c in countries}
        frame = self.frame
        direct = (frame["country"].isin(codes) | frame["destination"].str.casefold().isin(names)).to_numpy()
        return direct | self.onward_mask(countries)

    def onward_mask(self, countries: list[str]) -> np.ndarray:
        """Licences whose goods are incorporated into products exported onward to any of ``countries``.

        Such a licence is to another destination (Germany, say) and is found by the
        country its goods end up in; listings and documents say so.
        """
        codes = {country_code(c) or c for c in countries}
        cells = self.frame["onward_countries"]
        if not len(cells):
            return np.zeros(0, dtype=bool)
        return cells.map({cell: bool(codes & set(cell.split())) for cell in cells.unique()}).to_numpy(dtype=bool)

    def filter(
        self,
        *,
        ids: list[str] | None = None,
        country: list[str] | None = None,
        rating: list[str] | None = None,
        technology: list[str] | None = None,
        outcome: list[str] | None = None,
        licence_type: list[str] | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> LicenceTable:
        """Licences meeting every filter given; each list filter matches any of its values.

        ``country`` takes names or codes and matches the destination or a country the
        goods are incorporated into products for (see :meth:`onward_mask`); ``rating`` matches a rating and its sub-items
        (``5A001`` matches ``5A001.f.2``); ``start``/``end`` keep licences whose decision
        date can fall in that span.
        """
        frame = self.frame
        mask = np.ones(len(frame), dtype=bool)
        if ids:
            mask &= frame["id"].isin(ids).to_numpy()
        if country:
            mask &= self.country_mask(country)
        if rating:
            wanted = [parse_rating(r).key for r in rating]
            mask &= self._rating_mask(lambda key: any(rating_matches(key, w) for w in wanted))
        if technology:
            tech_mask = np.zeros(len(frame), dtype=bool)
            for tag in technology:
                tech_mask |= self.technology_mask(tag)
            mask &= tech_mask
        if outcome:
            mask &= frame["outcome"].isin([o.casefold() for o in outcome]).to_numpy()
        if licence_type:
            mask &= frame["licence_type"].str.upper().isin([t.upper() for t in licence_type]).to_numpy()
        if start is not None:
            mask &= ~(frame["decision_end"] < pd.Timestamp(start)).to_numpy()
        if end is not None:
            mask &= ~(frame["decision_start"] > pd.Timestamp(end)).to_numpy()
        return self.take(mask)

    # -- records ---------------------------------------------------------

    def ratings_by_licence(self) -> list[list[str]]:
        """The ratings of each licence, as written, in row order."""
        grouped: list[list[str]] = [[] for _ in range(len(self.frame))]
        for position, text in zip(self.ratings["licence"].to_numpy(), self.ratings["rating"].to_numpy()):
            grouped[position].append(text)
        return grouped

    def licences(self) -> list[Licence]:
        """Every licence as a :class:`Licence` (for the small tables documents use)."""
        ratings = self.ratings_by_licence()
        return [_licence(row, ratings[i]) for i, row in enumerate(self.frame.itertuples(index=False))]

    def get(self, licence_id: str) -> Licence | None:
        """One licence by id, or ``None``."""
        match = self.filter(ids=[licence_id])
        return match.licences()[0] if len(match) else None

    def ids(self) -> list[str]:
        return self.frame["id"].tolist()


def timestamp_day(value) -> dt.date | None:
    """A day from the licence table's date columns (``None`` where the data gives none)."""
    return None if pd.isna(value) else pd.Timestamp(value).date()


def _licence(row, ratings: list[str]) -> Licence:
    start, end = timestamp_day(row.decision_start), timestamp_day(row.decision_end)
    decision = Period.parse(row.decision_text) if row.decision_text else Period(start, end, "", "interval")
    return Licence(
        id=row.id,
        destination=row.destination,
        country=row.country,
        decision=decision,
        outcome=row.outcome,
        reference=row.reference,
        licence_type=row.licence_type,
        ratings=tuple(parse_rating(r) for r in ratings),
        goods_summary=row.goods_summary,
        end_user=row.end_user,
        technology=tuple(row.technology.split()),
        value=None if pd.isna(row.value) else float(row.value),
        refusal_criteria=tuple(row.refusal_criteria.split()),
        notes=row.notes,
        sources=tuple(row.sources.split()),
        confidential=bool(row.confidential),
        illustrative=bool(row.illustrative),
        dataset=row.dataset,
        line=int(row.line),
        id_kind=row.id_kind,
        dataset_number=row.dataset_number,
        dataset_name=row.dataset_name,
        dataset_short=row.dataset_short,
        count=int(row.count),
        count_exact=bool(row.count_exact),
        military=None if row.military is None or pd.isna(row.military) else bool(row.military),
        onward_destinations=_names(row.onward_destinations),
        onward_countries=tuple(row.onward_countries.split()),
        transit_from=_names(row.transit_from),
    )


def _names(cell: str) -> tuple[str, ...]:
    return tuple(name for name in cell.split("; ") if name)
