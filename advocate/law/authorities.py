"""The authorities shipped with the package: statutes, instruments, guidance and cases a template cites by id.

They live in ``advocate/citations/data/authorities.yaml`` (sources noted in
``data/README.md``), in the case file's ``sources.yaml`` format, and load as
:class:`~advocate.models.records.Source` records. A template writes
``cite("foia-2000", pinpoint="s 10(1)")``; a case file's own source with the same
id wins over the shipped one.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib.resources import files
from types import MappingProxyType

import yaml
from pydantic import ValidationError

from advocate.models.records import Source

DATA_FILE = "authorities.yaml"


class AuthoritiesError(ValueError):
    """The shipped authorities file is malformed (a packaging fault, named by entry and field)."""


def _load(text: str, label: str) -> dict[str, Source]:
    entries = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or []
    if not isinstance(entries, list):
        raise AuthoritiesError(f"{label}: expected a list of sources")
    found: dict[str, Source] = {}
    for index, entry in enumerate(entries, start=1):
        name = entry.get("id", f"#{index}") if isinstance(entry, dict) else f"#{index}"
        if not isinstance(entry, dict):
            raise AuthoritiesError(f"{label}: entry {name} is not a mapping")
        try:
            source = Source.model_validate(entry)
        except ValidationError as exc:
            error = exc.errors()[0]
            field = ".".join(str(part) for part in error["loc"]) or "entry"
            raise AuthoritiesError(f"{label}: source '{name}', field '{field}': {error['msg']}") from None
        if source.id in found:
            raise AuthoritiesError(f"{label}: source '{source.id}' appears twice")
        found[source.id] = source
    return found


@lru_cache(maxsize=1)
def authorities() -> Mapping[str, Source]:
    """Every shipped authority by id (read once; works from an installed wheel)."""
    resource = files("advocate.law") / "data" / DATA_FILE
    return MappingProxyType(_load(resource.read_text(encoding="utf-8"), f"advocate/citations/data/{DATA_FILE}"))
