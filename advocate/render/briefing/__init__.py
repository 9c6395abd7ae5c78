"""The parliamentary briefing: a designed PDF (cover, summary box, key figures, charts) over the common tree."""
