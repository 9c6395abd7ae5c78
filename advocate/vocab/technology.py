"""The technology vocabulary, and how ratings and goods summaries map onto it.

Tags form a tree (``imsi-catcher`` is a kind of ``mobile-interception``, which is
a kind of ``interception``, which is ``surveillance``). Licences get tags from
their ratings and from the government's goods summary; abuses name the tags of
the technology they implicate; the linker compares the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from advocate.resources import read_vocab_table
from advocate.vocab.ratings import describe_rating


@dataclass(frozen=True)
class Tag:
    """One technology in the vocabulary."""

    tag: str
    parent: str
    surveillance: bool
    label: str


@lru_cache(maxsize=1)
def technology_tags() -> dict[str, Tag]:
    """Every known technology tag."""
    return {
        row["tag"]: Tag(row["tag"], row["parent"], row["surveillance"] == "yes", row["label"])
        for row in read_vocab_table("technology_tags.csv")
    }


def lineage(tag: str) -> tuple[str, ...]:
    """The tag and every broader tag above it (``imsi-catcher``, ``mobile-interception``, ...)."""
    tags = technology_tags()
    chain = []
    while tag and tag in tags and tag not in chain:
        chain.append(tag)
        tag = tags[tag].parent
    return tuple(chain)


def tags_for_rating(rating: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Tags a rating certainly carries, and tags it may carry (when only the entry is given)."""
    info = describe_rating(rating)
    if info is None:
        return (), ()
    return info.tags, info.may_include


@dataclass(frozen=True)
class GoodsSummary:
    """A goods summary read against the government's vocabulary.

    ``form`` is what the prefix says the goods are (``software``, ``technology``,
    ``equipment``, ``services``); ``subjects`` are the vocabulary subjects found.
    """

    text: str
    form: str
    subjects: tuple[str, ...]
    tags: tuple[str, ...]


@lru_cache(maxsize=1)
def _subjects() -> dict[str, tuple[str, ...]]:
    return {row["subject"].casefold(): tuple(row["tags"].split()) for row in read_vocab_table("goods_subjects.csv")}


@lru_cache(maxsize=1)
def _prefixes() -> list[tuple[str, str, tuple[str, ...]]]:
    rows = [
        (row["prefix"].casefold(), row["form"], tuple(row["tags"].split()))
        for row in read_vocab_table("goods_prefixes.csv")
    ]
    return sorted(rows, key=lambda row: -len(row[0]))


def _read_item(item: str) -> tuple[str, str | None, tuple[str, ...]]:
    """Form, vocabulary subject (if found) and tags of one prefix-plus-subject item."""
    lowered = " ".join(item.casefold().split())
    form, rest = "equipment", lowered
    prefix_tags: tuple[str, ...] = ()
    for prefix, prefix_form, p_tags in _prefixes():
        if lowered == prefix or lowered.startswith(prefix + " "):
            form, rest, prefix_tags = prefix_form, lowered[len(prefix) :].strip(), p_tags
            break
    if lowered in _subjects():
        # Some subjects begin with a prefix's words ("software for intrusion software"): the whole is the subject.
        return form, lowered, _subjects()[lowered]
    if rest in _subjects():
        return form, rest, prefix_tags + _as_form(form, _subjects()[rest])
    return form, None, prefix_tags


def _as_form(form: str, tags: tuple[str, ...]) -> tuple[str, ...]:
    """Software for a technology carries that technology's software tag when the vocabulary has one.

    "software for" + "telecommunications interception equipment" is ``interception-software``
    (a kind of ``interception``), not the equipment itself.
    """
    if form != "software":
        return tags
    known = technology_tags()
    return tuple(f"{tag}-software" if f"{tag}-software" in known else tag for tag in tags)


@lru_cache(maxsize=65536)
def read_goods_summary(text: str) -> GoodsSummary:
    """Read a goods summary such as "software for telecommunications interception equipment" (``interception-software``).

    A summary is a vocabulary prefix followed by a vocabulary subject, or a subject
    alone; a summary that is not one item is read as items separated by commas.
    """
    whole = _read_item(str(text))
    items = [whole] if whole[1] else [_read_item(part) for part in str(text).split(",") if part.strip()]
    forms = sorted({form for form, _, _ in items})
    return GoodsSummary(
        text=str(text),
        form=forms[0] if len(forms) == 1 else "mixed" if forms else "",
        subjects=tuple(dict.fromkeys(subject for _, subject, _ in items if subject)),
        tags=tuple(dict.fromkeys(tag for _, _, tags in items for tag in tags)),
    )


def is_surveillance(tags: tuple[str, ...] | list[str]) -> bool:
    """Whether any tag is surveillance technology."""
    known = technology_tags()
    return any(known[t].surveillance for t in tags if t in known)
