"""Numbered and bulleted lists that really number: Word's numbering part.

Word numbers a paragraph through ``w:numPr`` (a list instance ``w:numId`` and a
level ``w:ilvl``). A list instance (``w:num``) points at an abstract definition
(``w:abstractNum``: per level, the number format, text and indents). Each list of
the document tree gets its own ``w:num`` with a ``w:startOverride`` at its level,
so that every list restarts, at ``List.start`` (numbered paragraphs of a letter
continue across headings that way). Two abstract definitions serve all lists:
numbered (1. / (a) / (i) ...) and bulleted.
"""

from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from lxml.etree import _Element

from advocate.render.docx.elements import w
from advocate.render.list_labels import BULLETS, ORDERED_LEVELS

LEVELS = 9
INDENT_STEP = 567
"""Twips each level indents by (1 cm); the number hangs in the first step."""


def _level(ilvl: int, ordered: bool) -> _Element:
    if ordered:
        fmt, pattern = ORDERED_LEVELS[ilvl % len(ORDERED_LEVELS)]
        text = pattern.format(f"%{ilvl + 1}")
    else:
        fmt, text = "bullet", BULLETS[ilvl % len(BULLETS)]
    indent = w("ind", left=INDENT_STEP * (ilvl + 1), hanging=INDENT_STEP)
    return w(
        "lvl",
        [
            w("start", val=1),
            w("numFmt", val=fmt),
            w("lvlText", val=text),
            w("lvlJc", val="left"),
            w("pPr", [w("tabs", [w("tab", val="num", pos=INDENT_STEP * (ilvl + 1))]), indent]),
        ],
        ilvl=ilvl,
    )


def _numbering_part(document) -> NumberingPart:
    main = document.part
    try:
        return main.part_related_by(RT.NUMBERING)
    except KeyError:
        part = NumberingPart(
            PackURI("/word/numbering.xml"), CT.WML_NUMBERING, parse_xml(f"<w:numbering {nsdecls('w')}/>"), main.package
        )
        main.relate_to(part, RT.NUMBERING)
        return part


def _ids(element, tag: str, attribute: str) -> list[int]:
    return [int(child.get(qn(attribute))) for child in element.iter(qn(tag))]


class ListNumbering:
    """Adds list instances to a document's numbering part (creating the part if the template has none)."""

    def __init__(self, document):
        self._numbering = _numbering_part(document).element
        self._abstract: dict[bool, int] = {}
        self._next_id: int | None = None
        """The next free ``w:numId``: read from the part once, then counted (a letter over many licences has
        thousands of lists, and reading every instance for each new one made adding them quadratic)."""
        self._cleanup = self._numbering.find(qn("w:numIdMacAtCleanup"))

    def new_list(self, ordered: bool, level: int, start: int = 1) -> int:
        """The ``w:numId`` of a new list instance that restarts at ``start`` on ``level`` (0 = outermost)."""
        if not 0 <= level < LEVELS:
            raise ValueError(f"list nested {level + 1} deep: Word numbers at most {LEVELS} levels")
        if self._next_id is None:
            self._next_id = max(_ids(self._numbering, "w:num", "w:numId"), default=0) + 1
        num_id = self._next_id
        self._next_id += 1
        overrides = [w("lvlOverride", [w("startOverride", val=start)], ilvl=level)] if ordered else []
        num = w("num", [w("abstractNumId", val=self._abstract_id(ordered)), *overrides], numId=num_id)
        if self._cleanup is not None:
            self._cleanup.addprevious(num)
        else:
            self._numbering.append(num)
        return num_id

    def _abstract_id(self, ordered: bool) -> int:
        if ordered not in self._abstract:
            abstract_id = max(_ids(self._numbering, "w:abstractNum", "w:abstractNumId"), default=-1) + 1
            abstract = w(
                "abstractNum",
                [
                    w("multiLevelType", val="multilevel"),
                    *(_level(ilvl, ordered) for ilvl in range(LEVELS)),
                ],
                abstractNumId=abstract_id,
            )
            followers = [self._numbering.find(qn(tag)) for tag in ("w:num", "w:numIdMacAtCleanup")]
            follower = next((element for element in followers if element is not None), None)
            if follower is not None:
                follower.addprevious(abstract)
            else:
                self._numbering.append(abstract)
            self._abstract[ordered] = abstract_id
        return self._abstract[ordered]


def numbering_properties(num_id: int, level: int) -> _Element:
    """The ``w:numPr`` that numbers a paragraph as an item of list ``num_id`` at ``level``."""
    return w("numPr", [w("ilvl", val=level), w("numId", val=num_id)])
