"""Reading the text encodings real licence and case files come in.

UTF-8 (with or without a BOM), Windows-1252 (what Excel writes as "CSV" on a
Windows machine) and UTF-16 with a byte-order mark (Excel's "Unicode text") are
read. Everything else is refused with the line it goes wrong on and what to do:
a file in UTF-16 without a byte-order mark, a NUL byte (a binary file, or a
spreadsheet saved as something else), or a file that mixes UTF-8 and Windows-1252
(read as either, one part would print as mojibake: "TÃ¼rk Telekom").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from advocate.load.file_bytes import UnreadableFile, read_file_bytes

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""A multi-byte UTF-8 character: in Windows-1252 text these byte pairs are mojibake ("Ã¼"), never words."""


class EncodingProblem(ValueError):
    """The file's bytes cannot be read as text safely. ``line`` is where the trouble is (1-based), if known."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class DecodedText:
    """A file's text and the encoding it was read with (``utf-8``, ``utf-8-sig``, ``cp1252`` or ``utf-16``)."""

    text: str
    encoding: str


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _looks_like_utf16(data: bytes) -> bool:
    """Every other byte NUL at the start: UTF-16 text of a Latin script, without its byte-order mark."""
    head = data[:400]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) > 0.8 * len(even) or odd.count(0) > 0.8 * len(odd)


def detect_encoding(data: bytes) -> str:
    """``utf-16`` or ``utf-8-sig`` for a byte-order mark, ``utf-8`` for valid UTF-8, else ``cp1252``.

    Raises :class:`EncodingProblem` naming the line for a NUL byte, UTF-16 without a
    byte-order mark, a mixture of UTF-8 and Windows-1252, or a byte neither allows.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingProblem(
                f"the file is marked as UTF-16 but byte {exc.start} is not; save it as UTF-8", None
            ) from None
        return "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    else:
        encoding = "utf-8"
    nul = data.find(b"\x00")
    if nul >= 0:
        if _looks_like_utf16(data):
            raise EncodingProblem(
                "the file is UTF-16 without a byte-order mark; save it as UTF-8 (in Excel: CSV UTF-8)", 1
            )
        line = _line_of(data, nul)
        raise EncodingProblem(
            f"line {line} holds a NUL byte (0x00), which text never does: this is not a text file, "
            "or it was saved in another format; save it as UTF-8 text",
            line,
        )
    try:
        data.decode("utf-8")
        return encoding
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if (utf8 := _UTF8_SEQUENCE.search(data)) is not None:
        good, bad = _line_of(data, utf8.start()), _line_of(data, first_bad)
        raise EncodingProblem(
            f"the file mixes encodings: line {good} is UTF-8 but byte 0x{data[first_bad]:02X} on line {bad} is not "
            "(Windows-1252?); read either way one part would print garbled; save the whole file as UTF-8",
            bad,
        )
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        raise EncodingProblem(
            f"byte 0x{data[exc.start]:02X} on line {line} is neither UTF-8 nor Windows-1252; save the file as UTF-8",
            line,
        ) from None


def decode_bytes(data: bytes) -> DecodedText:
    """Text of a file's bytes, in whichever of the supported encodings fits."""
    encoding = detect_encoding(data)
    return DecodedText(data.decode(encoding), encoding)


def decode_file(path: Path) -> DecodedText:
    """Text of a file, in whichever of the supported encodings fits.

    A file that cannot be read at all (missing, a folder, no permission) raises
    :class:`EncodingProblem` too, saying why, so that every reader reports it in one line.
    """
    try:
        data = read_file_bytes(Path(path))
    except UnreadableFile as exc:
        raise EncodingProblem(str(exc), None) from None
    return decode_bytes(data)
