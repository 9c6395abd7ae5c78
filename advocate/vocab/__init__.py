"""Controlled vocabularies: countries, control-list ratings, technology, state bodies, abuse categories."""
