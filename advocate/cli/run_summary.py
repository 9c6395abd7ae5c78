"""How ``draft`` and ``build`` report what a run wrote: each document's files, what it left out, what is privileged."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from advocate.vocab.english import plural

if TYPE_CHECKING:  # pragma: no cover - the command line imports the pipeline only when a command runs
    from advocate.run.document import DraftedDocument
    from advocate.run.record import DraftRun


def document_line(drafted: DraftedDocument, files: Mapping[str, bytes], *, names: bool = True) -> str:
    """``  FOI request: foi-request.docx, ... (2 confidential records left out)``; a privileged one says so."""
    written = sorted(name for name in files if name.rpartition("/")[2].startswith(drafted.file_stem + "."))
    notes = []
    withheld = sum(drafted.withheld.values()) if drafted.public else 0
    if withheld:
        notes.append(f"{plural(withheld, 'confidential record')} left out")
    if not drafted.public:
        notes.append("privileged: it may show confidential records; for your own lawyers, never the proposed defendant")
    listed = f": {', '.join(written)}" if names else ""
    return f"  {drafted.kind.description}{listed}" + (f" ({'; '.join(notes)})" if notes else "")


def left_out_line(licence_ids: tuple[str, ...]) -> str:
    """What ``--each`` did not write: one public document per confidential licence."""
    return (
        f"  {plural(len(licence_ids), 'confidential licence')} left out (no public document is written about "
        f"{'it' if len(licence_ids) == 1 else 'them'})"
    )


def other_warnings(run: DraftRun) -> list[str]:
    """The run's warnings that are not about a deadline (those :func:`~advocate.cli.output.print_deadlines` gives)."""
    about_deadlines = {timing.warning for timing in run.timings if timing.warning}
    return [warning for warning in run.warnings if warning not in about_deadlines]
