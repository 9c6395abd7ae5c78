"""OSCOLA (4th edition) citations of :class:`~advocate.models.records.Source` records.

Each function returns inline nodes of :mod:`advocate.models.document` (``Text``,
``Emphasis`` for italics, ``Link`` for URLs), with no closing full stop: the
footnote adds it. The forms, by ``kind``:

=====================  ==========================================================================
report                 Author or Organisation, *Title* (Publisher 2017) 12 <URL> accessed 1 May 2017
news                   Author, ‘Title’ *Publication* (London, 12 July 2017) <URL> accessed 1 May 2017
web                    Author or Organisation, ‘Title’ (Website, 12 July 2017) <URL> accessed 1 May 2017
statute                Freedom of Information Act 2000, s 10(1)
statutory-instrument   Export Control Order 2008, SI 2008/3231, art 2
eu-legislation         Council Common Position 2008/944/CFSP of 8 December 2008 ... [2008] OJ L335/99, art 2
guidance               Pre-Action Protocol for Judicial Review, Annex A <URL>
case                   *R (Campaign Against Arms Trade) v Secretary of State ...* [2019] EWCA Civ 1020,
                       [2019] 1 WLR 5765 [45]
hansard                HC Deb 25 March 2014, vol 578, col 26WS; a written statement known by its number:
                       Author, ‘Title’ (HC written statement HCWS449, 8 December 2021) <URL>
statistics, dataset    Organisation, *Title* (version, 12 July 2017) <URL> accessed 1 May 2017
letter                 Letter from X (Organisation) to Y (12 July 2017)
interview              Interview with X (Organisation) by Y (place, 12 July 2017)
other                  Author or Organisation, *Title* (Publisher, 2017) <URL> accessed 1 May 2017
=====================  ==========================================================================

A source known only through another (``cited_in``) ends ", cited in" and the
full citation of that other source.

Subsequent citations follow OSCOLA 4th edn, section 1.2.1: a secondary source
by its author's surname (or its organisation, or a short title) with a
cross-reference to the note of its first citation, "Cox (n 3) 12"; a case by a
short form of its name, also with the cross-reference, "*Campaign Against Arms
Trade* (n 2) [45]"; legislation by its (short) title alone, "Freedom of
Information Act 2000, s 17", "CPR r 54.5(1)".

A maintained CSL processor (citeproc-py with the ``oscola.csl`` style) was
considered and not used: it renders to plain text, HTML or reStructuredText
rather than this document tree, its CSL types have no place for an SI number, an
OJ reference or a Hansard column, and OSCOLA's "(n 3)" cross-references need the
note number of the first citation, which the resolve step
(:mod:`advocate.resolve.citations`) already tracks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from advocate.models.document import Emphasis, Inline, Link, Text, plain_text
from advocate.models.period import Period, long_date
from advocate.models.records import Source
from advocate.models.source_kinds import SOURCE_KINDS, SourceKind
from advocate.vocab.english import join_and

_JR_CASE = re.compile(r"^R \((?:on the application of )?(?P<claimant>[^)]+)\) v ")


# -- pieces ----------------------------------------------------------------------


def _date(period: Period | None) -> str:
    """A date at its recorded precision: '12 July 2017', 'July 2017', 'January–March 2017', '2017'."""
    if period is None:
        return ""
    start, end = period.start, period.end
    if start is None or end is None:  # an interval open on one side (a point expression has both its days)
        return period.describe()
    if period.precision == "day":
        return long_date(start)
    if period.precision == "month":
        return start.strftime("%B %Y")
    if period.precision == "quarter":
        return f"{start.strftime('%B')}–{end.strftime('%B %Y')}"
    if period.precision == "year":
        return str(start.year)
    return f"{long_date(start)}–{long_date(end)}"


def _creator(source: Source) -> str:
    """The author(s) as written, or else the organisation."""
    return join_and(source.author) or source.organisation


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _pinpoint(source: Source, pinpoint: str) -> str:
    return str(pinpoint or source.pinpoint or "").strip()


def _legislation_pinpoint(source: Source, pinpoint: str) -> str:
    return str(pinpoint or source.provision or source.pinpoint or "").strip()


def _parenthesis(*parts: str, comma: bool = True) -> str:
    given = [p for p in parts if p]
    if not given:
        return ""
    return "(" + (", " if comma else " ").join(given) + ")"


def _publisher_and_date(publisher: str, date: str, precision: str | None) -> str:
    """'(OUP 2009)' for a year, as OSCOLA writes books; '(Amnesty International, 12 July 2017)' for a fuller date."""
    if publisher and date and precision == "year":
        return f"({publisher} {date})"
    return _parenthesis(publisher, date)


def _online(source: Source) -> list[Inline]:
    """' <URL> accessed 1 May 2017', or nothing for a source with no URL."""
    if not source.url:
        return []
    nodes: list[Inline] = [Text(" <"), Link(source.url, (Text(source.url),)), Text(">")]
    if source.accessed:
        nodes.append(Text(f" accessed {long_date(source.accessed)}"))
    return nodes


class _Builder:
    """Collects inline nodes, joining adjacent text and putting single spaces between parts."""

    def __init__(self) -> None:
        self.nodes: list[Inline] = []

    def text(self, text: str, *, space: bool = True) -> _Builder:
        if text:
            self._add(Text(text), space)
        return self

    def italic(self, text: str, *, space: bool = True) -> _Builder:
        if text:
            self._add(Emphasis((Text(text),)), space)
        return self

    def extend(self, nodes: Iterable[Inline]) -> _Builder:
        for node in nodes:
            self._add(node, False)
        return self

    def _add(self, node: Inline, space: bool) -> None:
        if space and self.nodes and not plain_text(self.nodes).endswith((" ", "(")):
            self._append(Text(" "))
        self._append(node)

    def _append(self, node: Inline) -> None:
        if isinstance(node, Text) and self.nodes and isinstance(self.nodes[-1], Text):
            self.nodes[-1] = Text(self.nodes[-1].text + node.text)
        else:
            self.nodes.append(node)

    def result(self) -> tuple[Inline, ...]:
        return tuple(self.nodes)


def _lead(build: _Builder, name: str, title: str) -> None:
    """'Author,' before a title; the author alone when there is no title; nothing when there is no author."""
    if name:
        build.text(f"{name}," if title else name)


def _untitled(build: _Builder, source: Source) -> None:
    """A source known only through another, whose title the case does not know: OSCOLA has no form without a
    title, so the citation gives every element it has and says what kind of work it is ("Human Rights Watch
    report (2017), cited in …"; see :attr:`~advocate.models.source_kinds.SourceKind.untitled`)."""
    if not source.title:
        build.text(_kind(source).untitled)


# -- full citations, by kind -----------------------------------------------------


def _report(source: Source, pin: str) -> _Builder:
    build = _Builder()
    _lead(build, _creator(source), source.title)
    build.italic(source.title)
    _untitled(build, source)
    precision = source.date.precision if source.date else None
    build.text(_publisher_and_date(source.publisher, _date(source.date), precision))
    build.text(pin)
    return build.extend(_online(source))


def _news(source: Source, pin: str) -> _Builder:
    build = _Builder()
    _lead(build, join_and(source.author), source.title)
    if source.title:
        build.text(f"‘{source.title}’")
    build.italic(source.publication or source.publisher)
    _untitled(build, source)
    build.text(_parenthesis(source.place, _date(source.date)))
    build.text(pin)
    return build.extend(_online(source))


def _web(source: Source, pin: str) -> _Builder:
    build = _Builder()
    creator = _creator(source)
    _lead(build, creator if creator != source.title else "", source.title)
    if source.title:
        build.text(f"‘{source.title}’")
    _untitled(build, source)
    build.text(_parenthesis(source.publication or source.publisher, _date(source.date)))
    build.text(pin)
    return build.extend(_online(source))


def _data(source: Source, pin: str) -> _Builder:
    build = _Builder()
    _lead(build, source.organisation or join_and(source.author), source.title)
    build.italic(source.title)
    _untitled(build, source)
    publisher = source.publisher if source.publisher != (source.organisation or join_and(source.author)) else ""
    build.text(_parenthesis(publisher, source.version, _date(source.date)))
    build.text(pin)
    return build.extend(_online(source))


def _with_provision(build: _Builder, pin: str) -> _Builder:
    if pin:
        build.text(",", space=False).text(pin)
    return build


def _statute(source: Source, pin: str) -> _Builder:
    return _with_provision(_Builder().text(source.title), pin)


def _statutory_instrument(source: Source, pin: str) -> _Builder:
    build = _Builder().text(source.title)
    if source.si_number:
        build.text(f", SI {source.si_number}", space=False)
    return _with_provision(build, pin)


def _eu_legislation(source: Source, pin: str) -> _Builder:
    build = _Builder().text(source.title).text(source.oj)
    return _with_provision(build, pin)


def _guidance(source: Source, pin: str) -> _Builder:
    build = _Builder()
    _lead(build, source.organisation, source.title)
    build.text(source.title)
    build.text(_parenthesis(_date(source.date)))
    _with_provision(build, pin)
    return build.extend(_online(source))


def _case(source: Source, pin: str) -> _Builder:
    build = _Builder().italic(source.title)
    build.text(source.neutral_citation)
    if source.report_citation:
        build.text(("," if source.neutral_citation else ""), space=False).text(source.report_citation)
    if source.court and not source.neutral_citation:
        build.text(f"({source.court})")
    build.text(pin)
    return build


def _is_written_statement(source: Source) -> bool:
    return bool(re.match(r"^(HC|HL)WS\d+$", source.uin.strip(), re.IGNORECASE)) or not source.uin


_COLUMN = re.compile(r"^(?:cols?\.?\s*)?\d+[A-Z]{0,3}(?:\s*[–-]\s*\d+[A-Z]{0,3})?$")
"""A pinpoint that is a Hansard column ('26WS', 'cols 199–203W'); any other (a criterion) follows the columns."""


def _hansard(source: Source, pin: str) -> _Builder:
    house = source.house or "HC"
    build = _Builder()
    if source.column or not (source.title or source.uin):
        build.text(f"{house} Deb {_date(source.date)}".strip())
        if source.volume:
            build.text(f", vol {source.volume}", space=False)
        is_column = bool(_COLUMN.match(pin))
        column = pin if is_column else source.column
        if column:
            label = "cols" if re.search(r"[–-]", column) else "col"
            build.text(f", {column}" if column.startswith("col") else f", {label} {column}", space=False)
        if pin and not is_column:
            build.text(f", {pin}", space=False)
        return build.extend(_online(source))
    _lead(build, _creator(source), source.title)
    if source.title:
        build.text(f"‘{source.title}’")
    if source.volume:
        build.text(f"{house} Deb {_date(source.date)}, vol {source.volume}".strip())
        if pin:
            build.text(f", {pin}", space=False)
        return build.extend(_online(source))
    kind = "written statement" if _is_written_statement(source) else "written question"
    build.text(_parenthesis(" ".join(p for p in (house, kind, source.uin) if p), _date(source.date)))
    build.text(pin)
    return build.extend(_online(source))


def _letter(source: Source, pin: str) -> _Builder:
    build = _Builder()
    sender = join_and(source.author)
    if sender and source.organisation:
        sender = f"{sender} ({source.organisation})"
    sender = sender or source.organisation
    words = "Letter" + (f" from {sender}" if sender else "") + (f" to {source.recipient}" if source.recipient else "")
    build.text(words)
    if source.title:
        build.text(f"‘{source.title}’")
    build.text(_parenthesis(_date(source.date)))
    build.text(pin)
    return build.extend(_online(source))


def _interview(source: Source, pin: str) -> _Builder:
    build = _Builder()
    person = join_and(source.author)
    if person and source.organisation:
        person = f"{person} ({source.organisation})"
    person = person or source.organisation
    if person:
        build.text(f"Interview with {person}" + (f" by {source.recipient}" if source.recipient else ""))
    elif source.title:
        build.text(source.title)
    else:
        build.text("Interview" + (f" by {source.recipient}" if source.recipient else ""))
    build.text(_parenthesis(source.place, _date(source.date)))
    build.text(pin)
    return build.extend(_online(source))


_FULL: dict[str, Callable[[Source, str], _Builder]] = {
    "report": _report,
    "news": _news,
    "web": _web,
    "data": _data,
    "statute": _statute,
    "statutory-instrument": _statutory_instrument,
    "eu-legislation": _eu_legislation,
    "guidance": _guidance,
    "case": _case,
    "hansard": _hansard,
    "letter": _letter,
    "interview": _interview,
}
"""Each OSCOLA form (a source kind's ``form``, see :mod:`advocate.models.source_kinds`) → the function writing it."""


def _kind(source: Source) -> SourceKind:
    return SOURCE_KINDS[source.kind]


_PARAGRAPHS = re.compile(r"^(?:paras?\.?\s*)?\[?(\d+)[\])]?(?:\s*[-–]\s*\[?(\d+)[\])]?)?$", re.IGNORECASE)


def _case_pinpoint(pin: str) -> str:
    """Paragraphs of a judgment in square brackets, as OSCOLA writes them: 'para 45' → '[45]',
    'paras 45-47' → '[45]–[47]'. Citation markers cannot carry ']' (it closes the marker), so
    templates may write 'para 45'. Page pinpoints of a law report ('p 258', '258') stay as given."""
    match = _PARAGRAPHS.match(pin)
    if not match or not (pin.lower().startswith("para") or pin.startswith("[")):
        return pin
    first, last = match.groups()
    return f"[{first}]" + (f"–[{last}]" if last else "")


def _pin_for(source: Source, pinpoint: str) -> str:
    if _kind(source).legislation:
        return _legislation_pinpoint(source, pinpoint)
    pin = _pinpoint(source, pinpoint)
    return _case_pinpoint(pin) if source.kind == "case" else pin


def full_citation(
    source: Source, *, pinpoint: str = "", sources: Mapping[str, Source] | None = None
) -> tuple[Inline, ...]:
    """The first citation of ``source`` in OSCOLA form, at ``pinpoint`` (the source's own pinpoint or
    provision if none is given). ``sources`` resolves ``cited_in``, the source it is known through:
    the citation ends ', cited in' and that source's full citation (left out if it cannot be resolved)."""
    return _full(source, pinpoint, sources or {}, frozenset())


def _full(source: Source, pinpoint: str, sources: Mapping[str, Source], seen: frozenset[str]) -> tuple[Inline, ...]:
    build = _FULL[_kind(source).form](source, _pin_for(source, pinpoint))
    if not build.nodes:
        build.text(source.title or source.organisation or source.kind)
    other = sources.get(source.cited_in) if source.cited_in else None
    if other is not None and other.id not in seen | {source.id}:
        return cited_in(build.result(), _full(other, "", sources, seen | {source.id}))
    return build.result()


def cited_in(own: tuple[Inline, ...], other: tuple[Inline, ...], *, together: int = 0) -> tuple[Inline, ...]:
    """A source known only through another: its citation, ', cited in' and that other's (full or short).

    ``together`` sources of one note known through the same other are cited once for all: the last of
    them ends ', both cited in' (or 'all cited in') the other."""
    words = "cited in" if together < 2 else ("both cited in" if together == 2 else "all cited in")
    return _Builder().extend(own).text(",", space=False).text(words).extend((Text(" "), *other)).result()


# -- subsequent citations ---------------------------------------------------------


def _case_short_name(source: Source) -> str:
    if source.short_title:
        return source.short_title
    match = _JR_CASE.match(source.title)
    if match:
        return match.group("claimant")
    return source.title.split(" v ")[0].strip() if " v " in source.title else source.title


def _legislation_short(source: Source, pin: str) -> tuple[Inline, ...]:
    short = source.short_title or source.title
    if not pin:
        return (Text(short),)
    abbreviation = short.isupper() and " " not in short
    return (Text(f"{short} {pin}" if abbreviation else f"{short}, {pin}"),)


def _short_head(source: Source) -> _Builder:
    """How a later note names a secondary source: surname(s), else organisation, else a short title.

    The author of a letter or an interview is named in full: it is often a firm or a body, not a person."""
    build = _Builder()
    if source.short_title:
        return build.text(source.short_title)
    if source.author and source.kind in ("letter", "interview"):
        return build.text(join_and(source.author))
    if source.author:
        return build.text(join_and(_surname(a) for a in source.author))
    if source.organisation:
        return build.text(source.organisation)
    if source.kind == "hansard" and (source.column or not source.title):
        return build.text(f"{source.house or 'HC'} Deb {_date(source.date)}".strip())
    if source.title:
        if _kind(source).italic_title:
            return build.italic(source.title)
        return build.text(f"‘{source.title}’")
    if source.publication:
        return build.italic(source.publication)
    return build.text(source.id)


def short_citation(
    source: Source, *, pinpoint: str = "", first_note: int, with_title: bool = False
) -> tuple[Inline, ...]:
    """A later citation of ``source``, first cited in note ``first_note``: 'Cox (n 3) 12',
    '*Campaign Against Arms Trade* (n 2) [45]'; legislation by its short title alone. ``with_title``: the
    author's name is shared by another work the document cites, so the title follows it, as OSCOLA does to tell
    them apart ('Rights Watchers, *Journalists Behind Bars* (n 10)')."""
    pin = _pin_for(source, pinpoint)
    if _kind(source).legislation:
        return _legislation_short(source, pin)
    if source.kind == "case":
        build = _Builder().italic(_case_short_name(source))
    else:
        build = _short_head(source)
        head = plain_text(build.nodes)
        if with_title and source.title and head not in (source.title, f"‘{source.title}’", source.short_title):
            build.text(",", space=False)
            if _kind(source).italic_title:
                build.italic(source.title)
            else:
                build.text(f"‘{source.title}’")
    build.text(f"(n {first_note})")
    build.text(pin)
    return build.result()


def short_name(source: Source) -> str:
    """How a later note names ``source`` before its cross-reference ('Rights Watchers'), to tell whether two
    works cited in one document would read alike."""
    if _kind(source).legislation:
        return source.short_title or source.title
    if source.kind == "case":
        return _case_short_name(source)
    return plain_text(_short_head(source).nodes)


def ibid(pinpoint: str = "", *, source: Source | None = None) -> tuple[Inline, ...]:
    """'ibid' or 'ibid 12' (lower case: the caller capitalises it at the start of a note); a judgment's
    paragraphs in square brackets, as in a full citation ('ibid [45]')."""
    pinpoint = str(pinpoint or "").strip()
    if pinpoint and source is not None and source.kind == "case":
        pinpoint = _case_pinpoint(pinpoint)
    return (Text(f"ibid {pinpoint}" if pinpoint else "ibid"),)


def bibliography_entry(source: Source) -> tuple[Inline, ...]:
    """The entry for a list of sources: the full citation without a pinpoint.

    OSCOLA inverts the first author's name in a bibliography of secondary sources
    ('Cox N,'); the sources list of a briefing keeps names as written, since
    many authors here are organisations and a name's parts cannot be told apart
    reliably.
    """
    blank = source.model_copy(update={"pinpoint": "", "provision": "", "cited_in": None})
    return full_citation(blank)


def citation_text(nodes: Iterable[Inline]) -> str:
    """The plain text of citation nodes (italics and links dropped, their text kept)."""
    return plain_text(tuple(nodes))
