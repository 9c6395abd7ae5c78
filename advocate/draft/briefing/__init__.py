"""What a parliamentary briefing and its suggested questions add to a template's context, one module per job."""
