"""Random case folders for the confidentiality property test: a public core any public document can be written
from, and around it records a public document must leave out, each carrying canary strings in every field.

A canary is ``ZQX`` and digits: a string no template, vocabulary or public record holds, so that finding one
in any output of any command is a leak, wherever it is (a body, a footnote, metadata, a file name, a header).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Secrets:
    """What the case is drawn with: each flag adds records a public document must leave out."""

    confidential_source: bool = False
    """A confidential source, cited beside public ones by the public abuse, licence and link."""
    only_confidential_abuse: bool = False
    """An abuse not itself marked confidential but known only from the confidential source."""
    confidential_abuse: bool = False
    confidential_event: bool = False
    confidential_link: bool = False
    """A confidential hand-asserted link between the public licence and the public abuse."""
    confidential_licence: bool = False
    """A confidential licence, issued, for the same goods and destination."""
    confidential_refusal: bool = False
    """A confidential refusal under Criterion 2 of similar goods, before the public licence."""
    privileged: bool = False
    seed: int = 0


@dataclass
class CaseDrawn:
    folder: Path
    canaries: set[str] = field(default_factory=set)
    """Every canary a public output must not contain."""


def _canary(drawn: CaseDrawn, seed: int, n: int) -> str:
    token = f"ZQX{seed}{n:02d}"
    drawn.canaries.add(token)
    return token


def write_case(folder: Path, secrets: Secrets) -> CaseDrawn:
    """A case folder drawn with ``secrets``; its public core always supports every public document."""
    folder.mkdir(parents=True)
    drawn = CaseDrawn(folder)
    s = secrets.seed
    counter = iter(range(100))

    def c() -> str:
        return _canary(drawn, s, next(counter))

    case = {
        "title": "Interception software exports to Turkey",
        "reference": "TEST-TR",
        "countries": ["Turkey"],
        "public_body": {
            "name": "Department for Business and Trade",
            "foi_email": "foi@example.org",
            "address": "Old Admiralty Building, London SW1A 2DY",
        },
        "requester": {
            "name": "Test Campaign",
            "email": "campaign@example.org",
            "address": "1 Test Street, London N1 9GU",
        },
        "legal_representative": {"firm": "Own Solicitors LLP", "name": "A Solicitor"},
        "decisions": [
            {
                "id": "decision-1",
                "description": "the grant of licence PUB-LIC-1",
                "date": "2017-03-01",
                "licences": ["PUB-LIC-1"],
                "grounds_arose": "2017-04-01",
            }
        ],
        "relief_sought": ["review the licence against Criterion 2"],
        "documents": ["foi", "letter-before-claim", "briefing", "questions"],
        "privileged": secrets.privileged,
    }
    sources = [
        {
            "id": "pub-news",
            "kind": "news",
            "title": "Police used interception software on journalists",
            "publication": "The Daily Example",
            "date": "2017-01-10",
            "url": "https://example.org/news",
            "accessed": "2017-02-01",
        }
    ]
    abuse_sources = ["pub-news"]
    licence_sources = ["pub-news"]
    if secrets.confidential_source:
        sources.append(
            {
                "id": f"src-{c()}",
                "kind": "interview",
                "title": f"Interview with {c()} about {c()}",
                "author": [f"Witness {c()}"],
                "organisation": f"Org {c()}",
                "place": f"Town {c()}",
                "date": "2017-01-15",
                "quotation": f"They listened to {c()} every night",
                "notes": f"Contact {c()} only by Signal",
                "confidential": True,
            }
        )
        abuse_sources.append(sources[-1]["id"])
        licence_sources.append(sources[-1]["id"])
    abuses = [
        {
            "id": "pub-abuse",
            "country": "Turkey",
            "date": "2016-11",
            "title": "Police intercepted journalists' communications",
            "perpetrators": ["police"],
            "categories": ["persecution-of-journalists"],
            "technology": ["interception"],
            "sources": abuse_sources,
        }
    ]
    if secrets.only_confidential_abuse and secrets.confidential_source:
        abuses.append(
            {
                "id": f"derived-{c()}",
                "country": "Turkey",
                "date": "2016-12",
                "title": f"Secret detention of {c()}",
                "description": f"Held at {c()}",
                "victims": f"{c()} and family",
                "place": f"Site {c()}",
                "perpetrators": ["police"],
                "categories": ["arbitrary-detention"],
                "sources": [sources[-1]["id"]],
            }
        )
    if secrets.confidential_abuse:
        abuses.append(
            {
                "id": f"abuse-{c()}",
                "country": "Turkey",
                "date": "2016-10",
                "title": f"Torture of {c()} in custody",
                "description": f"Described by {c()}",
                "victims": f"{c()}",
                "place": f"Cell {c()}",
                "notes": f"Do not name {c()}",
                "perpetrators": ["police"],
                "categories": ["torture"],
                "technology": ["interception"],
                "sources": ["pub-news"],
                "confidential": True,
            }
        )
    events = [
        {
            "id": "pub-event",
            "date": "2016-07-15",
            "title": "Coup attempt in Turkey",
            "country": "Turkey",
            "sources": ["pub-news"],
        }
    ]
    if secrets.confidential_event:
        events.append(
            {
                "id": f"event-{c()}",
                "date": "2016-09",
                "title": f"Meeting with {c()}",
                "description": f"Where {c()} handed over documents",
                "notes": f"{c()}",
                "sources": ["pub-news"],
                "confidential": True,
            }
        )
    links = []
    if secrets.confidential_link:
        links.append(
            {
                "id": f"link-{c()}",
                "licence": "PUB-LIC-1",
                "abuse": "pub-abuse",
                "reason": f"Our source {c()} saw this equipment in the room",
                "notes": f"{c()}",
                "sources": ["pub-news"],
                "confidential": True,
            }
        )
    rows = [
        {
            "id": "PUB-LIC-1",
            "destination": "Turkey",
            "decision_date": "2017-03-01",
            "outcome": "issued",
            "ratings": "5D001",
            "goods_summary": "software for telecommunications interception equipment",
            "end_user": "police",
            "sources": "; ".join(licence_sources),
            "refusal_criteria": "",
            "notes": "",
            "confidential": "",
        }
    ]
    if secrets.confidential_licence:
        rows.append(
            {
                "id": f"SEC-{c()}",
                "destination": "Turkey",
                "decision_date": "2017-02-01",
                "outcome": "issued",
                "ratings": "5D001",
                "goods_summary": f"interception software {c()}",
                "end_user": f"police unit {c()}",
                "sources": "pub-news",
                "refusal_criteria": "",
                "notes": f"Leaked by {c()}",
                "confidential": "yes",
            }
        )
    if secrets.confidential_refusal:
        rows.append(
            {
                "id": f"REF-{c()}",
                "destination": "Turkey",
                "decision_date": "2015-06-01",
                "outcome": "refused",
                "ratings": "5D001",
                "goods_summary": f"interception software {c()}",
                "end_user": f"police {c()}",
                "sources": "pub-news",
                "refusal_criteria": "2",
                "notes": f"{c()}",
                "confidential": "yes",
            }
        )
    _write_yaml(folder / "case.yaml", case)
    _write_yaml(folder / "sources.yaml", sources)
    _write_yaml(folder / "abuses.yaml", abuses)
    _write_yaml(folder / "events.yaml", events)
    if links:
        _write_yaml(folder / "links.yaml", links)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (folder / "licences.csv").write_text(out.getvalue(), encoding="utf-8")
    return drawn


def _write_yaml(path: Path, data) -> None:
    """YAML written as JSON, which YAML reads as it is."""
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
