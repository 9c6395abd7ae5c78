"""The export-licensing criteria, versioned by the date they came into force."""
