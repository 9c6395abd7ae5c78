"""Stage 4 of the pipeline: a Jinja template rendered, sandboxed and strict, to Markdown with footnotes."""
