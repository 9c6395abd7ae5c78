"""Stage 2 of the pipeline: checks across records once each file has been read.

Loading checks each record on its own (types, dates, vocabularies); this module
checks what only the whole case shows: ids that point nowhere, dates in the
future, sources a citation cannot be made from, evidence about a country the
case is not about.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeAlias

import numpy as np

from advocate.load.case_records import CaseRecords
from advocate.load.record_file import LoadedRecords
from advocate.load.yaml_file import YamlDocument
from advocate.models.case import Case
from advocate.models.fields import suggest
from advocate.models.licence_table import LicenceTable
from advocate.models.problem import Problems
from advocate.models.records import Abuse, AssertedLink, Event, Indicator, Source, Transfer
from advocate.models.source_kinds import SOURCE_KINDS
from advocate.validate.review import check_optional_dates, check_review
from advocate.vocab.english import join_and
from advocate.vocab.grounds import grounds

CitingRecords: TypeAlias = (
    LoadedRecords[Abuse]
    | LoadedRecords[Event]
    | LoadedRecords[AssertedLink]
    | LoadedRecords[Indicator]
    | LoadedRecords[Transfer]
)
"""Records of a kind that cites sources."""


def validate_case(
    case: Case | None,
    case_doc: YamlDocument | None,
    records: CaseRecords,
    licences: LicenceTable,
    problems: Problems,
    *,
    today: dt.date,
    licences_read: bool = True,
) -> None:
    """Add every cross-record problem of a case to ``problems``.

    A file that could not be read (``readable`` false, or ``licences_read`` false when the licence
    data had errors) has already been reported; ids are not looked up in it, so that its one error
    is not echoed by every record that names one of its ids.
    """
    source_ids = records.sources.raw_ids
    sources_read = records.sources.readable
    _check_sources(records.sources, problems, today)
    if sources_read:  # when sources.yaml could not be read, every citation would echo that one error
        for citing in (records.abuses, records.events, records.links, records.indicators, records.transfers):
            _check_citations(citing, source_ids, problems)
    check_optional_dates(records, problems, today)
    check_review(records, problems)
    _check_dates(records.abuses, problems, today)
    _check_dates(records.events, problems, today)
    _check_public_evidence(records, problems)
    known_licences = _check_licence_ids(licences, problems)
    licence_ids = known_licences if licences_read else None
    _check_links(records.links, licence_ids, records.abuses.raw_ids if records.abuses.readable else None, problems)
    if sources_read:
        _check_licence_sources(licences, source_ids | _dataset_sources(case, case_doc), problems)
    if case is not None and case_doc is not None:
        _check_case(case, case_doc, licence_ids, source_ids if sources_read else None, problems)
        _check_decisions(case, case_doc, problems, today)
        _check_foi_requests(case, case_doc, licence_ids, problems, today)
        _check_countries(case, records.abuses, problems)


def _dangling(
    problems: Problems, origin_label: str, line: int, record: str, field: str, kind: str, wanted: str, known
) -> None:
    problems.error(
        "dangling_id",
        origin_label,
        f"{kind} '{wanted}' does not exist{suggest(wanted, known)}",
        line=line,
        record=record,
        field=field,
        hint=f"add it to the {kind}s, or correct the id",
    )


def _check_sources(sources: LoadedRecords[Source], problems: Problems, today: dt.date) -> None:
    for source_id, source in sources.models.items():
        origin = sources.origins[source_id]
        record = f"source '{source_id}'"
        kind = SOURCE_KINDS[source.kind]
        required, one_of = kind.required, kind.one_of
        if source.cited_in:
            # Known only through another source: cited "as reported in" that one, so its own title may be unknown.
            required = tuple(name for name in required if name not in ("title", "date"))
            if kind.untitled and not source.title:
                who = source.organisation or source.publication or join_and(source.author)
                problems.warning(
                    "source_untitled",
                    origin.doc.label,
                    f"has no title: its citations can give only who published it and when "
                    f'("{who} {kind.untitled} ({source.date.text if source.date else "no date"}), cited in …")',
                    line=origin.line(),
                    record=record,
                    field="title",
                    hint="add its title if the source that cites it, or the work itself, gives one",
                )
            if source.cited_in not in sources.raw_ids:
                _dangling(
                    problems,
                    origin.doc.label,
                    origin.line("cited_in"),
                    record,
                    "cited_in",
                    "source",
                    source.cited_in,
                    sources.raw_ids,
                )
        for name in required:
            if not getattr(source, name):
                problems.error(
                    "source_incomplete",
                    origin.doc.label,
                    f"a {source.kind} source needs a {name} to be cited",
                    line=origin.line(),
                    record=record,
                    field=name,
                )
        if one_of and not any(getattr(source, name) for name in one_of):
            problems.error(
                "source_incomplete",
                origin.doc.label,
                f"a {source.kind} source needs one of: {', '.join(one_of)}",
                line=origin.line(),
                record=record,
                field=one_of[0],
            )
        if kind.online and not source.url and not source.cited_in:
            problems.warning(
                "source_no_url",
                origin.doc.label,
                "has no URL",
                line=origin.line(),
                record=record,
                field="url",
                hint="OSCOLA cites online sources with their URL; add it if the source is online",
            )
        if source.url and source.accessed is None:
            problems.warning(
                "source_no_access_date",
                origin.doc.label,
                "has a URL but no date accessed",
                line=origin.line("url"),
                record=record,
                field="accessed",
                hint="add 'accessed: YYYY-MM-DD'",
            )
        if source.accessed and source.accessed > today:
            problems.error(
                "date_future",
                origin.doc.label,
                f"{source.accessed.isoformat()} is in the future",
                line=origin.line("accessed"),
                record=record,
                field="accessed",
            )
        if source.date and source.date.start and source.date.start > today:
            problems.error(
                "date_future",
                origin.doc.label,
                f"'{source.date.text}' is in the future",
                line=origin.line("date"),
                record=record,
                field="date",
            )


def _check_citations(loaded: CitingRecords, source_ids: set[str], problems: Problems) -> None:
    for record_id, model in loaded.models.items():
        origin = loaded.origins[record_id]
        for index, citation in enumerate(model.sources):
            if citation.id not in source_ids:
                _dangling(
                    problems,
                    origin.doc.label,
                    origin.line("sources", index),
                    f"{loaded.kind} '{record_id}'",
                    "sources",
                    "source",
                    citation.id,
                    source_ids,
                )


def _check_dates(loaded: LoadedRecords[Abuse] | LoadedRecords[Event], problems: Problems, today: dt.date) -> None:
    for record_id, model in loaded.models.items():
        if model.date.start and model.date.start > today:
            origin = loaded.origins[record_id]
            problems.error(
                "date_future",
                origin.doc.label,
                f"'{model.date.text}' is in the future (today is {today.isoformat()})",
                line=origin.line("date"),
                record=f"{loaded.kind} '{record_id}'",
                field="date",
                hint="a documented event has already happened",
            )


def _check_public_evidence(records: CaseRecords, problems: Problems) -> None:
    """Warn when a public record rests only on confidential sources: public documents will leave it out."""
    sources = records.sources.models
    for loaded in (records.abuses, records.events):
        for record_id, model in loaded.models.items():
            cited = [sources[c.id] for c in model.sources if c.id in sources]
            if not model.confidential and cited and all(s.confidential for s in cited):
                origin = loaded.origins[record_id]
                problems.warning(
                    "only_confidential_sources",
                    origin.doc.label,
                    "every source it cites is confidential, so public documents will leave it out",
                    line=origin.line("sources"),
                    record=f"{loaded.kind} '{record_id}'",
                    field="sources",
                    hint="add a published source, or mark the record confidential",
                )


def _check_licence_ids(licences: LicenceTable, problems: Problems) -> set[str]:
    """Licence ids must be unique across the case's licence files (a file's own repeats are reported by its reader)."""
    frame = licences.frame
    repeated = frame["id"].duplicated(keep="first").to_numpy()
    if repeated.any():
        first = frame.drop_duplicates("id").set_index("id")
        for position in np.flatnonzero(repeated):
            row = frame.iloc[position]
            earlier = first.loc[row["id"]]
            if earlier["dataset"] != row["dataset"]:
                problems.error(
                    "duplicate_id",
                    row["dataset"],
                    f"licence id '{row['id']}' is also used in {earlier['dataset']} (line {earlier['line']})",
                    line=int(row["line"]),
                    field="id",
                    hint="give each licence its own id, or an id_prefix per dataset in case.yaml",
                )
    return set(frame["id"])


def _check_links(
    links: LoadedRecords[AssertedLink], licence_ids: set[str] | None, abuse_ids: set[str] | None, problems: Problems
) -> None:
    """Links name a licence and an abuse that exist (ids ``None`` when their file could not be read)."""
    for record_id, link in links.models.items():
        origin = links.origins[record_id]
        if licence_ids is not None and link.licence not in licence_ids:
            _dangling(
                problems,
                origin.doc.label,
                origin.line("licence"),
                f"link '{record_id}'",
                "licence",
                "licence",
                link.licence,
                licence_ids,
            )
        if abuse_ids is not None and link.abuse not in abuse_ids:
            _dangling(
                problems,
                origin.doc.label,
                origin.line("abuse"),
                f"link '{record_id}'",
                "abuse",
                "abuse",
                link.abuse,
                abuse_ids,
            )


def _dataset_sources(case: Case | None, case_doc: YamlDocument | None) -> set[str]:
    """The sources case.yaml names for whole licence files: a wrong one is reported against case.yaml, not every licence row."""
    if case is not None:
        return {dataset.source for dataset in case.licence_data if dataset.source}
    data = case_doc.data if case_doc is not None and isinstance(case_doc.data, dict) else {}
    entries = data.get("licence_data", [])
    return (
        {str(entry["source"]) for entry in entries if isinstance(entry, dict) and entry.get("source")}
        if isinstance(entries, list)
        else set()
    )


def _check_licence_sources(licences: LicenceTable, source_ids: set[str], problems: Problems) -> None:
    cited = licences.frame["sources"]
    for value in cited[cited != ""].unique():
        for wanted in value.split():
            if wanted in source_ids:
                continue
            rows = licences.frame[cited.str.split().map(lambda ids, wanted=wanted: wanted in ids)]
            first = rows.iloc[0]
            more = f" (and {len(rows) - 1:,} more rows)" if len(rows) > 1 else ""
            problems.error(
                "dangling_id",
                first["dataset"],
                f"source '{wanted}' does not exist{suggest(wanted, source_ids)}{more}",
                line=int(first["line"]),
                field="sources",
                record=f"licence '{first['id']}'",
                hint="add it to sources.yaml, or correct the id",
            )


def _check_case(
    case: Case, doc: YamlDocument, licence_ids: set[str] | None, source_ids: set[str] | None, problems: Problems
) -> None:
    """Ids case.yaml names exist (ids ``None`` when their file could not be read)."""
    for index, decision in enumerate(case.decisions):
        for position, licence_id in enumerate(decision.licences):
            if licence_ids is not None and licence_id not in licence_ids:
                _dangling(
                    problems,
                    doc.label,
                    doc.line_of(("decisions", index, "licences", position)),
                    f"decision '{decision.id}'",
                    "licences",
                    "licence",
                    licence_id,
                    licence_ids,
                )
    known_grounds = set(grounds())
    for index, ground in enumerate(case.claim.grounds):
        if ground not in known_grounds:
            _dangling(
                problems,
                doc.label,
                doc.line_of(("claim", "grounds", index)),
                "claim",
                "grounds",
                "ground",
                ground,
                known_grounds,
            )
    for index, dataset in enumerate(case.licence_data):
        if dataset.source and source_ids is not None and dataset.source not in source_ids:
            _dangling(
                problems,
                doc.label,
                doc.line_of(("licence_data", index, "source")),
                f"licence data '{dataset.path}'",
                "source",
                "source",
                dataset.source,
                source_ids,
            )


def _check_decisions(case: Case, doc: YamlDocument, problems: Problems, today: dt.date) -> None:
    """Decisions under challenge: ids unique, and dated (with the day their grounds arose) no later than today."""
    seen: dict[str, int] = {}
    for index, decision in enumerate(case.decisions):
        here = ("decisions", index)
        record = f"decision '{decision.id}'"
        if decision.id in seen:
            problems.error(
                "duplicate_id",
                doc.label,
                f"id '{decision.id}' is already used by the decision on line {seen[decision.id]}",
                line=doc.line_of(here + ("id",)),
                record=record,
                field="decisions.id",
                hint="every decision needs its own id: documents and deadlines name decisions by it",
            )
        else:
            seen[decision.id] = doc.line_of(here)
        for name, what in (
            ("date", "a decision under challenge has been taken"),
            ("grounds_arose", "the grounds for a claim arise from what has happened"),
        ):
            period = getattr(decision, name)
            if period is not None and period.start is not None and period.start > today:
                problems.error(
                    "date_future",
                    doc.label,
                    f"'{period.text}' is in the future (today is {today.isoformat()})",
                    line=doc.line_of(here + (name,)),
                    record=record,
                    field=f"decisions.{name}",
                    hint=f"{what}; check the date",
                )


FOI_DATES = {
    "sent": ("the request", ()),
    "response_date": ("the response", ("sent",)),
    "review_requested": ("the internal review request", ("response_date", "sent")),
    "review_response_date": ("the internal review response", ("review_requested", "sent")),
}
"""Each date of an FOI request: what it dates, and the earlier dates it cannot precede (nearest first)."""


def _check_foi_requests(
    case: Case, doc: YamlDocument, licence_ids: set[str] | None, problems: Problems, today: dt.date
) -> None:
    """Earlier FOI requests: ids unique, licences that exist, dates that have passed and come in order."""
    seen: dict[str, int] = {}
    for index, request in enumerate(case.foi_requests):
        record = f"FOI request '{request.id}'"
        here = ("foi_requests", index)
        if request.id in seen:
            problems.error(
                "duplicate_id",
                doc.label,
                f"id '{request.id}' is already used by the FOI request on line {seen[request.id]}",
                line=doc.line_of(here + ("id",)),
                record=record,
                field="foi_requests.id",
                hint="every request needs its own id",
            )
        else:
            seen[request.id] = doc.line_of(here)
        for position, licence_id in enumerate(request.licences):
            if licence_ids is not None and licence_id not in licence_ids:
                _dangling(
                    problems,
                    doc.label,
                    doc.line_of(here + ("licences", position)),
                    record,
                    "foi_requests.licences",
                    "licence",
                    licence_id,
                    licence_ids,
                )
        for name, (called, earlier) in FOI_DATES.items():
            day = getattr(request, name)
            if day is None:
                continue
            if day > today:
                problems.error(
                    "date_future",
                    doc.label,
                    f"{day.isoformat()} is in the future (today is {today.isoformat()})",
                    line=doc.line_of(here + (name,)),
                    record=record,
                    field=f"foi_requests.{name}",
                    hint="record only correspondence that has happened",
                )
            before = next(
                ((other, getattr(request, other)) for other in earlier if getattr(request, other) is not None), None
            )
            if before and day < before[1]:
                problems.error(
                    "date_order",
                    doc.label,
                    f"{called} is dated {day.isoformat()}, before {FOI_DATES[before[0]][0]} ({before[0]}: {before[1].isoformat()})",
                    line=doc.line_of(here + (name,)),
                    record=record,
                    field=f"foi_requests.{name}",
                    hint=f"{called} cannot come before {FOI_DATES[before[0]][0]}; check both dates",
                )


def _check_countries(case: Case, abuses: LoadedRecords[Abuse], problems: Problems) -> None:
    codes = set(case.country_codes)
    for record_id, abuse in abuses.models.items():
        if abuse.country.code not in codes:
            origin = abuses.origins[record_id]
            problems.warning(
                "country_outside_case",
                origin.doc.label,
                f"'{abuse.country.name}' is not one of the case's countries ({', '.join(c.name for c in case.countries)})",
                line=origin.line("country"),
                record=f"abuse '{record_id}'",
                field="country",
                hint="add the country to case.yaml if the case is about it too",
            )
