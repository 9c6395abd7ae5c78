"""What a letter before claim adds to a template's context: the decisions challenged, the grounds, the dates.

- ``decisions``: each decision under challenge (case.yaml ``decisions``) with its
  licences as printed (``licences``), its links to documented abuses, the criteria
  in force when it was made, and the CPR r 54.5(1) limit for a claim about it;
- ``grounds``: the grounds chosen, in order (``id``, ``title``, ``summary``); each has its
  argument in ``letter_templates/_ground_<id>.md.j2``;
- ``reply_by``: the proposed reply date (14 days by default);
- ``claim``: the case file's ``claim:`` settings (interested parties, ADR, requests).

The command line is warned when a claim limit has passed or is less than six weeks
away, and when the proposed reply date falls after a claim limit.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from advocate.draft import licence_wording as wording
from advocate.draft.context import DocumentContext, Timing
from advocate.draft.evidence import Evidence, LicenceView
from advocate.draft.law_on_date import LawOnDate, law_on
from advocate.draft.licence_wording import goods
from advocate.draft.linking_context import PrintableLinks, particulars, timing_of
from advocate.draft.options import ClaimOptions, DraftOptions
from advocate.draft.timing import LinkTiming
from advocate.errors import DraftError
from advocate.law import deadlines
from advocate.law.criteria import CriteriaVersion
from advocate.law.gld import government_legal_department
from advocate.link import Link
from advocate.link.matching import AbuseProfile, LicenceProfile, match_end_user, match_technology
from advocate.models.case import Decision
from advocate.models.period import Period, when
from advocate.vocab.english import join_and
from advocate.vocab.grounds import Ground, grounds

WARN_WITHIN = dt.timedelta(weeks=6)
"""A claim limit this close gives a warning: counsel, papers and a claim form take time."""

MAX_LICENCES = 200
"""A decision naming more licences than this is refused: no letter can set them out (issue 14)."""


@dataclass(frozen=True)
class AbuseInLetter:
    """One documented abuse as a letter states it, once: the licences of the decision it bears on, its timing
    against the decision (from its strongest link), and that link's particulars (who and what)."""

    abuse: object
    licences: tuple[LicenceView, ...]
    link: Link
    timing: LinkTiming
    particulars: tuple[str, ...]
    end_user_matches: bool = False
    """The sources hold responsible the kind of state body the licence's end user belongs to."""
    goods_match: bool = False
    """The licensed goods are technology the abuse implicated, or of a kind that can facilitate it."""

    @property
    def relation(self) -> str:
        return self.timing.relation


@dataclass(frozen=True)
class ListedAbuse:
    """An abuse as one item of a list in section 7: the abuse, its timing in words and what else the letter says of
    it (its particulars not shared with the rest of the list, and the licences it bears on)."""

    abuse: object
    timing: LinkTiming
    details: str


@dataclass(frozen=True)
class AbuseGroup:
    """The abuses of one timing relation, as section 7 lists them (at most six), each particular printed once:
    one that several items share is said once after the list (``shared``), for each of them."""

    items: tuple[ListedAbuse, ...]
    shared: str

    def __bool__(self) -> bool:
        return bool(self.items)


def _sentence(text: str) -> str:
    text = " ".join(str(text).split())
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _for_each(particular: str) -> str:
    """A particular several abuses share, said of each: 'For each of these abuses, the licence’s end user ... is
    among the government bodies the sources hold responsible.'"""
    text = " ".join(particular.split()).rstrip(".")
    for ending in (" for the abuse", " for it"):
        if text.endswith(ending):
            text = text[: -len(ending)]
    return f"For each of these abuses, {text[:1].lower() + text[1:]}."


def abuse_group(
    abuses: tuple[AbuseInLetter, ...], *, with_particulars: bool, several_licences: bool, limit: int = 6
) -> AbuseGroup:
    """The list of ``abuses`` (see :class:`AbuseGroup`); ``with_particulars``: say who and what (the abuses before
    the decision), else only a hand-asserted reason; ``several_licences``: say which licences each bears on."""
    chosen = abuses[:limit]
    said = [
        list(a.particulars[:2])
        if with_particulars
        else ([a.link.reasons[0]] if a.link.asserted and a.link.reasons else [])
        for a in chosen
    ]
    counts: dict[str, int] = {}
    for details in said:
        for detail in dict.fromkeys(details):
            counts[detail] = counts.get(detail, 0) + 1
    shared = [detail for detail, count in counts.items() if count > 1]
    items = []
    for abuse, details in zip(chosen, said, strict=True):
        own = " ".join(_sentence(d) for d in details if d not in shared)
        if several_licences:
            own = (own + " " if own else "") + f"(This bears on {join_and(l.label for l in abuse.licences)}.)"
        items.append(ListedAbuse(abuse.abuse, abuse.timing, own))
    return AbuseGroup(tuple(items), " ".join(_for_each(detail) for detail in shared))


@dataclass(frozen=True)
class ChallengedDecision:
    """One decision under challenge, with what the letter says about it.

    ``law`` gives the criteria in force (both versions when the date straddles a change) and who decided;
    ``abuses`` the documented abuses it is linked to, each once, strongest first, grouped by ``timing``
    relation in :attr:`by_relation`. ``claim_limit`` counts from the grant (``time_runs_from``, the first day
    of a period, ``counted_from_period_start`` saying so) or from the later decision itself challenged.
    """

    id: str
    description: str
    date: Period
    date_text: str
    licences: tuple[LicenceView, ...]
    links: tuple[Link, ...]
    abuses: tuple[AbuseInLetter, ...]
    law: LawOnDate
    claim_limit: deadlines.Deadline
    time_runs_from: dt.date
    counted_from_period_start: bool
    later_decision: str
    later_decision_date: Period | None
    defendant_reference: str
    limit_passed: bool

    @property
    def criteria(self) -> CriteriaVersion | None:
        """The version in force (the later one when the date straddles a change; see ``law``)."""
        return self.law.versions[-1] if self.law.versions else None

    def by_relation(self, *relations: str) -> tuple[AbuseInLetter, ...]:
        return tuple(a for a in self.abuses if a.relation in relations)

    def group(self, *relations: str) -> AbuseGroup:
        """The abuses of ``relations`` as section 7 lists them: with who and what for those that occurred before
        the decision, with a hand-asserted reason only for the rest (see :func:`abuse_group`)."""
        before = bool(set(relations) & {"foreseeable", "reported-after", "unreported"})
        return abuse_group(
            self.by_relation(*relations), with_particulars=before, several_licences=len(self.licences) > 1
        )

    @property
    def where(self) -> str:
        """The destinations of the decision's licences: 'Turkey'."""
        return join_and(dict.fromkeys(licence.destination for licence in self.licences))

    @property
    def foreseeable(self) -> tuple[Link, ...]:
        """Links to abuses reported before the decision: the risk was foreseeable."""
        return tuple(a.link for a in self.by_relation("foreseeable"))

    @property
    def later(self) -> tuple[Link, ...]:
        """Links to abuses reported at the time or after: reasons to review the licence."""
        return tuple(a.link for a in self.abuses if a.relation != "foreseeable")

    @property
    def description_gives_date(self) -> bool:
        """Whether the description already says when (so the letter does not say it twice)."""
        return self.date_text.lower() in self.description.lower() or self.date.text in self.description

    @property
    def grounds_arose_text(self) -> str:
        return when(self.later_decision_date) if self.later_decision_date else when(self.date)


def _chosen_grounds(ids: tuple[str, ...]) -> list[Ground]:
    known = grounds()
    unknown = [ground for ground in ids if ground not in known]
    if unknown:
        raise DraftError(f"unknown ground {', '.join(unknown)}; grounds: {', '.join(known)}")
    if not ids:
        raise DraftError("a letter before claim needs at least one ground (claim: grounds: in case.yaml, or --ground)")
    return [known[ground] for ground in ids]


def _abuses(
    evidence: Evidence, licences: tuple[LicenceView, ...], links: tuple[Link, ...]
) -> tuple[AbuseInLetter, ...]:
    """Each abuse once, with the licences it bears on; timing and particulars from its strongest link."""
    by_abuse: dict[str, list[Link]] = {}
    for link in links:
        by_abuse.setdefault(link.abuse_id, []).append(link)
    views = {licence.id: licence for licence in licences}
    out = []
    for abuse_id, group in by_abuse.items():
        strongest = group[0]
        timing = timing_of(evidence, strongest)
        abuse = evidence.abuse(abuse_id)
        licence = views.get(strongest.licence_id)
        user = goods_ = False
        if licence is not None:
            user = match_end_user(licence.end_user, tuple(abuse.perpetrators)).score > 0
            profile = LicenceProfile(tuple(r.text for r in licence.ratings), licence.goods_summary, "")
            goods_ = match_technology(profile, AbuseProfile(tuple(abuse.technology), tuple(abuse.categories))).score > 0
        out.append(
            AbuseInLetter(
                abuse=abuse,
                licences=tuple(views[l.licence_id] for l in group if l.licence_id in views),
                link=strongest,
                timing=timing,
                particulars=tuple(particulars(strongest)),
                end_user_matches=user,
                goods_match=goods_,
            )
        )
    return tuple(out)


def _decision(decision: Decision, evidence: Evidence, date: dt.date) -> ChallengedDecision:
    if not decision.licences:
        raise DraftError(
            f"decision '{decision.id}' names no licences: add them under decisions: licences: in case.yaml"
        )
    if len(decision.licences) > MAX_LICENCES:
        raise DraftError(
            f"decision '{decision.id}' names {len(decision.licences):,} licences: a letter before claim "
            f"cannot set out more than {MAX_LICENCES:,}; challenge the decisions that matter most, or a "
            "policy decision, and describe the rest by destination, rating and dates"
        )
    licences = tuple(evidence.licence(licence_id) for licence_id in decision.licences)
    linkset = evidence.links
    printable = PrintableLinks(evidence)
    links = tuple(
        sorted(printable.select(linkset.for_licences(licence.id for licence in licences)), key=lambda link: -link.score)
    )
    military = any(rating.military for licence in licences for rating in licence.ratings)
    law = law_on(decision.date, military=military)
    later = decision.grounds_arose
    runs_from = (later.start if later else None) or decision.date.start
    if runs_from is None:
        raise DraftError(
            f"decision '{decision.id}': its date has no first day, so the time for a claim cannot be "
            "counted; give the date or the period of the grant (decisions: date: in case.yaml)"
        )
    limit = deadlines.claim_limit(runs_from)
    return ChallengedDecision(
        id=decision.id,
        description=decision.description,
        date=decision.date,
        date_text=decision.date.describe(),
        licences=licences,
        links=links,
        abuses=_abuses(evidence, licences, links),
        law=law,
        claim_limit=limit,
        time_runs_from=runs_from,
        counted_from_period_start=(later or decision.date).precision != "day",
        later_decision=decision.later_decision if later else "",
        later_decision_date=later,
        defendant_reference=decision.defendant_reference,
        limit_passed=limit.date < date,
    )


_POSTCODE = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b", re.IGNORECASE)


def _require_addresses(case) -> str:
    """The UK postal address for service; refuses, naming the case.yaml field, when an address is missing."""
    claimant = case.claimant_or_requester
    where = "claimant" if case.claimant else "requester"
    if not case.public_body.address.strip():
        raise DraftError(
            "a letter before claim needs the defendant's postal address: add public_body: address: in "
            "case.yaml (the Department's address on GOV.UK)"
        )
    if not claimant.address.strip():
        raise DraftError(
            f"a letter before claim needs the claimant's postal address: add {where}: address: in case.yaml"
        )
    service, field = case.claim.address_for_service, "claim: address_for_service:"
    if not service and case.legal_representative is not None:
        service, field = case.legal_representative.address, "legal_representative: address:"
    if not service:
        service, field = claimant.address, f"{where}: address:"
    if not _POSTCODE.search(service):
        raise DraftError(
            f"a letter before claim needs a postal address in the United Kingdom, with its postcode, for "
            f"service of court documents (an email address needs the defendant's written consent): "
            f"give one in {field} in case.yaml, or claim: address_for_service:"
        )
    return service


def claim_context(evidence: Evidence, draft_options: DraftOptions) -> DocumentContext:
    """The names for a letter before claim, and its deadlines with their warnings."""
    case = evidence.case_file.case
    date = draft_options.date
    options = draft_options.claim or ClaimOptions()
    if not case.decisions:
        raise DraftError(
            "a letter before claim needs the decision under challenge: add it under decisions: in case.yaml"
        )
    service = _require_addresses(case)
    chosen = _chosen_grounds(options.grounds or case.claim.grounds)
    decisions = [_decision(decision, evidence, date) for decision in case.decisions]
    reply = deadlines.reply_by(date, options.reply_days or case.claim.reply_days)
    timings = [Timing("reply proposed by", reply)]
    for decision in decisions:
        limit = decision.claim_limit
        warning = ""
        if limit.date < date:
            warning = (
                f"the CPR r 54.5 limit for a claim about decision '{decision.id}' was {limit.date.isoformat()}, "
                f"3 months from {decision.time_runs_from.isoformat()}: it has passed, and the letter says so; "
                "take advice before sending"
            )
        elif limit.date - date < WARN_WITHIN:
            warning = (
                f"the CPR r 54.5 limit for a claim about decision '{decision.id}' is {limit.date.isoformat()}, "
                f"less than six weeks away: a claim must also be brought promptly"
            )
        elif reply.date > limit.date:
            warning = (
                f"the proposed reply date {reply.date.isoformat()} falls after the CPR r 54.5 limit "
                f"{limit.date.isoformat()} for decision '{decision.id}': shorten the reply period (--reply-days)"
            )
        timings.append(Timing(f"claim limit ({decision.id})", limit, warning))
    all_licences = tuple(licence for decision in decisions for licence in decision.licences)
    gld = government_legal_department()
    one = wording.is_one(all_licences)
    destinations = join_and(dict.fromkeys(licence.destination for licence in all_licences))
    grant = "an export licence" if one else wording.count_phrase(all_licences)
    names = {
        "decisions": decisions,
        "all_licences": all_licences,
        "one_licence": one,
        "the_licence": "the licence" if one else "the licences",
        "claim_subject": f"Letter before claim: {grant} to {destinations}",
        "challenged": f"{'the decision' if len(decisions) == 1 else 'the decisions'} to grant {grant} for {destinations}",
        "identified_as": _identified_as(all_licences, evidence),
        "identifiers_note": wording.identifiers_note(all_licences, "the claimant’s"),
        "licence_facts": [
            LicenceFact(licence, _fact(licence, len(all_licences) == 1))
            for decision in decisions
            for licence in decision.licences
        ],
        "relief": [_item(relief) for relief in case.relief_sought],
        "information_sought": [_item(item) for item in case.claim.information_sought],
        "documents_sought": [_item(item) for item in case.claim.documents_sought],
        "defendant_references": [
            r for r in (case.claim.defendant_reference, *(d.defendant_reference for d in decisions)) if r
        ],
        "destinations": destinations,
        "licence_countries": wording.countries_of(all_licences, [c.name for c in case.countries]),
        "grounds": chosen,
        "reply_by": reply,
        "claim": case.claim,
        "address_for_service": service,
        "claim_limit_passed": any(d.limit_passed for d in decisions),
        "copy_to": gld,
        "goods_licensed": join_and(dict.fromkeys(goods(licence) for licence in all_licences)),
        "end_users": join_and(
            dict.fromkeys(f"“{wording.end_use_text(licence)}”" for licence in all_licences if licence.end_user)
        ),
        "end_user_words": _end_user_words(all_licences),
        "foreign_office": join_and(dict.fromkeys(d.law.foreign_office for d in decisions)),
        "abuses_set_out": any(d.abuses for d in decisions),
        "reported_before": any(d.by_relation("foreseeable") for d in decisions),
        "occurred_before": any(d.by_relation("foreseeable", "reported-after", "unreported") for d in decisions),
        "irrational_example": _example_for_irrationality(decisions),
    }
    return DocumentContext(names, tuple(timings))


@dataclass(frozen=True)
class LicenceFact:
    """One licence under challenge as section 7 states it: the sentence (without its full stop), and the licence
    it cites."""

    licence: LicenceView
    sentence: str


def _fact(licence: LicenceView, alone: bool) -> str:
    """'The licence was granted in the first quarter of 2017 for the export to Turkey of software ... to an end
    user described as “law enforcement agency”'; with other licences beside it, 'The licence identified as CAAT
    dataset no. 75164 was granted ...'; a record for several licences, 'The licences identified as case reference
    MB-TR-IMSI (at least 2) were granted ...'."""
    if licence.several:
        subject = f"The licences identified as {licence.label} ({licence.licence_count})"
        verb = "were"
    else:
        subject = "The licence" if alone else f"The licence identified as {licence.label}"
        verb = "was"
    later = {"revoked": ", and later revoked,", "suspended": ", and later suspended,"}.get(licence.outcome, "")
    outcome = "granted" if licence.outcome in ("issued", "revoked", "suspended") else licence.outcome_text
    user = ""
    if licence.end_user:
        user = (
            f", with the published note “{wording.end_use_text(licence)}”"
            if wording.end_use_is_note(licence)
            else f" to an end user described as “{wording.end_use_text(licence)}”"
        )
    return (
        f"{subject} {verb} {outcome} {when(licence.decision)}{later} for the export to {licence.destination_text} "
        f"of {licence.goods_text}{user}"
    )


def _identified_as(licences: tuple[LicenceView, ...], evidence: Evidence) -> str:
    """'as the published licensing data gives it', for section 3's sentence on how the licences are identified."""
    given = wording.as_given(licences, evidence.case_file.sources)
    verb = "give" if " and " in given else "gives"
    return f"as {given} {verb} {'it' if wording.is_one(licences) else 'them'}"


def _end_user_words(licences: tuple[LicenceView, ...]) -> str:
    """'an end user described as “law enforcement agency”', 'end users described as “…” and “…”', or 'end users
    the published sources do not name'."""
    users = list(
        dict.fromkeys(
            f"“{wording.end_use_text(licence)}”"
            for licence in licences
            if licence.end_user and not wording.end_use_is_note(licence)
        )
    )
    notes = list(
        dict.fromkeys(
            f"“{wording.end_use_text(licence)}”"
            for licence in licences
            if licence.end_user and wording.end_use_is_note(licence)
        )
    )
    if notes and not users:
        return f"the end use the published data notes as {join_and(notes)}"
    if not users:
        return "end users the published sources do not name"
    named = "an end user" if len(users) == 1 and wording.is_one(licences) else "end users"
    return f"{named} described as {join_and(users)}"


def _item(text: str) -> str:
    """A case file's item of relief or of information sought, continuing a list: first letter lower-cased, no
    closing full stop or semicolon."""
    text = " ".join(str(text).split()).rstrip(".;")
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def _example_for_irrationality(decisions: list[ChallengedDecision]) -> AbuseInLetter | None:
    """The abuse the irrationality ground points to: the strongest reported before a decision, else the
    strongest that occurred before it."""
    for relations in (("foreseeable",), ("reported-after", "unreported")):
        for decision in decisions:
            found = decision.by_relation(*relations)
            if found:
                return found[0]
    return None
