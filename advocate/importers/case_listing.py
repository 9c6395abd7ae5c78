"""Listing an import file under ``record_files`` in ``case.yaml``, touching nothing else in it.

``case.yaml`` is the user's own file, with their comments and layout: the entry is added as text (a
line appended to the list, or a new ``record_files:`` block at the end), never by rewriting the file.
"""

from __future__ import annotations

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from advocate.importers.batch import ImportFailed, import_error
from advocate.load.yaml_file import YamlDocument

BLOCK_COMMENT = '# Further record files: those `advocate import` writes (see the README, "Bringing in data").'


def listed_paths(doc: YamlDocument) -> list[str]:
    entries = doc.data.get("record_files") if isinstance(doc.data, dict) else None
    if entries is None:
        return []
    entries = entries if isinstance(entries, list) else [entries]
    return [str(e.get("path", "")) if isinstance(e, dict) else str(e) for e in entries]


def with_listed(doc: YamlDocument, text: str, paths: list[str]) -> str:
    """``case.yaml``'s text with ``paths`` added to ``record_files`` (those already there are left as they are)."""
    missing = [p for p in paths if p not in listed_paths(doc)]
    if not missing:
        return text
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    tree = doc.tree
    if not isinstance(tree, CommentedMap) or "record_files" not in tree or tree["record_files"] is None:
        block = ["\n", BLOCK_COMMENT + "\n", "record_files:\n"] + [f"  - {p}\n" for p in missing]
        return "".join(lines + block)
    seq = tree["record_files"]
    if not isinstance(seq, CommentedSeq) or seq.fa.flow_style() or not len(seq):
        line = tree.lc.key("record_files")[0] + 1
        raise ImportFailed(
            [
                import_error(
                    doc.label,
                    "lists record_files in a form the import cannot add to",
                    line=line,
                    field="record_files",
                    hint="write it as a list with one '- file' per line, or add "
                    f"{', '.join(missing)} to it yourself and import again",
                )
            ]
        )
    last_line = seq.lc.item(len(seq) - 1)[0]
    column = len(lines[last_line]) - len(lines[last_line].lstrip())  # where its '-' is
    end = last_line + 1
    while end < len(lines) and lines[end].strip() and (len(lines[end]) - len(lines[end].lstrip())) > column:
        end += 1
    added = [f"{' ' * column}- {p}\n" for p in missing]
    return "".join(lines[:end] + added + lines[end:])
