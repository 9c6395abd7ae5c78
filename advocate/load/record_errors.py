"""Turning model validation errors into problems that name the file, line, record and field."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from advocate.load.yaml_file import YamlDocument
from advocate.models.fields import suggest
from advocate.models.problem import Problems


def _model_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The field names allowed at ``loc`` inside ``model`` (for 'did you mean' on unknown fields)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    """The BaseModel inside ``X | None``, ``tuple[X, ...]`` or ``Annotated[...]``, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    return _inner_model(origin) if origin not in (None, tuple) and origin is not annotation else None


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str]:
    """(message, hint) for one pydantic error."""
    kind, value, loc = error["type"], error.get("input"), error["loc"]
    if kind == "missing":
        return "is required but missing", ""
    if kind == "extra_forbidden":
        allowed = _model_fields(model, loc)
        return f"is not a field here{suggest(loc[-1], allowed)}", f"fields are: {', '.join(allowed)}" if allowed else ""
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"'{value}' is not allowed", f"expected {expected}"
    if kind in ("bool_parsing", "bool_type"):
        return f"'{value}' is not true or false", "write true or false"
    if kind in ("too_short",):
        return "needs at least one entry", ""
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "expected a set of 'key: value' fields", ""
    if kind in ("tuple_type", "list_type"):
        return "expected a list", "write [a, b] or one '- item' per line"
    return error["msg"], ""


def record_problems(
    error: ValidationError,
    model: type[BaseModel],
    doc: YamlDocument,
    problems: Problems,
    *,
    base: tuple = (),
    record: str = "",
) -> None:
    """Add one problem per validation error, located in ``doc`` under ``base``."""
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        message, hint = _message(item, model)
        field = ".".join(str(part) for part in loc if not isinstance(part, int))
        problems.error(
            item["type"],
            doc.label,
            message,
            line=doc.line_of(base + loc),
            record=record,
            field=field,
            hint=hint,
        )
