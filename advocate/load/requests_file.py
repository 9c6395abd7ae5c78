"""Reading the campaign's requests: ``requests.yaml``, and the older ``foi_requests`` of ``case.yaml``.

``requests.yaml`` is a mapping with two lists, both optional::

    authorities:            # public bodies besides the case's public_body
      - id: fcdo
        name: Foreign, Commonwealth and Development Office
        foi_email: foi@example.org
    requests:
      - id: dbt-assessment
        title: the Criterion 2 assessment of the Q1 2017 licence
        licences: [DIT-2017Q1-TR-01]
        events:
          - {date: 2027-01-05, kind: sent}

Each request is checked on its own here (fields, kinds, outcomes), every problem
naming the file and line; :mod:`advocate.validate.requests` checks them against
the rest of the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from advocate.load.case_paths import is_case_file
from advocate.load.record_errors import record_problems
from advocate.load.yaml_file import YamlDocument, read_yaml
from advocate.models.campaign import CASE_BODY, Campaign, RequestOrigin
from advocate.models.foi_request import REQUESTS_FILE, Authority, FoiRequest
from advocate.models.problem import Problems


@dataclass(frozen=True)
class LoadedRequests:
    """The campaign as read, and the YAML document of requests.yaml (``None`` when there is none)."""

    campaign: Campaign
    doc: YamlDocument | None
    raw_ids: frozenset[str]
    """Every request id written, valid or not (so that a later check does not report a bad request twice)."""


def _case_body(public_body) -> Authority | None:
    if public_body is None:
        return None
    return Authority.model_construct(
        id=CASE_BODY, name=public_body.name, foi_email=public_body.foi_email, address=public_body.address, notes=""
    )


def read_requests(root: Path, case, label, problems: Problems) -> LoadedRequests:
    """The campaign of the case folder ``root`` whose ``case.yaml`` gave ``case`` (``None`` if it has errors).

    ``label(path)`` gives a path as problems print it.
    """
    requests: list[FoiRequest] = []
    origins: dict[str, RequestOrigin] = {}
    raw_ids: set[str] = set()
    authorities: dict[str, Authority] = {}
    if case is not None:
        for index, old in enumerate(case.foi_requests):
            raw_ids.add(old.id)
            if old.id not in origins:
                requests.append(old.as_request())
                origins[old.id] = RequestOrigin("case.yaml", ("foi_requests", index), legacy=True)
    path = root / REQUESTS_FILE
    doc = read_yaml(path, label(path), problems) if is_case_file(path, root) else None
    if doc is not None:
        data = doc.data if doc.data is not None else {}
        if not isinstance(data, dict):
            problems.error("yaml_shape", doc.label, "expected 'authorities:' and 'requests:', each a list", line=1)
            data = {}
        unknown = [key for key in data if key not in ("authorities", "requests")]
        for key in unknown:
            problems.error(
                "extra_forbidden",
                doc.label,
                f"'{key}' is not a part of {REQUESTS_FILE}",
                line=doc.line_of((key,)),
                hint="it holds 'authorities:' and 'requests:'",
            )
        authorities = _read_list(doc, "authorities", "authority", Authority, problems, set(), {})
        for authority_id in authorities:
            if authority_id == CASE_BODY:
                problems.error(
                    "reserved_id",
                    doc.label,
                    f"'{CASE_BODY}' names the case's own public body",
                    line=doc.line_of(("authorities",)),
                    record=f"authority '{CASE_BODY}'",
                    field="id",
                    hint="give this authority another id",
                )
        found = _read_list(doc, "requests", "request", FoiRequest, problems, raw_ids, origins)
        requests.extend(found.values())
    campaign = Campaign(
        case_body=_case_body(case.public_body) if case is not None else None,
        authorities=authorities,
        requests=tuple(requests),
        origins=origins,
    )
    return LoadedRequests(campaign, doc, frozenset(raw_ids))


def _read_list(
    doc: YamlDocument,
    key: str,
    noun: str,
    model,
    problems: Problems,
    raw_ids: set[str],
    origins: dict[str, RequestOrigin],
) -> dict:
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    if items is None:
        return {}
    if not isinstance(items, list):
        problems.error(
            "yaml_shape",
            doc.label,
            f"'{key}' must be a list, each entry starting '- id: ...'",
            line=doc.line_of((key,)),
        )
        return {}
    found = {}
    for index, item in enumerate(items):
        raw_id = str(item.get("id", "")).strip() if isinstance(item, dict) else ""
        record = f"{noun} '{raw_id}'" if raw_id else f"{noun} #{index + 1}"
        if raw_id and (raw_id in raw_ids or raw_id in found):
            where = origins.get(raw_id)
            first = f"in {where.file}" if where and where.file != doc.label and where.legacy else "earlier"
            problems.error(
                "duplicate_id",
                doc.label,
                f"id '{raw_id}' is already used by a {noun} {first}",
                line=doc.line_of((key, index, "id")),
                record=record,
                field="id",
                hint=f"every {noun} needs its own id",
            )
            continue
        if raw_id:
            raw_ids.add(raw_id)
        try:
            instance = model.model_validate(item)
        except ValidationError as exc:
            record_problems(exc, model, doc, problems, base=(key, index), record=record)
            continue
        found[instance.id] = instance
        if noun == "request":
            origins[instance.id] = RequestOrigin(doc.label, (key, index))
    return found
