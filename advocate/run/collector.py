"""Python's cycle collector during a run: what was loaded before it is left out of every collection.

A run loads the case, links it and compiles its templates once, then drafts
document after document. Those objects live for the whole run, yet each full
collection of Python's cycle collector walks every one of them again (about a
tenth of a second for a case of a few hundred records, every forty documents or
so). :func:`long_lived` moves everything that exists when the run starts into
the collector's permanent generation (:func:`gc.freeze`) and back at the end;
before worker processes are forked this is also what the ``gc`` documentation
advises, so that collections in the workers do not write to the pages they
share with the parent.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def long_lived():
    """Leave every object that exists now out of the collector's work until the block ends.

    Nothing is frozen when something else has already frozen objects (it would be thawed with ours).
    """
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
