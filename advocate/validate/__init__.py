"""Stage 2 of the pipeline: checks across records, and the decision whether a case can be used.

:func:`~advocate.validate.check.check_case` reads a case (stage 1, :mod:`advocate.load`)
and adds what only the whole case shows (:mod:`advocate.validate.cross_records`);
:func:`~advocate.validate.check.load_case` raises if anything is an error.
"""
