"""advocate: turn export-licence data and documented abuses into cited advocacy documents.

The verbs, in the order of the work (each is a plain function; the ``advocate``
command is a thin layer over them)::

    import datetime as dt
    import advocate

    advocate.init_case("my-case")                          # a commented case folder to fill in
    result = advocate.check_case("my-case")                # every problem, each with file, line, field
    case_file = advocate.load_case("evidence/turkey-2017")  # checked, or CaseError listing the problems
    links = advocate.link_case(case_file)                  # licences linked to documented abuses
    letter = advocate.draft_document(case_file, "foi", advocate.DraftOptions(date=dt.date(2026, 12, 4)),
                                     links=links)
    print(advocate.document_text(letter))                  # the letter as its recipient reads it
    files = advocate.render_document(letter, ("docx", "pdf"), case_file)   # {"docx": bytes, "pdf": bytes}
    run = advocate.build_case("evidence/turkey-2017", "out", date=dt.date(2026, 12, 4))  # every document, written

The stages live in folders of their own: :mod:`advocate.load` → :mod:`advocate.validate` →
:mod:`advocate.link` → :mod:`advocate.draft` → :mod:`advocate.parse` → :mod:`advocate.resolve`
→ :mod:`advocate.render`, with :mod:`advocate.run` writing a run's files. Names are imported
when first used, so ``import advocate`` costs almost nothing.
"""

import importlib as _importlib
from typing import TYPE_CHECKING as _TYPE_CHECKING

_EXPORTS: dict[str, str] = {
    # the verbs
    "init_case": "advocate.case_skeleton",
    "check_case": "advocate.validate.check",
    "load_case": "advocate.validate.check",
    "load_licences": "advocate.validate.check",
    "link_case": "advocate.link",
    "draft_document": "advocate.run.document",
    "render_document": "advocate.run.document",
    "document_text": "advocate.run.document",
    "draft_run": "advocate.run.draft",
    "build_case": "advocate.run.build",
    # their options
    "DraftOptions": "advocate.draft.options",
    "Correspondence": "advocate.draft.options",
    "ClaimOptions": "advocate.draft.options",
    "LicenceSelection": "advocate.run.draft",
    "LinkSettings": "advocate.models.case",
    # what they return
    "CheckResult": "advocate.validate.check",
    "CaseFile": "advocate.models.case_file",
    "LicenceTable": "advocate.models.licence_table",
    "LinkSet": "advocate.link",
    "Link": "advocate.link",
    "DraftedDocument": "advocate.run.document",
    "DraftRun": "advocate.run.record",
    "Problem": "advocate.models.problem",
    "Severity": "advocate.models.problem",
    "Period": "advocate.models.period",
    # the kinds of document
    "KINDS": "advocate.kinds",
    "DocumentKind": "advocate.kinds",
    # what they raise
    "AdvocateError": "advocate.errors",
    "CaseError": "advocate.errors",
    "DraftError": "advocate.errors",
    "ConfidentialRecordError": "advocate.errors",
    "OutputConflict": "advocate.errors",
    "RenderError": "advocate.errors",
}
"""Each public name → the module it lives in (imported on first use)."""

__all__ = [
    "KINDS",
    "AdvocateError",
    "CaseError",
    "CaseFile",
    "CheckResult",
    "ClaimOptions",
    "ConfidentialRecordError",
    "Correspondence",
    "DocumentKind",
    "DraftError",
    "DraftOptions",
    "DraftRun",
    "DraftedDocument",
    "LicenceSelection",
    "LicenceTable",
    "Link",
    "LinkSet",
    "LinkSettings",
    "OutputConflict",
    "Period",
    "Problem",
    "RenderError",
    "Severity",
    "__version__",
    "build_case",
    "check_case",
    "document_text",
    "draft_document",
    "draft_run",
    "init_case",
    "link_case",
    "load_case",
    "load_licences",
    "render_document",
]


def __getattr__(name: str) -> object:
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("advocate")
        except PackageNotFoundError:  # a checkout that was never installed
            value = "0.0.0+unknown"
        globals()[name] = value
        return value
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'advocate' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if _TYPE_CHECKING:  # pragma: no cover  (for type checkers and editors; nothing is imported at run time)
    from advocate.case_skeleton import init_case
    from advocate.draft.options import ClaimOptions, Correspondence, DraftOptions
    from advocate.errors import (
        AdvocateError,
        CaseError,
        ConfidentialRecordError,
        DraftError,
        OutputConflict,
        RenderError,
    )
    from advocate.kinds import KINDS, DocumentKind
    from advocate.link import Link, LinkSet, link_case
    from advocate.models.case import LinkSettings
    from advocate.models.case_file import CaseFile
    from advocate.models.licence_table import LicenceTable
    from advocate.models.period import Period
    from advocate.models.problem import Problem, Severity
    from advocate.run.build import build_case
    from advocate.run.document import (
        DraftedDocument,
        document_text,
        draft_document,
        render_document,
    )
    from advocate.run.draft import LicenceSelection, draft_run
    from advocate.run.record import DraftRun
    from advocate.validate.check import (
        CheckResult,
        check_case,
        load_case,
        load_licences,
    )

    __version__: str
