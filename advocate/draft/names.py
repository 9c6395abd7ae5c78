"""What each name a template gets means: the one table the template guide is written from.

A context builder gives a template its names (:mod:`advocate.draft.builders`); this
table says, for a person writing a template, what each is. The guide
(``advocate templates``, ``docs/templates.md``) adds each name's type and an example
by drafting the shipped example case, so it cannot drift from the code: a test fails
when a builder gives a name this table does not describe, or the table describes a
name no builder gives.
"""

from __future__ import annotations

NAMES: dict[str, str] = {
    # -- the parties and the document -------------------------------------------------
    "case": "The matter as case.yaml states it (title, countries, decisions, claim settings ...).",
    "public_body": "The public authority: the FOI request's recipient and the proposed defendant (name, address, "
    "foi_email, decision_maker).",
    "requester": "Who makes the FOI request (name, organisation, address, email).",
    "claimant": "Who brings the claim or signs the briefing: the claimant if case.yaml names one, else the requester.",
    "legal_representative": "The claimant's solicitors, or nothing if case.yaml names none.",
    "countries": "The case's destination countries, by name.",
    "licence_countries": "The case's countries the document's licences go to, or whose products their goods are "
    "incorporated into, in words ('Turkey and South Korea').",
    "date": "The document's date: printed on it, and the day its deadlines count from.",
    "document_title": "What the command line calls a document of this kind.",
    "public": "True for a public document (every document but a privileged letter to one's own lawyers).",
    "illustrative": "True when the case or a licence used is marked illustrative: the document must say so.",
    # -- the evidence ---------------------------------------------------------------------
    "licences": "The licences selected for this document, as printed (confidential ones left out of a public "
    "document).",
    "decision_span": "The span of the selected licences' decision dates, or nothing when none has a date.",
    "abuses": "The documented abuses the document may print.",
    "events": "The events on the case's timeline the document may print.",
    "sources": "The sources the document may cite.",
    "asserted_links": "The links the user asserted by hand (links.yaml) that the document may print.",
    "indicators": "Each case country's latest rating by each publisher (Freedom House, CIVICUS), reviewed ones "
    "only; each has a .statement to print and cite: context, never linked as an abuse.",
    "transfers": "Transfers of surveillance goods that a published index records (supplier, end user, goods), "
    "reviewed ones only; each has a .statement and can be cited; never linked to a licence by itself.",
    "withheld": "How many confidential records were left out, by kind of record.",
    "withheld_total": "How many confidential records were left out in all (say so, never name them).",
    # -- functions for records -------------------------------------------------------------
    "cite": "cite(*records, pinpoint='', signal='') footnotes a claim with the sources of the records given "
    "(a source, an abuse, an event, a link or a licence).",
    "note": "note(text, *records) adds an explanatory footnote, citing the records given.",
    "abuse": "abuse(id): one documented abuse, refused by name if it is confidential in a public document.",
    "abuses_by_id": "abuses_by_id(ids): the abuses with those ids, in that order.",
    "event": "event(id): one event.",
    "source": "source(id): one source (or a shipped authority such as 'foia-2000').",
    "licence": "licence(id): one of the licences selected for this document.",
    "licence_record": "licence_record(id): any licence in the case, selected or not (an earlier refusal cited as "
    "evidence).",
    "link": "link(id): one hand-asserted link.",
    "sources_of": "sources_of(licences): the ids of those licences' sources, each once.",
    "licence_label": "licence_label(licence): the licence's one label in this document (identifier_text, or a dash in a "
    "letter to the Department for a licence the case knows only by its own label); "
    "licence_label.any(licences) says whether any licence has a label to print.",
    "licence_notes": "licence_notes(licences, labels=None): the notes a table of licences needs, as sentences: why a "
    "licence to another country is listed (its goods are incorporated into products for a case "
    "country), and what a row standing for several licences is; empty when none is needed.",
    "dated": "dated(record): a dated record as words with its date first, no full stop ('In 2016, Turkey arrested "
    "dozens of journalists after a coup attempt').",
    # -- functions for prose --------------------------------------------------------------
    "lines": "lines(*parts): the non-empty parts as the lines of one paragraph (an address block).",
    "plural": "plural(n, word, plural_form=None): '1 licence', '3 licences'.",
    "counter": "counter(): a paragraph numberer; p = counter(), then {{ p() }} gives 1, 2, 3 ... throughout a letter.",
    # -- links and criteria -------------------------------------------------------------------
    "links": "The links between the document's licences and the abuses it may print, strongest first.",
    "criteria_versions": "Each version of the licensing criteria in force on one of the licences' decision "
    "dates, oldest first.",
    "criteria_for": "criteria_for(licence): the version of the criteria in force when that licence was decided.",
    "criteria_unknown": "The ids of licences decided before the earliest criteria shipped.",
    "criteria_engaged": "The criteria the links engage, each with its version.",
    "refusals": "The Government's earlier refusals of similar goods that the links cite (licence_id, reason).",
    "particulars": "particulars(link): a link's reasons about who and what, without its timing.",
    "timing": "timing(link): when the link's abuse occurred and when it was first publicly reported, relative to "
    "the licence's decision, in words.",
    "law_for": "law_for(licence): the law of the licence's decision date: the criteria in force (every version a "
    "straddling period may fall under), the department that decided and the departments that advised.",
    # -- an FOI request --------------------------------------------------------------------------
    "reply_due": "The date the reply is due (FOIA s 10(1), (6)), with the rule that gives it.",
    "reply_holidays": "The holidays the reply period passes over, in words ('25 December 2026 (Christmas Day)').",
    "granted": "The licences the request asks about that were granted (heads about assessment, end use and review).",
    "refused": "The licences the request asks about that were refused (heads about the refusal and its assessment).",
    "one_licence": "True when the document is about one licence (write 'the licence', not 'each licence').",
    "focused": "True when the request asks about a focused set (the licences the decisions name, or the most "
    "recent) rather than every licence chosen.",
    "criteria_named": "The versions of the licensing criteria in force for the licences' dates, oldest first.",
    "straddling": "(licence, law) pairs for licences decided in a period that straddles a change of criteria.",
    "deciders": "The department or departments that decided the licences, by date ('the Department for "
    "International Trade').",
    "decided_by_predecessor": "True when a licence was decided by a predecessor of today's department.",
    "foreign_office": "The foreign ministry that advised at the licences' dates ('the Foreign and Commonwealth "
    "Office' before September 2020).",
    "why_abuses": "Up to three documented abuses the request names once, in its short paragraph on why (.abuse, .when "
    "'in 2016', .clause: the title continuing a sentence).",
    "licences_asked": "The licences the document tables, in order (the _licence_table.md.j2 partial prints them).",
    "count_words": "How many licences the request is about: 'one export licence', 'at least 3 export licences'.",
    "request_about": "The request's subject in words: 'an export licence for Turkey decided in the first quarter of 2017'.",
    "described_as": "Where the licences' particulars come from: 'as the published licensing data gives it'.",
    "identifiers_note": "What the identifiers printed are (a dataset's numbers, the sender's own labels), as a sentence; "
    "empty when every one is the Government's own reference.",
    "granted_asked": "Which granted licences the heads for a grant are about: 'the licence', 'each licence granted "
    "(CAAT dataset no. 75164 and the one decided in the first quarter of 2017)'.",
    "refused_asked": "Which refused applications the heads for a refusal are about ('' when none).",
    # -- the follow-ups of an FOI request ---------------------------------------------------------
    "request": "The earlier request a follow-up cites: its reference, dates, the exemptions claimed and the review.",
    "review_due": "The date the internal review is expected (20 working days), with its rule.",
    "review_asked_by": "The last day to ask for an internal review (40 working days from the response).",
    "complain_by": "The date the Commissioner expects a complaint by (six weeks from the review's outcome).",
    "reply_was_due": "The date the reply to the request was due (FOIA s 10(1)).",
    "review_overdue_from": "The day an internal review with no response counts as overdue (40 working days).",
    "review_late": "True when the internal review is asked for after the 40 working days the Code expects.",
    "complaint_late": "True when the complaint is made after the six weeks the Commissioner asks for.",
    "delay_reason": "Why a review, complaint or appeal comes late, in the user's words (--delay-reason); empty if none.",
    "receipt_assumed": "True when the request's arrival was not recorded and it is taken as received the day it was sent.",
    "extension": "The public-interest extension the authority gave (s 10(3), s 17(2)), or nothing.",
    "extension_in_time": "True when the extension notice came within the twenty working days.",
    "extension_promised": "The date an extension promised a reply by, or nothing.",
    "response_late": "True when the response came after the reply was due, with no extension in time.",
    "response_after_promised": "True when the response came after the date an extension promised.",
    "late_provisions": "What a late response breached: 'sections 10(1) and 17(1)' for a refusal, else 'section 10(1)'.",
    "about": "The licences the earlier request was about, identified as the Department can look them up, in words.",
    "body": "The body the earlier request went to, as a sentence names it ('the Department for Business and Trade').",
    "acknowledged": "The authority's acknowledgement of the request (its date), or nothing.",
    "chaser_dates": "The dates of the chasers the letter mentions, in words ('20 October 2026'); empty when none.",
    "exemptions_cited": "The provisions the authority relied on, in words ('s 27(1)(a) and s 43(2)').",
    "copies": "The letters of the request's history, each as 'my request of 5 January 2026', for a list of copies.",
    "published_particulars": "What the published data gives of the licences: 'destination, control-list rating and "
    "goods'.",
    "public_interest_abuses": "The abuses a follow-up's public-interest case names (those bearing on the licences "
    "first), at most six, in date order.",
    "abuses_linked": "True when public_interest_abuses bear on the request's licences.",
    "withheld_words": "What the refusal did: 'withheld the information', 'withheld part of the information'.",
    "qualified_words": "'Section 27 is a qualified exemption', 'Sections 27 and 43 are qualified exemptions', or ''.",
    "qualified_single": "True when the refusal relied on one qualified exemption.",
    "argues_public_interest": "True when the review argues the public interest (a qualified exemption, or s 41).",
    "goods_words": "What the licences were for, in words ('software for telecommunications interception equipment').",
    "clarification_asked": "The authority's requests for clarification of the request (their dates).",
    "clarification_answered": "The requester's answers to them (their dates).",
    "qualified_asked": "The qualified exemptions (other than ss 40 and 41) the complaint asks about.",
    "qualified_named": "Those exemptions in words, each with its heading ('s 27(1)(a) (international relations)').",
    "other_exemptions": "The other provisions the complaint asks about, one by one.",
    "extension_sections": "The provisions an extension of time was for, in words.",
    "review_outcome_cell": "The internal review's outcome as the complaint's table prints it ('Original decision upheld').",
    "late_pinpoint": "The provisions a late response breached, as a citation pinpoint ('ss 10(1), 17(1)').",
    "qualified_decided": "The qualified exemptions the decision notice upheld.",
    "decided_cited": "Every provision the decision notice upheld, in words.",
    # -- the ladder of letters after a request ------------------------------------------------------
    "history": "The request's history: its events in order, its state and the dates that follow from them.",
    "chasing": "What a chaser chases: 'reply' or 'review'.",
    "due": "The date the awaited reply or review was due, with its rule.",
    "earlier_chasers": "Chasers already sent since the reply or review fell due.",
    "chasers": "Chasers sent since the reply fell due (for a complaint about a non-response).",
    "review_outer": "The outer date of an internal review (40 working days), when a chaser chases a review.",
    "promised": "The date the public-interest extension promised a reply by, with its rule.",
    "given_date": "True when the extension notice gave a date (rather than leaving it open).",
    "clarification": "The authority's request for clarification (its date, what it asked, and the answer to give).",
    "new_due": "The date the reply is due after the clarification is answered (FOIA s 1(3): the clock restarts).",
    "authority": "The public authority the request went to (name, FOI address).",
    "decision": "The Commissioner's decision notice the appeal is against (date, reference, outcome).",
    "appeal_by": "The date the notice of appeal must reach the Tribunal by (28 days from the decision notice).",
    "appeal_late": "True when the notice of appeal is made after the 28 days.",
    "decided_exemptions": "The exemptions the decision notice upheld, with their headings.",
    # -- a letter before claim ---------------------------------------------------------------------
    "decisions": "Each decision under challenge, with its licences, links, criteria and CPR r 54.5 limit.",
    "grounds": "The grounds the letter argues, in order (id, title, summary); each is argued in "
    "letter_templates/_ground_<id>.md.j2.",
    "reply_by": "The proposed reply date (14 days by default), with its rule.",
    "claim": "case.yaml's claim settings (interested parties, ADR, information and documents sought).",
    "claim_limit_passed": "True when a decision's CPR r 54.5 limit has passed.",
    "all_licences": "Every licence of the decisions under challenge.",
    "destinations": "The destinations of those licences, in words.",
    "address_for_service": "The UK postal address for the reply and for service of court documents.",
    "copy_to": "The Government Legal Department, to which the letter is copied (name, address, source).",
    "goods_licensed": "What the licences under challenge were for, in words.",
    "end_users": "The end users the licensing data names for them, quoted, in words.",
    "abuses_set_out": "True when section 7 sets out at least one documented abuse (the grounds rely on them).",
    "reported_before": "True when an abuse linked to a decision was publicly reported before it.",
    "occurred_before": "True when an abuse linked to a decision occurred before it (reported then or later).",
    "the_licence": "'the licence', or 'the licences' (for agreement with the licences under challenge).",
    "claim_subject": "The letter's subject line: 'Letter before claim: an export licence to Turkey'.",
    "challenged": "What the claim is about: 'the decision to grant an export licence for Turkey'.",
    "identified_as": "Where the licences' particulars come from: 'as the published licensing data gives it'.",
    "end_user_words": "The end users in words: 'an end user described as “law enforcement agency”'.",
    "licence_facts": "Each licence under challenge as section 7 states it (.sentence without its full stop, "
    ".licence to cite).",
    "relief": "The relief case.yaml asks for, each item continuing a list (lower-case start, no full stop).",
    "information_sought": "case.yaml's information sought, each item continuing a list.",
    "documents_sought": "case.yaml's documents sought, each item continuing a list.",
    "defendant_references": "The defendant's references for the matter, if case.yaml gives any.",
    "irrational_example": "The abuse the irrationality ground names as its example, or nothing.",
    # -- a briefing and its questions -------------------------------------------------------------
    "figures": "The numbers a briefing states (licences, outcomes, values, destinations, ratings, abuses).",
    "key_figures": "The figure tiles a briefing opens with.",
    "figures_json": "figures_json(items): the body of a ```figures block for those tiles.",
    "chart": "chart(name): a chart ('licences-by-quarter' or 'licences-by-rating').",
    "chart_json": "chart_json(name, title=''): the body of a ```chart block.",
    "key_licences": "key_licences(links, n=8): the licences a reader should see first.",
    "link_summary": "link_summary(links): the links counted by relation and criterion, and the strongest few.",
    "abuses_to_show": "abuses_to_show(links, n=10): the documented abuses to print, linked ones first.",
    "data_sources": "The ids of the sources the licence data come from (cite them once for a table or chart).",
    "minister": "Whom written questions are put to, e.g. 'Secretary of State for Business and Trade'.",
    "money_short": "money_short(value): '£3.4 million', '£950,000' for a figure tile.",
    "number": "number(n): '1,939'.",
    "when": "when(period): 'on 6 March 2015', 'in the first quarter of 2017'.",
    "goods": "goods(licence): what a licence was for, as far as the data says.",
    "briefing_words": "briefing_words(links, criteria_engaged): the briefing's computed sentences and selections "
    "(In brief bullets, licences and abuses shown, timing, criteria, the questions' values); see "
    "advocate/draft/briefing/words.py.",
    "timing_summary": "timing_summary(links): how many linked abuses were reported before, occurred before but were "
    "reported after, or came after the decisions.",
    "official": "official(licence): True when a licence rests on the Government's published data (a question may "
    "rest on it), not on a media report.",
    "his_department": "'his Department or its predecessors' when a licence predates today's department, else 'his "
    "Department' (for written questions).",
}
"""Every name a shipped context builder gives a template → what it is."""

SOMETIMES: frozenset[str] = frozenset({"review_overdue_from"})
"""Names a builder gives only in some histories (a complaint made with no internal review response), so the
guide's example may not show them."""
