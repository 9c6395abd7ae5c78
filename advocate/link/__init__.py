"""Stage 3 of the pipeline: licences linked to documented abuses, with reasons and the criteria engaged.

``link_case(case_file)`` gives a :class:`LinkSet` of :class:`Link` records, strongest first.
"""

from __future__ import annotations

from advocate.link.engine import LinkTable, compute_links
from advocate.link.linkset import LinkList, LinkSet, link_columns
from advocate.link.models import Link, links_frame
from advocate.link.relations import ORDERS, RELATIONS
from advocate.models.case import LinkSettings


def link_case(case_file, settings: LinkSettings | None = None, *, licences=None) -> LinkSet:
    """Link a loaded case's licences (or ``licences``, a pre-filtered licence table) to its abuses.

    ``settings`` default to the case's own (``linking:`` in ``case.yaml``). Hand-asserted links
    whose licence is in the table always appear, scored at least ``asserted_score`` (as context,
    :attr:`LinkSet.context`, when their abuse is kept apart as context). The case's sources date
    each abuse's first public report.
    """
    settings = settings or case_file.case.linking
    table = case_file.licences if licences is None else licences
    return LinkSet(
        compute_links(
            table, tuple(case_file.abuses.values()), settings, tuple(case_file.links.values()), case_file.sources
        )
    )


__all__ = [
    "ORDERS",
    "RELATIONS",
    "Link",
    "LinkList",
    "LinkSet",
    "LinkSettings",
    "LinkTable",
    "compute_links",
    "link_case",
    "link_columns",
    "links_frame",
]
