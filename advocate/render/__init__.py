"""Stage 6 of the pipeline: the document tree written out as DOCX, PDF, Markdown, plain text or email."""
