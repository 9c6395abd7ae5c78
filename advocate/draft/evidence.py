"""The evidence a template may use, and the rule that keeps confidential records out of public documents.

Templates reach records only through an :class:`Evidence` object: its lists
(``abuses``, ``events``, ``sources``, ``links``) hold the records a document may
print, and its lookups (``abuse('id')``, ``source('id')``, ``licence('id')``)
raise :class:`~advocate.errors.ConfidentialRecordError` naming the record
when a public document asks for a confidential one. Records refer to each other
by id only, so there is no other way round the rule. Every record a document
uses is remembered for the manifest.

What a public document leaves out is one rule, :func:`withheld_records`, which the
final leak check (:mod:`advocate.run.leaks`) reads too: a record marked confidential,
an abuse, event or licence known only from confidential sources, and a hand-asserted
link whose licence or abuse is left out. A public record that cites a confidential
source alongside public ones stays, citing only the public ones.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

import numpy as np

from advocate.draft import licence_wording as wording
from advocate.errors import ConfidentialRecordError, DraftError
from advocate.link import LinkSet, link_case
from advocate.models.case_file import CaseFile
from advocate.models.licence import Licence, LicenceCount, identifier_text
from advocate.models.licence_table import LicenceTable, asserted_tags, rating_tags, summary_tags
from advocate.models.period import Period
from advocate.models.records import Abuse, AssertedLink, Event, Indicator, Source, Transfer
from advocate.vocab.english import join_and
from advocate.vocab.ratings import describe_rating
from advocate.vocab.technology import technology_tags

R = TypeVar("R", Abuse, Event, AssertedLink, Indicator, Transfer, Source)
"""A kind of record a template looks up by id."""


@dataclass(frozen=True)
class RatingView:
    """A control-list rating as the data wrote it, with what the shipped table says of it."""

    text: str
    key: str
    description: str
    military: bool

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class LicenceView:
    """A licence as templates print it: every field quoted from the data, plus its wording for a letter.

    ``decision_text`` is the decision date at the precision the data gives
    ("28 October 2014", "the first quarter of 2017"); ``value_text`` is empty when
    the data gives no value; ``technology`` names what the ratings and goods
    summary certainly cover, ``possible_technology`` what an entry-level rating
    may cover.

    What identifies the licence: ``id_kind`` is ``government`` (``reference`` is the
    Government's own reference), ``dataset`` (``dataset_number`` in ``dataset_name``)
    or ``case`` (``id`` is the case's own label); :attr:`identifier_text` prints it
    saying which. ``count`` and ``count_exact`` say how many licences the record
    stands for (:attr:`count_text`).
    """

    id: str
    reference: str
    destination: str
    country: str
    licence_type: str
    outcome: str
    decision: Period
    decision_text: str
    ratings: tuple[RatingView, ...]
    goods_summary: str
    end_user: str
    value: float | None
    value_text: str
    refusal_criteria: tuple[str, ...]
    technology: tuple[str, ...]
    possible_technology: tuple[str, ...]
    sources: tuple[str, ...]
    dataset: str
    line: int
    illustrative: bool
    id_kind: str = "case"
    dataset_number: str = ""
    dataset_name: str = ""
    dataset_short: str = ""
    count: int = 1
    count_exact: bool = True
    military: bool | None = None
    onward_destinations: tuple[str, ...] = ()
    transit_from: tuple[str, ...] = ()
    notes: str = ""
    onward_in_case: tuple[str, ...] = ()
    """The onward destinations that are countries of the case (why a licence to another country is in it)."""
    in_case: tuple[str, ...] = ()
    """The case's countries this licence goes to, or whose products its goods are incorporated into, by name."""
    onward_only: bool = False
    """Whether the licence is in the case only through an onward destination (its own is another country)."""

    @property
    def refused(self) -> bool:
        return self.outcome in ("refused", "rejected")

    @property
    def identifier_text(self) -> str:
        """The identifier the recipient can look up, saying what it is.

        "GBSIEL/2017/0001234" (the Government's reference), "CAAT dataset no. 66239"
        (a number in a published dataset: never presented as the Government's), or
        "case reference MB-TR-IMSI" (the case's own label).
        """
        return identifier_text(
            self.id_kind, self.id, self.reference, self.dataset_number, self.dataset_name, self.dataset_short
        )

    @property
    def citation_pinpoint(self) -> str:
        """Where in its source the licence is: "licence GBSIEL/2017/0001234", "dataset no. 66239", or '' for a case's own label."""
        if self.id_kind == "government" and self.reference:
            return f"licence {self.reference}"
        if self.id_kind == "dataset" and self.dataset_number:
            return f"dataset no. {self.dataset_number}"
        return ""

    @property
    def count_text(self) -> str:
        """How many licences the record stands for: "1", "3", "at least 2" (several, number unknown)."""
        return str(LicenceCount(self.count, self.count_exact))

    @property
    def refusal_criteria_text(self) -> str:
        """The criteria a refusal cites, as the data gives them: "Criterion 2", "Criteria 2, 3 and 7" ('' if none).

        Bare numbers stay bare: a refusal published as "2" is never given a
        sub-paragraph such as 2(a) it does not state.
        """
        criteria = list(self.refusal_criteria)
        if not criteria:
            return ""
        return f"Criterion {criteria[0]}" if len(criteria) == 1 else f"Criteria {join_and(criteria)}"

    @property
    def ratings_text(self) -> str:
        """The ratings as the data wrote them, each once ('5A001, 5D001')."""
        return ", ".join(dict.fromkeys(rating.text for rating in self.ratings))

    @property
    def label(self) -> str:
        """The licence's one printed label throughout a document: :attr:`identifier_text`, which says what kind of
        identifier it is ("CAAT dataset no. 66239", "case reference MB-TR-IMSI")."""
        return self.identifier_text

    @property
    def licence_count(self) -> LicenceCount:
        """How many licences the record stands for."""
        return LicenceCount(self.count, self.count_exact)

    @property
    def several(self) -> bool:
        """Whether the record stands for more than one licence (or an unknown number of them)."""
        return self.count > 1 or not self.count_exact

    @property
    def goods_text(self) -> str:
        """What the licence was for, as far as the data says ('software for ...', 'goods rated 5A001 and 5D001')."""
        return wording.goods(self)

    @property
    def destination_text(self) -> str:
        """The destination, and where goods incorporated into products exported onward end up."""
        return wording.destination_text(self)

    @property
    def outcome_text(self) -> str:
        """'issued', 'refused', 'issued, later revoked'."""
        return wording.outcome_text(self)

    @property
    def type_and_ratings(self) -> str:
        """'SIEL; 5A001, 5D001' for a table, or a dash."""
        return wording.type_and_ratings(self)

    @property
    def goods_and_end_user(self) -> str:
        """'software for ...; end user: law enforcement agency' for a table, or a dash."""
        return wording.goods_and_end_user(self)

    @property
    def described(self) -> str:
        """The licence in a sentence, identified as the Department can look it up (see
        :func:`advocate.draft.licence_wording.described`)."""
        return wording.described(self)


def money(value: float | None) -> str:
    """£36,000 or £1,234.50; empty when unknown."""
    if value is None:
        return ""
    return f"£{value:,.0f}" if float(value).is_integer() else f"£{value:,.2f}"


def _labels(tags) -> tuple[str, ...]:
    known = technology_tags()
    parents = {known[t].parent for t in tags if t in known}
    return tuple(known[t].label for t in sorted(tags) if t in known and t not in parents)


def licence_view(licence: Licence, case_countries: Mapping[str, str] | None = None) -> LicenceView:
    """The template view of one licence; ``case_countries`` (code → name) are the countries of the case, so that
    the view says which of them the licence goes to, directly or through goods incorporated onward."""
    ratings, technology, possible_technology = _goods_profile(
        licence.goods_summary, licence.technology, tuple((rating.text, rating.key) for rating in licence.ratings)
    )
    return LicenceView(
        id=licence.id,
        reference=licence.reference,
        destination=licence.destination,
        country=licence.country,
        licence_type=licence.licence_type,
        outcome=licence.outcome,
        decision=licence.decision,
        decision_text=licence.decision.describe() if licence.decision.text else "",
        ratings=ratings,
        goods_summary=licence.goods_summary,
        end_user=licence.end_user,
        value=licence.value,
        value_text=money(licence.value),
        refusal_criteria=licence.refusal_criteria,
        technology=technology,
        possible_technology=possible_technology,
        sources=licence.sources,
        dataset=licence.dataset,
        line=licence.line or 0,
        illustrative=licence.illustrative,
        id_kind=licence.id_kind,
        dataset_number=licence.dataset_number,
        dataset_name=licence.dataset_name,
        dataset_short=licence.dataset_short,
        count=licence.count,
        count_exact=licence.count_exact,
        military=licence.military,
        onward_destinations=licence.onward_destinations,
        transit_from=licence.transit_from,
        notes=licence.notes,
        onward_in_case=tuple(
            name
            for name, code in zip(licence.onward_destinations, licence.onward_countries)
            if code in (case_countries or {})
        ),
        in_case=_in_case(licence, case_countries or {}),
        onward_only=bool(
            case_countries
            and licence.country not in case_countries
            and any(code in case_countries for code in licence.onward_countries)
        ),
    )


@lru_cache(maxsize=65536)
def _goods_profile(
    goods_summary: str, asserted: tuple[str, ...], ratings: tuple[tuple[str, str], ...]
) -> tuple[tuple[RatingView, ...], tuple[str, ...], tuple[str, ...]]:
    """A licence's ratings as printed, and the technology its goods certainly and possibly are: worked out once per
    distinct goods summary and ratings (a national dataset repeats a few hundred of them across every licence)."""
    certain = set(summary_tags(goods_summary)) | set(asserted_tags(" ".join(asserted)))
    possible: set[str] = set()
    views = []
    for text, key in ratings:
        tags, maybe = rating_tags(key)
        certain |= tags
        possible |= maybe
        info = describe_rating(text)
        views.append(RatingView(text, key, info.description if info else "", bool(info and info.military)))
    return tuple(views), _labels(certain), _labels(possible - certain)


def _in_case(licence: Licence, case_countries: Mapping[str, str]) -> tuple[str, ...]:
    if licence.country in case_countries:
        return (case_countries[licence.country],)
    return tuple(dict.fromkeys(case_countries[code] for code in licence.onward_countries if code in case_countries))


@dataclass(frozen=True)
class WithheldRecords:
    """The ids of the records a public document leaves out, by kind, and why a licence is (its own flag or its sources)."""

    licences: frozenset[str]
    sources: frozenset[str]
    abuses: frozenset[str]
    events: frozenset[str]
    links: frozenset[str]
    indicators: frozenset[str] = frozenset()
    transfers: frozenset[str] = frozenset()

    def of(self, plural: str) -> frozenset[str]:
        return getattr(self, plural)


def _known_only_confidentially(cited: tuple[str, ...], secret: frozenset[str]) -> bool:
    """Whether every source a record cites is confidential (a record citing none is not)."""
    return bool(cited) and all(source in secret for source in cited)


def withheld_licence_mask(table: LicenceTable, secret_sources: frozenset[str]) -> np.ndarray:
    """Licences a public document leaves out: marked confidential, or published only by confidential sources."""
    if not len(table):
        return np.zeros(0, dtype=bool)
    mask = table.frame["confidential"].to_numpy(dtype=bool).copy()
    if secret_sources:
        cells = table.frame["sources"].fillna("").astype(str)
        verdict = {cell: _known_only_confidentially(tuple(cell.split()), secret_sources) for cell in cells.unique()}
        mask |= cells.map(verdict).to_numpy(dtype=bool)
    return mask


def _citing_public_sources(table: LicenceTable, secret_sources: frozenset[str]) -> LicenceTable:
    """The licences with confidential source ids taken out of their ``sources`` (a public document cites the rest)."""
    if not secret_sources or not len(table):
        return table
    cells = table.frame["sources"].fillna("").astype(str)
    public = {cell: " ".join(s for s in cell.split() if s not in secret_sources) for cell in cells.unique()}
    return LicenceTable(table.frame.assign(sources=cells.map(public)), table.ratings)


_WITHHELD: dict[int, tuple[weakref.ref, WithheldRecords]] = {}


def withheld_records(case_file: CaseFile) -> WithheldRecords:
    """Every record of the case that a public document leaves out (see the module docstring).

    Worked out once per loaded case: a run of thousands of documents over a national dataset asks for each.
    """
    cached = _WITHHELD.get(id(case_file))
    if cached is not None and cached[0]() is case_file:
        return cached[1]
    found = _withheld_records(case_file)
    _WITHHELD.clear()
    _WITHHELD[id(case_file)] = (weakref.ref(case_file), found)
    return found


def _withheld_records(case_file: CaseFile) -> WithheldRecords:
    sources = frozenset(s.id for s in case_file.sources.values() if s.confidential)

    def left_out(records: Mapping) -> frozenset[str]:
        return frozenset(
            r.id
            for r in records.values()
            if r.confidential or _known_only_confidentially(tuple(c.id for c in r.sources), sources)
        )

    abuses, events = left_out(case_file.abuses), left_out(case_file.events)
    indicators, transfers = left_out(case_file.indicators), left_out(case_file.transfers)
    table = case_file.licences
    licences = (
        frozenset(table.frame["id"].to_numpy()[withheld_licence_mask(table, sources)].tolist())
        if len(table)
        else frozenset()
    )
    links = frozenset(
        link.id
        for link in case_file.links.values()
        if link.confidential or link.abuse in abuses or link.licence in licences
    )
    return WithheldRecords(licences, sources, abuses, events, links, indicators, transfers)


class Evidence:
    """The records of a case as one document may use them.

    ``public`` documents (every document but a privileged letter to one's own
    lawyer) never see a confidential record: lists leave them out and
    :attr:`withheld` counts them by kind; lookups refuse them by name. No
    document uses a record that awaits review (``reviewed: false``, as
    ``advocate import`` writes them), or one whose every source does:
    :attr:`unreviewed` counts them by kind, as :attr:`withheld` does.
    ``authorities`` are the shipped sources (statutes, cases) a template may cite
    besides the case's own.
    """

    def __init__(
        self,
        case_file: CaseFile,
        *,
        public: bool,
        document: str,
        licences: LicenceTable | None = None,
        authorities: Mapping[str, Source] | None = None,
        links: LinkSet | None = None,
    ):
        self.case_file = case_file
        self._links = links
        self.public = public
        self.document = document
        self._authorities = dict(authorities or {})
        self.used: dict[str, set[str]] = {
            "licences": set(),
            "abuses": set(),
            "events": set(),
            "sources": set(),
            "links": set(),
            "indicators": set(),
            "transfers": set(),
        }
        self.hidden = withheld_records(case_file) if public else None
        withheld: Counter = Counter()
        self._unreviewed: Counter = Counter()
        table = case_file.licences if licences is None else licences
        self.selected_ids: tuple[str, ...] = tuple(str(i) for i in table.frame["id"]) if licences is not None else ()
        if self.hidden is not None and len(table):
            left_out = withheld_licence_mask(table, self.hidden.sources)
            withheld["licences"] += int(left_out.sum())
            self.withheld_licence_ids = tuple(str(i) for i in table.frame["id"].to_numpy()[left_out])
            table = _citing_public_sources(table.take(~left_out), self.hidden.sources)
        else:
            self.withheld_licence_ids = ()
        self._licence_table = table
        self.sources = self._public(case_file.sources, "sources", withheld)
        self.abuses = self._public(case_file.abuses, "abuses", withheld, cited=True)
        self.events = self._public(case_file.events, "events", withheld, cited=True)
        self.indicators = self._public(case_file.indicators, "indicators", withheld, cited=True)
        self.transfers = self._public(case_file.transfers, "transfers", withheld, cited=True)
        usable_abuses = {a.id for a in self.abuses}
        self.asserted_links = [
            link for link in self._public(case_file.links, "links", withheld) if link.abuse in usable_abuses
        ]
        self.withheld = dict(withheld)
        self.unreviewed = dict(self._unreviewed)
        self._printable = {
            "abuses": usable_abuses,
            "events": {e.id for e in self.events},
            "links": {l.id for l in self.asserted_links},
            "sources": {s.id for s in self.sources},
            "indicators": {i.id for i in self.indicators},
            "transfers": {t.id for t in self.transfers},
        }
        self._licences: dict[str, LicenceView] | None = None

    def _public(self, records: Mapping, kind: str, withheld: Counter, *, cited: bool = False) -> list:
        """Records this document may print: reviewed (for cited records, with a reviewed source) and, in a
        public document, not withheld (see :func:`withheld_records`); the others are counted."""
        hidden = self.hidden.of(kind) if self.hidden is not None else frozenset()
        kept = []
        for record in records.values():
            if not self._reviewed(record, cited):
                self._unreviewed[kind] += 1
            elif record.id in hidden:
                withheld[kind] += 1
            else:
                kept.append(record)
        return kept

    def _reviewed(self, record, cited: bool) -> bool:
        if not record.reviewed:
            return False
        sources = self.case_file.sources
        return not cited or not record.sources or any(sources[c.id].reviewed for c in record.sources if c.id in sources)

    def _printed(self, view: LicenceView) -> LicenceView:
        """A licence as this document prints it: in a public document, citing only its public sources."""
        if self.hidden is None or not set(view.sources) & self.hidden.sources:
            return view
        return replace(view, sources=tuple(s for s in view.sources if s not in self.hidden.sources))

    @property
    def links(self) -> LinkSet:
        """The links of the whole case (every licence, so that earlier refusals count as evidence), as given,
        or computed once for this document if none were given."""
        if self._links is None:
            self._links = link_case(self.case_file)
        return self._links

    @property
    def withheld_total(self) -> int:
        """How many records a public document left out (a briefing says so, without naming them)."""
        return sum(self.withheld.values())

    @property
    def unreviewed_total(self) -> int:
        """How many records awaiting review the document left out (the command line says so)."""
        return sum(self.unreviewed.values())

    # -- licences -------------------------------------------------------------

    @property
    def licences(self) -> list[LicenceView]:
        return list(self._licence_views().values())

    def _licence_views(self) -> dict[str, LicenceView]:
        """The selected licences as printed, by id, built once."""
        if self._licences is None:
            countries = self.case_countries
            self._licences = {
                licence.id: self._printed(licence_view(licence, countries))
                for licence in self._licence_table.licences()
            }
        return self._licences

    @property
    def case_countries(self) -> dict[str, str]:
        """The case's countries, code → name."""
        return {country.code: country.name for country in self.case_file.case.countries}

    @property
    def licence_table(self) -> LicenceTable:
        return self._licence_table

    @property
    def selects_every_licence(self) -> bool:
        """Whether the document is about every licence of the case it may print (no narrower choice was made)."""
        everything = self.case_file.licences.frame
        if self.public and len(everything):
            everything = everything[~everything["confidential"].astype(bool)]
        return len(self._licence_table) == len(everything)

    def narrow(self, licence_ids) -> None:
        """Make the document about ``licence_ids`` only (a context builder focusing its scope, before any name is
        built from the licences); ids not selected are ignored."""
        wanted = [
            licence_id
            for licence_id in dict.fromkeys(licence_ids)
            if licence_id in set(self._licence_table.frame["id"])
        ]
        self._licence_table = self._licence_table.filter(ids=wanted)
        self._licences = None

    # -- lookups ---------------------------------------------------------------

    def _refuse(self, kind: str, record_id: str) -> ConfidentialRecordError:
        return ConfidentialRecordError(
            f"{kind} '{record_id}' is confidential and cannot appear in {self.document}, a public document; "
            "leave it out of the template, or draft a privileged letter (privileged: true in case.yaml)"
        )

    def printable_ids(self, plural: str) -> set[str]:
        """Ids of the ``abuses``, ``events``, ``links`` or ``sources`` this document may print."""
        return self._printable[plural]

    def _lookup(self, kind: str, plural: str, record_id: str, records: Mapping[str, R]) -> R:
        record = records.get(record_id)
        if record is None:
            raise DraftError(f"there is no {kind} '{record_id}' in the case")
        if record_id not in self._printable[plural]:
            if not self._reviewed(record, plural != "sources" and hasattr(record, "sources")):
                raise DraftError(
                    f"{kind} '{record_id}' awaits review (reviewed: false, or every source it cites does), "
                    "so no document may use it yet; once a person has checked it, set reviewed: true"
                )
            if self.public:
                raise self._refuse(kind, record_id)
            raise DraftError(
                f"{kind} '{record_id}' is about an abuse that awaits review, so no document may use it yet"
            )
        self.used[plural].add(record_id)
        return record

    def abuse(self, record_id: str) -> Abuse:
        return self._lookup("abuse", "abuses", record_id, self.case_file.abuses)

    def event(self, record_id: str) -> Event:
        return self._lookup("event", "events", record_id, self.case_file.events)

    def link(self, record_id: str) -> AssertedLink:
        return self._lookup("link", "links", record_id, self.case_file.links)

    def indicator(self, record_id: str) -> Indicator:
        return self._lookup("indicator", "indicators", record_id, self.case_file.indicators)

    def transfer(self, record_id: str) -> Transfer:
        return self._lookup("transfer", "transfers", record_id, self.case_file.transfers)

    def source(self, record_id: str) -> Source:
        if record_id in self._authorities and record_id not in self.case_file.sources:
            self.used["sources"].add(record_id)
            return self._authorities[record_id]
        return self._lookup("source", "sources", record_id, self.case_file.sources)

    def licence(self, record_id: str) -> LicenceView:
        views = self._licence_views()
        if record_id in views:
            self.used["licences"].add(record_id)
            return views[record_id]
        everything = self.case_file.licences
        if record_id in set(everything.frame["id"]):
            if self.hidden is not None and record_id in self.hidden.licences:
                raise self._refuse("licence", record_id)
            raise DraftError(f"licence '{record_id}' is not among the licences selected for {self.document}")
        raise DraftError(f"there is no licence '{record_id}' in the case")

    def any_licence(self, record_id: str) -> LicenceView:
        """A licence anywhere in the case, selected or not (an earlier refusal a letter cites as evidence)."""
        try:
            return self.licence(record_id)
        except ConfidentialRecordError:
            raise
        except DraftError:
            pass
        found = self.case_file.licences.filter(ids=[record_id])
        if len(found) == 0:
            raise DraftError(f"there is no licence '{record_id}' in the case")
        if self.hidden is not None and record_id in self.hidden.licences:
            raise self._refuse("licence", record_id)
        self.used["licences"].add(record_id)
        return self._printed(licence_view(found.licences()[0], self.case_countries))

    def citable_sources(self) -> dict[str, Source]:
        """Every source a citation in this document may name: the shipped authorities, then the case's public sources."""
        return {**self._authorities, **{source.id: source for source in self.sources}}

    def confidential_source_ids(self) -> set[str]:
        return set(self.hidden.sources) if self.hidden is not None else set()

    def uncitable_source_ids(self) -> set[str]:
        """Sources a record's citation skips here: confidential ones in a public document, and any awaiting review."""
        return self.confidential_source_ids() | {s.id for s in self.case_file.sources.values() if not s.reviewed}
