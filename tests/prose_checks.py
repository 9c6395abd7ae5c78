"""What a document a person receives must never contain: the checks tests/test_document_prose.py runs on every one.

Each check takes the drafted document and returns the offending passages (empty when it passes):

- :func:`repeated_sentences`: a sentence of eight words or more printed twice;
- :func:`engine_vocabulary`: words of the engine, not of the reader ("link engine", "score", "links",
  "illustrative record");
- :func:`tautologies`: a phrase on both sides of "covers" ("software X covers software X");
- :func:`straight_quotes`: a straight quote in running text (addresses and code aside);
- :func:`capital_after_colon`: a capital after a colon inside a sentence.
"""

from __future__ import annotations

import re

from advocate.models.document import Code, Link, Text, plain_text

_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘(0-9])")
ENGINE_WORDS = re.compile(r"\blink engine\b|\bscores?\b|\blinks\b|\billustrative record\b", re.IGNORECASE)


def _texts(nodes) -> list[str]:
    out = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        kind = getattr(node, "kind", "")
        if kind in ("paragraph", "heading", "table_cell"):
            out.append(" ".join(plain_text(node.children).split()))
            continue
        if kind == "list":
            children = list(node.items)
        elif kind == "table":
            children = list(node.header) + [cell for row in node.rows for cell in row]
        else:
            children = list(getattr(node, "children", ()))
        stack.extend(reversed(children))
    return [text for text in out if text]


def blocks_text(drafted) -> list[str]:
    """The text of each paragraph, heading and table cell of the body and the footnotes."""
    return _texts(list(drafted.document.children) + list(drafted.document.footnotes))


def body_text(drafted) -> list[str]:
    """The body's paragraphs, headings and table cells, without the list of sources (which repeats the notes'
    citations, as a bibliography does) and without the footnotes."""
    kept, skipping = [], False
    for block in drafted.document.children:
        if getattr(block, "kind", "") == "heading":
            skipping = plain_text(block.children).strip() == "Sources"
        if not skipping:
            kept.append(block)
    return _texts(kept)


def sentences(drafted) -> list[str]:
    """The body's sentences (footnotes are citations, which OSCOLA repeats in short form by design)."""
    found = []
    for text in body_text(drafted):
        found.extend(part.strip() for part in _SENTENCE_END.split(text) if part.strip())
    return found


def repeated_sentences(drafted, *, words: int = 8) -> list[str]:
    seen: dict[str, int] = {}
    for sentence in sentences(drafted):
        key = " ".join(sentence.lower().rstrip(".;:").split())
        if len(key.split()) >= words:
            seen[key] = seen.get(key, 0) + 1
    return [sentence for sentence, count in seen.items() if count > 1]


def engine_vocabulary(drafted) -> list[str]:
    return [text for text in blocks_text(drafted) if ENGINE_WORDS.search(_ADDRESS.sub("", text))]


def tautologies(drafted) -> list[str]:
    found = []
    for sentence in sentences(drafted):
        lowered = sentence.lower()
        for match in re.finditer(r"\bcovers\b", lowered):
            before, after = lowered[: match.start()], lowered[match.end() :]
            phrase = " ".join(re.findall(r"[\w-]+", after)[:3])
            if len(phrase.split()) == 3 and phrase in " ".join(re.findall(r"[\w-]+", before)):
                found.append(sentence)
    return found


def capital_after_colon(drafted) -> list[str]:
    """A capital after a colon inside a sentence of running text ('as to the abuse: The licence's ...'); headings,
    labels ('Ground 1: Failure ...') and quotations aside."""
    found = []
    for node in drafted.document.walk():
        if getattr(node, "kind", "") != "paragraph":
            continue
        text = " ".join(plain_text(node.children).split())
        for match in re.finditer(r"\w[)”’]?: ([A-Z][a-z]+)\b", text):
            if match.group(1) not in PROPER_AFTER_COLON:
                found.append(text[max(0, match.start() - 60) : match.end() + 40])
    return found


PROPER_AFTER_COLON = frozenset(
    {
        "Turkey",
        "Criterion",
        "Criteria",
        "Section",
        "Sections",
        "Motherboard",
        "Human",
        "Amnesty",
        "Campaign",
        "Department",
        "Secretary",
        "Ministry",
        "Foreign",
        "Government",
    }
)
"""Words that may begin a clause after a colon with a capital because they are names."""


def straight_quotes(drafted) -> list[str]:
    found = []
    for node in drafted.document.walk():
        if isinstance(node, Link):
            continue
        if isinstance(node, Text) and not isinstance(node, Code):
            text = _ADDRESS.sub("", node.text)
            if "'" in text or '"' in text:
                found.append(node.text)
    return found
