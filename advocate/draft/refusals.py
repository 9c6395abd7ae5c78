"""The Government's earlier refusals a document cites as evidence, attributed to the data that records them.

A refusal read from Campaign Against Arms Trade's compilation is CAAT's record of the
Government's data, and CAAT warns that the refusal reasons it matched may be wrong: a
document says "CAAT's compilation ... records that ... was refused, giving Criterion 2 as
the reason", with that caveat, never "the Government refused ... under Criterion 2" as bare fact.
"""

from __future__ import annotations

from dataclasses import dataclass

from advocate.draft.evidence import Evidence, LicenceView
from advocate.models.period import when
from advocate.vocab.english import join_and

CAAT = "Campaign Against Arms Trade"
CAAT_CAVEAT_SOURCE = "caat-data-readme"
"""The shipped authority for CAAT's caveat: "Refusal criteria may contain some false-positive matches."."""


@dataclass(frozen=True)
class RecordedRefusal:
    """A refused application as the data records it: the licence, the criteria the data gives, who compiled it.

    ``statement`` is the sentence a document prints ("The Campaign Against Arms Trade’s compilation of the
    Government’s licensing data records that an application to export goods rated 5A001 and 5D002 to Turkey
    (CAAT dataset no. 66239) was refused on 14 May 2014, giving Criterion 2 as the reason"), with no full stop, so
    that a template can cite it and add CAAT's caveat (``from_caat``)."""

    licence: LicenceView
    compiled_by: str
    """'Campaign Against Arms Trade' for CAAT's data, '' for data published by the Government itself."""

    @property
    def criteria_text(self) -> str:
        """'Criterion 2', 'Criteria 2 and 7' (bare numbers as the data gives them), '' when none is given."""
        return self.licence.refusal_criteria_text

    @property
    def ratings_text(self) -> str:
        """'5A001 and 5D002'."""
        return join_and(dict.fromkeys(rating.text for rating in self.licence.ratings))

    @property
    def identifier(self) -> str:
        """How the recipient finds the record: the licence's one label ("CAAT dataset no. 66239")."""
        return self.licence.label

    @property
    def from_caat(self) -> bool:
        return self.compiled_by == CAAT

    @property
    def recorded_by(self) -> str:
        """Who records the refusal: "The Campaign Against Arms Trade’s compilation of the Government’s licensing
        data", or "The Government’s licensing data"."""
        if self.from_caat:
            return "The Campaign Against Arms Trade’s compilation of the Government’s licensing data"
        return "The Government’s licensing data"

    @property
    def application(self) -> str:
        """'an application to export goods rated 5A001 and 5D002 to Turkey (CAAT dataset no. 66239)'; several
        applications of unknown number: 'applications (at least 2) to export ...'."""
        licence = self.licence
        what = f"applications ({licence.licence_count})" if licence.several else "an application"
        return f"{what} to export {licence.goods_text} to {licence.destination_text} ({self.identifier})"

    @property
    def statement(self) -> str:
        """The refusal as the data records it, attributed, in one sentence without its full stop."""
        licence = self.licence
        verb = "were" if licence.several else "was"
        reason = f", giving {self.criteria_text} as the reason" if self.criteria_text else ""
        return f"{self.recorded_by} records that {self.application} {verb} refused {when(licence.decision)}{reason}"


def compiled_by(evidence: Evidence, licence: LicenceView) -> str:
    """Who compiled the data a licence comes from: CAAT for a CAAT release (or a source CAAT publishes), else ''."""
    case = evidence.case_file.case
    caat_sources = {dataset.source for dataset in case.licence_data if dataset.format == "caat" and dataset.source}
    for source_id in licence.sources:
        source = evidence.case_file.sources.get(source_id)
        if source_id in caat_sources or (source is not None and CAAT in (source.organisation, source.publisher)):
            return CAAT
    return ""


def recorded_refusal(evidence: Evidence, licence_id: str) -> RecordedRefusal:
    """The refusal of ``licence_id`` (any licence of the case a document may print), attributed."""
    licence = evidence.any_licence(licence_id)
    return RecordedRefusal(licence, compiled_by(evidence, licence))
