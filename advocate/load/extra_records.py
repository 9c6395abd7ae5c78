"""Reading the further record files ``case.yaml`` lists under ``record_files`` (those ``advocate import``
writes, and any second file of hand-written records).

Each is read exactly as the standard file of its kind is, into the same records, so that an id used
in two files is a duplicate and ``check`` validates imported records like any others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

from pydantic import ValidationError

from advocate.errors import UnsafePath
from advocate.load.case_paths import MAX_RECORD_BYTES, CaseRoots, check_file, locate
from advocate.load.case_records import CaseRecords
from advocate.load.yaml_file import YamlDocument, read_yaml
from advocate.models.case import Case, RecordFile
from advocate.models.problem import Problems
from advocate.models.records import Record


def listed_record_files(case: Case | None, case_doc: YamlDocument | None) -> list[tuple[int, RecordFile]]:
    """The record files ``case.yaml`` lists, with their position in the list.

    When ``case.yaml`` has errors elsewhere its ``record_files`` entries are still read, so that the
    files' own problems are reported in the same run.
    """
    if case is not None:
        return list(enumerate(case.record_files))
    data = case_doc.data if case_doc is not None and isinstance(case_doc.data, dict) else {}
    entries = data.get("record_files") or []
    listed = []
    for index, entry in enumerate(entries if isinstance(entries, list) else [entries]):
        try:
            listed.append((index, RecordFile.model_validate(entry)))
        except ValidationError:
            continue  # already reported against case.yaml
    return listed


def read_record_files(
    root: Path,
    case: Case | None,
    case_doc: YamlDocument | None,
    records: CaseRecords,
    kinds: Mapping[str, tuple[str, str, type[Record]]],
    problems: Problems,
    label: Callable[[Path], str],
) -> list[str]:
    """Read every listed record file into ``records`` (by kind); return the paths read, relative to ``root``.

    ``kinds`` maps a kind to (its standard file name, what one record is called, its model). A listed
    file that does not exist, names no known kind, or is a standard file listed again is an error on
    its line of ``case.yaml``.
    """
    read: list[str] = []
    standard = {name for name, _, _ in kinds.values()}
    case_label = case_doc.label if case_doc is not None else "case.yaml"
    for index, entry in listed_record_files(case, case_doc):
        line = case_doc.line_of(("record_files", index)) if case_doc is not None else None
        kind = entry.record_kind
        where = {"line": line, "field": "record_files"}
        if kind not in kinds:
            problems.error(
                "record_file_kind",
                case_label,
                f"'{entry.path}' holds no known kind of record",
                hint=f"start its name with the kind ({', '.join(kinds)}), or give kind: beside path",
                **where,
            )
            continue
        relative = Path(entry.path).as_posix()
        if relative in standard or relative in read:
            problems.error(
                "record_file_repeated",
                case_label,
                f"'{entry.path}' is already read",
                hint="list each further record file once, and not the standard ones",
                **where,
            )
            continue
        try:
            path, _ = locate(CaseRoots(root), entry.path)
            if os.path.lexists(path):
                check_file(path, root, label(path), limit=MAX_RECORD_BYTES)
        except UnsafePath as exc:
            problems.error("unsafe_path", case_label, str(exc), **where)
            continue
        if not path.is_file():
            problems.error(
                "file_missing",
                case_label,
                f"record file '{entry.path}' does not exist",
                hint="run the import again, or remove the entry from record_files",
                **where,
            )
            continue
        read.append(relative)
        doc = read_yaml(path, label(path), problems)
        if doc is not None:
            records.by_kind()[kind].read(doc, problems)
    return read
