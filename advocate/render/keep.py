"""Which blocks may never end a page: the rule the PDF and the DOCX both apply.

A block that announces what follows is useless at the foot of a page with what it announces
overleaf: a heading; a lead-in that ends with a colon ("Licence 69815:", "The abuses documented,
in date order:", "The claimant asks the defendant to:"), also as the last words of a numbered
paragraph ("1. ... It concerns the licence:" before the table of it); a caption or label set wholly in bold
("**Key figures**") before a table or a list. Each is kept on the page of the block after it (the
PDF's ``keepWithNext``, Word's ``w:keepNext``). Nothing is kept with nothing: the last block of a
sequence is never kept.
"""

from __future__ import annotations

from advocate.models.document import Heading, List, Paragraph, Strong, plain_text


def introduces(block) -> bool:
    """Whether ``block`` announces the block after it (a heading, a lead-in ending with a colon, a bold label,
    or a list whose last item ends with such a lead-in: "1. ... It concerns the licence:" before a table)."""
    if isinstance(block, Heading):
        return True
    if isinstance(block, List):
        return bool(block.items) and bool(block.items[-1].children) and introduces(block.items[-1].children[-1])
    if not isinstance(block, Paragraph):
        return False
    text = plain_text(block.children).rstrip()
    if text.endswith(":"):
        return True
    shown = [child for child in block.children if child.kind != "footnote_ref"]
    return len(shown) == 1 and isinstance(shown[0], Strong) and bool(text)


def keeps_with_next(block, following) -> bool:
    """Whether ``block`` must be on the same page as ``following`` (the next block of the same sequence)."""
    return following is not None and following.kind not in ("page_break", "thematic_break") and introduces(block)


def with_keep(blocks) -> list[tuple[object, bool]]:
    """Each block of a sequence with whether it keeps with the next."""
    blocks = list(blocks)
    following = blocks[1:] + [None]
    return [(block, keeps_with_next(block, after)) for block, after in zip(blocks, following)]
