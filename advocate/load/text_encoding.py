"""Reading the text encodings real licence and case files come in: UTF-8 (with or without a BOM) and Windows-1252."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class EncodingProblem(ValueError):
    """The file is neither UTF-8 nor Windows-1252. ``line`` is where the first bad byte is."""

    def __init__(self, message: str, line: int | None):
        super().__init__(message)
        self.line = line


@dataclass(frozen=True)
class DecodedText:
    """A file's text and the encoding it was read with (``utf-8``, ``utf-8-sig`` or ``cp1252``)."""

    text: str
    encoding: str


def detect_encoding(data: bytes) -> str:
    """``utf-8-sig`` for a BOM, ``utf-8`` when the bytes are valid UTF-8, else ``cp1252``.

    Raises :class:`EncodingProblem` naming the line of the first byte that neither encoding allows.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    else:
        encoding = "utf-8"
    try:
        data.decode("utf-8")
        return encoding
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise EncodingProblem(
            f"byte 0x{data[exc.start]:02X} on line {line} is neither UTF-8 nor Windows-1252; save the file as UTF-8",
            line,
        ) from None


def decode_bytes(data: bytes) -> DecodedText:
    """Text of a file's bytes, in whichever of the supported encodings fits."""
    encoding = detect_encoding(data)
    return DecodedText(data.decode(encoding), encoding)


def decode_file(path: Path) -> DecodedText:
    """Text of a file, in whichever of the supported encodings fits."""
    return decode_bytes(Path(path).read_bytes())
