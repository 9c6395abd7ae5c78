"""Licences as a flat table for people and scripts: ratings joined, technology named, dates as written."""

from __future__ import annotations

import pandas as pd

from advocate.models.licence import LicenceCount, identifier_text
from advocate.models.licence_table import LicenceTable, asserted_tags, rating_tags, summary_tags
from advocate.vocab.technology import technology_tags


def _most_specific(tags: set[str]) -> list[str]:
    """Drop tags that are only the broader parents of other tags present."""
    known = technology_tags()
    parents = {known[t].parent for t in tags if t in known}
    return sorted(t for t in tags if t not in parents)


def listing_frame(table: LicenceTable) -> pd.DataFrame:
    """One row per licence with the columns of :data:`LISTING_COLUMNS`.

    ``technology`` lists the tags the ratings and goods summary carry; a tag that an
    entry-level rating only may carry is marked with ``?`` (``mobile-interception?``).
    """
    frame = table.frame
    ratings = table.ratings
    joined = ratings.groupby("licence", sort=True)["rating"].agg(", ".join) if len(ratings) else pd.Series(dtype=object)
    keys = ratings.groupby("licence", sort=True)["key"].agg(tuple) if len(ratings) else pd.Series(dtype=object)
    technology = []
    for position, (summary, asserted) in enumerate(zip(frame["goods_summary"], frame["technology"])):
        certain = set(summary_tags(summary)) | set(asserted_tags(asserted))
        possible: set[str] = set()
        for key in keys.get(position, ()):
            tags, maybe = rating_tags(key)
            certain |= tags
            possible |= maybe
        shown = _most_specific(certain) + [f"{t}?" for t in _most_specific(possible - certain)]
        technology.append(", ".join(shown))
    out = pd.DataFrame(
        {
            "id": frame["id"],
            "reference": frame["reference"],
            "decision_date": frame["decision_text"],
            "destination": frame["destination"],
            "country": frame["country"],
            "licence_type": frame["licence_type"],
            "outcome": frame["outcome"],
            "ratings": [joined.get(i, "") for i in range(len(frame))],
            "technology": technology,
            "goods_summary": frame["goods_summary"],
            "end_user": frame["end_user"],
            "value": frame["value"],
            "refusal_criteria": frame["refusal_criteria"].str.replace(" ", ", "),
            "sources": frame["sources"].str.replace(" ", ", "),
            "dataset": frame["dataset"],
            "line": frame["line"],
            "id_kind": frame["id_kind"],
            "identifier": [
                identifier_text(*fields)
                for fields in zip(
                    frame["id_kind"],
                    frame["id"],
                    frame["reference"],
                    frame["dataset_number"],
                    frame["dataset_name"],
                    frame["dataset_short"],
                )
            ],
            "dataset_number": frame["dataset_number"],
            "dataset_name": frame["dataset_name"],
            "count": [str(LicenceCount(int(n), bool(exact))) for n, exact in zip(frame["count"], frame["count_exact"])],
            "military": frame["military"].map({True: "yes", False: "no"}).fillna("").astype(object),
            "onward_destinations": frame["onward_destinations"],
            "transit_from": frame["transit_from"],
        }
    )
    order = frame.assign(_position=range(len(frame))).sort_values(
        ["decision_start", "id"], kind="stable", na_position="first"
    )["_position"]
    return out.iloc[order.to_numpy()].reset_index(drop=True)
