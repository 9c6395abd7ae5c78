"""Table column widths from what each column must hold, for every laid-out format (PDF and DOCX).

Each format measures its own text (font metrics, padding, units) into a :class:`ColumnNeed` per
column; :func:`allocate` shares the width out the same way for all of them:

1. when every column's longest cell fits on one line, each gets that width and a share of what is
   left over in proportion to it;
2. else every column gets at least its longest *tied* token (a whole date, an identifier with the
   note mark glued to it: nothing is broken); what is left goes first to setting most of each
   column's cells on one line (its ``typical`` width: a column of "not published" with one long
   goods summary should not wrap every row for the sake of that one), then towards every cell on
   one line, in proportion to what each column still wants;
3. when even the tokens do not fit (a table of many columns), dates may break between their words
   but no word is broken: each column gets its longest word, and the rest is shared out towards the
   tokens, then as in 2;
4. and only when the words alone are wider than the page are they scaled down (and broken).
"""

from __future__ import annotations

from dataclasses import dataclass

from advocate.models.document import Text
from advocate.render.typography import tie


@dataclass(frozen=True)
class ColumnNeed:
    """What one column needs, in the format's unit, padding included.

    ``natural``: its longest cell on one line; ``tied``: its longest unbreakable token with dates kept
    whole; ``word``: its longest word when a date may break between its words (never more than
    ``tied``); ``typical``: the width that sets most of its cells on one line (:func:`typical_width`).
    """

    natural: float
    tied: float
    word: float
    typical: float = 0.0


TYPICAL_SHARE = 0.8
"""The share of a column's cells its typical width sets on one line."""


def typical_width(widths: list[float]) -> float:
    """The width at which :data:`TYPICAL_SHARE` of the cells with these one-line ``widths`` fit on one line."""
    if not widths:
        return 0.0
    ordered = sorted(widths)
    return ordered[min(len(ordered) - 1, int(len(ordered) * TYPICAL_SHARE))]


def _share(floor: list[float], targets: list[float], available: float) -> list[float] | None:
    """``floor`` raised towards ``targets`` within ``available``: all the way (None, when there is room
    for more) or in proportion to what each column still wants."""
    wants = [max(t - f, 0.0) for f, t in zip(floor, targets)]
    spare = available - sum(floor)
    if sum(wants) <= spare:
        return None
    total = sum(wants)
    return [f + spare * w / total for f, w in zip(floor, wants)]


def allocate(needs: list[ColumnNeed], available: float) -> list[float]:
    """Widths for the columns, summing to ``available`` (see the module's description for the order)."""
    if not needs:
        return []
    natural = [n.natural for n in needs]
    if sum(natural) <= available:
        total = sum(natural) or 1.0
        return [w + (available - sum(natural)) * w / total for w in natural]
    for floor in ([max(n.tied, n.word) for n in needs], [n.word for n in needs]):
        if sum(floor) > available:
            continue
        for wanted in ([n.tied for n in needs], [n.typical for n in needs], natural):
            targets = [max(w, f) for w, f in zip(wanted, floor)]
            shared = _share(floor, targets, available)
            if shared is not None:
                return shared
            floor = targets
        return floor  # not reached: the natural widths do not fit
    words = [n.word for n in needs]
    total = sum(words)
    return [available * w / total for w in words]


_MARK = "\u2060"
"""Stands before a note number while the text is tied, so that "2019" + mark "2" is still a year."""


def _with_marks(nodes) -> str:
    out = []
    for node in nodes:
        if node.kind == "footnote_ref":
            out.append(f"{_MARK}{node.number}")
        elif isinstance(node, Text) or node.kind == "code":
            out.append(node.text)
        elif node.kind == "line_break":
            out.append("\n")
        elif hasattr(node, "children"):
            out.append(_with_marks(node.children))
    return "".join(out)


def cell_text(nodes) -> str:
    """The text of a cell's inline nodes as it is set: dates tied (:func:`advocate.render.typography.tie`)
    and each footnote mark's number glued to the word before it, which must fit the column with it."""
    return tie(_with_marks(nodes)).replace(_MARK, "")
