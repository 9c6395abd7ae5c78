"""Everything a reader of a folder of outputs can see, as text: each file's name, and its content read the way
its format is read (an email's headers, body and attachment names; a DOCX's every XML part, core properties
included; a PDF's pages and metadata), so that a test can look for what must not be there."""

from __future__ import annotations

import email
import email.policy
import re
import zipfile
from collections.abc import Iterator
from html import unescape
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader


def _docx_text(data: bytes) -> str:
    parts = []
    with zipfile.ZipFile(BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                xml = package.read(name).decode("utf-8", errors="replace")
                parts.append(unescape(re.sub(r"<[^>]+>", " ", xml)))
                parts.append(unescape(xml))  # attributes too
    return "\n".join(parts)


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    parts.extend(str(value) for value in (reader.metadata or {}).values())
    return "\n".join(parts)


def _eml_text(data: bytes) -> str:
    message = email.message_from_bytes(data, policy=email.policy.default)
    parts = [f"{key}: {value}" for key, value in message.items()]
    for part in message.walk():
        parts.extend(f"{key}: {value}" for key, value in part.items())
        if part.get_filename():
            parts.append(part.get_filename())
        if part.get_content_maintype() == "text":
            parts.append(str(part.get_content()))
        elif part.get_filename() and part.get_filename().endswith(".pdf"):
            parts.append(_pdf_text(part.get_content()))
    return "\n".join(parts)


def file_text(name: str, data: bytes) -> str:
    """What a reader sees of one file: its name and its content."""
    suffix = name.rsplit(".", 1)[-1].lower()
    if suffix == "docx":
        body = _docx_text(data)
    elif suffix == "pdf":
        body = _pdf_text(data)
    elif suffix == "eml":
        body = _eml_text(data)
    else:
        body = data.decode("utf-8", errors="replace")
    return f"{name}\n{body}"


def readable(folder: Path, *, skip: tuple[str, ...] = ()) -> Iterator[tuple[str, str]]:
    """(relative path, text) of every file under ``folder``, except under the subfolders ``skip``."""
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not (relative.parts and relative.parts[0] in skip):
            yield str(relative), file_text(str(relative), path.read_bytes())


def found_in(text: str, needles: set[str]) -> set[str]:
    """The needles in ``text``, also when a layout split one across a line or put spaces in it."""
    squeezed = re.sub(r"\s+", "", text)
    return {needle for needle in needles if needle in text or needle in squeezed}
