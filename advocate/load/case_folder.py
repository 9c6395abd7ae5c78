"""Reading a case folder: ``case.yaml``, the record files, and the licence data it names.

Loading collects every problem in every file before deciding; :func:`check_case`
returns them all, :func:`load_case` raises :class:`~advocate.models.problem.CaseError`
if any is an error.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from advocate.models.licence_table import LicenceTable
from advocate.load.file_kind import not_a_file
from advocate.load.licence_data import read_licence_data
from advocate.load.record_errors import record_problems
from advocate.load.record_file import LoadedRecords, read_record_file
from advocate.load.yaml_file import YamlDocument, read_yaml
from advocate.models.case import Case, LicenceDataset
from advocate.models.case_file import CaseFile, InputFile
from advocate.models.records import Abuse, AssertedLink, Event, Source
from advocate.models.problem import CaseError, Problem, Problems
from advocate.validate.cross_records import validate_case

CASE_FILE = "case.yaml"

RECORD_FILES = {
    "sources": ("sources.yaml", "source", Source),
    "abuses": ("abuses.yaml", "abuse", Abuse),
    "events": ("events.yaml", "event", Event),
    "links": ("links.yaml", "link", AssertedLink),
}
"""Record kind → (file name, what one record is called, model). Every file but case.yaml is optional."""


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


def _label(root: Path, path: Path) -> str:
    """A path as problems print it: relative to the working directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def check_case(path: str | Path, *, today: dt.date | None = None) -> CheckResult:
    """Read and check a case folder, returning every problem found (never raising for bad evidence)."""
    today = today or dt.date.today()
    root = Path(path)
    problems = Problems()
    case_path = root / CASE_FILE
    if not root.is_dir():
        problems.error("file_missing", _label(root, root), "no such case folder", hint="give the folder that holds case.yaml")
        return CheckResult(None, tuple(problems))
    if reason := not_a_file(case_path):
        problems.error("not_a_file", str(Path(_label(root, root)) / CASE_FILE), reason, hint="case.yaml must be a YAML file")
        return CheckResult(None, tuple(problems))
    if not case_path.is_file():
        problems.error("file_missing", _label(root, case_path), "the case folder has no case.yaml", hint="run 'advocate init FOLDER' to start one")
        return CheckResult(None, tuple(problems))

    inputs = [InputFile(CASE_FILE, _sha256(case_path))]
    case_doc = read_yaml(case_path, _label(root, case_path), problems)
    case = None
    if case_doc is not None:
        try:
            case = Case.model_validate(case_doc.data if case_doc.data is not None else {})
        except ValidationError as exc:
            record_problems(exc, Case, case_doc, problems)

    records: dict[str, LoadedRecords] = {}
    for kind, (name, noun, model) in RECORD_FILES.items():
        file = root / name
        if reason := not_a_file(file):
            problems.error("not_a_file", str(Path(_label(root, root)) / name), reason,
                           hint=f"{name} must be a YAML file of {noun} records, or absent")
            records[kind] = LoadedRecords(kind, readable=False)
            continue
        if not file.is_file():
            records[kind] = LoadedRecords(kind)
            continue
        inputs.append(InputFile(name, _sha256(file)))
        doc = read_yaml(file, _label(root, file), problems)
        records[kind] = read_record_file(doc, noun, model, problems) if doc else LoadedRecords(kind, readable=False)

    errors_before = len(problems.errors)
    licences = _read_licences(root, case, _datasets(case, case_doc), problems, inputs, today)
    licences_read = len(problems.errors) == errors_before
    validate_case(case, case_doc, records, licences, problems, today=today, licences_read=licences_read)

    if problems.errors or case is None:
        return CheckResult(None, tuple(problems))
    case_file = CaseFile(
        root=root,
        case=case,
        sources=records["sources"].models,
        abuses=records["abuses"].models,
        events=records["events"].models,
        links=records["links"].models,
        licences=licences,
        inputs=tuple(inputs),
        warnings=tuple(problems.warnings),
    )
    return CheckResult(case_file, tuple(problems))


def _datasets(case: Case | None, case_doc: YamlDocument | None) -> tuple[tuple[LicenceDataset, ...], bool]:
    """The licence data a case names, and whether it names it (the default ``licences.csv`` is optional).

    When ``case.yaml`` has errors elsewhere its ``licence_data`` entries are still read,
    so that the licence files' own problems are reported in the same run.
    """
    if case is not None:
        return case.licence_data, "licence_data" in case.model_fields_set
    data = case_doc.data if case_doc is not None and isinstance(case_doc.data, dict) else {}
    entries = data.get("licence_data", ["licences.csv"])
    datasets = []
    for entry in entries if isinstance(entries, list) else [entries]:
        try:
            datasets.append(LicenceDataset.model_validate(entry))
        except ValidationError:
            continue  # already reported against case.yaml
    return tuple(datasets), "licence_data" in data


def _read_licences(
    root: Path, case: Case | None, datasets: tuple[tuple[LicenceDataset, ...], bool], problems: Problems,
    inputs: list[InputFile], today: dt.date,
) -> LicenceTable:
    tables = []
    chosen, named = datasets
    for dataset in chosen:
        path = root / dataset.path
        label = _label(root, path)
        if not named and not path.exists():
            continue  # the default licences.csv is optional
        files = sorted(p for p in path.glob("*.csv")) if path.is_dir() else [path] if path.is_file() else []
        inputs.extend(InputFile(_relative(root, f), _sha256(f)) for f in files)
        table = read_licence_data(path, label, problems, today=today, format=dataset.format, source=dataset.source, id_prefix=dataset.id_prefix)
        if dataset.countries_only and case is not None and len(table):
            table = table.filter(country=list(case.country_codes))
        tables.append(table)
    return LicenceTable.concat(tables)


def _relative(root: Path, path: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def load_case(path: str | Path, *, today: dt.date | None = None) -> CaseFile:
    """Read and check a case folder; raise :class:`CaseError` listing every problem if any is an error."""
    result = check_case(path, today=today)
    if result.case_file is None:
        raise CaseError(list(result.problems))
    return result.case_file
