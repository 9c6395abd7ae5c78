"""The case-file models: small immutable types, one module per kind of thing."""
