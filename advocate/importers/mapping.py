"""The mapping file that says how a campaign's own spreadsheet becomes records.

```yaml
records: abuses              # what each row becomes: abuses (the default) or events
sheet: Detentions            # a workbook's sheet (the first if not given)
key: Ref                     # the column holding each row's own, unchanging reference
id_prefix: doc-              # ids are this prefix and the key: doc-17
columns:                     # spreadsheet column: record field
  Date: date
  Country: country
  What happened: title
  Who: perpetrators
  Kind: categories
values:                      # the spreadsheet's own words for vocabulary codes (labels and codes work anyway)
  categories: {Detention: arbitrary-detention}
defaults:                    # written when a row leaves the field empty (the reviewer's to change after)
  perpetrators: [unknown]
date_format: "%d/%m/%Y"      # how the spreadsheet writes days, when it writes them as text
dataset:                     # the spreadsheet itself, the source every record cites
  title: Documentation of detentions of journalists
  organisation: Example Campaign Group
```
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from advocate.importers.batch import ImportFailed, import_error, slug
from advocate.load.record_errors import record_problems
from advocate.load.yaml_file import read_yaml
from advocate.models.fields import RecordId, Text, Url, suggest
from advocate.models.problem import Problems
from advocate.models.records import Abuse, Event, Record

MODELS: dict[str, type[Record]] = {"abuses": Abuse, "events": Event}
NOT_MAPPED = ("id", "reviewed")
"""Fields no column may fill: the id is made from the key, and only a person marks a record reviewed."""


class DatasetSource(BaseModel):
    """The spreadsheet as a source: what a footnote citing it says."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: RecordId | None = None
    title: Text
    organisation: Text
    publisher: Text = ""
    url: Url = ""


class Mapping(BaseModel):
    """How the columns of one spreadsheet become records (see the module's example)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    records: Literal["abuses", "events"] = "abuses"
    name: Text = ""
    """The middle of the import file's name (``abuses.NAME.yaml``); the mapping file's name if empty."""
    sheet: Text = ""
    header_row: int = Field(0, ge=0)
    key: Text
    id_prefix: Text = ""
    columns: dict[str, str] = Field(min_length=1)
    values: dict[str, dict[str, str]] = {}
    defaults: dict[str, Any] = {}
    date_format: Text = ""
    dataset: DatasetSource


def read_mapping(path: str) -> tuple[Mapping, str]:
    """The mapping and the stem of its file's name; ``ImportFailed`` naming the line and field of any problem."""
    if not path:
        raise ImportFailed(
            [
                import_error(
                    "--mapping",
                    "a spreadsheet needs a mapping file from its columns to record fields",
                    hint="see the README, 'Bringing in data'",
                )
            ]
        )
    file = Path(path)
    if not file.is_file():
        raise ImportFailed([import_error(path, "no such mapping file")])
    problems = Problems()
    doc = read_yaml(file, path, problems)
    if doc is None:
        raise ImportFailed(list(problems))
    try:
        mapping = Mapping.model_validate(doc.data if isinstance(doc.data, dict) else {})
    except ValidationError as exc:
        record_problems(exc, Mapping, doc, problems)
        raise ImportFailed(list(problems)) from None
    allowed = [name for name in MODELS[mapping.records].model_fields if name not in NOT_MAPPED]
    for column, name in mapping.columns.items():
        if name not in allowed:
            problems.error(
                "mapping_field",
                path,
                f"column '{column}' maps to '{name}', which is not a field of {mapping.records}"
                f"{suggest(name, allowed)}",
                line=doc.line_of(("columns", column)),
                hint=f"fields: {', '.join(allowed)}",
            )
    for name in mapping.defaults:
        if name not in allowed:
            problems.error(
                "mapping_field",
                path,
                f"'{name}' is not a field of {mapping.records}{suggest(name, allowed)}",
                line=doc.line_of(("defaults", name)),
                hint=f"fields: {', '.join(allowed)}",
            )
    if problems.errors:
        raise ImportFailed(list(problems))
    stem = mapping.name or file.name.split(".")[0]
    return mapping, slug(stem) or "spreadsheet"
