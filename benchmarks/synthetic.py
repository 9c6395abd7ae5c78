"""Synthetic licensing data and case files at national scale, for benchmarks (never for evidence).

Every generator is seeded and vectorised with numpy, so the same arguments give
byte-identical files and a million CAAT rows take a few seconds:

- :func:`synthetic_release` — a CAAT ``values.csv`` as a DataFrame;
- :func:`write_caat_release` — a whole release folder (values, refusal criteria, footnotes, ratings);
- :func:`synthetic_abuses` — abuse records in the case-file YAML shape;
- :func:`write_synthetic_case` — a case folder that ``advocate check`` accepts.

The mix (destinations, ratings, outcomes) is modelled loosely on CAAT's 2015
release (ML10, ML1 and 5A002 are the commonest ratings; India, the United States
and China the commonest destinations) with the surveillance ratings over-weighted
so that filters have something to find. Names are written as the data writes them,
including its variant spellings ("Korea, South", "Burma") and non-ASCII names.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

DESTINATIONS = (
    ("India", 60),
    ("United States of America", 58),
    ("China", 50),
    ("Turkey", 30),
    ("Saudi Arabia", 30),
    ("United Arab Emirates", 28),
    ("Israel", 22),
    ("Korea, South", 20),
    ("Russia", 18),
    ("Japan", 18),
    ("Germany", 25),
    ("France", 22),
    ("Brazil", 12),
    ("Pakistan", 10),
    ("Egypt", 10),
    ("Bahrain", 8),
    ("Kazakhstan", 6),
    ("Vietnam", 6),
    ("Singapore", 12),
    ("Burma", 2),
    ("South Korea", 4),
    ("Côte d'Ivoire", 2),
    ("Curaçao", 1),
    ("Hong Kong", 10),
    ("Qatar", 10),
    ("Oman", 8),
    ("Mexico", 8),
)
"""(name as the data writes it, relative weight)."""

RATINGS = (
    ("ML10", 124),
    ("ML1", 95),
    ("5A002", 69),
    ("ML11", 69),
    ("ML5", 41),
    ("ML4", 30),
    ("ML3", 30),
    ("ML13", 20),
    ("6A003", 20),
    ("ML10a", 8),
    ("5A001", 15),
    ("5A001f", 6),
    ("5A001.f.2", 3),
    ("5A001.j", 3),
    ("5D001", 10),
    ("5D001e", 3),
    ("5E001", 5),
    ("4A005", 2),
    ("4D004", 2),
    ("4E001", 2),
    ("5D002", 20),
    ("PL5017", 3),
    ("End Use", 4),
    ("3A001", 20),
    ("1C011", 8),
)
"""(rating as the data writes it, relative weight): every level of detail, surveillance entries included."""

CRITERIA = (
    ("1", "UK's international obligations and commitments, including arms embargoes."),
    ("2", "Risk of use for internal repression."),
    ("3", "Risk of contributing to internal tensions or conflict in the recipient country."),
    ("4", "Risk of contributing to regional conflict."),
    ("5", "Risk to the national security of the UK and allies."),
    ("6", "Behaviour of the buyer country towards the international community."),
    ("7", "Risk of diversion or re-export to undesirable end-users."),
    ("8", "Compatibility of the arms exports with the technical and economic capacity of the recipient country."),
)

FOOTNOTES = (
    "Licence granted for use by a law enforcement agency.",
    "Law enforcement agency end use.",
    "Goods for exhibition and demonstration purposes; to be returned to the UK.",
    "Not for use by the security services.",
    "Equipment valued at £12,000 for a commercial end user.",
)

FIRST_DAY = np.datetime64("2008-01-01")
LAST_DAY = np.datetime64("2024-12-31")


def _choice(rng: np.random.Generator, table: tuple, size: int) -> np.ndarray:
    names = np.array([name for name, _ in table], dtype=object)
    weights = np.array([weight for _, weight in table], dtype=float)
    return names[rng.choice(len(names), size=size, p=weights / weights.sum())]


def _licences(n_rows: int, rng: np.random.Generator) -> np.ndarray:
    """The licence (0-based) of each of ``n_rows`` rows: one to four ratings per licence, in order."""
    per_licence = rng.choice([1, 2, 3, 4], size=n_rows, p=[0.55, 0.28, 0.12, 0.05])
    ends = np.cumsum(per_licence)
    count = int(np.searchsorted(ends, n_rows)) + 1
    return np.repeat(np.arange(count), per_licence[:count])[:n_rows]


def synthetic_release(n_rows: int, seed: int = 0) -> pd.DataFrame:
    """A CAAT ``values.csv`` of ``n_rows`` rows: ``licence_group,date,rating,count,value,country,refused``.

    Each licence has one to four rows (one per rating) sharing its group, date,
    destination and outcome; about 3% are refused (value empty). Dates run from
    2008 to 2024 in licence order.
    """
    rng = np.random.default_rng(seed)
    licence = _licences(n_rows, rng)
    n_licences = int(licence[-1]) + 1 if n_rows else 0
    span = int((LAST_DAY - FIRST_DAY).astype(int))
    days = FIRST_DAY + np.sort(rng.integers(0, span + 1, size=n_licences)).astype("timedelta64[D]")
    refused = rng.random(n_licences) < 0.03
    countries = _choice(rng, DESTINATIONS, n_licences)
    values = np.round(rng.lognormal(mean=10.5, sigma=1.6, size=n_rows)).astype(np.int64)
    value_text = values.astype(str).astype(object)
    value_text[refused[licence]] = ""
    return pd.DataFrame(
        {
            "licence_group": licence + 1,
            "date": np.datetime_as_string(days[licence], unit="D"),
            "rating": _choice(rng, RATINGS, n_rows),
            "count": rng.integers(1, 50, size=n_rows),
            "value": value_text,
            "country": countries[licence],
            "refused": refused[licence].astype(np.int8),
        }
    )


def write_caat_release(folder: str | Path, n_rows: int, seed: int = 0, encoding: str = "utf-8") -> Path:
    """Write a CAAT release folder: ``values.csv``, ``refusal-criteria.csv``, ``footnotes_licence.csv``, ``ratings.csv``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    values = synthetic_release(n_rows, seed)
    values.to_csv(folder / "values.csv", index=False, encoding=encoding, lineterminator="\n")
    rng = np.random.default_rng(seed + 1)

    groups = values.drop_duplicates("licence_group")
    refused = groups.loc[groups["refused"] == 1, "licence_group"].to_numpy()
    first = rng.choice([1, 2, 3, 7], size=len(refused), p=[0.1, 0.5, 0.2, 0.2])
    second = np.where(rng.random(len(refused)) < 0.3, 7, 0)
    criteria = (
        pd.DataFrame(
            {
                "licence_group": np.concatenate([refused, refused[second > 0]]),
                "criteria": np.concatenate([first, second[second > 0]]),
            }
        )
        .drop_duplicates()
        .sort_values(["licence_group", "criteria"], kind="stable")
    )
    texts = dict(CRITERIA)
    criteria["description"] = criteria["criteria"].astype(str).map(texts)
    criteria.to_csv(folder / "refusal-criteria.csv", index=False, encoding=encoding, lineterminator="\n")

    noted = (
        np.sort(rng.choice(groups["licence_group"].to_numpy(), size=max(1, len(groups) // 20), replace=False))
        if len(groups)
        else []
    )
    footnotes = pd.DataFrame(
        {"bundle_id": noted, "text": np.array(FOOTNOTES, dtype=object)[rng.integers(0, len(FOOTNOTES), len(noted))]}
    )
    footnotes.to_csv(folder / "footnotes_licence.csv", index=False, encoding=encoding, lineterminator="\n")

    ratings = pd.DataFrame(
        {
            "rating": [name for name, _ in RATINGS],
            "military": [int(name.startswith(("ML", "PL"))) for name, _ in RATINGS],
            "short_description": "",
            "full_description": "",
        }
    )
    ratings.to_csv(folder / "ratings.csv", index=False, encoding=encoding, lineterminator="\n")
    return folder


ABUSE_TITLES = (
    "Police detained journalists after raids on their newspaper's offices",
    "Security forces used intercepted phone calls to identify and arrest protest organisers",
    "Human-rights defenders were arrested and held without charge",
    "The authorities closed media outlets by decree",
    "Activists reported that their phones had been infected with spyware",
)
ABUSE_SHAPES = (
    (("arbitrary-detention", "persecution-of-journalists"), ("police",), ()),
    (("unlawful-surveillance", "suppression-of-protest"), ("security-forces",), ("interception",)),
    (("persecution-of-human-rights-defenders", "arbitrary-detention"), ("police", "judiciary"), ()),
    (("media-closure", "censorship"), ("government",), ()),
    (("unlawful-surveillance",), ("intelligence",), ("intrusion-software",)),
)
"""(categories, perpetrators, technology) for each title."""


def _periods(rng: np.random.Generator, n: int) -> list[str]:
    """Dates at the precisions evidence gives: days, months, quarters, years, intervals."""
    span = int((LAST_DAY - FIRST_DAY).astype(int))
    days = FIRST_DAY + rng.integers(0, span + 1, size=n).astype("timedelta64[D]")
    text = np.datetime_as_string(days, unit="D").astype(object)
    form = rng.integers(0, 10, size=n)
    months = np.array([t[:7] for t in text], dtype=object)
    quarters = np.array([f"{t[:4]}-Q{(int(t[5:7]) + 2) // 3}" for t in text], dtype=object)
    years = np.array([t[:4] for t in text], dtype=object)
    intervals = np.array([f"{t}/{min(int(t[:4]) + 1, 2024)}" for t in text], dtype=object)
    chosen = np.select([form < 5, form < 7, form < 8, form < 9], [text, months, quarters, years], intervals)
    return chosen.tolist()


def synthetic_abuses(
    n: int,
    countries: list[str] | tuple[str, ...],
    seed: int = 0,
    source_ids: list[str] | tuple[str, ...] = ("synthetic-report",),
) -> list[dict]:
    """``n`` abuse records as a case file holds them (ids ``abuse-00001`` ...), each citing one or two sources."""
    rng = np.random.default_rng(seed + 2)
    shape = rng.integers(0, len(ABUSE_TITLES), size=n)
    where = rng.integers(0, len(countries), size=n)
    cited = rng.integers(0, len(source_ids), size=(n, 2))
    two = rng.random(n) < 0.3
    dates = _periods(rng, n)
    records = []
    for i in range(n):
        categories, perpetrators, technology = ABUSE_SHAPES[shape[i]]
        sources = [source_ids[cited[i, 0]]]
        if two[i] and cited[i, 1] != cited[i, 0]:
            sources.append({"id": source_ids[cited[i, 1]], "pinpoint": f"p {int(cited[i, 1]) + 1}"})
        record = {
            "id": f"abuse-{i + 1:05d}",
            "country": countries[where[i]],
            "date": dates[i],
            "title": ABUSE_TITLES[shape[i]],
            "perpetrators": list(perpetrators),
            "categories": list(categories),
            "sources": sources,
            "illustrative": True,
        }
        if technology:
            record["technology"] = list(technology)
        records.append(record)
    return records


def _yaml_value(value) -> str:
    """A scalar or flow list as YAML (JSON's quoted strings are valid YAML)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _yaml_records(records: list[dict]) -> str:
    lines = []
    for record in records:
        for position, (key, value) in enumerate(record.items()):
            lines.append(f"{'- ' if position == 0 else '  '}{key}: {_yaml_value(value)}")
        lines.append("")
    return "\n".join(lines)


def write_synthetic_case(folder: str | Path, n_licences: int, n_abuses: int, seed: int = 0) -> Path:
    """Write a case folder (case.yaml, sources.yaml, abuses.yaml, licences.csv) that ``advocate check`` accepts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    countries = ["Turkey", "Saudi Arabia", "Bahrain", "Egypt"]
    source_ids = [f"source-{i:02d}" for i in range(1, 21)]
    sources = [
        {
            "id": source_id,
            "kind": "report",
            "organisation": "Synthetic Rights Monitor",
            "title": f"Synthetic report {i}",
            "date": f"{2008 + i % 16}",
            "url": f"https://example.org/reports/{i}",
            "accessed": "2024-06-01",
            "illustrative": True,
        }
        for i, source_id in enumerate(source_ids, start=1)
    ]
    sources.append(
        {
            "id": "synthetic-licensing-data",
            "kind": "statistics",
            "organisation": "Department for Business and Trade",
            "title": "Strategic export controls: licensing data (synthetic)",
            "url": "https://example.org/licensing-data",
            "accessed": "2024-06-01",
            "illustrative": True,
        }
    )
    case = (
        "# A synthetic case for benchmarks: every record is invented.\n"
        "title: Synthetic benchmark case\n"
        f"countries: {_yaml_value(countries)}\n"
        "public_body:\n  name: Department for Business and Trade\n  foi_email: foi@example.org\n"
        "requester:\n  name: Synthetic Campaign\n  email: requests@example.org\n"
        "licence_data:\n  - path: licences.csv\n    source: synthetic-licensing-data\n"
        "illustrative: true\n"
    )
    (folder / "case.yaml").write_text(case, encoding="utf-8")
    (folder / "sources.yaml").write_text(_yaml_records(sources), encoding="utf-8")
    (folder / "abuses.yaml").write_text(
        _yaml_records(synthetic_abuses(n_abuses, countries, seed, source_ids)), encoding="utf-8"
    )

    release = (
        synthetic_release(4 * n_licences, seed).drop_duplicates("licence_group").head(n_licences)
    )  # at most 4 rows a licence
    rng = np.random.default_rng(seed + 3)
    licences = pd.DataFrame(
        {
            "id": "SYN-" + release["licence_group"].astype(str),
            "destination": np.array(countries, dtype=object)[rng.integers(0, len(countries), len(release))],
            "decision_date": release["date"].to_numpy(),
            "outcome": np.where(release["refused"] == 1, "refused", "issued"),
            "licence_type": "SIEL",
            "ratings": release["rating"].to_numpy(),
            "value": release["value"].to_numpy(),
            "illustrative": "yes",
        }
    )
    licences.to_csv(folder / "licences.csv", index=False, encoding="utf-8", lineterminator="\n")
    return folder
