"""OSCOLA citations built from source records."""
