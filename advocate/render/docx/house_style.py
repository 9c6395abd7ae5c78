"""The look of the output: the default house style, or a reference document's, and the style ids to use.

Without a reference document the python-docx template is restyled as a plain
law-firm letter (``data/house_styles.xml`` and an A4 page with 2.5 cm margins).
With one, its styles and page setup are kept and only the styles the renderer
needs and the reference lacks are added from the same file. Either way the
renderer asks :func:`style_ids` for the ids of the styles it uses, looked up by
name, since a reference made by a non-English Word has other ids.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from importlib import resources

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm

from advocate.render.docx.elements import w

_HOUSE_STYLES = "house_styles.xml"

A4_WIDTH, A4_HEIGHT = Cm(21.0), Cm(29.7)
MARGIN = Cm(2.5)
HEADER_FOOTER_DISTANCE = Cm(1.25)
WORD_2013_COMPATIBILITY = 15


@dataclass(frozen=True)
class StyleIds:
    """The style ids the renderer writes, resolved in the document at hand."""

    normal: str
    headings: tuple[str, str, str, str]
    quote: str
    list_paragraph: str
    footnote_text: str
    footnote_reference: str
    hyperlink: str
    code: str
    table: str
    header: str
    footer: str

    def heading(self, level: int) -> str:
        """Heading style for tree level ``level`` (levels below 4 use Heading 4)."""
        return self.headings[min(max(level, 1), 4) - 1]


_NAMES = {
    "normal": "Normal",
    "quote": "Quote",
    "list_paragraph": "List Paragraph",
    "footnote_text": "footnote text",
    "footnote_reference": "footnote reference",
    "hyperlink": "Hyperlink",
    "code": "Verbatim Char",
    "table": "Advocate Table",
    "header": "header",
    "footer": "footer",
}
_HEADING_NAMES = ("heading 1", "heading 2", "heading 3", "heading 4")


def _house_styles():
    """The parsed ``w:styles`` element of the default house style."""
    data = resources.files("advocate.render.docx").joinpath("data", _HOUSE_STYLES).read_bytes()
    return parse_xml(data)


def _name(style) -> str:
    name = style.find(qn("w:name"))
    return "" if name is None else name.get(qn("w:val"), "").lower()


def _styles_by_name(styles_element) -> dict:
    return {_name(style): style for style in styles_element.iter(qn("w:style"))}


def apply_house_style(document) -> None:
    """Restyle a fresh python-docx document as the default house style: styles, defaults and A4 page."""
    styles = document.styles.element
    house = _house_styles()
    defaults = styles.find(qn("w:docDefaults"))
    new_defaults = copy.deepcopy(house.find(qn("w:docDefaults")))
    if defaults is not None:
        defaults.addprevious(new_defaults)
        styles.remove(defaults)
    else:
        styles.insert(0, new_defaults)
    for style in house.iter(qn("w:style")):
        style_id, name = style.get(qn("w:styleId")), _name(style)
        for old in list(styles.iter(qn("w:style"))):
            if old.get(qn("w:styleId")) == style_id or _name(old) == name:
                styles.remove(old)
        styles.append(copy.deepcopy(style))
    _drop_styles_with_effects(document)
    _set_compatibility_mode(document, WORD_2013_COMPATIBILITY)
    for section in document.sections:
        section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
        section.left_margin = section.right_margin = MARGIN
        section.top_margin = section.bottom_margin = MARGIN
        section.header_distance = section.footer_distance = HEADER_FOOTER_DISTANCE


def _drop_styles_with_effects(document) -> None:
    """Drop the template's Word 2010 copy of its styles, which would disagree with the restyled ones."""
    main = document.part
    for rel_id, rel in list(main.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            main.drop_rel(rel_id)


def _set_compatibility_mode(document, mode: int) -> None:
    """Lay out as current Word does, so that Word does not open the file in 'Compatibility Mode'."""
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))


def add_missing_styles(document) -> None:
    """Add each house style whose name the document's styles lack (a reference document keeps its own)."""
    styles = document.styles.element
    present = _styles_by_name(styles)
    taken_ids = {style.get(qn("w:styleId")) for style in styles.iter(qn("w:style"))}
    for style in _house_styles().iter(qn("w:style")):
        if _name(style) in present:
            continue
        if style.get(qn("w:styleId")) in taken_ids:
            raise ValueError(
                f"reference document: style id '{style.get(qn('w:styleId'))}' is taken by a style not named "
                f"'{_name(style)}'; rename that style in the reference document"
            )
        styles.append(copy.deepcopy(style))


def set_language(document, language: str) -> None:
    """Mark the text as written in ``language`` (``en-GB``) for Word's proofing tools."""
    set_styles_language(document.styles.element, language)


def set_styles_language(styles, language: str) -> None:
    """:func:`set_language` on a ``w:styles`` element."""
    rpr = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = w("lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def hangs(document, style_id: str) -> bool:
    """Whether paragraph style ``style_id`` itself sets a hanging indent (a footnote number then hangs)."""
    return styles_hang(document.styles.element, style_id)


def styles_hang(styles, style_id: str) -> bool:
    """:func:`hangs` on a ``w:styles`` element."""
    for style in styles.iter(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            indent = style.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            return indent is not None and int(indent.get(qn("w:hanging"), "0")) > 0
    return False


def style_ids(document) -> StyleIds:
    """The ids of the styles the renderer uses, looked up by name (case-insensitively)."""
    return styles_ids(document.styles.element)


def styles_ids(styles) -> StyleIds:
    """:func:`style_ids` of a ``w:styles`` element."""
    by_name = _styles_by_name(styles)

    def style_id(name: str) -> str:
        style = by_name.get(name.lower())
        if style is None:
            raise ValueError(f"the document's styles have no style named '{name}'")
        return style.get(qn("w:styleId"))

    first, second, third, fourth = (style_id(name) for name in _HEADING_NAMES)
    return StyleIds(
        headings=(first, second, third, fourth),
        **{field: style_id(name) for field, name in _NAMES.items()},
    )
