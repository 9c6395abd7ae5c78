"""The bundled TrueType fonts and the check that every character has a glyph.

The fonts are Liberation Serif (regular, bold, italic, bold italic) and
Liberation Mono, version 2.1.5, under the SIL Open Font License 1.1 (see
``fonts/LICENSE.txt``). They are read from package data with
:mod:`importlib.resources`, so they load from a wheel or a zip as well as from a
checkout, and they are embedded (subset) in every PDF: a Turkish name such as
'Şebnem Korur Fincancı' prints the same on every reader.

A character the font has no glyph for would print as an empty box; instead
:func:`check_printable` raises :class:`UnprintableText` naming the character and
the text around it.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from advocate.errors import UnprintableText

_PREFIX = "Advocate-"
_IGNORED = frozenset("\n\r\t")
"""Characters that never reach the page as glyphs."""


@dataclass(frozen=True)
class FontFamily:
    """Four faces of one family, as file names in ``advocate/render/pdf/fonts/``."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


LIBERATION_SERIF = FontFamily(
    regular="LiberationSerif-Regular.ttf",
    bold="LiberationSerif-Bold.ttf",
    italic="LiberationSerif-Italic.ttf",
    bold_italic="LiberationSerif-BoldItalic.ttf",
)
LIBERATION_MONO = "LiberationMono-Regular.ttf"


@dataclass(frozen=True)
class RegisteredFamily:
    """The reportlab font names of a registered family; ``regular`` also names the family in markup."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def face_name(file_name: str) -> str:
    """The reportlab name a bundled font file is registered under."""
    return _PREFIX + file_name.rsplit(".", 1)[0]


def register_face(file_name: str) -> str:
    """Register one bundled TrueType file (once per process) and return its reportlab name."""
    name = face_name(file_name)
    if name not in pdfmetrics.getRegisteredFontNames():
        resource = resources.files("advocate.render.pdf").joinpath("fonts", file_name)
        if not resource.is_file():
            raise FileNotFoundError(f"bundled font advocate/render/pdf/fonts/{file_name} is missing")
        pdfmetrics.registerFont(TTFont(name, io.BytesIO(resource.read_bytes())))
    return name


def register_family(family: FontFamily) -> RegisteredFamily:
    """Register the four faces and map them as one family, so ``<b>`` and ``<i>`` in markup pick the right face."""
    names = RegisteredFamily(
        regular=register_face(family.regular),
        bold=register_face(family.bold),
        italic=register_face(family.italic),
        bold_italic=register_face(family.bold_italic),
    )
    addMapping(names.regular, 0, 0, names.regular)
    addMapping(names.regular, 1, 0, names.bold)
    addMapping(names.regular, 0, 1, names.italic)
    addMapping(names.regular, 1, 1, names.bold_italic)
    return names


_COVERAGE: dict[str, frozenset[int]] = {}


def coverage(font_name: str) -> frozenset[int]:
    """The code points a registered TrueType font has glyphs for."""
    found = _COVERAGE.get(font_name)
    if found is None:
        font = pdfmetrics.getFont(font_name)
        found = _COVERAGE[font_name] = frozenset(font.face.charToGlyph)
    return found


def check_printable(text: str, font_names: tuple[str, ...], where: str = "") -> None:
    """Raise :class:`UnprintableText` if any character of ``text`` is missing from any of ``font_names``.

    Every face a piece of text may be set in is checked (the text of a
    paragraph can be made bold or italic by its context).
    """
    characters = set(text) - _IGNORED
    if not characters:
        return
    for font_name in font_names:
        covered = coverage(font_name)
        missing = {c for c in characters if ord(c) not in covered}
        if missing:
            char = min(missing, key=text.index)
            at = text.index(char)
            context = text[max(0, at - 30) : at + 30].replace("\n", " ")
            name = unicodedata.name(char, "unnamed character")
            place = f" in {where}" if where else ""
            raise UnprintableText(
                f"cannot print {char!r} (U+{ord(char):04X} {name}){place}: the PDF font "
                f"{font_name.removeprefix(_PREFIX)} has no glyph for it, in text '…{context}…'"
            )
