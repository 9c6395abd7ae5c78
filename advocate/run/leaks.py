"""The last check before a public file is written: nothing of a withheld record is in it, name included.

The evidence gateway (:class:`~advocate.draft.evidence.Evidence`) already keeps
withheld records (:func:`~advocate.draft.evidence.withheld_records`) away from
templates; this check reads what a run is about to write as a reader would and
refuses it if it holds anything of one:

- **ids**, of every length, as tokens (``src-7`` is found in "see src-7." but not in
  "src-71" or "my-src-7"), case as written; a licence's reference the same way;
- **distinctive text** (a title, a description, a quotation, a URL, a reason, a note,
  an author, a licence's goods or end user) of :data:`TEXT_MIN` characters or more, as
  whole words, whatever the case and spacing, unless a public record holds the same
  words (then they are not evidence of a leak).

:func:`check_no_leak` reads one drafted document (body, footnotes and the metadata
its DOCX and PDF carry); :func:`check_public_files` reads every file a public folder is
to receive (each file name; Markdown, text, CSV and the manifest whole; an email's
headers, attachment names and body). DOCX and PDF bodies are drawn from the document
checked by the first.
"""

from __future__ import annotations

import email
import email.policy
import re
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from advocate.draft.evidence import withheld_records
from advocate.errors import ConfidentialRecordError
from advocate.models.case_file import CaseFile
from advocate.models.document import Document
from advocate.render.text import TextRenderer

TEXT_MIN = 12
"""Shorter text (a two-word title, a place) is too common to be evidence of a leak; ids are checked at any length."""

_ID_CHAR = r"A-Za-z0-9_\-"
_BEFORE = rf"(?<![{_ID_CHAR}])(?<![{_ID_CHAR}][.:])"
_AFTER = rf"(?![{_ID_CHAR}])(?![.:][{_ID_CHAR}])"

RECORD_FIELDS = {
    "source": ("title", "url", "quotation", "author", "organisation", "recipient", "place", "notes"),
    "abuse": ("title", "description", "victims", "place", "notes"),
    "event": ("title", "description", "notes"),
    "link": ("reason", "notes"),
    "transfer": ("supplier", "end_user", "goods", "basis", "reported_in", "notes"),
    "indicator": ("publisher", "series", "measure", "notes"),
}
"""The distinctive text of each kind of record."""
LICENCE_TEXT = ("goods_summary", "end_user", "notes")
LICENCE_TOKENS = ("id", "reference", "dataset_number")


def _normal(text: str) -> str:
    """Text as compared: case and spacing ignored, and quotes straight (a document prints them typographic)."""
    text = str(text).translate({0x2018: "'", 0x2019: "'", 0x2032: "'", 0x201C: '"', 0x201D: '"', 0x2033: '"'})
    return " ".join(text.casefold().split())


def _values(record, name: str) -> list[str]:
    value = getattr(record, name, "")
    if isinstance(value, (tuple, list)):
        return [str(v) for v in value if v]
    return [str(value)] if value else []


@dataclass(frozen=True)
class Found:
    """What leaked: which record and field, and the text as the check knows it."""

    what: str
    text: str
    token: bool

    def describe(self) -> str:
        if self.token:
            return f"'{self.text}', the {self.what}"
        return f"text of the {self.what}"


class LeakCheck:
    """Every id and distinctive text of a case's withheld records, ready to be looked for in text and names."""

    def __init__(self, case_file: CaseFile):
        withheld = withheld_records(case_file)
        public_text: set[str] = set()
        tokens: dict[str, str] = {}
        texts: dict[str, str] = {}
        kinds = {
            "source": (case_file.sources, withheld.sources),
            "abuse": (case_file.abuses, withheld.abuses),
            "event": (case_file.events, withheld.events),
            "link": (case_file.links, withheld.links),
            "transfer": (case_file.transfers, withheld.transfers),
            "indicator": (case_file.indicators, withheld.indicators),
        }
        for kind, (records, hidden) in kinds.items():
            for record in records.values():
                fields = RECORD_FIELDS[kind]
                if record.id not in hidden:
                    public_text.update(_normal(v) for name in fields for v in _values(record, name))
                    continue
                tokens.setdefault(record.id, f"id of withheld {kind} '{record.id}'")
                for name in fields:
                    for value in _values(record, name):
                        texts.setdefault(_normal(value), f"{name} of withheld {kind} '{record.id}'")
        frame = case_file.licences.frame
        if len(frame) and withheld.licences:
            secret = frame["id"].isin(withheld.licences).to_numpy()
            for name in LICENCE_TEXT:
                public_text.update(_normal(v) for v in frame.loc[~secret, name].dropna().astype(str).unique() if v)
            columns = [name for name in (*LICENCE_TOKENS, *LICENCE_TEXT) if name in frame.columns]
            for row in frame.loc[secret, columns].itertuples(index=False):
                licence = str(row.id)
                tokens.setdefault(licence, f"id of withheld licence '{licence}'")
                for name in LICENCE_TOKENS[1:]:
                    value = getattr(row, name, "")
                    if isinstance(value, str) and value:
                        tokens.setdefault(value, f"{name.replace('_', ' ')} of withheld licence '{licence}'")
                for name in LICENCE_TEXT:
                    value = getattr(row, name)
                    if isinstance(value, str) and value:
                        texts.setdefault(_normal(value), f"{name.replace('_', ' ')} of withheld licence '{licence}'")
        public_ids = {r.id for kind, (records, hidden) in kinds.items() for r in records.values() if r.id not in hidden}
        if len(frame) and tokens:
            shown = ~frame["id"].isin(withheld.licences).to_numpy()
            public_ids.update(str(i) for i in frame.loc[shown, "id"])
            for name in LICENCE_TOKENS[1:]:
                if name in frame.columns:
                    public_ids.update(str(r) for r in frame.loc[shown, name].dropna().unique() if r)
        self.tokens = {token: what for token, what in tokens.items() if token and token not in public_ids}
        candidates = {text: what for text, what in texts.items() if len(text) >= TEXT_MIN}
        self._token_pattern = self._pattern(self.tokens, _BEFORE, _AFTER, flags=0)
        shared = self._pattern(candidates, r"(?<!\w)", r"(?!\w)", flags=0)
        if shared is not None and public_text:
            # Text a public record holds too (a goods summary several licences share) is no evidence of a leak.
            for match in shared.finditer("\n".join(public_text)):
                candidates.pop(match.group(0), None)
        self.texts = candidates
        self._text_pattern = self._pattern(self.texts, r"(?<!\w)", r"(?!\w)", flags=0)
        self._names = {_name_words(token): what for token, what in self.tokens.items() if _name_words(token)}

    @staticmethod
    def _pattern(strings: Iterable[str], before: str, after: str, *, flags: int) -> re.Pattern | None:
        ordered = sorted(strings, key=len, reverse=True)
        if not ordered:
            return None
        return re.compile(before + "(?:" + "|".join(map(re.escape, ordered)) + ")" + after, flags)

    def __bool__(self) -> bool:
        return bool(self.tokens or self.texts)

    def find(self, text: str) -> Found | None:
        """The first withheld id or text in ``text``, if any."""
        if self._token_pattern is not None:
            match = self._token_pattern.search(text)
            if match:
                return Found(self.tokens[match.group(0)], match.group(0), True)
        if self._text_pattern is not None:
            match = self._text_pattern.search(_normal(text))
            if match:
                return Found(self.texts[match.group(0)], match.group(0), False)
        return None

    def find_in_name(self, name: str) -> Found | None:
        """A withheld id in a file name, however the name joins its words (``foi-request-MB-TR-IMSI.pdf``)."""
        words = f" {_name_words(name)} "
        for token_words, what in self._names.items():
            if f" {token_words} " in words:
                return Found(what, token_words, True)
        return None


def _name_words(text: str) -> str:
    return " ".join(re.split(r"[^0-9a-z]+", text.casefold())).strip()


_CACHE: dict[int, tuple[weakref.ref, LeakCheck]] = {}


def leak_check(case_file: CaseFile) -> LeakCheck:
    """The case's :class:`LeakCheck`, built once per loaded case (a run of many documents checks each)."""
    cached = _CACHE.get(id(case_file))
    if cached is not None and cached[0]() is case_file:
        return cached[1]
    check = LeakCheck(case_file)
    _CACHE.clear()
    _CACHE[id(case_file)] = (weakref.ref(case_file), check)
    return check


def _refuse(where: str, found: Found) -> ConfidentialRecordError:
    hint = (
        " (if that word is there for another reason, give the record an id that is not an ordinary word)"
        if found.token and re.fullmatch(r"[A-Za-z]+", found.text)
        else ""
    )
    return ConfidentialRecordError(
        f"{where} would contain {found.describe()}; a public document must not show it{hint}"
    )


def check_no_leak(tree: Document, case_file: CaseFile, *, document: str = "document") -> None:
    """Raise :class:`ConfidentialRecordError` naming the record if the document or its metadata holds any of it."""
    check = leak_check(case_file)
    if not check:
        return
    info = tree.info
    for where, text in (
        ("the title", info.title),
        ("the subject", info.subject),
        ("the author", info.author),
        ("the running header", info.running_header),
        ("the text", TextRenderer(width=10_000).render_text(tree)),
    ):
        found = check.find(str(text or ""))
        if found:
            raise _refuse(f"the {document} ({where})", found)


TEXT_FORMATS = {"md", "txt", "csv", "json"}


def _unescape_markdown(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _email_texts(data: bytes) -> Iterable[tuple[str, str]]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    for header, value in message.items():
        yield f"the {header} header", str(value)
    for part in message.walk():
        filename = part.get_filename()
        if filename:
            yield "an attachment's name", filename
        if part.get_content_maintype() == "text":
            yield "the body", str(part.get_content())


def check_public_files(files: Mapping[str, bytes], case_file: CaseFile) -> None:
    """Raise :class:`ConfidentialRecordError` if a file bound for a public folder names or holds a withheld record."""
    check = leak_check(case_file)
    if not check:
        return
    for name, data in files.items():
        found = check.find_in_name(name)
        if found:
            raise _refuse(f"the file name {name}", found)
        extension = name.rsplit(".", 1)[-1].lower()
        if extension in TEXT_FORMATS:
            text = data.decode("utf-8", errors="replace")
            found = check.find(_unescape_markdown(text) if extension == "md" else text)
            if found:
                raise _refuse(name, found)
        elif extension == "eml":
            for where, text in _email_texts(data):
                found = check.find(text)
                if found:
                    raise _refuse(f"{name} ({where})", found)
