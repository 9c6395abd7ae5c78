"""Benchmark: 1,000 FOI requests (one per licence of a synthetic case) drafted to DOCX and PDF.

Prints documents per second for the batch (``advocate draft foi --each``, forked
across every core), the engine's per-document time in one process, and the
time bare python-docx plus reportlab take to write the same text (each
paragraph of the finished letter, footnotes as plain paragraphs) without the
engine. The ratio of the two per-document times is the engine's overhead:
templates, links, citations, footnotes, house style. Target: under 2.

How the two are timed, so that the comparison is fair:

- both write the same PDF font: the engine must embed a TrueType font to print
  Turkish names, so the bare PDF embeds the same Liberation Serif (registered
  once, before timing, as the engine registers its fonts once per process);
- both save to memory, DOCX and PDF, at the libraries' default compression;
- one untimed document each first: what a process pays once (compiling the
  templates, registering fonts, building the house-style base document,
  importing) is printed on its own line, not spread over the sample;
- the sample (up to 100 documents) alternates engine and bare document by
  document, so that other load on the machine falls on both alike; the text
  the bare libraries write is taken from the drafted document outside the
  engine's time.

Run: ``python benchmarks/draft.py [documents]`` (default 1,000).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import write_synthetic_case  # noqa: E402

from advocate import load_case  # noqa: E402
from advocate.draft.options import DraftOptions
from advocate.run.document import document_text, draft_document
from advocate.run.draft import LicenceSelection, draft_run  # noqa: E402

_BARE_FONT = "Bare-LiberationSerif"


def register_bare_font() -> None:
    """Register the engine's Liberation Serif for the bare PDF under a name of its own (once per process)."""
    from importlib import resources

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if _BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        font = resources.files("advocate.render.pdf").joinpath("fonts", "LiberationSerif-Regular.ttf")
        pdfmetrics.registerFont(TTFont(_BARE_FONT, io.BytesIO(font.read_bytes())))


def bare_python_docx_and_reportlab(paragraphs: list[str]) -> tuple[bytes, bytes]:
    """The same text written by the two libraries directly: what the engine is compared with."""
    from xml.sax.saxutils import escape

    import docx
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    word = io.BytesIO()
    document.save(word)
    pdf = io.BytesIO()
    style = getSampleStyleSheet()["Normal"]
    style.fontName = _BARE_FONT
    SimpleDocTemplate(pdf, pagesize=A4, invariant=1).build([Paragraph(escape(text), style) for text in paragraphs])
    return word.getvalue(), pdf.getvalue()


def main() -> None:
    from advocate.run.document import render_document

    documents = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    date = dt.date(2026, 11, 23)
    with tempfile.TemporaryDirectory() as tmp:
        folder = write_synthetic_case(Path(tmp) / "case", n_licences=documents, n_abuses=200, seed=7)
        case_file = load_case(folder)
        ids = list(case_file.licences.frame["id"])[:documents]
        options = DraftOptions(date=date)

        start = time.perf_counter()
        run = draft_run(case_file, "foi", Path(tmp) / "out", options=options,
                        selection=LicenceSelection(ids=tuple(ids)), formats=("docx", "pdf"), each=True)
        batch = time.perf_counter() - start

        def engine_document(licence_id) -> tuple[float, float, float, list[str]]:
            """Draft and render one document: seconds drafting, writing DOCX, writing PDF; and its text."""
            start = time.perf_counter()
            drafted = draft_document(case_file, "foi", options, licences=case_file.licences.filter(ids=[licence_id]))
            drafted_at = time.perf_counter()
            render_document(drafted, ("docx",), case_file)
            docx_at = time.perf_counter()
            render_document(drafted, ("pdf",), case_file)
            pdf_at = time.perf_counter()
            text = [p for p in document_text(drafted).split("\n\n") if p.strip()]
            return drafted_at - start, docx_at - drafted_at, pdf_at - docx_at, text

        start = time.perf_counter()
        *_, first_text = engine_document(ids[0])
        engine_first = time.perf_counter() - start
        register_bare_font()
        start = time.perf_counter()
        bare_python_docx_and_reportlab(first_text)
        bare_first = time.perf_counter() - start

        sample = ids[1: 1 + min(100, len(ids) - 1)] or ids[:1]
        parts = [0.0, 0.0, 0.0]
        bare_total = 0.0
        for licence_id in sample:
            *seconds, text = engine_document(licence_id)
            parts = [total + part for total, part in zip(parts, seconds)]
            start = time.perf_counter()
            bare_python_docx_and_reportlab(text)
            bare_total += time.perf_counter() - start
        drafting, word, pdf = (part / len(sample) for part in parts)
        engine = drafting + word + pdf
        bare = bare_total / len(sample)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"documents           {len(run.documents):,} FOI requests, {len(run.files):,} files (DOCX + PDF)")
    print(f"cores               {os.cpu_count()}")
    print(f"batch               {batch:.1f} s, {len(run.documents) / batch:.1f} documents/s (all cores)")
    print(f"first document      {engine_first * 1000:.0f} ms engine, {bare_first * 1000:.0f} ms bare "
          f"(once per process: templates, fonts, house style)")
    print(f"engine, one process {engine * 1000:.1f} ms per document over {len(sample)} "
          f"(draft, link, cite {drafting * 1000:.1f}; DOCX {word * 1000:.1f}; PDF {pdf * 1000:.1f})")
    print(f"bare libraries      {bare * 1000:.1f} ms per document (python-docx + reportlab, same text, same font)")
    print(f"ratio               {engine / bare:.2f} (target < 2)")
    print(f"batch vs one process {engine * len(run.documents) / batch:.2f}x speed-up from parallel workers")
    print(f"peak memory         {peak_mb:.0f} MB (main), {children_mb:.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
