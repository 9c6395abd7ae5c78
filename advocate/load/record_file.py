"""Reading one YAML file of records (sources, abuses, events or links), remembering where each record was."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pydantic import ValidationError

from advocate.load.record_errors import record_problems
from advocate.load.yaml_file import YamlDocument
from advocate.models.problem import Problems
from advocate.models.records import Record

M = TypeVar("M", bound=Record)


@dataclass(frozen=True)
class Origin:
    """Where a record was written: its document and its position in the list."""

    doc: YamlDocument
    index: int

    def line(self, *fields) -> int:
        return self.doc.line_of((self.index, *fields))


@dataclass
class LoadedRecords(Generic[M]):
    """Records of one kind as read: valid models by id, every id seen (valid or not), and where each was.

    ``kind`` is what one record is called ("source"); ``model`` the type each record is validated as.
    """

    kind: str
    model: type[M]
    models: dict[str, M] = field(default_factory=dict)
    raw_ids: set[str] = field(default_factory=set)
    origins: dict[str, Origin] = field(default_factory=dict)
    readable: bool = True
    """False when the file could not be read as a list of records: its ids are then unknown, not absent,
    and checks that look ids up in it stay silent rather than echo the one error that says why."""

    def read(self, doc: YamlDocument, problems: Problems) -> None:
        """Add the records of ``doc``, a file of this kind: an id already read (from any file) is a duplicate."""
        read_record_file(doc, self.kind, self.model, problems, into=self)


def read_record_file(
    doc: YamlDocument, kind: str, model: type[M], problems: Problems, into: LoadedRecords[M] | None = None
) -> LoadedRecords[M]:
    """Validate each record of a list file; problems go to ``problems``, valid records to the result.

    ``into`` continues the records already read from another file of the same kind, so that an id
    used in both is reported as a duplicate.
    """
    loaded = into if into is not None else LoadedRecords(kind, model)
    items = doc.data if doc.data is not None else []
    if not isinstance(items, list):
        problems.error("yaml_shape", doc.label, f"expected a list of {kind} records, each starting '- id: ...'", line=1)
        loaded.readable = False
        return loaded
    for index, item in enumerate(items):
        raw_id = str(item.get("id", "")).strip() if isinstance(item, dict) else ""
        record = f"{kind} '{raw_id}'" if raw_id else f"{kind} #{index + 1}"
        if raw_id:
            if raw_id in loaded.raw_ids:
                first = loaded.origins[raw_id]
                where = (
                    f"on line {first.line()}" if first.doc is doc else f"in {first.doc.label} on line {first.line()}"
                )
                problems.error(
                    "duplicate_id",
                    doc.label,
                    f"id '{raw_id}' is already used by the {kind} {where}",
                    line=doc.line_of((index, "id")),
                    record=record,
                    field="id",
                    hint="every record needs its own id",
                )
                continue
            loaded.raw_ids.add(raw_id)
            loaded.origins[raw_id] = Origin(doc, index)
        try:
            instance = model.model_validate(item)
        except ValidationError as exc:
            record_problems(exc, model, doc, problems, base=(index,), record=record)
            continue
        loaded.models[instance.id] = instance
    return loaded
