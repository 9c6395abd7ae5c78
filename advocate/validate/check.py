"""Checking a case: read its files (:mod:`advocate.load`), check across records, and decide.

:func:`check_case` returns every problem found and the case, if it has no error;
:func:`load_case` gives the checked case or raises :class:`~advocate.errors.CaseError`
listing every problem. :func:`read_licences` does the same for licences alone, from a
case folder, a CAAT release folder or one CSV.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from advocate.errors import CaseError, UnsafePath
from advocate.load.case_folder import CASE_FILE, read_case_folder
from advocate.load.case_paths import check_data
from advocate.load.licence_data import read_licence_data
from advocate.models.campaign import Campaign
from advocate.models.case_file import CaseFile
from advocate.models.licence_table import LicenceTable
from advocate.models.problem import Problem, Problems
from advocate.validate.cross_records import validate_case
from advocate.validate.requests import validate_requests


@dataclass(frozen=True)
class CheckResult:
    """What checking a case found: the case (``None`` if it has errors) and every problem."""

    case_file: CaseFile | None
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "warning"]


def check_case(path: str | Path, *, today: dt.date | None = None, data: tuple[str | Path, ...] = ()) -> CheckResult:
    """Read and check a case folder, returning every problem found (never raising for bad evidence).

    ``data`` are folders besides the case folder that its ``licence_data`` paths may name (``--data DIR``).

    >>> result = check_case("evidence/turkey-2017")  # doctest: +SKIP
    >>> [str(p) for p in result.errors]  # doctest: +SKIP
    []
    """
    today = today or dt.date.today()
    loaded = read_case_folder(path, today=today, data=data)
    problems = loaded.problems
    if loaded.case is None and not loaded.inputs:
        return CheckResult(None, tuple(problems))
    validate_case(
        loaded.case,
        loaded.case_doc,
        loaded.records,
        loaded.licences,
        problems,
        today=today,
        licences_read=loaded.licences_read,
    )
    if loaded.requests is not None:
        validate_requests(
            loaded.requests,
            loaded.case_doc,
            loaded.root,
            problems,
            today=today,
            licence_ids=set(loaded.licences.frame["id"]),
            source_ids=loaded.records.sources.raw_ids,
        )
    if problems.errors or loaded.case is None:
        return CheckResult(None, tuple(problems))
    records = loaded.records
    case_file = CaseFile(
        root=loaded.root,
        case=loaded.case,
        sources=records.sources.models,
        abuses=records.abuses.models,
        events=records.events.models,
        links=records.links.models,
        indicators=records.indicators.models,
        transfers=records.transfers.models,
        licences=loaded.licences,
        inputs=loaded.inputs,
        warnings=tuple(problems.warnings),
        campaign=loaded.requests.campaign if loaded.requests is not None else Campaign(),
    )
    return CheckResult(case_file, tuple(problems))


def load_case(path: str | Path, *, today: dt.date | None = None, data: tuple[str | Path, ...] = ()) -> CaseFile:
    """Read and check a case folder; raise :class:`~advocate.errors.CaseError` listing every problem if any is an error.

    >>> case_file = load_case("evidence/turkey-2017")  # doctest: +SKIP
    >>> case_file.case.title  # doctest: +SKIP
    'UK surveillance exports to Turkey, 2017'
    """
    result = check_case(path, today=today, data=data)
    if result.case_file is None:
        raise CaseError(list(result.problems))
    return result.case_file


@dataclass(frozen=True)
class LoadedLicences:
    """Licences read without error, and the warnings reading them gave."""

    table: LicenceTable
    warnings: tuple[Problem, ...]


def read_licences(
    path: str | Path, *, today: dt.date | None = None, data: tuple[str | Path, ...] = ()
) -> LoadedLicences:
    """Licences from a case folder (its licence data), a CAAT release folder, or one CSV, with their warnings.

    Raises :class:`~advocate.errors.CaseError` listing every problem if any is an error.
    """
    path = Path(path)
    today = today or dt.date.today()
    if path.is_dir() and (path / CASE_FILE).is_file():
        case_file = load_case(path, today=today, data=data)
        return LoadedLicences(case_file.licences, case_file.warnings)
    problems = Problems()
    try:
        check_data(path, path if path.is_dir() else path.parent, str(path), place=f"the folder {path}")
    except UnsafePath as exc:
        problems.error("unsafe_path", str(path), str(exc).split(": ", 1)[1])
        raise CaseError(list(problems.items)) from None
    table = read_licence_data(path, str(path), problems, today=today)
    problems.raise_if_errors()
    return LoadedLicences(table, tuple(problems.warnings))


def load_licences(path: str | Path, *, today: dt.date | None = None) -> LicenceTable:
    """Licences from a case folder (its licence data), a CAAT release folder, or one CSV.

    Raises :class:`~advocate.errors.CaseError` listing every problem if any is an error.
    """
    return read_licences(path, today=today).table
