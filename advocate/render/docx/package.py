"""The saved file: fixed metadata and a zip written the same way every time.

python-docx stamps the save time into ``docProps/core.xml`` and zip entries
carry the time they were written; both would make every run's bytes differ.
Core properties are set from :class:`~advocate.document.tree.DocumentInfo`
(created and modified at the document's date, midnight UTC; revision 1) and
the package is rewritten with entries in a fixed order and fixed timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from advocate.document.tree import DocumentInfo

ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


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


def reproducible_zip(data: bytes) -> bytes:
    """``data`` (a zip) rewritten with ``[Content_Types].xml`` first, the rest sorted, and fixed timestamps."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {name: source.read(name) for name in source.namelist()}
    order = [name for name in _FIRST if name in entries]
    order += sorted(name for name in entries if name not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
