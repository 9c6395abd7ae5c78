"""Keeping a heading or a lead-in on the page of what follows it, footnotes and all.

platypus groups a flowable marked ``keepWithNext`` with the next one in a ``KeepTogether``, whose
``wrap`` always asks to be split; the footnote frame (:mod:`advocate.render.pdf.notes`) then places
its parts one by one, so a lead-in whose next block brings footnotes that no longer fit stays alone
at the foot of the page ("Licence MB-TR-IMSI:" on p3, its bullets on p4). :class:`KeepWithNext`
is the group the document template makes instead (its ``keepTogetherClass``):

- it measures as what it is (its real height) and names the footnote marks of everything it holds
  (``note_numbers``), so the frame places it whole only if its notes fit on the page too;
- split, it keeps the lead-in with the *first part* of the next block (the first lines of a long
  paragraph, the first rows of a table) and lets the rest flow; when not even that fits, it moves
  whole to the next page;
- at the top of a page, where moving would gain nothing, it gives up its grouping.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph
from reportlab.platypus.flowables import _Container, _listWrapOn

from advocate.render.pdf.notes import CALLBACK, paragraph_marks


def _marks(flowable) -> tuple[int, ...]:
    """The footnote marks ``flowable`` holds, in order (none for a flowable that cannot hold one)."""
    known = getattr(flowable, "note_numbers", None)
    if known is not None:
        return tuple(known)
    if isinstance(flowable, Paragraph):
        if getattr(flowable, "blPara", None) is not None:
            return paragraph_marks(flowable)
        found = []
        for frag in getattr(flowable, "frags", ()):
            definition = getattr(frag, "cbDefn", None)
            if (
                definition is not None
                and getattr(definition, "kind", None) not in ("img", "anchor")
                and getattr(definition, "name", None) == CALLBACK
            ):
                found.append(int(definition.label))
        return tuple(found)
    return ()


class KeepWithNext(_Container, Flowable):
    """Flowables that announce the next one (``keepWithNext``), with that next one, kept on one page."""

    def __init__(self, flowables, maxHeight=None):
        self._content = list(flowables)

    def __repr__(self):
        return f"KeepWithNext({self._content!r})"

    @property
    def note_numbers(self) -> tuple[int, ...]:
        return tuple(number for flowable in self._content for number in _marks(flowable))

    def wrap(self, availWidth, availHeight):
        self.width, self.height = _listWrapOn(self._content, availWidth, getattr(self, "canv", None))
        return self.width, self.height

    def split(self, availWidth, availHeight):
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", False):
            return list(self._content)  # at the top of a page: nothing is gained by moving
        *heads, last = self._content
        if not heads:
            return last.splitOn(getattr(self, "canv", None), availWidth, availHeight)
        canv = getattr(self, "canv", None)
        _, heads_height = _listWrapOn(heads, availWidth, canv)
        gap = max(heads[-1].getSpaceAfter(), last.getSpaceBefore())
        room = availHeight - heads_height - gap
        if room <= 0:
            return []
        if last.wrapOn(canv, availWidth, room)[1] <= room:
            return []  # the whole fits: the frame places the group whole (or moves it, for its notes)
        parts = last.splitOn(canv, availWidth, room)
        if not parts or not isinstance(parts[0], Flowable) or getattr(parts[0], "frameAction", None):
            return []
        first, *rest = parts
        return [KeepWithNext([*heads, first]), *rest]
