"""The kinds of source a case cites: one table that the model, ``advocate check`` and the citation formatter read.

Each :class:`SourceKind` says what a source of that kind needs before it can be
cited in OSCOLA form (``required`` fields, and ``one_of`` where any one will do),
whether it is cited online (with its URL and the date it was accessed, so ``check``
warns when the URL is missing), how it is cited (``form``: the function of
:mod:`advocate.resolve.oscola` that writes it) and how a later note names it.
A new kind is a new entry here (and a new form in the formatter, if none fits).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Form = Literal[
    "report",
    "news",
    "web",
    "data",
    "statute",
    "statutory-instrument",
    "eu-legislation",
    "guidance",
    "case",
    "hansard",
    "letter",
    "interview",
]


@dataclass(frozen=True)
class SourceKind:
    """One kind of source and what citing it takes."""

    name: str
    description: str
    form: Form
    """Which OSCOLA form writes its full citation."""
    example: str
    """Its full citation, as OSCOLA writes it (for the documentation)."""
    required: tuple[str, ...] = ()
    """Fields every source of this kind needs to be cited."""
    one_of: tuple[str, ...] = ()
    """Fields of which a source of this kind needs at least one."""
    online: bool = False
    """Cited with its URL and the date accessed: ``check`` warns when the URL is missing."""
    legislation: bool = False
    """Later citations name it by its (short) title alone, and pinpoints are provisions ('s 10(1)')."""
    italic_title: bool = False
    """A later note without an author names it by its title in italics (a book-like work), else in quotes."""
    untitled: str = ""
    """What a citation calls a work of this kind whose title the case does not know (a source known only
    through another): "Human Rights Watch report (2017), cited in …"; ``check`` warns about such a source."""


SOURCE_KINDS: dict[str, SourceKind] = {
    kind.name: kind
    for kind in (
        SourceKind(
            "report",
            "a report or book of an organisation or author",
            "report",
            "Author or Organisation, *Title* (Publisher 2017) 12 <URL> accessed 1 May 2017",
            required=("title",),
            one_of=("author", "organisation"),
            online=True,
            italic_title=True,
            untitled="report",
        ),
        SourceKind(
            "news",
            "a newspaper or magazine article",
            "news",
            "Author, 'Title' *Publication* (London, 12 July 2017) <URL> accessed 1 May 2017",
            required=("title", "publication", "date"),
            online=True,
            untitled="article",
        ),
        SourceKind(
            "web",
            "a web page",
            "web",
            "Author or Organisation, 'Title' (Website, 12 July 2017) <URL> accessed 1 May 2017",
            required=("title",),
            one_of=("author", "organisation", "publication"),
            online=True,
            untitled="web page",
        ),
        SourceKind(
            "statute",
            "an Act of Parliament",
            "statute",
            "Freedom of Information Act 2000, s 10(1)",
            required=("title",),
            legislation=True,
        ),
        SourceKind(
            "statutory-instrument",
            "a statutory instrument",
            "statutory-instrument",
            "Export Control Order 2008, SI 2008/3231, art 2",
            required=("title",),
            legislation=True,
        ),
        SourceKind(
            "eu-legislation",
            "an EU act, with its Official Journal reference",
            "eu-legislation",
            "Council Common Position 2008/944/CFSP of 8 December 2008 ... [2008] OJ L335/99, art 2",
            required=("title",),
            legislation=True,
        ),
        SourceKind(
            "guidance",
            "an official protocol, code of practice or practice direction",
            "guidance",
            "Pre-Action Protocol for Judicial Review, Annex A <URL>",
            required=("title",),
            legislation=True,
        ),
        SourceKind(
            "case",
            "a judgment",
            "case",
            "*R (Campaign Against Arms Trade) v Secretary of State for International Trade* "
            "[2019] EWCA Civ 1020, [2019] 1 WLR 5765 [45]",
            required=("title",),
            one_of=("neutral_citation", "report_citation"),
        ),
        SourceKind(
            "hansard",
            "a debate, written statement or written question in Hansard",
            "hansard",
            "HC Deb 25 March 2014, vol 578, col 26WS; or Author, 'Title' (HC written statement HCWS449, "
            "8 December 2021) <URL>",
            required=("house", "date"),
        ),
        SourceKind(
            "statistics",
            "official statistics",
            "data",
            "Organisation, *Title* (version, 12 July 2017) <URL> accessed 1 May 2017",
            required=("title",),
            one_of=("author", "organisation"),
            online=True,
            italic_title=True,
            untitled="statistics",
        ),
        SourceKind(
            "dataset",
            "a dataset (a licensing release, a database export)",
            "data",
            "Organisation, *Title* (version, 12 July 2017) <URL> accessed 1 May 2017",
            required=("title",),
            one_of=("author", "organisation", "publisher"),
            online=True,
            italic_title=True,
            untitled="dataset",
        ),
        SourceKind(
            "letter",
            "a letter or email",
            "letter",
            "Letter from X (Organisation) to Y (12 July 2017)",
            required=("date",),
            one_of=("author", "organisation"),
        ),
        SourceKind(
            "interview",
            "an interview",
            "interview",
            "Interview with X (Organisation) by Y (place, 12 July 2017)",
            required=("date",),
        ),
        SourceKind(
            "other",
            "any other source",
            "report",
            "Author or Organisation, *Title* (Publisher, 2017) <URL> accessed 1 May 2017",
            required=("title",),
            italic_title=True,
        ),
    )
}
"""Every kind of source, by the name a case file writes (``kind: news``)."""
