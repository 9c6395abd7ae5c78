"""The PDF renderer (reportlab platypus), with embedded fonts, endnotes or footnotes, running header and page numbers."""
