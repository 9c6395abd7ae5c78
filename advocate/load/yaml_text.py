"""The text of a YAML file's bytes: the encodings YAML allows, and a clear word on those it does not.

YAML files may be UTF-8, UTF-16 or UTF-32; the UTF-16 and UTF-32 a text editor
saves start with a byte-order mark, and are read as such. Otherwise the bytes are
read as :func:`~advocate.load.text_encoding.decode_bytes` reads every case file
(UTF-8, or Windows-1252), except that a file whose non-ASCII characters are
UTF-8 but for one is refused at that line: read as Windows-1252 every other
character would turn into mojibake ("TÃ¼rkiye"). A NUL byte is never in a text file: it names the
encoding the file seems to be in (UTF-16 without a mark puts a NUL beside every
ASCII letter) or the line it is on.
"""

from __future__ import annotations

import codecs
import re

from advocate.load.text_encoding import EncodingProblem, decode_bytes

_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
"""(byte-order mark, codec, name): UTF-32's marks first, since UTF-32-LE's starts with UTF-16-LE's."""


def decode_yaml(data: bytes) -> str:
    """The text of a YAML file; raises :class:`EncodingProblem` naming the encoding or the line when it has none."""
    for mark, codec, name in _MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(codec)
            except UnicodeDecodeError as exc:
                line = data[len(mark) : exc.start].decode(codec, errors="replace").count("\n") + 1
                raise EncodingProblem(
                    f"the file starts with a {name} byte-order mark but is not {name} "
                    f"from line {line}; save it as UTF-8",
                    line,
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _nul_problem(data, nul)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _UTF8_CHARACTER.search(data):
            line = data.count(b"\n", 0, exc.start) + 1
            raise EncodingProblem(
                f"byte 0x{data[exc.start]:02X} on line {line} is not UTF-8, though the file's other "
                "accented characters are: it mixes two encodings; correct that line and save the "
                "file as UTF-8",
                line,
            ) from None
    return decode_bytes(data).text


_UTF8_CHARACTER = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""A non-ASCII character encoded as UTF-8."""


def _nul_problem(data: bytes, nul: int) -> EncodingProblem:
    sample = data[:4096]
    odd, even = sample[1::2], sample[0::2]
    for zeros, name in ((odd, "UTF-16 (little-endian)"), (even, "UTF-16 (big-endian)")):
        if len(zeros) >= 2 and zeros.count(0) >= 0.8 * len(zeros):
            return EncodingProblem(
                f"the file looks like {name} without a byte-order mark, which cannot be read "
                "for certain; save it as UTF-8",
                1,
            )
    line = data.count(b"\n", 0, nul) + 1
    return EncodingProblem(
        f"line {line} holds a NUL byte (0x00), which a text file never has: the file is damaged "
        "or not a YAML file; save it again as UTF-8 text",
        line,
    )
