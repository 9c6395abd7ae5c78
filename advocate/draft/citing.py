"""``cite()`` and ``note()``: how a template footnotes a claim with the evidence behind it."""

from __future__ import annotations

from markupsafe import Markup

from advocate.draft.evidence import Evidence, LicenceView
from advocate.draft.footnotes import Footnotes, citation_marker
from advocate.draft.markdown_escape import escape_markdown
from advocate.errors import DraftError
from advocate.models.records import Abuse, AssertedLink, Event, Indicator, Source, Transfer


class Citer:
    """Makes footnotes from records, through the document's :class:`Evidence` (so confidentiality holds)."""

    def __init__(self, evidence: Evidence, footnotes: Footnotes):
        self.evidence = evidence
        self.footnotes = footnotes

    def markers(self, record, pinpoint: str = "") -> list[str]:
        """The citation markers for a record: a source itself, or the public sources a record cites."""
        record = getattr(record, "record", record)  # an indicator's or a transfer's view cites its record
        if isinstance(record, str):
            record = self.evidence.source(record)
        if isinstance(record, Source):
            self.evidence.source(record.id)
            return [citation_marker(record.id, pinpoint or record.pinpoint)]
        if isinstance(record, (Abuse, Event, AssertedLink, Indicator, Transfer)):
            kind = {Abuse: "abuse", Event: "event", AssertedLink: "link", Indicator: "indicator", Transfer: "transfer"}[
                type(record)
            ]
            getattr(self.evidence, kind)(record.id)
            hidden = self.evidence.uncitable_source_ids()
            cited = [c for c in record.sources if c.id not in hidden]
            if not cited:
                raise DraftError(f"{kind} '{record.id}' has no source a public document can cite")
            for citation in cited:
                self.evidence.source(citation.id)
            return [citation_marker(c.id, pinpoint or c.pinpoint) for c in cited]
        if isinstance(record, LicenceView):
            self.evidence.any_licence(record.id)
            if not record.sources:
                raise DraftError(
                    f"licence '{record.id}' names no source; add one in its data (the 'sources' column or "
                    "the licence_data 'source' in case.yaml)"
                )
            for source_id in record.sources:
                self.evidence.source(source_id)
            pin = pinpoint or record.citation_pinpoint
            return [citation_marker(source_id, pin) for source_id in record.sources]
        raise DraftError(
            f"cannot cite {type(record).__name__}: cite a source, an abuse, an event, a link, an indicator, "
            "a transfer or a licence"
        )

    def cite(self, *records, pinpoint: str = "", signal: str = "") -> Markup:
        """A footnote mark citing every record given; ``signal`` ("see", "cf") is printed before the citations."""
        if not records:
            raise DraftError("cite() needs at least one record")
        markers: list[str] = []
        for record in records:
            for marker in self.markers(record, pinpoint):
                if marker not in markers:
                    markers.append(marker)
        body = "; ".join(self._once(markers))
        if signal:
            body = f"{escape_markdown(signal[:1].upper() + signal[1:])} {body}"
        return self.footnotes.add(body)

    def _once(self, markers: list[str]) -> list[str]:
        """The markers without a source another one in the note is cited in (its citation ends ', cited in' that
        source in full), so that no note cites a source twice."""
        ids = [marker[2:-1].split(",")[0] for marker in markers]
        sources = self.evidence.citable_sources()
        containers = {sources[i].cited_in for i in ids if i in sources and sources[i].cited_in}
        return [marker for marker, source_id in zip(markers, ids) if source_id not in containers] or markers

    def note(self, text: str, *records, pinpoint: str = "") -> Markup:
        """A footnote of explanatory ``text``, followed by citations of ``records`` if any."""
        body = escape_markdown(text).rstrip()
        if records:
            markers = [m for record in records for m in self.markers(record, pinpoint)]
            body = body.rstrip(".:")
            joined = " " if body.lower().endswith(_SIGNALS) else ": "
            body = f"{body}{joined}{'; '.join(dict.fromkeys(markers))}"
        return self.footnotes.add(body)


_SIGNALS = tuple(f"{sep}{word}" for word in ("see", "see also", "see eg", "cf", "compare") for sep in (" ", ","))
"""A note's text ending in one of OSCOLA's introductory signals runs straight into its citations ("…, see
*R (Al-Haq)* …"), with no colon between."""
