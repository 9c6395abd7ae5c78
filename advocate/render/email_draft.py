"""A ready-to-send email draft (``.eml``): the request as the body, the PDF attached.

Built with the standard library's :mod:`email`. The message carries
``X-Unsent: 1`` so that Outlook and other clients open it as a draft to send,
a fixed ``Date`` (the document's date) and a MIME boundary derived from the
content, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime


@dataclass(frozen=True)
class Attachment:
    """A file attached to the email."""

    filename: str
    content: bytes
    maintype: str = "application"
    subtype: str = "pdf"


def _address(name: str, email: str) -> Address:
    user, _, domain = email.partition("@")
    return Address(display_name=name, username=user, domain=domain)


def email_draft(
    *,
    body: str,
    subject: str,
    to_name: str,
    to_email: str,
    from_name: str,
    from_email: str,
    date: dt.date,
    attachments: tuple[Attachment, ...] = (),
) -> bytes:
    """The ``.eml`` bytes of a draft email from the requester to the public body."""
    message = EmailMessage(policy=SMTP)
    message["From"] = _address(from_name, from_email)
    message["To"] = _address(to_name, to_email)
    message["Subject"] = subject
    message["Date"] = format_datetime(dt.datetime(date.year, date.month, date.day, 9, 0, tzinfo=dt.UTC))
    message["X-Unsent"] = "1"
    message.set_content(body, subtype="plain", charset="utf-8", cte="quoted-printable")
    digest = hashlib.sha256(body.encode("utf-8"))
    for attachment in attachments:
        message.add_attachment(
            attachment.content, maintype=attachment.maintype, subtype=attachment.subtype, filename=attachment.filename
        )
        digest.update(attachment.content)
    if message.is_multipart():
        message.set_boundary(f"advocate-{digest.hexdigest()[:32]}")
    # Headers are folded only past RFC 5322's hard limit of 998 characters: a subject folded at 78 straight
    # after "Subject:" reads back with a leading space. The body was already encoded in 76-character lines.
    return message.as_bytes(policy=SMTP.clone(max_line_length=998))
