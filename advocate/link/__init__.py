"""Stage 3 of the pipeline: licences linked to documented abuses, with reasons and the criteria engaged."""
