"""Fenced blocks the engine draws itself (```` ```chart ````, ```` ```figures ````): info string → tree node.

A template cannot draw, so where a document needs a designed element it writes a
fenced block whose info string names the element and whose body is its data
(JSON). This module turns each into its node; any other fenced block (code)
is refused, since a letter never prints code.
"""

from __future__ import annotations

from advocate.document.parse import MarkdownError

FENCED_KINDS: dict = {}
"""Info string → function(body text) -> node."""


def fenced_block(info: str, body: str):
    """The node for a fenced block, or :class:`MarkdownError` naming what is accepted."""
    make = FENCED_KINDS.get(info.split()[0] if info else "")
    if make is None:
        known = ", ".join(sorted(FENCED_KINDS)) or "none"
        raise MarkdownError(f"a fenced block '{info or '(no name)'}' cannot be printed in a document "
                            f"(blocks the engine draws: {known})")
    return make(body)
