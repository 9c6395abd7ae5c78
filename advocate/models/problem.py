"""What can be wrong with evidence, said so that a user can find it and fix it.

Every check in the pipeline reports a :class:`Problem` naming the file, the line or
row, and the field. Loading and validation collect all of them before giving up, and
the library raises one exception type, :class:`CaseError`, carrying them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from advocate.errors import CaseError


class Severity(str, Enum):
    """An error stops the case being used; a warning is worth reading but does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the evidence, located precisely.

    ``line`` is the 1-based line in the file (YAML and CSV alike); ``row`` is the
    1-based data row of a CSV file (the header is not a row); ``record`` names the
    YAML record (``abuse 'ab-12'``); ``field`` names the field or CSV column.
    ``hint`` says what would be right.
    """

    severity: Severity
    code: str
    file: str
    message: str
    field: str = ""
    line: int | None = None
    row: int | None = None
    record: str = ""
    hint: str = ""

    @property
    def location(self) -> str:
        """``file:line`` (or the file alone when no line applies)."""
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.record:
            where.append(self.record)
        if self.field:
            where.append(f"{'column' if self.row is not None else 'field'} '{self.field}'")
        prefix = f"{', '.join(where)}: " if where else ""
        hint = f"; {self.hint}" if self.hint else ""
        return f"{self.location}: {self.severity.value}: {prefix}{self.message}{hint}"


@dataclass
class Problems:
    """An ordered collection of problems, as checks add them."""

    items: list[Problem] = field(default_factory=list)

    def error(self, code: str, file: str | Path, message: str, **where) -> None:
        """Record an error."""
        self.items.append(Problem(Severity.ERROR, code, str(file), message, **where))

    def warning(self, code: str, file: str | Path, message: str, **where) -> None:
        """Record a warning."""
        self.items.append(Problem(Severity.WARNING, code, str(file), message, **where))

    def extend(self, other: Problems | list[Problem]) -> None:
        self.items.extend(other.items if isinstance(other, Problems) else other)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    def raise_if_errors(self) -> None:
        """Raise :class:`CaseError` with every problem when any is an error."""
        if self.errors:
            raise CaseError(list(self.items))

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
