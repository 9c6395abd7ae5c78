"""Small case folders built to trigger one class of error: a 2010 licence, a 2021-Q4 licence, a licence reported
only after its decision, a CAAT refusal, a case missing an address, one licence or forty.

``write_case(folder, licences=[...], abuses=[...])`` writes case.yaml, licences.csv, abuses.yaml and sources.yaml
(events and links empty) and returns the folder; every argument has a default that drafts cleanly.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

DEPARTMENT = "Old Admiralty Building, Admiralty Place, London SW1A 2DY"
CLAIMANT = "1 Campaign Row, London ZZ99 9ZZ"

SOURCES = """
- id: official-data
  kind: statistics
  organisation: Department for Business and Trade
  title: 'Strategic export controls: licensing data'
  url: https://www.gov.uk/government/collections/strategic-export-controls-licensing-data
  accessed: 2026-01-15

- id: rights-report-2009
  kind: report
  organisation: Rights Watchers
  title: Journalists Behind Bars
  date: 2009-02
  url: https://example.org/journalists
  accessed: 2026-01-15

- id: rights-report-2022
  kind: report
  organisation: Rights Watchers
  title: Arrests of Reporters in 2021
  date: 2022-03
  url: https://example.org/reporters
  accessed: 2026-01-15

- id: caat-data
  kind: dataset
  organisation: Campaign Against Arms Trade
  title: UK Arms Export Data
  version: commit f8e49da
  date: 2015-07
  url: https://github.com/caatdata/uk-arms-export-data
  accessed: 2026-01-15
"""

ABUSE = """
- id: {id}
  country: Exampleland
  date: {date}
  title: {title}
  perpetrators: [police]
  categories: [persecution-of-journalists, arbitrary-detention]
  sources: [{source}]
"""

COLUMNS = (
    "id",
    "reference",
    "licence_type",
    "destination",
    "decision_date",
    "outcome",
    "ratings",
    "goods_summary",
    "end_user",
    "value",
    "refusal_criteria",
    "sources",
    "notes",
)


def licence(
    id: str,
    decided: str,
    *,
    outcome: str = "issued",
    ratings: str = "5A001",
    goods: str = "",
    end_user: str = "",
    value: str = "",
    criteria: str = "",
    sources: str = "official-data",
    reference: str = "",
) -> dict:
    return {
        "id": id,
        "reference": reference,
        "licence_type": "SIEL",
        "destination": "Turkey",
        "decision_date": decided,
        "outcome": outcome,
        "ratings": ratings,
        "goods_summary": goods,
        "end_user": end_user,
        "value": value,
        "refusal_criteria": criteria,
        "sources": sources,
        "notes": "",
    }


def abuse(id: str, date: str, title: str, source: str) -> str:
    return ABUSE.format(id=id, date=date, title=title, source=source)


def write_case(
    folder: Path,
    *,
    licences: list[dict],
    abuses: list[str] = (),
    decisions: str = "",
    department_address: str = DEPARTMENT,
    claimant_address: str = CLAIMANT,
    extra: str = "",
) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in licences:
        writer.writerow(row)
    (folder / "licences.csv").write_text(out.getvalue(), encoding="utf-8")
    (folder / "sources.yaml").write_text(SOURCES, encoding="utf-8")
    (folder / "abuses.yaml").write_text("".join(abuses).replace("Exampleland", "Turkey") or "[]\n", encoding="utf-8")
    (folder / "events.yaml").write_text("[]\n", encoding="utf-8")
    (folder / "links.yaml").write_text("[]\n", encoding="utf-8")
    address = f"  address: {department_address}\n" if department_address else ""
    claimant = f"  address: {claimant_address}\n" if claimant_address else ""
    (folder / "case.yaml").write_text(
        f"""title: Surveillance exports to Turkey
countries: [Turkey]
public_body:
  name: Department for Business and Trade
{address}  foi_email: foi@example.org
  decision_maker: Secretary of State for Business and Trade
requester:
  name: Ana Campaigner
  organisation: Campaign Group
  email: ana@example.org
{claimant}{decisions}
{extra}
""",
        encoding="utf-8",
    )
    return folder


def decision(licence_id: str, date: str, description: str = "the grant of the licence") -> str:
    return f"""decisions:
  - id: grant
    description: {description}
    date: {date}
    licences: [{licence_id}]
"""
