"""What a template sees: the case, the evidence it may use, the dates, and the functions that cite.

Every template gets the same names (listed in :func:`base_context`); a kind of
document adds its own (an FOI request its reply deadline, a review request the
correspondence it follows). Records come only through
:class:`~advocate.draft.evidence.Evidence`, so confidentiality holds whatever a
template does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from advocate.draft.citing import Citer
from advocate.draft.evidence import Evidence, LicenceView
from advocate.draft.filters import clause
from advocate.draft.indicators import latest_indicators
from advocate.draft.licence_wording import Labels, countries_of, goods, licence_notes
from advocate.draft.markdown_escape import escape_markdown
from advocate.draft.transfers import case_transfers
from advocate.law import deadlines
from advocate.models.period import Period, when
from advocate.vocab.english import plural


@dataclass(frozen=True)
class Timing:
    """A deadline the document prints, and any warning the command line should give about it."""

    name: str
    deadline: deadlines.Deadline
    warning: str = ""


@dataclass(frozen=True)
class Addressee:
    """Who a document goes to: the email draft's recipient (no email draft when ``email`` is empty)."""

    name: str
    email: str = ""


@dataclass(frozen=True)
class Enclosure:
    """A copy a letter encloses: what it is, and the stored file (relative to the case folder) if the case has it."""

    description: str
    file: str = ""


@dataclass(frozen=True)
class DocumentContext:
    """What a context builder gives a template: its names, the deadlines the document prints, and where it goes.

    ``timings`` go to the manifest and the command line, with any warning about them.
    """

    names: dict
    timings: tuple[Timing, ...] = field(default=())
    addressee: Addressee | None = None
    """Who the document goes to, when not the case's public body (a request to another authority, the Commissioner)."""
    enclosures: tuple[Enclosure, ...] = ()
    """Copies the document encloses; an email draft attaches those the case has stored."""


class _Counter:
    """Paragraph numbers for a letter numbered throughout, as lawyers number them: ``{{ p() }}.`` gives 1, 2, 3 ..."""

    def __init__(self):
        self.value = 0

    def __call__(self) -> int:
        self.value += 1
        return self.value


def _lines(*parts) -> Markup:
    """Non-empty parts as the lines of one paragraph (an address block), each escaped."""
    kept = [escape_markdown(part) for part in parts if part not in (None, "")]
    return Markup("\\\n".join(kept))


def base_context(evidence: Evidence, citer: Citer, *, date: dt.date, document_title: str) -> dict:
    """The names every template may use.

    ``case``, ``public_body``, ``requester``, ``claimant``, ``legal_representative``:
    the parties from case.yaml. ``date``: the document's date. ``licences``: the
    licences selected for this document; ``abuses``, ``events``, ``sources``,
    ``asserted_links``: the records it may print. ``indicators``: the latest rating of each
    case country by each monitoring body (:class:`~advocate.draft.indicators.IndicatorView`, with its
    ``statement``); ``transfers``: reported transfers to the case's countries
    (:class:`~advocate.draft.transfers.TransferView`); both are cited with ``cite(item)``. ``withheld``:
    confidential records left out, by kind. Functions: ``cite(*records, pinpoint=, signal=)``,
    ``note(text, *records)``, ``abuse(id)``, ``abuses_by_id(ids)``, ``event(id)``, ``source(id)``,
    ``licence(id)`` (a selected licence), ``licence_record(id)`` (any licence in the case), ``link(id)``,
    ``lines(*parts)``, ``plural(n, word)``, ``counter()`` (a paragraph numberer), ``when(period)`` ('in the
    first quarter of 2017'), ``goods(licence)`` (what it was for, as far as the data says),
    ``sources_of(licences)`` (the ids of their sources, once each). Each is described in
    :mod:`advocate.draft.names`.
    """
    case = evidence.case_file.case
    licences = evidence.licences
    illustrative = case.illustrative or any(licence.illustrative for licence in licences)
    return {
        "case": case,
        "public_body": case.public_body,
        "requester": case.requester,
        "claimant": case.claimant_or_requester,
        "legal_representative": case.legal_representative,
        "countries": [country.name for country in case.countries],
        "licence_countries": countries_of(licences, [country.name for country in case.countries]),
        "date": date,
        "document_title": document_title,
        "licences": licences,
        "decision_span": decision_span(licences),
        "abuses": evidence.abuses,
        "events": evidence.events,
        "sources": evidence.sources,
        "asserted_links": evidence.asserted_links,
        "indicators": latest_indicators(evidence),
        "transfers": case_transfers(evidence),
        "withheld": evidence.withheld,
        "withheld_total": evidence.withheld_total,
        "public": evidence.public,
        "illustrative": illustrative,
        "cite": citer.cite,
        "note": citer.note,
        "abuse": evidence.abuse,
        "abuses_by_id": lambda ids: [evidence.abuse(record_id) for record_id in ids],
        "event": evidence.event,
        "source": evidence.source,
        "licence": evidence.licence,
        "licence_record": evidence.any_licence,
        "link": evidence.link,
        "licence_label": Labels(lambda licence: licence.label),
        "dated": dated,
        "licence_notes": licence_notes,
        "lines": _lines,
        "plural": plural,
        "when": when,
        "goods": goods,
        "counter": _Counter,
        "sources_of": lambda licences: list(dict.fromkeys(s for licence in licences for s in licence.sources)),
    }


def dated(record) -> str:
    """A dated record as a sentence's words, its date first: 'In 2016, Turkey ordered the closure of …', 'Between
    1 April 2017 and 31 December 2017, a Turkish court ordered …' (no closing full stop)."""
    day = when(record.date)
    return f"{day[:1].upper()}{day[1:]}, {clause(record.title)}"


def decision_span(licences: list[LicenceView]) -> Period | None:
    """The span of the licences' decision dates (what a request is bounded by), or ``None``."""
    starts = [licence.decision.start for licence in licences if licence.decision.start]
    ends = [licence.decision.end for licence in licences if licence.decision.end]
    if not starts or not ends:
        return None
    first, last = min(starts), max(ends)
    return Period(first, last, f"{first.isoformat()}/{last.isoformat()}", "interval")
