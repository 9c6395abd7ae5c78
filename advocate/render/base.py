"""The shape every renderer has: one method per node kind, dispatched on ``node.kind``."""

from __future__ import annotations

from advocate.models.document import Document


class Renderer:
    """Base of the output formats.

    A subclass defines one method per node kind it renders (``heading``,
    ``paragraph``, ``list``, ``table``, ``text``, ``emphasis``, ``footnote_ref`` ...)
    and :meth:`render`, which returns the finished file's bytes. :meth:`visit`
    dispatches a node to its method; a node kind with no method is an error,
    never silently dropped.
    """

    extension = ""
    """The file extension this renderer writes (``docx``, ``pdf`` ...)."""

    def render(self, document: Document) -> bytes:
        raise NotImplementedError

    def visit(self, node, *args, **kwargs):
        method = getattr(self, node.kind, None)
        if method is None:
            raise TypeError(f"{type(self).__name__} cannot render a {node.kind} node")
        return method(node, *args, **kwargs)

    def visit_all(self, nodes, *args, **kwargs) -> list:
        return [self.visit(node, *args, **kwargs) for node in nodes]
