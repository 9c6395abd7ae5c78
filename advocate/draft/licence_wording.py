"""How a document names a licence: by what the Department can look up, and as many licences as it stands for.

A licence is identified as its source publishes it: destination, licence type, date of
decision, ratings, goods, value and outcome, and the identifier it has
(:attr:`~advocate.models.licence.Licence.identifier_text`: the Government's reference, a
dataset's number such as "CAAT dataset no. 66239", or the case's own label, said to be
one). One licence has that one label throughout a document. A record that stands for
several licences of unknown number is "at least 2 export licences", never one.

The functions take a licence view (:class:`~advocate.draft.evidence.LicenceView`) or a
list of them; they only read its fields.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from advocate.models.licence import LicenceCount
from advocate.models.period import when
from advocate.vocab.english import join_and

if TYPE_CHECKING:
    from advocate.draft.evidence import LicenceView

DASH = "–"
"""What a table prints where the source gives nothing."""

OUTCOME_WORDS = {
    "issued": "issued",
    "refused": "refused",
    "rejected": "rejected",
    "revoked": "issued, later revoked",
    "suspended": "issued, later suspended",
    "withdrawn": "withdrawn",
    "no-licence-required": "no licence required",
}
"""An outcome as a table prints it: a revoked licence was issued first, and the data gives one date, the grant's."""


def goods(licence: LicenceView) -> str:
    """What a licence was for, as far as the data says: its goods summary, else its ratings, else the technology
    asserted for it, else 'the goods'."""
    if licence.goods_summary:
        return licence.goods_summary
    if licence.ratings:
        return f"goods rated {ratings_words(licence)}"
    if licence.technology:
        return join_and(licence.technology)
    return "the goods"


def count_of(licences: Sequence[LicenceView]) -> LicenceCount:
    """How many licences the records stand for ("at least" when one stands for several of unknown number)."""
    total = LicenceCount(0)
    for licence in licences:
        total = total + LicenceCount(licence.count, licence.count_exact)
    return total


def count_phrase(licences: Sequence[LicenceView], noun: str = "export licence") -> str:
    """'one export licence', '3 export licences', 'at least 18 export licences'."""
    count = count_of(licences)
    if count.exact and count.minimum == 1:
        return f"one {noun}"
    return count.describe(noun)


def is_one(licences: Sequence[LicenceView]) -> bool:
    """Whether the records stand for exactly one licence (a letter says 'the licence', not 'each licence')."""
    count = count_of(licences)
    return count.exact and count.minimum == 1


def destination_text(licence: LicenceView) -> str:
    """The destination as the data gives it, and where the goods end up when they are incorporated into products
    exported onward, the case's countries first: 'Germany (for incorporation into products for Turkey and 11 other
    countries)'."""
    onward = list(dict.fromkeys([*licence.onward_in_case, *licence.onward_destinations]))
    if not onward:
        return licence.destination
    shown = join_and(onward) if len(onward) <= 3 else f"{', '.join(onward[:2])} and {len(onward) - 2} other countries"
    if len(onward) > 3 and len(licence.onward_in_case) <= 1:
        shown = f"{onward[0]} and {len(onward) - 1} other countries"
    return f"{licence.destination} (for incorporation into products for {shown})"


def onward_note(licences: Sequence[LicenceView]) -> str:
    """Why a licence to another country is in a document about the case's countries: 'CAAT dataset no. 90001 is for
    export to Germany; it is listed because the data says its goods are incorporated into products for Turkey.'"""
    sentences = []
    for licence in (licence for licence in licences if licence.onward_only):
        label = licence.label[:1].upper() + licence.label[1:]
        sentences.append(
            f"{label} is for export to {licence.destination}; it is "
            f"listed because the data says its goods are incorporated into products for "
            f"{join_and(licence.onward_in_case)}."
        )
    return " ".join(sentences)


def several_note(licences: Sequence[LicenceView], labels=None) -> str:
    """What a row standing for several licences is: 'Case reference MB-TR-IMSI stands for at least 2 licences,
    whose number the source does not give.' (``labels`` gives each licence's printed label)."""
    sentences = []
    for licence in (licence for licence in licences if licence.several):
        label = labels(licence) if labels else licence.label
        subject = (
            f"{label[:1].upper()}{label[1:]}"
            if label and label != DASH
            else f"The row for {licence.goods_text} decided {when(licence.decision)}"
        )
        how = "whose number the source does not give" if not licence.count_exact else "each with the same particulars"
        sentences.append(f"{subject} stands for {licence.licence_count.describe()}, {how}.")
    return " ".join(sentences)


def licence_notes(licences: Sequence[LicenceView], labels=None) -> str:
    """The notes a table of licences needs: why a licence to another country is listed, and what a row standing
    for several licences is ('' when none is needed)."""
    return " ".join(note for note in (onward_note(licences), several_note(licences, labels)) if note)


def countries_of(licences: Sequence[LicenceView], case_countries: Sequence[str] = ()) -> str:
    """The case's countries the licences go to or end up in ('Turkey and South Korea'), in the case's order; else
    their destinations."""
    found = {name for licence in licences for name in licence.in_case}
    named = [name for name in case_countries if name in found] or sorted(found)
    return join_and(named or dict.fromkeys(licence.destination for licence in licences))


def outcome_text(licence: LicenceView) -> str:
    """'issued', 'refused', 'issued, later revoked'."""
    return OUTCOME_WORDS.get(licence.outcome, licence.outcome)


def type_and_ratings(licence: LicenceView) -> str:
    """'SIEL; 5A001, 5D001', '5A001', or a dash."""
    return "; ".join(part for part in (licence.licence_type, licence.ratings_text) if part) or DASH


def ratings_words(licence: LicenceView) -> str:
    """'5A001 and 5D001': each rating once, as the data wrote it."""
    return join_and(dict.fromkeys(rating.text for rating in licence.ratings))


def end_use_is_note(licence: LicenceView) -> bool:
    """Whether the end user the data gives is a published note about end use ("Licence granted for use by a law
    enforcement agency.") rather than a name for the end user ("law enforcement agency")."""
    text = licence.end_user.strip()
    return text.endswith(".") or " / " in text or len(text.split()) > 6


def end_use_text(licence: LicenceView) -> str:
    """The end user or the note as quoted: no closing full stop (the sentence around it closes)."""
    return licence.end_user.strip().rstrip(".")


def end_use_phrase(licence: LicenceView) -> str:
    """What follows 'for export to Turkey' in a sentence: ' for an end user described as “law enforcement agency”',
    ', with the published note “Licence granted for use by a law enforcement agency”,', or ''."""
    if not licence.end_user:
        return ""
    if end_use_is_note(licence):
        return f", with the published note “{end_use_text(licence)}”,"
    return f" for an end user described as “{end_use_text(licence)}”"


def goods_and_end_user(licence: LicenceView) -> str:
    """'software for telecommunications interception equipment; end user: law enforcement agency', or a dash."""
    reported = licence.goods_summary or ("" if licence.ratings else join_and(licence.technology))
    parts = [reported]
    if licence.end_user:
        parts.append(
            f"note: “{licence.end_user.strip()}”" if end_use_is_note(licence) else f"end user: {licence.end_user}"
        )
    return "; ".join(part for part in parts if part) or DASH


def described(licence: LicenceView, *, own_labels: bool = True) -> str:
    """The licence in a sentence, identified as the Department can look it up.

    'the export licence issued in the first quarter of 2017 for software for telecommunications interception
    equipment to Turkey (case reference DIT-2017Q1-TR-01)'; 'the application refused on 14 May 2014 to export goods
    rated 5A001 and 5D002 to Turkey (CAAT dataset no. 66239)'; 'the export licences (at least 2) issued on or before
    31 March 2017 for IMSI catchers to Turkey (case reference MB-TR-IMSI)'.
    """
    decided = when(licence.decision) if licence.decision.text else "on a date not published"
    to = destination_text(licence)
    what = goods(licence)
    if licence.refused:
        several = licence.count > 1 or not licence.count_exact
        text = (
            f"the applications ({LicenceCount(licence.count, licence.count_exact)}) refused"
            if several
            else "the application refused"
        )
        text += f" {decided} to export {what} to {to}"
    else:
        several = licence.count > 1 or not licence.count_exact
        text = (
            f"the export licences ({LicenceCount(licence.count, licence.count_exact)})"
            if several
            else "the export licence"
        )
        later = {"revoked": ", later revoked,", "suspended": ", later suspended,"}.get(licence.outcome, "")
        text += f" issued {decided}{later} for {what} to {to}"
    if licence.id_kind == "case" and not own_labels:
        return text
    return f"{text} ({licence.identifier_text})"


def about(licences: Sequence[LicenceView], *, listed_in: str = "", own_labels: bool = True) -> str:
    """What a letter is about, in one phrase: one licence described in full; up to three each described; more
    counted, by destination and years (``listed_in`` says where they are listed: 'listed in my request').
    Without ``own_labels``, a licence the case knows only by its own label is described without it (a letter to
    the Department, which cannot look such a label up)."""
    if not licences:
        return "export licences"
    if len(licences) == 1:
        return described(licences[0], own_labels=own_labels)
    if len(licences) <= 3:
        return f"{count_phrase(licences)}: {join_and(described(l, own_labels=own_labels) for l in licences)}"
    destinations = join_and(dict.fromkeys(licence.destination for licence in licences))
    years = sorted({day.year for licence in licences for day in (licence.decision.start, licence.decision.end) if day})
    span = f", decided {years[0]} to {years[-1]}" if len(years) > 1 else (f", decided in {years[0]}" if years else "")
    where = f" ({listed_in})" if listed_in else ""
    return f"{count_phrase(licences)} for {destinations}{span}{where}"


def identifiers_note(licences: Sequence[LicenceView], whose: str = "our") -> str:
    """A sentence saying what the identifiers printed are, for the kinds that appear ('' when every one is the
    Government's own reference): no document lets a reader take a dataset's number or the case's label for an
    official reference. ``whose`` owns the case's labels: 'my', 'our', 'the claimant's'."""
    said = []
    for name in dict.fromkeys(
        licence.dataset_name for licence in licences if licence.id_kind == "dataset" and licence.dataset_number
    ):
        short = next(licence.dataset_short for licence in licences if licence.dataset_name == name)
        label = f"{short} dataset no." if short else "dataset no."
        said.append(
            f"a “{label}” is the licence’s number in {name or 'the dataset cited for it'}, not a Government reference"
        )
    if any(
        licence.id_kind == "case"
        or (licence.id_kind == "dataset" and not licence.dataset_number)
        or (licence.id_kind == "government" and not licence.reference)
        for licence in licences
    ):
        said.append(f"a “case reference” is {whose} own label for a licence whose source gives no number for it")
    if not said:
        return ""
    text = "; ".join(said)
    return text[:1].upper() + text[1:] + "."


OFFICIAL_KINDS = ("statistics", "dataset", "hansard", "statute", "statutory-instrument")
"""Kinds of source that publish licensing data itself (the Government's, or a compilation of it)."""


def _reporter(source) -> str:
    return source.publication or source.organisation or source.publisher or join_and(source.author) or "a report"


def possessive(name: str) -> str:
    """'Motherboard’s', 'Rights Watchers’'."""
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def as_given(licences: Sequence[LicenceView], sources) -> str:
    """Where the licences' particulars come from, as a noun phrase: 'the published licensing data', 'Motherboard’s
    report of the published licensing data', 'Motherboard’s report', or several of these joined by 'and'.

    A licence known from the licensing data only as a report cites it is said to be so; one known from a report
    alone is never said to be in the licensing data. ``sources`` maps source ids to sources."""
    data = False
    reports: dict[str, bool] = {}
    for licence in licences:
        cited = [sources[source_id] for source_id in licence.sources if source_id in sources]
        official = [s for s in cited if s.kind in OFFICIAL_KINDS]
        if any(not s.cited_in for s in official):
            data = True
        elif official:
            through = sources.get(official[0].cited_in)
            reports[_reporter(through) if through is not None else "a report"] = True
        elif cited:
            reports.setdefault(_reporter(cited[0]), False)
    found = ["the published licensing data"] if data else []
    for name, of_data in reports.items():
        if of_data:
            found.append(
                f"{possessive(name)} report of it"
                if data
                else f"{possessive(name)} report of the published licensing data"
            )
        else:
            found.append(f"{possessive(name)} report")
    return join_and(found) or "the sources cited"


def described_as(licences: Sequence[LicenceView], sources) -> str:
    """'as the published licensing data gives it', 'as the published licensing data and Motherboard’s report of it
    give them' (see :func:`as_given`)."""
    given = as_given(licences, sources)
    verb = "give" if " and " in given else "gives"
    return f"as {given} {verb} {'it' if is_one(licences) else 'them'}"


class Labels:
    """How a document labels its licences in a table: ``labels(licence)`` gives one licence's label, and
    ``labels.any(licences)`` says whether any has one worth a column (a request's table drops the column when
    every licence is known only by the case's own label)."""

    def __init__(self, label) -> None:
        self._label = label

    def __call__(self, licence: LicenceView) -> str:
        return self._label(licence)

    def any(self, licences: Sequence[LicenceView]) -> bool:
        return any(self._label(licence) != DASH for licence in licences)


def request_label(licence: LicenceView) -> str:
    """A licence's label in a letter to the Department's FOI officer: the identifier the Department can look up,
    or a dash for a licence the case knows only by its own label (which the Department cannot look up, so a
    request and its follow-ups never print it)."""
    return licence.identifier_text if licence.id_kind != "case" else DASH
