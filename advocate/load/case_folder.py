"""Reading a case folder: ``case.yaml``, the record files, and the licence data it names.

:func:`read_case_folder` reads every file and checks each record on its own,
collecting every problem in every file; it never decides whether the case is
usable. The validate stage (:mod:`advocate.validate.cross_records`) checks across records and
makes that decision.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from advocate.errors import UnsafePath
from advocate.load.case_paths import MAX_RECORD_BYTES, CaseRoots, check_data, check_file, locate, place_of
from advocate.load.case_records import CaseRecords
from advocate.load.extra_records import read_record_files
from advocate.load.licence_data import licence_format, read_licence_data
from advocate.load.record_errors import record_problems
from advocate.load.requests_file import LoadedRequests, read_requests
from advocate.load.yaml_file import YamlDocument, read_yaml
from advocate.models.case import Case, LicenceDataset
from advocate.models.case_file import InputFile
from advocate.models.foi_request import REQUESTS_FILE
from advocate.models.licence_table import LicenceTable
from advocate.models.problem import Problems
from advocate.models.records import Abuse, AssertedLink, Event, Indicator, Record, Source, Transfer

CASE_FILE = "case.yaml"

RECORD_FILES: dict[str, tuple[str, str, type[Record]]] = {
    "sources": ("sources.yaml", "source", Source),
    "abuses": ("abuses.yaml", "abuse", Abuse),
    "events": ("events.yaml", "event", Event),
    "links": ("links.yaml", "link", AssertedLink),
    "indicators": ("indicators.yaml", "indicator", Indicator),
    "transfers": ("transfers.yaml", "transfer", Transfer),
}
"""Record kind → (file name, what one record is called, model). Every file but case.yaml is optional.
:class:`~advocate.load.case_records.CaseRecords` holds the records of each kind, as read."""


@dataclass(frozen=True)
class LoadedCase:
    """A case folder as read: each part that could be read, and every problem reading found.

    ``case`` is ``None`` when case.yaml is missing or invalid; ``case_doc`` keeps case.yaml's
    lines for later checks; ``records`` holds each record kind as read (see :data:`RECORD_FILES`).
    """

    root: Path
    case: Case | None
    case_doc: YamlDocument | None
    records: CaseRecords
    licences: LicenceTable
    inputs: tuple[InputFile, ...]
    problems: Problems
    requests: LoadedRequests | None = None
    """The campaign's requests (requests.yaml and case.yaml's ``foi_requests``)."""
    licences_read: bool = True
    """False when the licence data had errors: its ids are then not looked up, so that its errors are not echoed
    by every record naming a licence."""


def _label(root: Path, path: Path) -> str:
    """A path as problems print it: relative to the working directory when possible."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_case_folder(path: str | Path, *, today: dt.date, data: tuple[str | Path, ...] = ()) -> LoadedCase:
    """Read a case folder's files, checking each record on its own; every problem goes in the result.

    Only files inside the case folder, or inside the ``data`` folders (``--data DIR``) for licence data,
    are read, and only regular files of a bounded size (:mod:`advocate.load.case_paths`).
    """
    root = Path(path)
    problems = Problems()
    case_path = root / CASE_FILE
    empty = CaseRecords()
    if not root.is_dir():
        problems.error(
            "file_missing", _label(root, root), "no such case folder", hint="give the folder that holds case.yaml"
        )
        return LoadedCase(root, None, None, empty, LicenceTable.empty(), (), problems)
    if not os.path.lexists(case_path):
        problems.error(
            "file_missing",
            _label(root, case_path),
            "the case folder has no case.yaml",
            hint="run 'advocate init FOLDER' to start one",
        )
        return LoadedCase(root, None, None, empty, LicenceTable.empty(), (), problems)
    unsafe = _unsafe_record_file(root, case_path, problems, hint="case.yaml must be a YAML file")
    if unsafe:
        return LoadedCase(root, None, None, empty, LicenceTable.empty(), (), problems)
    roots = CaseRoots(root, tuple(Path(folder) for folder in data))
    for folder in roots.data:
        if not folder.is_dir():
            problems.error("file_missing", str(folder), "no such data folder (--data)")
    if problems.errors:
        return LoadedCase(root, None, None, empty, LicenceTable.empty(), (), problems)

    inputs = [InputFile(CASE_FILE, _sha256_or_empty(case_path))]
    case_doc = read_yaml(case_path, _label(root, case_path), problems)
    case = None
    if case_doc is not None:
        try:
            case = Case.model_validate(case_doc.data if case_doc.data is not None else {})
        except ValidationError as exc:
            record_problems(exc, Case, case_doc, problems)

    records = CaseRecords()
    by_kind = records.by_kind()
    for kind, (name, noun, _) in RECORD_FILES.items():
        file = root / name
        if not os.path.lexists(file):
            continue
        if _unsafe_record_file(root, file, problems, hint=f"{name} must be a YAML file of {noun} records, or absent"):
            by_kind[kind].readable = False
            continue
        inputs.append(InputFile(name, _sha256_or_empty(file)))
        doc = read_yaml(file, _label(root, file), problems)
        if doc:
            by_kind[kind].read(doc, problems)
        else:
            by_kind[kind].readable = False
    for name in read_record_files(root, case, case_doc, records, RECORD_FILES, problems, lambda p: _label(root, p)):
        inputs.append(InputFile(name, _sha256(root / name)))

    if os.path.lexists(root / REQUESTS_FILE) and not _unsafe_record_file(root, root / REQUESTS_FILE, problems):
        inputs.append(InputFile(REQUESTS_FILE, _sha256(root / REQUESTS_FILE)))
    requests = read_requests(root, case, lambda p: _label(root, p), problems)
    errors_before = len(problems.errors)
    licences = _read_licences(
        roots, case, case_doc, _datasets(case, case_doc), problems, inputs, today, records.sources.models
    )
    licences_read = len(problems.errors) == errors_before
    return LoadedCase(root, case, case_doc, records, licences, tuple(inputs), problems, requests, licences_read)


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


def _unsafe_record_file(root: Path, file: Path, problems: Problems, *, hint: str = "") -> bool:
    """Record an error and return True unless ``file`` is a regular file of the case of a size advocate reads."""
    try:
        check_file(file, root, _label(root, file), limit=MAX_RECORD_BYTES)
    except UnsafePath as exc:
        problems.error(
            "unsafe_path", _label(root, file), str(exc).split(": ", 1)[1], hint=hint if exc.not_a_file else ""
        )
        return True
    return False


def _read_licences(
    roots: CaseRoots,
    case: Case | None,
    case_doc: YamlDocument | None,
    datasets: tuple[tuple[LicenceDataset, ...], bool],
    problems: Problems,
    inputs: list[InputFile],
    today: dt.date,
    sources: dict[str, Source] | None = None,
) -> LicenceTable:
    tables = []
    chosen, named = datasets
    root = roots.case
    for index, dataset in enumerate(chosen):
        case_label = _label(root, root / CASE_FILE)
        line = case_doc.line_of(("licence_data", index)) if case_doc is not None and named else None
        try:
            path, folder = locate(roots, dataset.path)
            label = _label(root, path)
            if not named and not os.path.lexists(path):
                continue  # the default licences.csv is optional
            check_data(path, folder, label, place=place_of(roots, folder))
        except UnsafePath as exc:
            problems.error("unsafe_path", case_label, str(exc), field="licence_data", line=line)
            continue
        files = (
            sorted(p for p in path.glob("*.csv") if p.is_file()) if path.is_dir() else [path] if path.is_file() else []
        )
        written = str(PurePosixPath(dataset.path.replace("\\", "/")))
        inputs.extend(
            InputFile(f"{written}/{f.name}" if path.is_dir() else written, digest)
            for f in files
            if (digest := _sha256_or_empty(f))
        )
        chosen_format = licence_format(path) if dataset.format == "auto" else dataset.format
        only = dataset.countries_only if dataset.countries_only is not None else chosen_format == "caat"
        codes = set(case.country_codes) if only and case is not None else None
        source = (sources or {}).get(dataset.source) if dataset.source else None
        table = read_licence_data(
            path,
            label,
            problems,
            today=today,
            format=chosen_format,
            source=dataset.source,
            id_prefix=dataset.id_prefix,
            countries=codes if chosen_format == "caat" else None,
            dataset_name=dataset.name or None,
            dataset_release=getattr(source, "version", "") or None,
        )
        if codes is not None and chosen_format != "caat" and len(table):
            table = table.filter(country=sorted(codes))
        tables.append(table)
    return LicenceTable.concat(tables)


def _sha256_or_empty(path: Path) -> str:
    """The file's SHA-256, or '' when it cannot be read (the licence reader reports why, in one line)."""
    try:
        return _sha256(path)
    except OSError:
        return ""
