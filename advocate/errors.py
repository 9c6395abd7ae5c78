"""Every error advocate reports to a user, in one place.

Each is an :class:`AdvocateError`: something about the input or the situation the
user can act on, with a message of one line naming the file, record or option at
fault. The command line reports these as ``error: ...`` with exit status 2; any
other exception is a bug in advocate and is never dressed up as bad input.

Some also derive from ``ValueError`` or ``FileExistsError``, as they did before
this module existed, so that code catching those keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from advocate.models.problem import Problem


class AdvocateError(Exception):
    """Base of the errors a user can act on."""


class CaseError(AdvocateError):
    """The evidence cannot be used as it stands. ``problems`` lists everything found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = self.errors
        first = str(errors[0]) if errors else "no errors"
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{first}{more}")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity.value == "error"]


class DraftError(AdvocateError):
    """A document could not be drafted. ``template`` and ``line`` say where, when a template is at fault."""

    def __init__(self, message: str, *, template: str = "", line: int | None = None):
        self.message = message
        self.template = template
        self.line = line
        where = f"{template}:{line}: " if template and line else f"{template}: " if template else ""
        super().__init__(f"{where}{message}")


class ConfidentialRecordError(DraftError):
    """A public document tried to use a record marked confidential."""


class MarkdownError(AdvocateError, ValueError):
    """The drafted Markdown holds something no output format can print (raw HTML, an unknown construct)."""


class CitationError(AdvocateError, ValueError):
    """A citation names a source that does not exist or may not be printed."""


class RenderError(AdvocateError, ValueError):
    """A drafted document cannot be written in a format (a reference DOCX that is not one, a layout that fails)."""


class UnprintableText(RenderError):
    """Text holds a character the PDF font has no glyph for (an emoji, a CJK character ...)."""


class OutputConflict(AdvocateError):
    """Files in the output folder that a run would overwrite but did not write, or that were changed since."""

    def __init__(self, paths: list, reason: str):
        self.paths = paths
        names = ", ".join(str(p) for p in paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
        super().__init__(f"{names}: {reason}; nothing was written (move them away, or pass --force to replace them)")


class OutputBusy(AdvocateError):
    """Another run is writing into the same output folder at this moment; nothing was written."""


class OutputUnwritable(AdvocateError):
    """The output folder cannot be written (a file in its place, no permission, a full disk); the old files are intact."""


class UnsafePath(AdvocateError):
    """A file a case names lies outside the case (and the data folders given), or is not a regular file.

    ``not_a_file`` is true when what is there is no file at all (a folder, a pipe, a link to nothing).
    """

    def __init__(self, message: str, *, not_a_file: bool = False):
        super().__init__(message)
        self.not_a_file = not_a_file


class FolderNotEmpty(AdvocateError, FileExistsError):
    """The folder ``advocate init`` was asked to write already holds files; nothing was written."""


class UnknownExample(AdvocateError, ValueError):
    """``advocate init --example NAME`` named no shipped example."""
