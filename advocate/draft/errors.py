"""What can go wrong while drafting, said so that a template author can find it."""

from __future__ import annotations


class DraftError(Exception):
    """A document could not be drafted. ``template`` and ``line`` say where, when a template is at fault."""

    def __init__(self, message: str, *, template: str = "", line: int | None = None):
        self.message = message
        self.template = template
        self.line = line
        where = f"{template}:{line}: " if template and line else f"{template}: " if template else ""
        super().__init__(f"{where}{message}")


class ConfidentialRecordError(DraftError):
    """A public document tried to use a record marked confidential."""
