"""The template guide: every name a template gets, its type and an example, written from the code itself.

A person writing a template should never have to read Python. :func:`template_guide`
drafts the shipped example case's context for every kind of document, and writes,
for each name, its type, what it is (:data:`advocate.draft.names.NAMES`) and its value
in the example; then the filters, and the fields of the records templates print.
``advocate templates`` prints it; ``docs/templates.md`` is its output, kept in step by
a test.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import inspect
import itertools
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path

from advocate.draft.briefing.figures import BriefingFigures
from advocate.draft.builders import template_context
from advocate.draft.citing import Citer
from advocate.draft.claim_context import ChallengedDecision
from advocate.draft.evidence import Evidence, LicenceView, RatingView
from advocate.draft.filters import FILTERS
from advocate.draft.footnotes import Footnotes
from advocate.draft.names import NAMES
from advocate.draft.options import Correspondence, DraftOptions
from advocate.errors import DraftError
from advocate.kinds import KINDS, DocumentKind
from advocate.law.criteria import CriteriaVersion, Criterion
from advocate.law.deadlines import Deadline
from advocate.link import Link, link_case
from advocate.models.case import Case, Decision, Person, PublicBody
from advocate.models.case_file import CaseFile
from advocate.models.records import Abuse, AssertedLink, Event, Indicator, Source, Transfer
from advocate.resources import shipped_examples
from advocate.validate.check import load_case

EXAMPLE = "turkey-2017"
DATE = dt.date(2026, 12, 4)
SAMPLE_CORRESPONDENCE = Correspondence(
    sent=dt.date(2026, 9, 1),
    authority_reference="FOI2026/01234",
    response_date=dt.date(2026, 9, 29),
    exemptions=("s 27(1)(a)", "s 43(2)"),
    review_requested=dt.date(2026, 10, 5),
    review_response_date=dt.date(2026, 11, 2),
    review_outcome="upheld",
)
"""The earlier request the follow-ups are drafted against in the guide (the example case may record none)."""

RECORD_TYPES: tuple[type, ...] = (
    Case,
    Person,
    PublicBody,
    Decision,
    LicenceView,
    RatingView,
    Abuse,
    Event,
    Source,
    AssertedLink,
    Indicator,
    Transfer,
    Link,
    CriteriaVersion,
    Criterion,
    ChallengedDecision,
    Deadline,
    BriefingFigures,
)
"""The records a template prints, whose fields the guide lists."""

INTRODUCTION = """\
Templates are Markdown with Jinja, in `letter_templates/` (or your own folder, given with
`--templates DIR`: a template there overrides the shipped one of the same name). They run in
Jinja's sandbox with strict undefined: a name that does not exist, or a record field that is
missing, is an error naming the template and line, never a blank in a letter. Every value is
escaped for Markdown unless the engine made it. A confidential record never reaches a public
document: lists leave it out, and looking one up by id is refused by name.

Footnote a claim with `{{ cite(record) }}`; add an explanatory note with `{{ note("text", record) }}`.
Set the document's title, subject and running header at the top: `{% set title = "..." %}`.
Engine-drawn blocks are fenced blocks: ```` ```figures ````, ```` ```chart ````,
```` ```summary Title ```` and ```` ```sources ```` (the numbered list of every source cited).
"""


def _type_name(value: object) -> str:
    if callable(value):
        return "function"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (list, tuple)):
        inner = sorted({type(item).__name__ for item in value})
        return f"list of {' or '.join(inner)}" if inner else "list"
    if isinstance(value, dict):
        return "mapping"
    if value is None:
        return "nothing"
    return type(value).__name__


def _example(value: object) -> str:
    if callable(value) and not isinstance(value, type):
        return ""
    if isinstance(value, (list, tuple)):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items()) or "(empty)"
    if isinstance(value, (dt.date, str, int, float, bool)) or value is None:
        text = str(value) if value is not None else "(none)"
        return text if len(text) <= 60 else text[:57] + "..."
    return ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(rows: Iterable[tuple[str, ...]], headings: tuple[str, ...]) -> str:
    lines = ["| " + " | ".join(headings) + " |", "|" + "|".join("---" for _ in headings) + "|"]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _attempts(case_file: CaseFile, date: dt.date):
    """The choices a kind may be drafted with, in order: the sample earlier request on ``date``, then each request of
    the case's campaign on ``date``, the day after each of its events and a month after (so that a letter of the
    ladder finds the stage it follows)."""
    yield DraftOptions(date=date, correspondence=SAMPLE_CORRESPONDENCE)
    for request in case_file.campaign.requests:
        given = Correspondence(request_id=request.id)
        yield DraftOptions(date=date, correspondence=given)
        for event in request.events:
            for days in (1, 30):
                yield DraftOptions(date=event.date + dt.timedelta(days=days), correspondence=given)


def kind_names(kind: DocumentKind, case_file: CaseFile, links, date: dt.date = DATE) -> dict[str, object]:
    """Every name ``kind``'s template gets, drafting ``case_file``: a follow-up against a sample earlier request,
    a letter of the ladder against the first request of the case whose history supports it."""
    refusal: DraftError | None = None
    for options in _attempts(case_file, date):
        evidence = Evidence(case_file, public=True, document=f"the {kind.description}", links=links)
        try:
            return template_context(kind, evidence, Citer(evidence, Footnotes()), options).names
        except DraftError as exc:
            refusal = refusal or exc
    raise DraftError(f"the template guide could not draft a {kind.description} from the example case: {refusal}")


def example_names(case_file: CaseFile | None = None) -> dict[str, dict[str, object]]:
    """For each shipped kind, the names its template gets in the example case."""
    case_file = case_file or load_case(Path(str(shipped_examples() / EXAMPLE)), today=DATE)
    links = link_case(case_file)
    return {name: kind_names(kind, case_file, links) for name, kind in KINDS.items()}


def attribute_docs(cls: type) -> dict[str, str]:
    """The docstrings written under a class's fields (``x: int`` then ``\"\"\"What x is.\"\"\"``), by field."""
    docs: dict[str, str] = {}
    for klass in reversed(cls.__mro__):
        try:
            source = textwrap.dedent(inspect.getsource(klass))
        except (OSError, TypeError):
            continue
        body = ast.parse(source).body
        if not body or not isinstance(body[0], ast.ClassDef):
            continue
        statements = body[0].body
        for first, second in itertools.pairwise(statements):
            if (
                isinstance(first, ast.AnnAssign)
                and isinstance(first.target, ast.Name)
                and isinstance(second, ast.Expr)
                and isinstance(second.value, ast.Constant)
                and isinstance(second.value.value, str)
            ):
                docs[first.target.id] = " ".join(second.value.value.split())
    return docs


def _fields(cls: type) -> list[tuple[str, str]]:
    """(field, type) of a dataclass or a pydantic model."""
    if dataclasses.is_dataclass(cls):
        return [(f.name, str(f.type)) for f in dataclasses.fields(cls)]
    if hasattr(cls, "_fields"):  # a named tuple
        hints = getattr(cls, "__annotations__", {})
        return [(name, getattr(hints.get(name), "__forward_arg__", str(hints.get(name, "")))) for name in cls._fields]
    model_fields = getattr(cls, "model_fields", {})
    return [(name, getattr(info.annotation, "__name__", str(info.annotation))) for name, info in model_fields.items()]


def _record_section(cls: type) -> str:
    docs = attribute_docs(cls)
    summary = (inspect.getdoc(cls) or "").split("\n\n")[0].replace("\n", " ")
    rows = [(f"`{name}`", kind.replace("advocate.", ""), docs.get(name, "")) for name, kind in _fields(cls)]
    properties = [
        (f"`{name}`", "property", (inspect.getdoc(member.fget) or "").split("\n")[0])
        for name, member in inspect.getmembers(cls, lambda m: isinstance(m, property))
        if not name.startswith(("_", "model_"))
    ]
    return f"### {cls.__name__}\n\n{summary}\n\n" + _table(rows + properties, ("Field", "Type", "What it is"))


def _filter_section(filters: dict[str, Callable]) -> str:
    rows = [
        (f"`{name}`", (inspect.getdoc(function) or "").split("\n")[0]) for name, function in sorted(filters.items())
    ]
    return _table(rows, ("Filter", "What it does"))


def template_guide(case_file: CaseFile | None = None) -> str:
    """The guide to writing templates, in Markdown (what ``advocate templates`` prints)."""
    names = example_names(case_file)
    common = set.intersection(*(set(found) for found in names.values()))
    parts = [
        "# Writing templates: every name a template gets",
        "",
        "This guide is written by `advocate templates` from the code and the example case "
        f"`evidence/{EXAMPLE}` (examples are its values, drafted on {DATE.isoformat()}); "
        "regenerate it with `advocate templates --out docs/templates.md`.",
        "",
        INTRODUCTION,
    ]

    def rows(found: dict[str, object], chosen: Iterable[str]) -> list[tuple[str, ...]]:
        return [
            (f"`{name}`", _type_name(found[name]), NAMES.get(name, ""), _example(found[name]))
            for name in sorted(chosen)
        ]

    first = next(iter(names.values()))
    parts += [
        "## Names every template gets",
        "",
        _table(rows(first, common), ("Name", "Type", "What it is", "In the example")),
        "",
    ]
    for kind_name, found in names.items():
        kind = KINDS[kind_name]
        own = set(found) - common
        parts += [
            f"## {kind.description[:1].upper() + kind.description[1:]} (`advocate draft {kind_name}`)",
            "",
            f"Template `letter_templates/{kind.template}.md.j2`. Besides the names every template gets:",
            "",
        ]
        parts += [
            _table(rows(found, own), ("Name", "Type", "What it is", "In the example"))
            if own
            else "(no names of its own)",
            "",
        ]
    parts += ["## Filters", "", "Apply one with `{{ value | name }}`.", "", _filter_section(FILTERS), ""]
    parts += ["## Records and what they hold", ""]
    for cls in RECORD_TYPES:
        parts += [_record_section(cls), ""]
    return "\n".join(parts).rstrip() + "\n"
