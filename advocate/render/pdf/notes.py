"""Footnotes at the foot of the page their reference is on.

How it works. Each footnote mark in the text carries an invisible
``<onDraw name="advocate_note" label="N"/>`` callback. Before the frame places
a flowable, :class:`NotesFrame` finds the marks it holds: a Paragraph's from
the lines it was just broken into (the callbacks its drawing will call, in the
same order), a :class:`RowTable`'s from its rows, none in a spacer or a rule;
only a flowable of another kind is drawn on a throwaway canvas (a trial draw)
to collect them.
The :class:`FootnoteLedger` then says how much room at the foot of the page the
notes of this page plus the new ones need, the frame raises its bottom by that
much, and places the flowable only if it still fits. When a flowable must be
split (it is too tall, or the notes it brings overflow the page's share), the
frame splits it, finds the marks in the first part, and splits again in less
room until the part and its notes fit together: a table with a note on every
row is split between rows, a paragraph between lines, each part with the notes
that fit beside it. At the end of the page the ledger draws a short rule and the
notes below the text.

Guarantees and fallbacks:

- a note is printed once, at the foot of the page of its first reference
  (a later reference to the same number points back to it);
- notes may take at most ``PdfStyle.notes_max_fraction`` of the text area. A
  note that does not fit in that share is split, and its remainder is printed
  first at the foot of the next page (as in book typesetting); new notes that
  would overflow the share push the text holding their references to the next
  page unless that text is already at the top of a page;
- at the top of a page, when even the smallest part of a flowable (one table
  row, a paragraph's first lines) brings notes that overflow the share, the
  largest part bringing no other such note is placed and those notes continue
  overleaf; a part too tall to leave its notes the room they need is placed
  with its notes in the room left below it;
- a mark drawn on a page whose note was not reserved (which the trial draw is
  there to prevent) still has its note printed, at the foot of that page if
  there is room or of the next page otherwise: a note never disappears;
- at the end of the document, notes left over continue on extra pages; the
  last page of text keeps room for its own notes before the remainders.
"""

from __future__ import annotations

import copy
import io

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, Paragraph, Spacer
from reportlab.platypus.flowables import HRFlowable, KeepTogether

CALLBACK = "advocate_note"
"""Name of the onDraw callback a footnote mark carries."""
_FUZZ = 1e-6


class FootnoteLedger:
    """Which notes belong at the foot of the current page, how much room they need, and drawing them."""

    def __init__(
        self,
        notes: dict[int, list[Flowable]],
        width: float,
        max_height: float,
        hard_limit: float,
        rule_colour: str,
        rule_gap: float = 16.0,
    ):
        self.notes = notes
        self.width = width
        self.max_height = max_height
        """The share of the page the notes of one page may take (and, separately, the remainders carried to it)."""
        self.hard_limit = max(hard_limit, max_height)
        """The most the foot of a page may take for notes in all."""
        self.rule_colour = rule_colour
        self.rule_gap = rule_gap
        """Space taken by the separating rule above the first note."""
        self.printed: set[int] = set()
        """Notes already placed on an earlier page (or this one)."""
        self.page_notes: list[int] = []
        self.carry: list[Flowable] = []
        """Remainders of notes that did not fit at the foot of the previous page."""
        self.seen: set[int] = set()
        """Marks actually drawn on the current page (reported by the real canvas)."""
        self.pages: dict[int, int] = {}
        """Note number → page its text was printed on (first part)."""
        self.cap: float | None = None
        """Room at the foot of the current page when text placed at its top, with notes that cannot fit beside
        it, leaves less than they need (see :meth:`NotesFrame.split`); the rest continues overleaf."""
        self._heights: dict[int, float] = {}

    @property
    def active(self) -> bool:
        return bool(self.notes)

    # -- measuring ---------------------------------------------------------------

    @staticmethod
    def _stack_height(flowables, width: float) -> float:
        total = 0.0
        for flowable in flowables:
            total += flowable.wrap(width, 1e6)[1] + flowable.getSpaceAfter()
        return total

    def note_height(self, number: int) -> float:
        found = self._heights.get(number)
        if found is None:
            found = self._heights[number] = self._stack_height(self.notes[number], self.width)
        return found

    def new_notes(self, numbers) -> list[int]:
        """Of ``numbers``, those whose note is not yet printed or placed on this page, in order (once each)."""
        out = []
        taken = set(self.page_notes)
        for number in numbers:
            if number in self.notes and number not in self.printed and number not in taken:
                taken.add(number)
                out.append(number)
        return out

    def _carry_share(self) -> float:
        """Room the carried remainders take on this page: all of them, up to the notes' share."""
        return min(self._stack_height(self.carry, self.width), self.max_height) if self.carry else 0.0

    def _own(self, numbers=()) -> float:
        return sum(self.note_height(number) for number in self.page_notes + self.new_notes(numbers))

    def wanted(self, numbers=()) -> float:
        """Room the carried remainders, the notes of this page and ``numbers`` need (not capped)."""
        total = self._carry_share() + self._own(numbers)
        return total + self.rule_gap if total else 0.0

    def left_over(self) -> float:
        """Room all the carried remainders and this page's notes need together (what a last page must hold)."""
        total = self._stack_height(self.carry, self.width) + self._own()
        return total + self.rule_gap if total else 0.0

    def reserve(self, numbers=()) -> float:
        """Room to keep free at the foot of the page: the remainders and this page's notes, each at most
        the notes' share, together at most :attr:`hard_limit`."""
        total = self._carry_share() + min(self._own(numbers), self.max_height)
        if not total:
            return 0.0
        room = min(total + self.rule_gap, self.hard_limit)
        return room if self.cap is None else min(room, self.cap)

    def overflows(self, numbers) -> bool:
        """Whether ``numbers`` add notes that, with the notes already at the foot of this page, overflow it.

        A single note that overflows on its own is never pushed (it would overflow on any page): it
        is placed, and continues at the foot of the next page. Several new notes are reckoned
        together even on an empty page: the text referencing them is split (a table between rows,
        a paragraph between lines) so that each part brings only the notes that fit."""
        new = self.new_notes(numbers)
        if not new or (len(new) == 1 and not (self.page_notes or self.carry)):
            return False
        return (
            self._own(numbers) + self.rule_gap > self.max_height + _FUZZ
            or self.wanted(numbers) > self.hard_limit + _FUZZ
        )

    # -- committing and drawing --------------------------------------------------

    def commit(self, numbers) -> None:
        """The flowable referencing ``numbers`` has been placed on this page."""
        self.page_notes.extend(self.new_notes(numbers))

    def mark_seen(self, canvas, kind, label) -> None:
        """onDraw callback of the real canvas."""
        self.seen.add(int(label))

    def draw_page_notes(self, canv, x: float, bottom: float, height: float, page: int, flush: bool = False) -> None:
        """Draw the carried remainders and this page's notes in the ``height`` above ``bottom``; carry what does not fit.

        The remainders take at most the notes' share of the page (when ``flush``, on the last page of
        text, all of ``height`` that this page's own notes do not need), so that the notes referenced
        on this page find the room reserved for them."""
        for number in sorted(self.seen):
            if number in self.notes and number not in self.printed and number not in self.page_notes:
                self.page_notes.append(number)
        carried = [(None, f) for f in self.carry]
        own = [(number, f) for number in self.page_notes for f in self.notes[number]]
        self.printed.update(self.page_notes)
        self.page_notes, self.seen, self.carry, self.cap = [], set(), [], None
        if not carried and not own:
            return
        room = height - self.rule_gap
        carry_room = min(room, self.max_height)
        if flush:
            carry_room = max(carry_room, room - self._stack_height([f for _, f in own], self.width))
        drawn, carry_left, used = self._fill(carried, carry_room)
        more, own_left, used_own = self._fill(own, room - used)
        drawn += more
        used += used_own
        self.carry = carry_left + own_left
        for number, _, _ in drawn:
            if number is not None:
                self.pages.setdefault(number, page)
        if not drawn:
            return
        top = bottom + min(height, used + self.rule_gap)
        canv.saveState()
        canv.setStrokeColor(HexColor(self.rule_colour))
        canv.setLineWidth(0.5)
        rule_y = top - 6
        canv.line(x, rule_y, x + min(self.width * 0.3, 50 * 2.835), rule_y)
        canv.restoreState()
        y = top - self.rule_gap
        for _, flowable, h in drawn:
            flowable.drawOn(canv, x, y - h)
            y -= h + flowable.getSpaceAfter()

    def _fill(self, queue, room: float):
        """Of ``queue`` ((note number, flowable) pairs), what fits in ``room`` (splitting one flowable), what is left, room used."""
        drawn: list[tuple[int | None, Flowable, float]] = []
        leftover: list[Flowable] = []
        used = 0.0
        for number, flowable in queue:
            if leftover:
                leftover.append(flowable)
                continue
            left = room - used
            h = flowable.wrap(self.width, left)[1] if left > 0 else float("inf")
            if h <= left + _FUZZ:
                drawn.append((number, flowable, h))
                used += h + flowable.getSpaceAfter()
                continue
            parts = flowable.split(self.width, left) if left > 0 else []
            if parts:
                head = parts[0]
                h = head.wrap(self.width, left)[1]
                drawn.append((number, head, h))
                used += h + head.getSpaceAfter()
                leftover.extend(parts[1:])
            else:
                leftover.append(flowable)
        return drawn, leftover, used


class FlushNotes(Flowable):
    """Placed at the end of the story: the document template adds pages while note remainders are left."""

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self):
        pass


class NotesFrame(Frame):
    """A frame whose bottom rises to leave room for the footnotes referenced by what it holds."""

    ledger: FootnoteLedger | None = None
    _forced: Flowable | None = None
    """The first part :meth:`split` chose to place at the top of this page although its notes do not all fit."""
    # reportlab's own Frame state, which :meth:`_marks` saves and restores around a trial placement.
    _y: float
    _atTop: int
    _prevASpace: float

    def _base(self) -> float:
        return self._y1 + self._bottomPadding

    def __deepcopy__(self, memo):
        """A copy sharing the ledger (and the trial canvas).

        platypus deep-copies the current frame while it measures a group kept
        together (``KeepTogether``); copying the ledger would copy every note.
        """
        for shared in (self.ledger, self.__dict__.get("_trial_canvas"), self.__dict__.get("_forced")):
            if shared is not None:
                memo[id(shared)] = shared
        clone = self.__class__.__new__(self.__class__)
        memo[id(self)] = clone
        clone.__dict__.update(copy.deepcopy(self.__dict__, memo))
        return clone

    def _reset(self):
        super()._reset()
        self._y1p = self._base() + (self.ledger.reserve() if self.ledger else 0.0)
        self._trial_canvas = None
        self._forced = None

    def _fits(self, flowable) -> bool:
        """Whether ``flowable`` fits at the current reserve, reckoned as :meth:`Frame._add` does before drawing."""
        zero_size = getattr(flowable, "_ZEROSIZE", False)
        space = 0.0
        if not self._atTop:
            space = flowable.getSpaceBefore()
            if self._oASpace:
                if getattr(flowable, "_SPACETRANSFER", False) or zero_size:
                    space = self._prevASpace
                space = max(space - self._prevASpace, 0)
        room = self._y - self._y1p - space
        if room <= 0 and not zero_size:
            return False
        height = flowable.wrap(self._getAvailableWidth(), room)[1]
        return self._y - (height + space) >= self._y1p - _FUZZ

    def _marks(self, flowable, canv) -> tuple[bool, tuple[int, ...]]:
        """Whether ``flowable`` fits at the current reserve, and the footnote marks it holds."""
        known = getattr(flowable, "note_numbers", None)
        if known is not None:
            return self._fits(flowable), tuple(known)
        if isinstance(flowable, Paragraph):
            if not self._fits(flowable):
                return False, ()
            return True, paragraph_marks(flowable)
        if isinstance(flowable, _UNMARKED):
            return self._fits(flowable), ()
        if type(flowable) is KeepTogether:
            return False, ()  # its wrap always asks to be split; the frame then places its parts one by one
        if self._trial_canvas is None:
            self._trial_canvas = Canvas(io.BytesIO(), pagesize=(self._x2 + 100, self._y2 + 100))
        trial = self._trial_canvas
        found: list[int] = []
        trial.setNamedCB(CALLBACK, lambda c, kind, label: found.append(int(label)))
        saved = (self._y, self._atTop, self._prevASpace)
        try:
            fits = super()._add(flowable, trial, trySplit=1)
        finally:
            self._y, self._atTop, self._prevASpace = saved
        return bool(fits), tuple(found)

    def add(self, flowable, canv, trySplit=0):
        ledger = self.ledger
        if ledger is None or not ledger.active or getattr(flowable, "frameAction", None):
            return super()._add(flowable, canv, trySplit)
        if flowable is self._forced:
            return self._add_forced(flowable, canv, trySplit, ledger)
        self._y1p = self._base() + ledger.reserve()
        if _lists_its_notes(flowable) and not self._fits(flowable):
            return 0  # as below, without listing the notes of what does not fit (all those of a long table's rest)
        fits, marks = self._marks(flowable, canv)
        if not fits or ledger.overflows(marks):
            # Too big, or its new notes would overflow the page's share: :meth:`split` places a first
            # part whose notes fit, here or (if there is none) at the top of the next page.
            return 0
        self._y1p = self._base() + ledger.reserve(marks)
        if not super()._add(flowable, canv, trySplit):
            self._y1p = self._base() + ledger.reserve()
            return 0
        ledger.commit(marks)
        return 1

    def split(self, flowable, canv):
        """The flowable split so that the first part and the notes it brings fit on this page.

        When no such part exists at the top of a page, its notes cannot fit on any page: the
        smallest first part the flowable has (a table row, a paragraph's first lines) brings the
        ``unavoidable`` notes. The largest first part bringing no other note that overflows is
        placed, its notes taking the room they need, or if even the smallest part does not fit
        above them, that part is placed (see :meth:`_add_forced`); what does not fit continues at
        the foot of the next page.
        """
        ledger = self.ledger
        if ledger is None or not ledger.active:
            return super().split(flowable, canv)
        parts = self._split(flowable, canv, ledger)
        if parts or not self._atTop:
            return parts
        smallest = self._smallest_split(flowable, canv, ledger)
        if not smallest:
            return []
        marks = self._whole_marks(smallest[0], canv, ledger)
        parts = self._split(flowable, canv, ledger, unavoidable=frozenset(ledger.new_notes(marks))) or smallest
        if isinstance(parts[0], Flowable) and not _is_action(parts[0]):
            self._forced = parts[0]
        return parts

    def _split(self, flowable, canv, ledger: FootnoteLedger, unavoidable: frozenset[int] | None = None) -> list:
        """Split so that the first part and the notes it adds fit; [] if no part does (or the whole does).

        The first part's new notes must not overflow the notes' share, unless they are all
        ``unavoidable``. The text is offered less room, a step at a time, until the first part's
        notes fit in the share, then no more room than its notes leave.
        """
        base = self._base()
        limit = self._y - base - ledger.reserve()
        step = max(getattr(getattr(flowable, "style", None), "leading", 0) or 0, 6.0)
        try:
            for _ in range(1000):
                if limit <= 0:
                    return []
                self._y1p = self._y - limit
                parts, first = self._first_part(flowable, canv)
                if first is None:
                    return parts
                marks = self._part_marks(first, canv)
                if ledger.overflows(marks) and not (
                    unavoidable is not None and set(ledger.new_notes(marks)) <= unavoidable
                ):
                    limit -= step
                    continue
                room = self._y - base - ledger.reserve(marks)
                if limit > room + _FUZZ:
                    limit = room
                    continue
                return parts
            return []
        finally:
            self._y1p = self._base() + ledger.reserve()

    def _part_marks(self, part, canv) -> tuple[int, ...]:
        """The footnote marks of a candidate first part.

        A Paragraph just split keeps the lines its split gave it (reportlab's ``split`` sets them), and
        its marks are read from those: breaking its lines again for every room tried would cost a
        line breaking per try. The part chosen is wrapped as usual when the frame places it."""
        if (
            isinstance(part, Paragraph)
            and getattr(part, "_splitpara", False)
            and getattr(part, "blPara", None) is not None
        ):
            return paragraph_marks(part)
        return self._marks(part, canv)[1]

    def _whole_marks(self, flowable, canv, ledger: FootnoteLedger) -> tuple[int, ...]:
        """The footnote marks of ``flowable`` however little room the notes leave it on this page."""
        self._y1p = self._base()
        try:
            return self._part_marks(flowable, canv)
        finally:
            self._y1p = self._base() + ledger.reserve()

    def _first_part(self, flowable, canv) -> tuple[list, Flowable | None]:
        """The flowable split in the current room, and its first part (None when it has none to weigh)."""
        parts = super().split(flowable, canv)
        if not parts and not isinstance(flowable, Paragraph):
            # Other flowables (a RowTable, a platypus Table) answer no parts when they fit whole (a
            # Paragraph answers [itself]): then the whole is the first part, and if its notes are what
            # does not fit, it must be split in less room.
            return parts, flowable if self._fits(flowable) else None
        if not parts or not isinstance(parts[0], Flowable) or _is_action(parts[0]):
            return parts, None
        return parts, parts[0]

    def _smallest_split(self, flowable, canv, ledger: FootnoteLedger) -> list:
        """The flowable split with the smallest first part it has ([flowable] if it cannot be split), or []."""
        base = self._base()
        low, high = 0.0, self._y - base
        self._y1p = base
        try:
            found, _ = self._first_part(flowable, canv)
            found = found or ([flowable] if self._fits(flowable) else [])
            if not found:
                return found
            while high - low > 0.5:
                middle = (low + high) / 2
                self._y1p = self._y - middle
                parts, first = self._first_part(flowable, canv)
                if first is None and not parts:
                    low = middle
                else:
                    high = middle
                    found = parts or [flowable]
            return found
        finally:
            self._y1p = base + ledger.reserve()

    def _add_forced(self, flowable, canv, trySplit, ledger: FootnoteLedger) -> int:
        """Place ``flowable`` (chosen by :meth:`split` at the top of a page) with the notes' room below it.

        Its notes take the room they need or, if less is left below it, that room, and continue at the
        foot of the next page."""
        self._forced = None
        base = self._base()
        marks = self._whole_marks(flowable, canv, ledger)
        height = flowable.wrap(self._getAvailableWidth(), self._y - base)[1]
        if self._y - height - base < ledger.reserve(marks):
            ledger.cap = max(self._y - height - base, 0.0)
        self._y1p = base + ledger.reserve(marks)
        if not super()._add(flowable, canv, trySplit):
            self._y1p = base + ledger.reserve()
            return 0
        ledger.commit(marks)
        return 1


_UNMARKED = (Spacer, HRFlowable, FlushNotes)
"""Flowables that never hold a footnote mark."""


def _lists_its_notes(flowable) -> bool:
    """Whether ``flowable`` says which notes it holds (``note_numbers``, as a RowTable does), without asking."""
    if isinstance(getattr(type(flowable), "note_numbers", None), property):
        return True
    return getattr(flowable, "note_numbers", None) is not None


def paragraph_marks(paragraph: Paragraph) -> tuple[int, ...]:
    """The footnote marks of a wrapped Paragraph, in the order drawing it calls their callbacks."""
    lines = paragraph.blPara
    if lines.kind != 1:
        return ()
    found = []
    for line in lines.lines:
        for word in getattr(line, "words", ()):  # a split part's lines may be plain (width, words) tuples
            definition = getattr(word, "cbDefn", None)
            if definition is not None and definition.kind not in ("img", "anchor") and definition.name == CALLBACK:
                found.append(int(definition.label))
    return tuple(found)


def _is_action(flowable) -> bool:
    from reportlab.platypus.doctemplate import ActionFlowable
    from reportlab.platypus.flowables import PageBreak

    return isinstance(flowable, (ActionFlowable, PageBreak)) or bool(getattr(flowable, "frameAction", None))
