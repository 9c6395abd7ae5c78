"""The commented example case that ``advocate init`` copies into a new folder."""
