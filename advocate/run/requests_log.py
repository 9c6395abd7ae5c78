"""Writing to the campaign's record: an event appended to a request, a letter stored, a reply made a source.

``requests.yaml`` is the user's file, kept in git and edited by hand as well:
it is rewritten with ruamel's round-trip dumper, so that its comments, its order
and every event already there stay as they were; an event is only ever added at
the end of a request's history. A letter stored in the case is never replaced
by a different one. Every file is written whole to a temporary file and then
moved into place, so an interruption leaves the old file, never half of a new one.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from advocate.errors import AdvocateError
from advocate.models.foi_request import REQUESTS_FILE

HEADER = """\
# The campaign's FOI requests and what happened to each.
#
# Each request keeps its events in the order they happened: what was sent and
# what came back. `advocate sent` and `advocate reply` add events here;
# `advocate status` works out from them where each request stands.
"""


class LogError(AdvocateError):
    """The campaign's record cannot be written as asked (a stored letter would be replaced, a file is malformed)."""


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 100
    yaml.preserve_quotes = True
    return yaml


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole: to a temporary file beside it, then moved into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        if path.exists():
            shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _load_requests(root: Path):
    """requests.yaml as a round-trip tree, and whether the file is new."""
    path = root / REQUESTS_FILE
    yaml = _yaml()
    tree, new = None, not path.is_file()
    if not new:
        try:
            tree = yaml.load(path.read_text(encoding="utf-8"))
        except Exception as exc:  # the file was checked before; this is a race with an editor
            raise LogError(f"{path}: cannot be read back to add to it ({str(exc).splitlines()[0]})") from None
    if tree is None:
        tree = CommentedMap()
    if not isinstance(tree, dict):
        raise LogError(f"{path}: expected 'authorities:' and 'requests:' (run `advocate check`)")
    if tree.get("requests") is None:
        tree["requests"] = CommentedSeq()
    return yaml, tree, new


def _dump(yaml: YAML, tree, header: str = "") -> bytes:
    buffer = io.StringIO()
    buffer.write(header)
    yaml.dump(tree, buffer)
    return buffer.getvalue().encode("utf-8")


def _event_map(event: dict) -> CommentedMap:
    """An event as requests.yaml writes it: a one-line ``{date: ..., kind: ...}`` when it is short."""
    ordered = CommentedMap()
    for key in (
        "date",
        "kind",
        "received",
        "reference",
        "outcome",
        "sections",
        "until",
        "asked",
        "answer",
        "fee",
        "file",
        "sha256",
        "source",
        "document",
        "notes",
    ):
        value = event.get(key)
        if value in (None, "", (), []):
            continue
        if key == "sections":
            value = CommentedSeq(value)
            value.fa.set_flow_style()
        ordered[key] = value
    if len(ordered) <= 3 and not any(isinstance(v, str) and len(v) > 40 for v in ordered.values()):
        ordered.fa.set_flow_style()
    return ordered


def append_event(root: Path, request_id: str, event: dict, *, new_request: dict | None = None) -> None:
    """Add ``event`` at the end of request ``request_id``'s history in requests.yaml.

    With ``new_request`` (its fields but ``events``), the request is added first. A request kept in
    case.yaml's ``foi_requests`` must be moved to requests.yaml first (``advocate requests migrate``).
    """
    yaml, tree, new = _load_requests(root)
    requests = tree["requests"]
    found = next((entry for entry in requests if isinstance(entry, dict) and str(entry.get("id")) == request_id), None)
    if found is None:
        if new_request is None:
            raise LogError(f"request '{request_id}' is not in {REQUESTS_FILE}")
        found = CommentedMap()
        found["id"] = request_id
        for key in ("title", "authority", "licences", "text"):
            value = new_request.get(key)
            if value:
                if isinstance(value, (list, tuple)):
                    value = CommentedSeq(value)
                    value.fa.set_flow_style()
                found[key] = value
        found["events"] = CommentedSeq()
        requests.append(found)
    elif new_request is not None:
        for key in ("text",):
            if new_request.get(key) and not found.get(key):
                found[key] = new_request[key]
    if found.get("events") is None:
        found["events"] = CommentedSeq()
    found["events"].append(_event_map(event))
    write_atomically(root / REQUESTS_FILE, _dump(yaml, tree, HEADER + "\n" if new else ""))


def store_letter(root: Path, data: bytes, folder: str, name: str) -> str:
    """Keep a copy of a letter in the case folder under ``folder/name``; return its path relative to ``root``.

    The same bytes already there are left as they are; different bytes under that name are never replaced.
    """
    relative = f"{folder}/{name}"
    path = root / relative
    if path.exists():
        if path.read_bytes() != data:
            raise LogError(
                f"{path} already holds a different letter; it is never replaced (move it, or store "
                "this one under another date)"
            )
        return relative
    write_atomically(path, data)
    return relative


def add_source(root: Path, source: dict) -> None:
    """Add a source record at the end of sources.yaml (created if there is none), leaving the rest byte for byte."""
    path = root / "sources.yaml"
    existing = path.read_bytes() if path.is_file() else b""
    loaded = _yaml().load(existing.decode("utf-8")) if existing.strip() else None
    if loaded is not None and not isinstance(loaded, list):
        raise LogError(f"{path}: expected a list of sources (run `advocate check`)")
    if any(isinstance(entry, dict) and str(entry.get("id")) == source["id"] for entry in loaded or ()):
        raise LogError(f"sources.yaml already has a source '{source['id']}'")
    entry = CommentedMap((key, value) for key, value in source.items() if value not in (None, ""))
    yaml = _yaml()
    yaml.indent(mapping=2, sequence=2, offset=0)
    added = _dump(yaml, CommentedSeq([entry]))
    separator = b"" if not existing or existing.endswith(b"\n\n") else (b"\n" if existing.endswith(b"\n") else b"\n\n")
    write_atomically(path, existing + separator + added)
