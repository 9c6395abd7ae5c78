"""Generated cases every kind of document is drafted for: one licence; forty licences from CAAT data; refusals.

- :func:`one_licence_case`: one licence, one decision, abuses reported before and after it;
- :func:`forty_caat_case`: forty Turkey licences from a synthetic CAAT release (benchmarks/synthetic.py), with
  synthetic abuses and one decision;
- :func:`refusals_case`: CAAT's current layout (a refusal under Criterion 2, a refusal under Criteria 2, 3 and 7,
  a licence later revoked, goods incorporated into products for Turkey) and a licences.csv row standing for
  several licences of unknown number;

each with a requests.yaml whose request has a full history (so that every letter of the FOI ladder can be
drafted), and :data:`LADDER` says which request and date each follow-up is drafted for.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
from small_cases import abuse, decision, licence, write_case

from benchmarks.synthetic import synthetic_abuses, write_caat_release
from tests.helpers import FIXTURES

REQUESTS = """
requests:
  - id: answered
    title: the assessment of the licences
    licences: [{licences}]
    events:
      - {{date: 2026-01-05, kind: sent}}
      - {{date: 2026-01-07, kind: acknowledged, reference: FOI2026/00042}}
      - date: 2026-01-20
        kind: clarification-asked
        asked: Please identify the licences by their dates and ratings.
        answer: The licences are those the licensing data records as described in my request.
      - {{date: 2026-01-22, kind: clarification-answered}}
      - {{date: 2026-02-19, kind: extension, until: 2026-03-19, sections: [s 27(1)(a)]}}
      - {{date: 2026-03-30, kind: response, outcome: refused, sections: [s 27(1)(a), s 43(2)]}}
      - {{date: 2026-04-08, kind: review-asked}}
      - {{date: 2026-05-12, kind: review-response, outcome: upheld}}
      - {{date: 2026-05-26, kind: complaint}}
      - {{date: 2026-10-27, kind: decision-notice, reference: IC-1-A, outcome: not-upheld,
          sections: [s 27(1)(a), s 43(2)]}}
  - id: asked
    title: a clarification still to answer
    licences: [{licences}]
    events:
      - {{date: 2026-09-01, kind: sent}}
      - date: 2026-09-10
        kind: clarification-asked
        asked: Which licences do you mean?
        answer: The licences described in my request, identified by their dates, ratings and values.
  - id: silent
    title: a request never answered
    licences: [{licences}]
    events:
      - {{date: 2026-09-14, kind: sent}}
      - {{date: 2026-10-20, kind: chased}}
  - id: extended
    title: an extension that ran out
    licences: [{licences}]
    events:
      - {{date: 2026-08-03, kind: sent}}
      - {{date: 2026-08-28, kind: extension, until: 2026-09-28, sections: [s 27(1)(a)]}}
"""

LADDER = {
    "foi-review": ("answered", "2026-04-08"),
    "ico-complaint": ("answered", "2026-05-26"),
    "tribunal-appeal": ("answered", "2026-11-10"),
    "clarification-reply": ("asked", "2026-09-12"),
    "chaser": ("silent", "2026-12-04"),
    "ico-non-response": ("silent", "2026-12-04"),
    "extension-chaser": ("extended", "2026-12-04"),
}
"""Each follow-up: the request it follows and the date it is drafted on."""


def _requests(folder: Path, licence_ids: list[str]) -> None:
    (folder / "requests.yaml").write_text(REQUESTS.format(licences=", ".join(licence_ids)), encoding="utf-8")


def one_licence_case(folder: Path) -> Path:
    """One licence for interception software, granted on 6 March 2015, challenged; an abuse reported before the
    grant and one after it."""
    rows = [
        licence(
            "UK-2015-001",
            "2015-03-06",
            ratings="5A001; 5D001",
            goods="interception software",
            end_user="national police",
            value="120000",
        )
    ]
    abuses = [
        abuse(
            "tr-press-2014",
            "2014-06",
            "Police detained journalists after raids on their newspapers",
            "rights-report-2009",
        ),
        abuse(
            "tr-arrests-2021", "2021-11", "Security forces arrested reporters covering protests", "rights-report-2022"
        ),
    ]
    folder = write_case(
        folder,
        licences=rows,
        abuses=abuses,
        decisions=decision("UK-2015-001", "2015-03-06"),
        extra="relief_sought:\n  - Suspend the licence.\n",
    )
    _fix_report_dates(folder)
    _requests(folder, ["UK-2015-001"])
    return folder


def _fix_report_dates(folder: Path) -> None:
    """The shared sources' dates, so that one report precedes the 2015 grant and one follows it."""
    sources = folder / "sources.yaml"
    text = sources.read_text(encoding="utf-8").replace("date: 2009-02", "date: 2014-09")
    sources.write_text(text, encoding="utf-8")


def forty_caat_case(folder: Path, seed: int = 4) -> Path:
    """Forty Turkey licences from a synthetic CAAT release, with synthetic abuses; the latest licence challenged."""
    folder.mkdir(parents=True, exist_ok=True)
    release = write_caat_release(folder / "caat", 2400, seed=seed)
    values = pd.read_csv(release / "values.csv", dtype=str, keep_default_na=False)
    turkey = values[values["country"] == "Turkey"]
    groups = list(dict.fromkeys(turkey["licence_group"]))[:40]
    assert len(groups) == 40, len(groups)
    values[values["licence_group"].isin(groups)].to_csv(release / "values.csv", index=False, lineterminator="\n")
    write_case(folder, licences=[])
    (folder / "licences.csv").unlink()
    latest = turkey[turkey["licence_group"].isin(groups)].sort_values("date").iloc[-1]
    abuses = synthetic_abuses(12, ["Turkey"], seed=seed, source_ids=["rights-report-2009", "rights-report-2022"])
    lines = []
    places = ("in Istanbul", "in Ankara", "in Izmir", "in Diyarbakir", "in Bursa", "in Antalya")
    seen: dict[str, int] = {}
    for record in abuses:
        repeat = seen.get(record["title"], 0)
        seen[record["title"]] = repeat + 1
        if repeat:  # the generator reuses five titles: each abuse gets a place of its own
            record["title"] = f"{record['title']} {places[(repeat - 1) % len(places)]}"
        record.pop("illustrative", None)
        sources = ", ".join(s if isinstance(s, str) else s["id"] for s in record["sources"])
        lines.append(
            f'- id: {record["id"]}\n  country: Turkey\n  date: "{record["date"]}"\n'
            f'  title: "{record["title"]}"\n  perpetrators: {record["perpetrators"]}\n'
            f"  categories: {record['categories']}\n  sources: [{sources}]\n"
        )
    (folder / "abuses.yaml").write_text(
        "\n".join(lines).replace("['", "[").replace("']", "]").replace("', '", ", "), encoding="utf-8"
    )
    case = (folder / "case.yaml").read_text(encoding="utf-8")
    case += "licence_data:\n  - path: caat\n    format: caat\n    source: caat-data\n    id_prefix: CAAT-\n" + decision(
        f"CAAT-{latest['licence_group']}", latest["date"]
    )
    (folder / "case.yaml").write_text(case, encoding="utf-8")
    _requests(folder, [f"CAAT-{g}" for g in groups[-3:]])
    return folder


def refusals_case(folder: Path) -> Path:
    """CAAT's current layout for Turkey and South Korea, plus a row standing for several IMSI-catcher licences."""
    rows = [
        licence("MB-IMSI", "../2017-03-31", ratings="", sources="rights-report-2022"),
        licence("UK-2021-777", "2021-Q4", ratings="5A001", goods="mobile network interception equipment"),
    ]
    folder = write_case(
        folder,
        licences=rows,
        abuses=[
            abuse("tr-press-2016", "2016", "Police detained journalists after a coup attempt", "rights-report-2022"),
            abuse("tr-hrd-2022", "2022-02", "Police arrested human-rights defenders", "rights-report-2022"),
        ],
        decisions=decision("CAAT-157531", "2021-11-18"),
    )
    csv = folder / "licences.csv"
    text = csv.read_text(encoding="utf-8").splitlines()
    text[0] += ",count,technology,id_kind"
    text[1] += ",several,imsi-catcher,case"
    text[2] += ",1,,case"
    csv.write_text("\n".join(text) + "\n", encoding="utf-8")
    shutil.copytree(FIXTURES / "caat-current-sample", folder / "caat")
    case = (
        (folder / "case.yaml")
        .read_text(encoding="utf-8")
        .replace("countries: [Turkey]", "countries: [Turkey, South Korea]")
    )
    case = case.replace(
        "decisions:",
        "licence_data:\n  - path: licences.csv\n  - path: caat\n    format: caat\n"
        "    source: caat-data\n    id_prefix: CAAT-\ndecisions:",
    )
    (folder / "case.yaml").write_text(case, encoding="utf-8")
    _requests(folder, ["CAAT-157531", "CAAT-157532", "MB-IMSI"])
    return folder
