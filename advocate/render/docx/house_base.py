"""The default house-style document, prepared once per process, and its styles part kept aside.

Restyling python-docx's template is slow, so it is done once
(:func:`house_base`). The restyled template's ``word/styles.xml`` is large
(about 350 KB: the house styles and every style of the template) and the same
in every letter but for the language of its defaults, so it is also kept
aside: :attr:`HouseBase.light` is the base package with an empty styles part
(quick to open for each document), and :meth:`HouseBase.styles_xml` gives the
serialized styles part for a language, written in place of the empty one when
the document is saved. The style ids and whether a footnote number hangs are
read from the styles once.
"""

from __future__ import annotations

import functools
import io
import threading
import zipfile
from dataclasses import dataclass, field

import docx
from docx.opc.oxml import serialize_part_xml
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from lxml.etree import _Element

from advocate.render.docx.house_style import (
    StyleIds,
    apply_house_style,
    set_styles_language,
    styles_hang,
    styles_ids,
)
from advocate.render.docx.package import zip_bytes

STYLES_PART = "word/styles.xml"
_EMPTY_STYLES = f"<w:styles {nsdecls('w')}/>".encode()


@dataclass(frozen=True)
class HouseBase:
    """The house-style base document, without its styles part, and that part's contents."""

    light: bytes
    """The base package with an empty ``word/styles.xml``."""
    style_ids: StyleIds
    hanging_note_marks: bool
    """Whether the footnote text style hangs its number (a tab follows the number, not a space)."""
    _styles: _Element = field(repr=False)
    _by_language: dict = field(default_factory=dict, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def styles_xml(self, language: str) -> bytes:
        """``word/styles.xml`` of the house style with its text marked as ``language``."""
        found = self._by_language.get(language)
        if found is None:
            with self._lock:
                set_styles_language(self._styles, language)
                found = self._by_language[language] = serialize_part_xml(self._styles)
        return found


@functools.lru_cache(maxsize=1)
def house_base() -> HouseBase:
    """The default document restyled in the house style (built once per process)."""
    word = docx.Document()
    apply_house_style(word)
    out = io.BytesIO()
    word.save(out)
    with zipfile.ZipFile(out) as package:
        entries = {name: package.read(name) for name in package.namelist()}
    styles = parse_xml(entries[STYLES_PART])
    entries[STYLES_PART] = _EMPTY_STYLES
    ids = styles_ids(styles)
    return HouseBase(
        light=zip_bytes(entries),
        style_ids=ids,
        hanging_note_marks=styles_hang(styles, ids.footnote_text),
        _styles=styles,
    )
