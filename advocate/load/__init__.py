"""Stage 1 of the pipeline: read case files and licence data into models, collecting every problem."""
