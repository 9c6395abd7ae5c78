"""Finding a document kind's context builder: the function that gives its template its own names.

A kind names its builder in the registry (:mod:`advocate.kinds`) as ``module:function``.
Every builder has one signature, ``builder(evidence, options) -> DocumentContext``: the
evidence the document may use (:class:`~advocate.draft.evidence.Evidence`) and the
user's choices (:class:`~advocate.draft.options.DraftOptions`).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable

from advocate.draft.citing import Citer
from advocate.draft.context import DocumentContext, base_context
from advocate.draft.evidence import Evidence
from advocate.draft.linking_context import linking_context
from advocate.draft.options import DraftOptions
from advocate.kinds import DocumentKind

ContextBuilder = Callable[[Evidence, DraftOptions], DocumentContext]


def _common_names_only(evidence: Evidence, options: DraftOptions) -> DocumentContext:
    """A kind with no builder of its own: its template gets the common names only."""
    return DocumentContext({})


@functools.cache
def context_builder(reference: str) -> ContextBuilder:
    """The builder a kind names (``"advocate.draft.foi_context:foi_request_context"``)."""
    if not reference:
        return _common_names_only
    module_name, _, function_name = reference.partition(":")
    return getattr(importlib.import_module(module_name), function_name)


def template_context(kind: DocumentKind, evidence: Evidence, citer: Citer, options: DraftOptions) -> DocumentContext:
    """Every name ``kind``'s template gets, and the deadlines it prints.

    The kind's own names (its builder's), the common names (:func:`~advocate.draft.context.base_context`)
    and the links and criteria of its licences (:func:`~advocate.draft.linking_context.linking_context`).
    """
    own = context_builder(kind.context)(evidence, options)
    names = base_context(evidence, citer, date=options.date, document_title=kind.description)
    names.update(own.names)
    names.update(linking_context(evidence).names)
    return DocumentContext(names, own.timings, own.addressee, own.enclosures)
