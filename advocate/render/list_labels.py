"""How list items are labelled at each depth, the same in every format.

A numbered paragraph of a letter is "1.", a sub-item inside it "(a)", one inside that "(i)", then
the cycle repeats; bullets go "•", "–", "▪". The DOCX writes these as Word numbering formats
(:data:`ORDERED_LEVELS`: the format name and the text pattern), the PDF prints the labels
(:func:`ordered_label`, :func:`bullet`), so that a reader of either sees the same (a), (b), (c).
"""

from __future__ import annotations

ORDERED_LEVELS = (("decimal", "{}."), ("lowerLetter", "({})"), ("lowerRoman", "({})"))
"""Per depth (cycling): Word's ``w:numFmt`` and the label pattern around the number."""

BULLETS = ("\u2022", "\u2013", "\u25aa")
"""Bullet marks by depth (cycling): bullet, en dash, small square."""

_ROMAN = (
    ("m", 1000),
    ("cm", 900),
    ("d", 500),
    ("cd", 400),
    ("c", 100),
    ("xc", 90),
    ("l", 50),
    ("xl", 40),
    ("x", 10),
    ("ix", 9),
    ("v", 5),
    ("iv", 4),
    ("i", 1),
)


def lower_roman(number: int) -> str:
    """``number`` (1 or more) in lower-case Roman numerals: 4 is 'iv'."""
    out = []
    for numeral, value in _ROMAN:
        count, number = divmod(number, value)
        out.append(numeral * count)
    return "".join(out)


def lower_letter(number: int) -> str:
    """``number`` (1 or more) as Word's lowerLetter numbering writes it: a ... z, then aa ... zz, aaa ..."""
    repeat, index = divmod(number - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def ordered_label(depth: int, number: int) -> str:
    """The label of item ``number`` of a numbered list nested ``depth`` lists deep (0 = outermost)."""
    fmt, pattern = ORDERED_LEVELS[depth % len(ORDERED_LEVELS)]
    if number < 1:
        shown = str(number)
    elif fmt == "lowerLetter":
        shown = lower_letter(number)
    elif fmt == "lowerRoman":
        shown = lower_roman(number)
    else:
        shown = str(number)
    return pattern.format(shown)


def bullet(depth: int) -> str:
    """The bullet of an item of a bulleted list nested ``depth`` lists deep."""
    return BULLETS[depth % len(BULLETS)]
