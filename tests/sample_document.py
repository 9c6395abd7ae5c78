"""A document tree holding every node kind, with the characters a Turkish case needs, for renderer tests."""

from __future__ import annotations

import datetime as dt

from advocate.models.document import (
    BlockQuote,
    Code,
    Document,
    DocumentInfo,
    Emphasis,
    Footnote,
    FootnoteRef,
    Heading,
    LineBreak,
    Link,
    List,
    ListItem,
    PageBreak,
    Paragraph,
    Strong,
    Table,
    TableCell,
    Text,
    ThematicBreak,
)


def cell(text: str, align: str | None = None) -> TableCell:
    return TableCell((Text(text),), align)


def every_node_document(table_rows: int = 3) -> Document:
    """A short letter using every node kind; footnote 2 carries a link, footnote 1 an italic title."""
    return Document(
        info=DocumentInfo(
            title="Request under the Freedom of Information Act 2000",
            date=dt.date(2017, 7, 18),
            author="Example Campaign Group",
            subject="Licences for Turkey",
            running_header="Request under FOIA 2000 · EXAMPLE-TR-2017",
        ),
        children=(
            Heading(1, (Text("Request under the Freedom of Information Act 2000"),)),
            Paragraph((Text("Department for Business and Trade"), LineBreak(), Text("Old Admiralty Building"))),
            Paragraph(
                (
                    Text("The licence to Türkiye for "),
                    Emphasis((Text("software for telecommunications interception equipment"),)),
                    Text(" was granted in the first quarter of 2017."),
                    FootnoteRef(1),
                    Text(" Its value is not reported; a similar licence was worth "),
                    Strong((Text("£272,025"),)),
                    Text(" (rating "),
                    Code("5A001"),
                    Text(")."),
                    FootnoteRef(2),
                )
            ),
            Heading(2, (Text("Information requested"),)),
            List(
                True,
                (
                    ListItem((Paragraph((Text("the assessment against Criterion 2;"),)),)),
                    ListItem((Paragraph((Text("the end-user undertakings."),)),)),
                ),
                start=1,
            ),
            Paragraph(
                (Text("Names that must survive: Şebnem Korur Fincancı, İdil Eser, Taner Kılıç, Ğ ğ Ş ş İ ı é £."),)
            ),
            List(
                False,
                (
                    ListItem((Paragraph((Text("first bullet"),)),)),
                    ListItem(
                        (
                            Paragraph(
                                (Text("second bullet, see "), Link("https://www.gov.uk/", (Text("GOV.UK"),)), Text("."))
                            ),
                        )
                    ),
                ),
            ),
            BlockQuote(
                (Paragraph((Text("The Government will not grant a licence if it determines there is a clear risk."),)),)
            ),
            List(True, (ListItem((Paragraph((Text("continued numbering starts at 3"),)),)),), start=3),
            ThematicBreak(),
            Table(
                header=(cell("Licence"), cell("Decided"), cell("Rating"), cell("Value", "right")),
                rows=tuple(
                    (cell(f"CAAT-{71308 + i}"), cell("28 October 2014"), cell("5A001"), cell("£272,025", "right"))
                    for i in range(table_rows)
                ),
            ),
            PageBreak(),
            Paragraph((Text("After the page break."), FootnoteRef(1))),
        ),
        footnotes=(
            Footnote(
                1,
                (
                    Paragraph(
                        (
                            Text("Joseph Cox, "),
                            Emphasis((Text("The UK Granted Spy Tech Export to Turkey"),)),
                            Text(" (Motherboard, 2017)."),
                        )
                    ),
                ),
            ),
            Footnote(
                2,
                (
                    Paragraph(
                        (
                            Text("Campaign Against Arms Trade, 'UK Arms Export Data' <"),
                            Link(
                                "https://github.com/caatdata/uk-arms-export-data",
                                (Text("https://github.com/caatdata/uk-arms-export-data"),),
                            ),
                            Text("> accessed 22 November 2026."),
                        )
                    ),
                ),
            ),
        ),
    )
