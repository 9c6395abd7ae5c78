"""Planning and applying an import: read the database's file, check every record as ``check`` would,
merge into the case's import file, list it in ``case.yaml``, and write all of it atomically.

:func:`plan_import` reads and checks everything and returns what would change (a dry run prints it);
:func:`apply_import` writes it. Nothing is written when anything is wrong: every problem names the
file, the row or line, and the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from advocate.importers.atomic import write_all
from advocate.importers.batch import ImportBatch, ImportFailed, ImportRequest, import_error
from advocate.importers.case_listing import listed_paths, with_listed
from advocate.importers.merge import MARKER, FilePlan, Incoming, merge
from advocate.importers.registry import import_sources
from advocate.load.case_folder import CASE_FILE, RECORD_FILES
from advocate.load.yaml_file import YamlDocument, read_yaml
from advocate.models.case import Case, RecordFile
from advocate.models.problem import Problems
from advocate.models.records import Source

SOURCES_FILE = "sources.imported.yaml"
"""Where the databases that imported records cite are kept, one entry each, for every source."""

SOURCES_HEADER = (
    f"{MARKER}`: the databases imported records cite, one entry each.\n"
    "# Importing again updates these entries (version, date accessed); add your own sources to sources.yaml.\n"
)


@dataclass(frozen=True)
class ImportPlan:
    """What an import does: the batch read, each file's plan, and the new text of case.yaml (``None`` if unchanged)."""

    source: str
    batch: ImportBatch
    files: tuple[FilePlan, ...]
    listed: tuple[str, ...]
    case_text: str | None
    root: Path

    @property
    def changes(self) -> bool:
        return any(plan.text is not None for plan in self.files) or self.case_text is not None


def _read(path: Path, label: str) -> YamlDocument:
    problems = Problems()
    doc = read_yaml(path, label, problems)
    if doc is None:
        raise ImportFailed(list(problems))
    return doc


def _import_file(root: Path, relative: str, header: str) -> YamlDocument | None:
    """The existing import file, or ``None``; a file not written by ``advocate import`` is refused, never touched."""
    path = root / relative
    if not path.exists():
        return None
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.startswith(MARKER):
        raise ImportFailed(
            [
                import_error(
                    str(path),
                    "was not written by advocate import, so it is never changed by one",
                    line=1,
                    hint="import into another file with --into, or move this one aside",
                )
            ]
        )
    return _read(path, str(path))


def _case(root: Path) -> tuple[Case, YamlDocument, str]:
    case_path = root / CASE_FILE
    if not root.is_dir():
        raise ImportFailed(
            [import_error(str(root), "no such case folder", hint="give the folder that holds case.yaml")]
        )
    if not case_path.is_file():
        raise ImportFailed(
            [
                import_error(
                    str(case_path), "the case folder has no case.yaml", hint="run 'advocate init FOLDER' to start one"
                )
            ]
        )
    doc = _read(case_path, str(case_path))
    try:
        case = Case.model_validate(doc.data if doc.data is not None else {})
    except ValidationError:
        raise ImportFailed(
            [
                import_error(
                    str(case_path),
                    "has errors, so the import cannot tell which countries the case is about",
                    hint=f"run 'advocate check {root}' and fix them first",
                )
            ]
        ) from None
    return case, doc, case_path.read_text(encoding="utf-8")


def case_countries(case_dir: Path) -> tuple[str, ...]:
    """The ISO codes of the countries ``case.yaml`` is about (what an import keeps by default)."""
    return _case(Path(case_dir))[0].country_codes


def _files_of_kind(root: Path, case: Case, kind: str, skip: str) -> list[str]:
    """The case's files of ``kind`` (the standard one and those listed), except ``skip``."""
    names = [RECORD_FILES[kind][0]] + [e.path for e in case.record_files if e.record_kind == kind]
    return [name for name in dict.fromkeys(names) if name != skip and (root / name).is_file()]


def _ids_in(root: Path, names: list[str]) -> dict[str, str]:
    """Every id in the files ``names`` → the file it is in (files that do not parse are left to ``check``)."""
    found: dict[str, str] = {}
    for name in names:
        doc = read_yaml(root / name, name, Problems())
        if doc is not None and isinstance(doc.data, list):
            for item in doc.data:
                if isinstance(item, dict) and "id" in item:
                    found.setdefault(str(item["id"]), name)
    return found


def _check_records(batch: ImportBatch, model, others: dict[str, str], source_ids: set[str]) -> None:
    """Each record as ``check`` will read it, every problem naming the row and the column it came from."""
    problems = list(batch.problems)
    for record in batch.records:
        where = dict(record.origin)
        if record.id in others:
            problems.append(
                import_error(
                    batch.label,
                    f"would be record '{record.id}', an id already used in {others[record.id]}",
                    hint="that file is yours and is never changed; rename the record there",
                    **where,
                )
            )
            continue
        full = {"id": record.id, "reviewed": False, **record.data, **record.initial}
        try:
            model.model_validate(full)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            failed = {str(e["loc"][0]) for e in errors if e["loc"] and e["type"] != "too_short"}
            for error in errors:
                name = str(error["loc"][0]) if error["loc"] else ""
                if error["type"] == "too_short" and name in failed:
                    continue  # its entries were refused, and say why
                message = {"missing": "is required but missing", "too_short": "needs at least one entry"}.get(
                    error["type"], error["msg"]
                )
                problems.append(import_error(batch.label, message, field=record.columns.get(name, name), **where))
            continue
        for citation in record.data.get("sources", []):
            wanted = citation["id"] if isinstance(citation, dict) else str(citation)
            if wanted not in source_ids:
                problems.append(
                    import_error(
                        batch.label,
                        f"cites source '{wanted}', which the case does not have",
                        field=record.columns.get("sources", "sources"),
                        hint="add it to sources.yaml first, or correct the id",
                        **where,
                    )
                )
    for source in batch.sources:
        try:
            Source.model_validate(source)
        except ValidationError as exc:
            error = exc.errors(include_url=False)[0]
            problems.append(
                import_error(
                    batch.label,
                    f"the source it describes: {error['msg']}",
                    field=".".join(str(p) for p in error["loc"]),
                )
            )
    if problems:
        raise ImportFailed(sorted(problems, key=lambda p: (p.row or 0, p.line or 0)))


def plan_import(source: str, file: Path, case_dir: Path, request: ImportRequest, *, into: str = "") -> ImportPlan:
    """Read ``file`` as ``source`` gives it and work out every change to the case; write nothing."""
    sources = import_sources()
    if source not in sources:
        raise ImportFailed([import_error(source, f"is not a source advocate imports; sources: {', '.join(sources)}")])
    entry = sources[source]
    root = Path(case_dir)
    case, case_doc, case_text = _case(root)
    batch = entry.read(Path(file), str(file), request)
    target = into or f"{batch.kind}.{batch.stem or entry.stem}.yaml"
    if RecordFile(path=target).record_kind != batch.kind or not target.endswith((".yaml", ".yml")):
        raise ImportFailed(
            [
                import_error(
                    target, f"is not a name for a file of {batch.kind}", hint=f"name it {batch.kind}.NAME.yaml (--into)"
                )
            ]
        )
    if target in {name for name, _, _ in RECORD_FILES.values()} or target == CASE_FILE:
        raise ImportFailed(
            [
                import_error(
                    target,
                    "is one of the case's own files, which an import never changes",
                    hint=f"import into {batch.kind}.NAME.yaml (--into)",
                )
            ]
        )
    header = (
        f"{MARKER} {source}`: {entry.header}\n"
        "# Importing again updates the fields that come from the database; reviewed, confidential, notes and the\n"
        "# fields a reviewer decides (perpetrators, categories, technology) stay as you leave them.\n"
        "# Check each record against its source, then set reviewed: true: until then no document uses it.\n"
    )
    existing = _import_file(root, target, header)
    model = RECORD_FILES[batch.kind][2]
    source_ids = set(_ids_in(root, _files_of_kind(root, case, "sources", SOURCES_FILE))) | {
        s["id"] for s in batch.sources
    }
    _check_records(batch, model, _ids_in(root, _files_of_kind(root, case, batch.kind, target)), source_ids)
    if batch.problems:
        raise ImportFailed(batch.problems)
    plans = []
    if batch.records or existing is not None:
        incoming = [Incoming(r.id, r.data, r.initial, r.summary) for r in batch.records]
        plans.append(merge(existing, path=target, header=header, incoming=incoming, owned=batch.owned, review=True))
    if batch.sources:
        existing_sources = _import_file(root, SOURCES_FILE, SOURCES_HEADER)
        owned = tuple(dict.fromkeys(name for s in batch.sources for name in s if name != "id")) + (
            "version",
            "date",
            "url",
        )
        incoming = [
            Incoming(s["id"], {k: v for k, v in s.items() if k != "id"}, {}, s.get("title", "")) for s in batch.sources
        ]
        plan = merge(
            existing_sources,
            path=SOURCES_FILE,
            header=SOURCES_HEADER,
            incoming=incoming,
            owned=tuple(dict.fromkeys(owned)),
            review=False,
        )
        plans.append(plan)
    wanted = [plan.path for plan in plans if plan.created or plan.path not in listed_paths(case_doc)]
    new_case_text = with_listed(case_doc, case_text, wanted) if wanted else case_text
    listed = tuple(p for p in wanted if p not in listed_paths(case_doc))
    return ImportPlan(source, batch, tuple(plans), listed, new_case_text if new_case_text != case_text else None, root)


def apply_import(plan: ImportPlan) -> None:
    """Write every file the plan changes, each atomically, and none unless all are ready."""
    files = {plan.root / p.path: p.text for p in plan.files if p.text is not None}
    if plan.case_text is not None:
        files[plan.root / CASE_FILE] = plan.case_text
    if files:
        write_all(files)
