"""Reading a reply that came back: its text, and the facts it seems to state, for the user to confirm.

A reply arrives as an email (``.eml``, with its attachments), a PDF or a text
file. :func:`read_reply` extracts its text (email bodies and attached PDFs
included) and proposes what kind of event it is, its date, the sender's
reference, the outcome, the sections of the Freedom of Information Act 2000 it
relies on, an extension's date, a fee. Each proposal says what in the text it
rests on. Nothing here decides: ``advocate reply`` shows the proposals and
records only what the user confirms.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import hashlib
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from advocate.vocab.foi_exemptions import exemption_table

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_LONG_DATE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_REFERENCE = (
    re.compile(r"\b(IC-\d{4,}-[A-Z0-9]{4})\b"),
    re.compile(
        r"\b(?:our|your)\s+ref(?:erence)?(?:\s+(?:no\.?|number))?\s*[:.]?\s*([A-Z0-9][A-Za-z0-9/_.-]{3,})",
        re.IGNORECASE,
    ),
    re.compile(r"\breference(?:\s+(?:no\.?|number))?\s*[:]\s*([A-Z0-9][A-Za-z0-9/_.-]{3,})", re.IGNORECASE),
    re.compile(r"\b(FOI[-/ ]?\d{2,4}[-/]\d{2,})\b", re.IGNORECASE),
)
_SECTIONS = re.compile(
    r"\b(?:sections?|ss?\.?)\s*((?:\d{1,2}(?:\s*\(\s*[0-9a-z]{1,4}\s*\))*)(?:\s*(?:,|and|or|&)\s*(?:s\.?\s*)?\d{1,2}(?:\s*\(\s*[0-9a-z]{1,4}\s*\))*)*)",
    re.IGNORECASE,
)
_ONE_SECTION = re.compile(r"(\d{1,2})((?:\s*\(\s*[0-9a-z]{1,4}\s*\))*)", re.IGNORECASE)
_FEE = re.compile(r"£\s?\d[\d,]*(?:\.\d{2})?")


@dataclass(frozen=True)
class Proposed:
    """One fact the reply seems to state, and the words it rests on."""

    value: object
    because: str


@dataclass(frozen=True)
class Reply:
    """A reply as read: its bytes' SHA-256, its text, and what it seems to say."""

    path: Path
    data: bytes
    text: str
    proposals: dict[str, Proposed] = field(default_factory=dict)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


class _TextOfHtml(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")


def _html_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    return "".join(parser.parts)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise ValueError(f"the PDF cannot be read ({exc})") from None


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _email_text(data: bytes) -> tuple[str, dt.date | None]:
    message = email.message_from_bytes(data, policy=email.policy.default)
    sent = None
    if message["Date"]:
        try:
            sent = email.utils.parsedate_to_datetime(str(message["Date"])).date()
        except (TypeError, ValueError):
            sent = None
    parts = [f"Subject: {message['Subject'] or ''}"]
    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = body.get_content()
        parts.append(_html_text(content) if body.get_content_type() == "text/html" else content)
    for attachment in message.iter_attachments():
        payload = attachment.get_payload(decode=True)
        if not isinstance(payload, bytes):  # None for an attachment that is itself multipart
            payload = b""
        kind = attachment.get_content_type()
        if kind == "application/pdf" or (attachment.get_filename() or "").lower().endswith(".pdf"):
            parts.append(_pdf_text(payload))
        elif kind.startswith("text/"):
            parts.append(_decode(payload))
    return "\n\n".join(parts), sent


def reply_text(path: Path, data: bytes) -> tuple[str, dt.date | None]:
    """The text of a reply (an email with its attachments, a PDF, or text) and, for an email, the day it was sent."""
    suffix = path.suffix.lower()
    if suffix == ".eml" or data.startswith((b"From:", b"Received:", b"Return-Path:", b"MIME-Version:", b"Date:")):
        return _email_text(data)
    if suffix == ".pdf" or data.startswith(b"%PDF"):
        return _pdf_text(data), None
    return _decode(data), None


def _sentence_with(text: str, *words: str) -> str:
    """The first sentence of ``text`` containing one of ``words`` (lower case), trimmed, or ''."""
    for sentence in re.split(r"(?<=[.!?])\s+|\n{2,}", text):
        low = sentence.lower()
        if any(word in low for word in words):
            return " ".join(sentence.split())[:300]
    return ""


def _dates(text: str) -> list[dt.date]:
    found = []
    for match in _LONG_DATE.finditer(text):
        try:
            found.append(dt.date(int(match[3]), _MONTHS.index(match[2].lower()) + 1, int(match[1])))
        except ValueError:
            continue
    for match in _NUMERIC_DATE.finditer(text):
        try:
            found.append(dt.date(int(match[3]), int(match[2]), int(match[1])))
        except ValueError:
            continue
    return found


def _sections(text: str) -> list[str]:
    known = exemption_table()
    found: list[str] = []
    for match in _SECTIONS.finditer(text):
        for one in _ONE_SECTION.finditer(match[1]):
            if one[1] in known:
                provision = re.sub(r"\s+", "", one[2])
                cited = f"s {one[1]}{provision}"
                if cited not in found:
                    found.append(cited)
    # a bare 's 27' already given with its subsections adds nothing
    return [s for s in found if not any(other != s and other.startswith(s + "(") for other in found)]


def _kind(low: str, state: str) -> tuple[str, str]:
    """The kind of event the text seems to be, and the words that say so."""
    if "decision notice" in low and ("commissioner" in low or "ico" in low):
        return "decision-notice", "it speaks of a decision notice of the Commissioner"
    if "internal review" in low and (
        state == "review-asked" or any(w in low for w in ("upheld", "uphold", "overturn", "maintain"))
    ):
        return "review-response", "it gives the outcome of an internal review"
    if "clarif" in low or "section 1(3)" in low:
        return "clarification-asked", "it asks for clarification"
    if "fees notice" in low or ("fee" in low and _FEE.search(low)):
        return "fees-notice", "it asks for a fee"
    if (
        "public interest" in low
        and any(w in low for w in ("extend", "additional time", "more time", "further time", "10(3)", "17(2)"))
        and not any(w in low for w in ("balance of the public interest favours", "decided", "concluded"))
    ):
        return "extension", "it asks for more time to consider the public interest"
    if any(
        w in low
        for w in (
            "withheld",
            "withhold",
            "exempt",
            "refus",
            "neither confirm nor deny",
            "not held",
            "does not hold",
            "please find",
            "attached",
            "enclosed",
        )
    ):
        return "response", "it answers the request"
    if "acknowledg" in low or "received your request" in low:
        return "acknowledged", "it acknowledges the request"
    return "response", "nothing in it points to another kind"


def _outcome(kind: str, low: str) -> tuple[str, str] | None:
    if kind == "response":
        if "neither confirm nor deny" in low:
            return "neither-confirm-nor-deny", "it neither confirms nor denies"
        if "does not hold" in low or "not held" in low:
            return "not-held", "it says the information is not held"
        partial = any(w in low for w in ("some of the information", "part of the information", "partially", "redact"))
        if any(w in low for w in ("withheld", "withhold", "exempt", "refus")):
            return (
                ("partial", "it withholds part of the information")
                if partial
                else ("refused", "it withholds the information")
            )
        if any(w in low for w in ("please find", "attached", "enclosed")):
            return "full", "it sends the information"
    if kind == "review-response":
        if "overturn" in low:
            return "overturned", "it overturns the decision"
        if "partially" in low or "partly" in low:
            return "partly-upheld", "it upholds the decision in part"
        if any(w in low for w in ("upheld", "uphold", "maintain")):
            return "upheld", "it upholds the decision"
    if kind == "decision-notice":
        if "partly upheld" in low or "partially upheld" in low:
            return "partly-upheld", "the Commissioner upholds the complaint in part"
        if "not entitled" in low or "complaint is upheld" in low or "failed to comply" in low:
            return "upheld", "the Commissioner finds against the authority"
        if "was entitled" in low or "not upheld" in low:
            return "not-upheld", "the Commissioner finds for the authority"
    return None


def propose(
    text: str, *, sent: dt.date | None = None, state: str = "", after: dt.date | None = None
) -> dict[str, Proposed]:
    """What ``text`` seems to say: kind, date, reference, outcome, sections, until, fee, asked.

    ``state`` is where the request stands (a reply to an internal review request is more
    likely the review's outcome); ``after`` the last event's date (a reply is not dated before it).
    """
    low = text.lower()
    found: dict[str, Proposed] = {}
    kind, because = _kind(low, state)
    found["kind"] = Proposed(kind, because)
    dates = _dates(text)
    day = sent
    if sent:
        found["date"] = Proposed(sent, "the email's Date header")
    else:
        usable = [d for d in dates if not after or d >= after]
        if usable:
            day = min(usable)
            found["date"] = Proposed(day, "the earliest date in the letter after the last event")
    for pattern in _REFERENCE:
        match = pattern.search(text)
        if match:
            found["reference"] = Proposed(match[1].rstrip(".,;"), f"'{match[0].strip()}'")
            break
    outcome = _outcome(kind, low)
    if outcome:
        found["outcome"] = Proposed(*outcome)
    if kind in ("response", "review-response", "extension", "decision-notice"):
        sections = _sections(text)
        if sections:
            found["sections"] = Proposed(tuple(sections), "the sections it names")
    if kind == "extension":
        base = day if day is not None else after  # the date proposed, if any
        later = [d for d in dates if base and d > base]
        if later:
            found["until"] = Proposed(max(later), f"'{_sentence_with(text, 'by ', 'until')[:80]}'")
    if kind == "fees-notice":
        fee = _FEE.search(text)
        if fee:
            found["fee"] = Proposed(fee[0], "the amount it asks for")
    if kind == "clarification-asked":
        asked = _sentence_with(text, "clarif", "which licence", "please confirm", "please identify")
        if asked:
            found["asked"] = Proposed(asked, "the sentence that asks")
    return found


def read_reply(path: Path, *, state: str = "", after: dt.date | None = None) -> Reply:
    """Read the reply at ``path``: its bytes, text and proposals. ``ValueError`` names what cannot be read."""
    data = path.read_bytes()
    text, sent = reply_text(path, data)
    return Reply(path, data, text, propose(text, sent=sent, state=state, after=after))
