"""What every letter that follows an FOI request prints about it, computed once for all of them.

A chaser, a clarification reply, an internal review request, a complaint to the
Commissioner and an appeal all say which request they follow, to which body, about
which licences, and list its steps. These names give the templates those words ready
to print, so that no template wrangles the request's history in filter chains:

- ``about``: the licences the request was about, identified as the Department can look
  them up ("the export licence granted in the first quarter of 2017 for software … to
  Turkey", "3 export licences: …");
- ``body``: the authority the request went to, as a sentence names it ("the Department
  for Business and Trade");
- ``acknowledged``: the authority's acknowledgement, or nothing;
- ``chaser_dates``: the dates of the chasers sent since the reply or review fell due, in
  words ("5 January 2026 and 12 January 2026"; empty when none);
- ``exemptions_cited``: the provisions the authority relied on ("section 27(1)(a) and
  section 43(2)");
- ``published_particulars``: what the published data gives of the licences ("destination,
  control-list rating and goods");
- ``public_interest_abuses``: the abuses the public-interest case names, in date order
  (``abuses_linked``: whether they bear on the request's licences);
- ``copies``: the letters of the history, each as "my request of 5 January 2026", for a
  list of enclosures;
- ``licences_asked``, ``described_as``, ``licence_label``: the licences as the request's
  table printed them (``_licence_table.md.j2``), where they come from, and the label the
  Department can look up (a dash for the case's own labels, which it cannot).
"""

from __future__ import annotations

import datetime as dt

from advocate.draft import licence_wording
from advocate.draft.evidence import Evidence
from advocate.models.period import long_date
from advocate.vocab.english import join_and


def _the(name: str) -> str:
    name = str(name)
    if not name or name.lower().startswith(("the ", "hm ", "his majesty", "her majesty")):
        return name
    return f"the {name}"


def public_interest_abuses(evidence: Evidence, n: int = 6) -> tuple[list, bool]:
    """The abuses a follow-up's public-interest case names: those bearing on the request's licences (strongest
    link first), else the case's most recent, at most ``n``, in date order; and whether they bear on the licences."""
    from_links = []
    printable = evidence.printable_ids("abuses")
    public = evidence.public
    hidden = {(r.licence, r.abuse) for r in evidence.case_file.links.values() if r.confidential}
    for link in evidence.links.for_licences(licence.id for licence in evidence.licences):
        if link.abuse_id in printable and not (public and (link.licence_id, link.abuse_id) in hidden):
            from_links.append(link.abuse_id)
    chosen = list(dict.fromkeys(from_links))[:n]
    abuses = [evidence.abuse(abuse_id) for abuse_id in chosen]
    linked = bool(abuses)
    if not abuses:
        latest = sorted(evidence.abuses, key=lambda a: (a.date.end or a.date.start or dt.date.min, a.id), reverse=True)
        abuses = latest[:n]
    return sorted(abuses, key=lambda a: (a.date.start or dt.date.min, a.date.end or dt.date.max, a.id)), linked


def follow_up_names(evidence: Evidence, request, *, chasers=()) -> dict:
    """The names of a follow-up to ``request`` (an :class:`~advocate.draft.foi_context.EarlierRequest`); ``chasers``
    are the chaser events the letter mentions."""
    authority = request.authority
    name = authority.name if authority else evidence.case_file.case.public_body.name
    history = request.history
    events = history.request.events if history else ()
    acknowledged = next((event for event in events if event.kind == "acknowledged"), None)
    complaint = history.complaint if history else None
    copies = [f"my request of {long_date(request.sent)}"] if request.sent else []
    if request.response_date:
        copies.append(f"the authority’s response of {long_date(request.response_date)}")
    if request.review_requested:
        copies.append(f"my request for an internal review of {long_date(request.review_requested)}")
    if request.review_response_date:
        copies.append(f"the internal review decision of {long_date(request.review_response_date)}")
    if complaint is not None:
        copies.append(f"my complaint to the Commissioner of {long_date(complaint.date)}")
    licences = evidence.licences
    shown, linked = public_interest_abuses(evidence)
    particulars = (
        ["destination"]
        + (["control-list rating"] if any(l.ratings for l in licences) else [])
        + (["goods"] if any(l.goods_summary or l.technology for l in licences) else [])
    )
    return {
        "published_particulars": join_and(particulars),
        "public_interest_abuses": shown,
        "abuses_linked": linked,
        "about": licence_wording.about(evidence.licences, listed_in="listed in my request", own_labels=False),
        "described_as": licence_wording.described_as(evidence.licences, evidence.case_file.sources),
        "licence_label": licence_wording.Labels(licence_wording.request_label),
        "licences_asked": evidence.licences,
        "body": _the(name),
        "acknowledged": acknowledged,
        "chaser_dates": join_and(long_date(event.date) for event in chasers),
        "exemptions_cited": join_and(exemption.cited for exemption in request.exemptions),
        "copies": copies,
    }
