"""Benchmark: a letter with one 20,000-row table rendered to PDF.

Prints rows, pages, seconds and the process's peak resident size
(getrusage). With ``--tracemalloc`` it renders a second time under tracemalloc
and prints the peak of Python allocations too (tracing slows rendering about
sixfold, so the timing is always taken from the untraced run).
Run: ``python benchmarks/pdf_table.py [rows] [--tracemalloc]``.
"""

from __future__ import annotations

import datetime as dt
import io
import resource
import sys
import time
import tracemalloc

from pypdf import PdfReader

from advocate.models.document import (
    Document,
    DocumentInfo,
    Heading,
    Paragraph,
    Table,
    TableCell,
    Text,
)
from advocate.render.pdf.renderer import PdfRenderer


def cell(text: str, align: str | None = None) -> TableCell:
    return TableCell((Text(text),), align)


def big_table_document(rows: int) -> Document:
    """A heading, a paragraph and a table of ``rows`` licence rows, some with a long wrapping cell."""
    body = tuple(
        (
            cell(f"GB-SIEL-{2014000 + i}"),
            cell(f"{1 + i % 28} October 2014"),
            cell(
                "Components for military communications equipment; software for telecommunications interception"
                if i % 7 == 0
                else "5A001"
            ),
            cell("Türkiye"),
            cell(f"£{(i * 7919) % 900000 + 1000:,}", "right"),
        )
        for i in range(rows)
    )
    return Document(
        info=DocumentInfo(title="Licences for Turkey", date=dt.date(2024, 3, 1), running_header="Benchmark · table"),
        children=(
            Heading(1, (Text("Standard individual export licences"),)),
            Paragraph((Text("Every licence in the period, one row each."),)),
            Table(
                header=(cell("Licence"), cell("Decided"), cell("Goods"), cell("Destination"), cell("Value", "right")),
                rows=body,
            ),
        ),
    )


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rows = int(args[0]) if args else 20_000
    document = big_table_document(rows)
    started = time.perf_counter()
    pdf = PdfRenderer().render(document)
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    line = f"rows={rows} pages={pages} seconds={seconds:.2f} bytes={len(pdf)} peak_rss_mb={rss:.1f}"
    if "--tracemalloc" in sys.argv:
        tracemalloc.start()
        PdfRenderer().render(document)
        line += f" peak_traced_mb={tracemalloc.get_traced_memory()[1] / 2**20:.1f}"
        tracemalloc.stop()
    print(line)


if __name__ == "__main__":
    main()
