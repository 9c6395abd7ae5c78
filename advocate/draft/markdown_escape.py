"""Escaping evidence for Markdown, so that what a record says is printed as written.

Every value a template prints with ``{{ ... }}`` passes through
:func:`escape_markdown` unless it is already :class:`markupsafe.Markup` (which the
drafting functions such as ``cite()`` return). A source title containing ``*``, a
quotation containing ``[^1]`` or an abuse description starting ``1.`` therefore
cannot turn into emphasis, a footnote or a list in a letter.
"""

from __future__ import annotations

import re

from markupsafe import Markup

_INLINE = re.compile(r"([\\`*_\[\]<>|&~^])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def escape_markdown(value: object) -> str:
    """``value`` as Markdown text that renders exactly as ``str(value)``; Markup passes unchanged."""
    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(value)
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(
        lambda m: m[1] + "\\" + m[2] if not m[2][0].isdigit() else m[1] + m[2][:-1] + "\\" + m[2][-1], text
    )


def markdown(text: str) -> Markup:
    """Mark text the engine itself wrote as Markdown, so it is not escaped again."""
    return Markup(text)
