"""Word's own footnotes for a python-docx document, which has no footnote API.

A DOCX keeps footnotes in the part ``word/footnotes.xml``, related to the main
document part by the ``.../relationships/footnotes`` relationship and listed in
``[Content_Types].xml`` as ``...wordprocessingml.footnotes+xml``. The part holds
two special notes first, the separator (``w:id="-1"``, the short rule above the
notes) and the continuation separator (``w:id="0"``), then one ``w:footnote``
per note. A note's paragraphs use the "footnote text" style; its first paragraph
starts with a ``w:footnoteRef`` run (where Word prints the note's number). The
body refers to a note with a run holding ``w:footnoteReference w:id="N"`` in the
"footnote reference" character style (superscript). ``settings.xml`` names the
two special notes in ``w:footnotePr``, as Word itself writes.

:func:`footnotes_part` gives the part of a document, creating it (or replacing a
reference document's own, whose notes belong to another text) on first use.
Hyperlinks inside notes must be related from this part, not the document part.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.package import Package
from lxml.etree import _Element

from advocate.render.docx.elements import run, w

SEPARATOR_ID = -1
CONTINUATION_SEPARATOR_ID = 0

_PARTNAME = "/word/footnotes.xml"

_EMPTY_PART = (
    f"<w:footnotes {nsdecls('w', 'r')}>"
    f'<w:footnote w:type="separator" w:id="{SEPARATOR_ID}">'
    '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:separator/></w:r></w:p></w:footnote>"
    f'<w:footnote w:type="continuationSeparator" w:id="{CONTINUATION_SEPARATOR_ID}">'
    '<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    "</w:footnotes>"
)

# Children of w:settings that come after w:footnotePr in the schema's sequence.
_SETTINGS_AFTER_FOOTNOTEPR = (
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


class FootnotesPart(XmlPart):
    """The footnotes part this module makes (separators only at first), and the ids of the notes added to it,
    kept beside it so that adding a note does not scan every other one."""

    def __init__(self, package: Package):
        super().__init__(PackURI(_PARTNAME), CT.WML_FOOTNOTES, parse_xml(_EMPTY_PART), package)
        self.note_ids: set[int] = set()


def footnotes_part(document: DocxDocument) -> FootnotesPart:
    """The footnotes part of python-docx ``document``, created empty (separators only) on first call.

    A part already there that this module did not make (a reference document's
    notes) is dropped and replaced, so that the output holds only its own notes.
    """
    main = document.part
    for rel_id, rel in list(main.rels.items()):
        if rel.reltype == RT.FOOTNOTES and not rel.is_external:
            if isinstance(rel.target_part, FootnotesPart):
                return rel.target_part
            main.drop_rel(rel_id)
    part = FootnotesPart(main.package)
    main.relate_to(part, RT.FOOTNOTES)
    _declare_special_notes(document)
    return part


def add_footnote(part: FootnotesPart, note_id: int) -> _Element:
    """A new, empty ``w:footnote`` with ``w:id=note_id`` appended to ``part``; fill it with paragraphs."""
    if note_id <= CONTINUATION_SEPARATOR_ID:
        raise ValueError(f"footnote id {note_id}: ids below 1 are reserved for the separators")
    if note_id in part.note_ids:
        raise ValueError(f"footnote id {note_id} is already in the footnotes part")
    note = w("footnote", id=note_id)
    part.element.append(note)
    part.note_ids.add(note_id)
    return note


def mark_runs(reference_style_id: str, *, hanging: bool) -> list[_Element]:
    """The runs that open a note's first paragraph: the note's number, then a tab (``hanging``) or a space.

    A tab suits a note style with a hanging indent (the number hangs in the
    margin of the note); a space suits any other.
    """
    return [run(w("footnoteRef"), style=reference_style_id), run(w("tab") if hanging else " ")]


def reference_run(note_id: int, reference_style_id: str) -> _Element:
    """The body run that places footnote ``note_id``'s superscript number in the text."""
    return run(w("footnoteReference", id=note_id), style=reference_style_id)


def _declare_special_notes(document: DocxDocument) -> None:
    """Name the separator notes in ``settings.xml``'s ``w:footnotePr``, as Word writes them.

    A declaration already there (from a reference document, perhaps naming other
    ids, as LibreOffice's 0 and 1) is corrected to this part's ids; its numbering
    settings are kept.
    """
    settings = document.settings.element
    declaration = settings.find(qn("w:footnotePr"))
    if declaration is None:
        declaration = w("footnotePr")
        followers = {qn(tag) for tag in _SETTINGS_AFTER_FOOTNOTEPR}
        follower = next((child for child in settings if child.tag in followers), None)
        if follower is not None:
            follower.addprevious(declaration)
        else:
            settings.append(declaration)
    for old in declaration.findall(qn("w:footnote")):
        declaration.remove(old)
    declaration.append(w("footnote", id=SEPARATOR_ID))
    declaration.append(w("footnote", id=CONTINUATION_SEPARATOR_ID))
