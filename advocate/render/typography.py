"""Where a line may not break: inside a date, a legal reference or an identifier.

A reader should never meet "4 / December 2026", "s / 12" or "DIT-2017Q1-T / R-01" across a line
end. The renderers of laid-out formats (PDF, DOCX) ask this module:

- :func:`tie` puts a no-break space (U+00A0) inside dates ("4 December 2026", "December 2026",
  "2008 to 2017"),
  between a legal abbreviation and its number ("s 12", "r 54.5", "(n 3)") and inside an amount
  ("£3.4 million"): the characters a reader copies stay spaces to every search box that matters, and
  both reportlab and word processors keep the words on one line;
- :func:`identifier_parts` finds identifiers written with hyphens ("DIT-2017Q1-TR-01", "CAAT-66239",
  "MB-TR-IMSI"), whose hyphens a DOCX writes as Word's non-breaking hyphen (the PDF never breaks at a
  hyphen: reportlab breaks only between words there). An ordinary compound ("end-user",
  "law-enforcement") is not an identifier and may break at its hyphen;
- :func:`unbreakable_words` splits text where a line may break, for sizing table columns so that
  no such token has to be broken.

A footnote mark is glued to the word before it by the renderers themselves (no space between), and
nothing here ties across it: the tie ends with the token.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS})(?: (\d{{4}}))?\b|\b({_MONTHS}) (\d{{4}})\b")
_YEARS = re.compile(r"\b(\d{4}) (to|and) (\d{4})\b")
_ABBREVIATION = re.compile(r"(?<![\w.'’])(s|ss|r|rr|n|nn|para|paras|art|arts|reg|regs|sch|pt|ch|cl|p|pp|No) (?=\d)")
_AMOUNT = re.compile(r"(\d) (million|billion|bn|m|per cent|percent)\b")
_IDENTIFIER = re.compile(r"(?<![\w-])[^\W_]+(?:-[^\W_]+)+(?![\w-])")
_BREAKABLE_SPACE = re.compile(r"[ \t\n\r\f\v\u1680\u2000-\u200a\u2028\u2029\u205f\u3000]+")
"""Whitespace a line may break at: every space but the no-break ones (U+00A0, U+202F, U+2007)."""


def _tie_date(match: re.Match) -> str:
    return match.group(0).replace(" ", NBSP)


_DIGIT = re.compile(r"\d")


def tie(text: str) -> str:
    """``text`` with no-break spaces inside dates, legal references and amounts (nothing else changes)."""
    if " " not in text or not _DIGIT.search(text):
        return text  # every tie holds a number
    text = _DATE.sub(_tie_date, text)
    text = _YEARS.sub(_tie_date, text)
    text = _ABBREVIATION.sub(lambda m: m.group(1) + NBSP, text)
    text = _AMOUNT.sub(lambda m: m.group(1) + NBSP + m.group(2).replace(" ", NBSP), text)
    return text


def is_identifier(token: str) -> bool:
    """Whether a hyphenated token is an identifier (a part has a digit, or every part is in capitals)
    rather than a compound word that may break at its hyphen."""
    parts = token.split("-")
    if len(parts) < 2:
        return False
    if any(any(c.isdigit() for c in part) for part in parts):
        return True
    return all(part.isupper() and len(part) >= 2 for part in parts)


def identifier_parts(text: str) -> list[tuple[str, bool]]:
    """``text`` cut into pieces, each marked True if it is a hyphenated identifier (in order, nothing lost)."""
    if "-" not in text:
        return [(text, False)]
    pieces: list[tuple[str, bool]] = []
    last = 0
    for match in _IDENTIFIER.finditer(text):
        if not is_identifier(match.group(0)):
            continue
        if match.start() > last:
            pieces.append((text[last : match.start()], False))
        pieces.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        pieces.append((text[last:], False))
    return pieces


def unbreakable_words(text: str, *, tied: bool = True, at_hyphens: bool = False) -> list[str]:
    """The pieces of ``text`` between which a line may break.

    ``tied``: after :func:`tie` (a date is one piece), else with no space tied (a date is three).
    ``at_hyphens``: the format breaks a compound word after its hyphen, as a word processor does
    ("law-" / "enforcement"), so a compound counts as its parts; an identifier never breaks, so it
    counts whole.
    """
    words: list[str] = []
    for word in _BREAKABLE_SPACE.split(tie(text) if tied else text.replace(NBSP, " ")):
        if not word:
            continue
        if at_hyphens and "-" in word and not any(is_identifier(m.group(0)) for m in _IDENTIFIER.finditer(word)):
            words.extend(part + "-" for part in word.split("-")[:-1])
            words.append(word.rsplit("-", 1)[1])
        else:
            words.append(word)
    return words
