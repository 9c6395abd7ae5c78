"""``advocate import``: evidence from the databases campaigners cite, as records of a case.

One module per source reads its file into an :class:`~advocate.importers.batch.ImportBatch`
(``cpj``, ``spreadsheet``, ``freedom_house``, ``civicus``, ``sii``; the table of them is
:mod:`advocate.importers.registry`). :mod:`advocate.importers.run` then merges the batch into the
case's import file for that source (``abuses.cpj.yaml``, never a hand-written file), marks new and
changed records for review, lists the file in ``case.yaml`` and writes every file atomically, or,
for a dry run, only says what would change.
"""
