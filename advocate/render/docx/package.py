"""The saved file: fixed metadata and a zip written the same way every time.

python-docx stamps the save time into ``docProps/core.xml`` and zip entries
carry the time they were written; both would make every run's bytes differ.
Core properties are set from :class:`~advocate.models.document.DocumentInfo`
(created and modified at the document's date, midnight UTC; revision 1) and
:func:`package_bytes` writes the package once, with entries in a fixed order
and fixed timestamps (:func:`reproducible_zip` rewrites an existing zip the
same way).

Most parts of a letter (the theme, the font table, the house styles ...) are
the same in every document, so the deflated form of each entry is remembered
(:class:`_DeflateCache`, a few dozen entries by content) and a part already
compressed once is not compressed again. The zip is written here rather than
by :mod:`zipfile` because :mod:`zipfile` cannot take data already deflated; the
bytes are those :mod:`zipfile` writes for the same entries (local headers,
central directory, end record; no data descriptors, no extra fields; rw------- permissions).
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections import OrderedDict

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PACKAGE_URI
from docx.opc.pkgwriter import _ContentTypesItem

from advocate.models.document import DocumentInfo

ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
COMPRESS_LEVEL = 6
"""zlib's default: a DOCX of a letter is a few tens of kilobytes either way, and a remembered part costs nothing."""
_FIRST = ("[Content_Types].xml", "_rels/.rels")
_DOS_DATE = (ZIP_TIMESTAMP[0] - 1980) << 9 | ZIP_TIMESTAMP[1] << 5 | ZIP_TIMESTAMP[2]
_DOS_TIME = ZIP_TIMESTAMP[3] << 11 | ZIP_TIMESTAMP[4] << 5 | ZIP_TIMESTAMP[5] // 2
_VERSION = 20
_EXTERNAL_ATTRIBUTES = 0o600 << 16
"""Unix permissions rw------- , which :mod:`zipfile` gives an entry written from bytes."""
"""'Version needed to extract' and 'made by' of a deflated entry (2.0, MS-DOS), as :mod:`zipfile` writes."""


def set_core_properties(document, info: DocumentInfo) -> None:
    """Replace the core properties (a reference document's author, title, dates ...) with ``info``'s."""
    core = document.core_properties
    element = core._element
    for child in list(element):
        element.remove(child)
    midnight = dt.datetime.combine(info.date, dt.time(0, 0))
    core.title = info.title
    core.author = info.author
    core.last_modified_by = info.author
    core.subject = info.subject
    core.language = info.language
    core.created = midnight
    core.modified = midnight
    core.revision = 1


def drop_thumbnail(document) -> None:
    """Remove the template's preview image, which shows a different document."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)


def package_entries(document, replacements: dict[str, bytes] | None = None) -> dict[str, bytes]:
    """The zip entries python-docx would save for ``document``: name → bytes.

    ``replacements`` gives the bytes of some parts by zip name (``word/styles.xml``)
    instead of serializing them (a part whose serialized form is already known).
    """
    replacements = replacements or {}
    package = document.part.package
    parts = list(package.parts)
    for part in parts:
        part.before_marshal()
    entries = {
        "[Content_Types].xml": _ContentTypesItem.from_parts(parts).blob,
        PACKAGE_URI.rels_uri.membername: package.rels.xml,
    }
    for part in parts:
        name = part.partname.membername
        found = replacements.get(name)
        entries[name] = found if found is not None else part.blob
        if len(part.rels):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    return entries


def package_bytes(document, replacements: dict[str, bytes] | None = None) -> bytes:
    """``document`` saved as a reproducible zip: :func:`package_entries` in :func:`entry_order`, fixed timestamps."""
    return zip_bytes(package_entries(document, replacements))


def reproducible_zip(data: bytes) -> bytes:
    """``data`` (a zip) rewritten with ``[Content_Types].xml`` first, the rest sorted, and fixed timestamps."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    return zip_bytes(entries)


def entry_order(names) -> list[str]:
    """``[Content_Types].xml`` and the package relationships first, the rest sorted."""
    names = set(names)
    return [name for name in _FIRST if name in names] + sorted(names.difference(_FIRST))


class _DeflateCache:
    """Raw DEFLATE streams of recently written entries, by content (least recently used dropped first)."""

    def __init__(self, size: int = 48):
        self.size = size
        self._streams: OrderedDict[bytes, tuple[bytes, int]] = OrderedDict()

    def deflate(self, data: bytes) -> tuple[bytes, int]:
        """``data`` deflated at :data:`COMPRESS_LEVEL` as :mod:`zipfile` does, and its CRC-32."""
        found = self._streams.get(data)
        if found is not None:
            self._streams.move_to_end(data)
            return found
        compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        found = (compressor.compress(data) + compressor.flush(), zlib.crc32(data))
        self._streams[data] = found
        if len(self._streams) > self.size:
            self._streams.popitem(last=False)
        return found


_DEFLATE = _DeflateCache()


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    """A zip of ``entries`` (name → bytes), deflated, in :func:`entry_order`, every entry dated :data:`ZIP_TIMESTAMP`."""
    out = io.BytesIO()
    directory = []
    for name in entry_order(entries):
        data = entries[name]
        stream, crc = _DEFLATE.deflate(data)
        encoded, flags = (name.encode("ascii"), 0) if name.isascii() else (name.encode("utf-8"), 0x800)
        offset = out.tell()
        out.write(
            struct.pack(
                "<4s2B4HL2L2H",
                b"PK\x03\x04",
                _VERSION,
                0,
                flags,
                zipfile.ZIP_DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                crc,
                len(stream),
                len(data),
                len(encoded),
                0,
            )
        )
        out.write(encoded)
        out.write(stream)
        directory.append(
            struct.pack(
                "<4s4B4HL2L5H2L",
                b"PK\x01\x02",
                _VERSION,
                0,
                _VERSION,
                0,
                flags,
                zipfile.ZIP_DEFLATED,
                _DOS_TIME,
                _DOS_DATE,
                crc,
                len(stream),
                len(data),
                len(encoded),
                0,
                0,
                0,
                0,
                _EXTERNAL_ATTRIBUTES,
                offset,
            )
            + encoded
        )
    start = out.tell()
    for record in directory:
        out.write(record)
    size = out.tell() - start
    if len(directory) > 0xFFFF or start > 0xFFFFFFFF:
        raise ValueError(f"a DOCX of {len(directory)} parts and {start:,} bytes is too large for a plain zip")
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory), size, start, 0))
    return out.getvalue()
