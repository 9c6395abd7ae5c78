"""Benchmark: 1,000 FOI requests (one per licence of a synthetic case) drafted to DOCX and PDF.

Prints documents per second for the batch (``advocate draft foi --each``, forked
across every core), the engine's per-document time in one process, and the
time bare python-docx plus reportlab take to write the same text (each
paragraph of the finished letter, footnotes as plain paragraphs) without the
engine. The ratio of the two per-document times is the engine's overhead:
templates, links, citations, footnotes, house style. Target: under 2.

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
from advocate.draft_run import LicenceSelection, draft_run  # noqa: E402
from advocate.pipeline import DraftOptions, document_text, draft_document  # noqa: E402


def bare_python_docx_and_reportlab(paragraphs: list[str]) -> tuple[bytes, bytes]:
    """The same text written by the two libraries directly: what the engine is compared with."""
    import docx
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from xml.sax.saxutils import escape

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    word = io.BytesIO()
    document.save(word)
    pdf = io.BytesIO()
    styles = getSampleStyleSheet()
    SimpleDocTemplate(pdf, pagesize=A4, invariant=1).build([Paragraph(escape(text), styles["Normal"]) for text in paragraphs])
    return word.getvalue(), pdf.getvalue()


def main() -> None:
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

        sample = ids[: min(50, len(ids))]
        texts = []
        start = time.perf_counter()
        for licence_id in sample:
            drafted = draft_document(case_file, "foi", options, licences=case_file.licences.filter(ids=[licence_id]))
            from advocate.pipeline import render_document

            render_document(drafted, ("docx", "pdf"), case_file)
            texts.append([p for p in document_text(drafted).split("\n\n") if p.strip()])
        engine = (time.perf_counter() - start) / len(sample)

        start = time.perf_counter()
        for paragraphs in texts:
            bare_python_docx_and_reportlab(paragraphs)
        bare = (time.perf_counter() - start) / len(sample)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"documents           {len(run.documents):,} FOI requests, {len(run.files):,} files (DOCX + PDF)")
    print(f"cores               {os.cpu_count()}")
    print(f"batch               {batch:.1f} s, {len(run.documents) / batch:.1f} documents/s (all cores)")
    print(f"engine, one process {engine * 1000:.0f} ms per document (draft, link, cite, DOCX, PDF)")
    print(f"bare libraries      {bare * 1000:.0f} ms per document (python-docx + reportlab, same text)")
    print(f"ratio               {engine / bare:.2f} (target < 2)")
    print(f"batch vs one process {engine * len(run.documents) / batch:.2f}x speed-up from parallel workers")
    print(f"peak memory         {peak_mb:.0f} MB (main), {children_mb:.0f} MB (largest worker)")


if __name__ == "__main__":
    main()
