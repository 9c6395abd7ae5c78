"""The rules that relate one kind of licence to one kind of abuse: technology and end user.

The engine evaluates these once per distinct pair of *profiles* (a licence's ratings, goods
summary and asserted tags; an abuse's technology and categories), never once per pair of
records, and keeps the result as a score and the sentence that explains it.
"""

from __future__ import annotations

from dataclasses import dataclass

from advocate.vocab.abuse_categories import abuse_categories
from advocate.vocab.ratings import parse_rating
from advocate.vocab.state_bodies import bodies_in_text, body_lineage, state_bodies
from advocate.vocab.technology import (
    lineage,
    read_goods_summary,
    tags_for_rating,
    technology_tags,
)

ROOTS = frozenset({"surveillance"})
"""Tags too broad to show, on their own, that two kinds of goods are the same technology."""


@dataclass(frozen=True)
class Match:
    """A score in [0, 1] and the sentence that says why (empty when nothing matched)."""

    score: float
    reason: str = ""


NO_MATCH = Match(0.0)


@dataclass(frozen=True)
class Element:
    """One thing that describes a licence's goods: a rating, the goods summary, or asserted tags.

    ``certain`` and ``possible`` hold the tags with every broader tag; ``possible`` are those an
    entry-level rating may carry (``5A001`` may be 5A001.f).
    """

    label: str
    certain: frozenset
    possible: frozenset
    entry: str = ""
    rating_entry: str = ""


@dataclass(frozen=True)
class LicenceProfile:
    """What the technology rules need of a licence: its ratings as written, goods summary and asserted tags."""

    ratings: tuple[str, ...]
    goods_summary: str
    technology: str

    @property
    def elements(self) -> tuple[Element, ...]:
        return _elements(self)


@dataclass(frozen=True)
class AbuseProfile:
    """What the technology rules need of an abuse: the technology its sources name, and its categories."""

    technology: tuple[str, ...]
    categories: tuple[str, ...]


def _with_lineage(tags) -> frozenset:
    return frozenset(t for tag in tags for t in lineage(tag))


_ELEMENTS: dict[LicenceProfile, tuple[Element, ...]] = {}


def _elements(profile: LicenceProfile) -> tuple[Element, ...]:
    if profile in _ELEMENTS:
        return _ELEMENTS[profile]
    elements = []
    for text in profile.ratings:
        rating = parse_rating(text)
        certain, possible = tags_for_rating(text)
        entry = rating.entry if possible else ""
        rating_entry = rating.entry if rating.kind in ("dual-use", "military", "national") else ""
        elements.append(Element(text, _with_lineage(certain), _with_lineage(possible), entry, rating_entry))
    if profile.goods_summary:
        tags = read_goods_summary(profile.goods_summary).tags
        elements.append(Element(f'the goods summary "{profile.goods_summary}"', _with_lineage(tags), frozenset()))
    if profile.technology:
        elements.append(
            Element(
                "the licence, as the evidence describes it,", _with_lineage(profile.technology.split()), frozenset()
            )
        )
    _ELEMENTS[profile] = tuple(elements)
    return _ELEMENTS[profile]


def _label(tag: str) -> str:
    tags = technology_tags()
    return tags[tag].label if tag in tags else tag


def _most_specific(tags) -> str:
    """The narrowest of some tags (the one with the longest lineage; ties by name)."""
    return sorted(tags, key=lambda t: (-len(lineage(t)), t))[0]


def _narrowest(tags) -> list[str]:
    """The tags that are not broader parents of another tag present, by name."""
    return sorted(t for t in tags if not any(t != other and t in lineage(other) for other in tags))


def _maybe(element: Element) -> str:
    return f"the data gives only the entry {element.entry}"


def _says(element: Element, tag: str) -> bool:
    """Whether the element's own words already name the tag (a goods summary that is the tag's label): saying
    that it "covers" the tag would repeat it."""
    core = _label(tag).split(" (")[0].casefold()
    return bool(core) and core in element.label.casefold()


def match_technology(licence: LicenceProfile, abuse: AbuseProfile) -> Match:
    """How far the licence's goods are the technology the abuse implicated, or could facilitate it."""
    return match_elements(licence.elements, abuse)


def technology_signature(licence: LicenceProfile) -> frozenset:
    """What the technology score depends on: the tag sets of the licence's elements (not their labels)."""
    return frozenset((e.certain, e.possible) for e in licence.elements)


def match_signature(signature: frozenset, abuse: AbuseProfile) -> Match:
    """:func:`match_technology` for every licence with this signature (the score is the same; the words are not)."""
    return match_elements(
        tuple(Element("", c, p) for c, p in sorted(signature, key=lambda cp: (sorted(cp[0]), sorted(cp[1])))), abuse
    )


def match_elements(elements, abuse: AbuseProfile) -> Match:
    best = NO_MATCH
    for element in elements:
        for match in _direct(element, abuse) if abuse.technology else _by_category(element, abuse):
            if match.score > best.score:
                best = match
    return best


def _direct(element: Element, abuse: AbuseProfile):
    for tag in abuse.technology:
        wanted = set(lineage(tag))
        if tag in element.certain:
            yield Match(
                1.0,
                f"{element.label} names the technology the abuse implicated"
                if _says(element, tag)
                else f"{element.label} covers {_label(tag)}, the technology the abuse implicated",
            )
            continue
        broader = (element.certain & wanted) - ROOTS
        if broader:
            shared = _most_specific(broader)
            if not _says(element, shared):
                yield Match(
                    0.7,
                    f"{element.label} covers {_label(shared)}, which includes {_label(tag)}, the technology the abuse implicated",
                )
            elif shared in _narrowest(element.certain):
                yield Match(
                    0.7,
                    f"{element.label} names a kind of technology that includes {_label(tag)}, the technology the abuse implicated",
                )
            else:
                yield Match(
                    0.7,
                    f"{element.label} and {_label(tag)}, the technology the abuse implicated, are both kinds of {_label(shared)}",
                )
            continue
        if tag in element.possible:
            yield Match(
                0.6, f"{element.label} may cover {_label(tag)}, the technology the abuse implicated ({_maybe(element)})"
            )
            continue
        maybe_broader = (element.possible & wanted) - ROOTS
        if maybe_broader:
            shared = _most_specific(maybe_broader)
            yield Match(
                0.4,
                f"{element.label} may cover {_label(shared)}, which includes {_label(tag)}, "
                f"the technology the abuse implicated ({_maybe(element)})",
            )
            continue
        roots = element.certain & wanted & ROOTS
        if roots:
            own = _most_specific(element.certain - {"telecoms"})
            root = _label(_most_specific(roots))
            yield Match(
                0.3,
                f"{element.label} and {_label(tag)}, the technology the abuse implicated, are both {root}"
                if _says(element, own)
                else f"{element.label} covers {_label(own)} and the abuse implicated {_label(tag)}: both are {root}",
            )


def _by_category(element: Element, abuse: AbuseProfile):
    categories = abuse_categories()
    for code in abuse.categories:
        category = categories.get(code)
        if category is None:
            continue
        for tag in category.technology:
            inference = (
                f"technology of a kind that can facilitate {category.label} "
                "(an inference from the kind of abuse: its sources do not name the technology)"
            )
            if tag in element.certain:
                own = _most_specific({t for t in element.certain if tag in lineage(t)})
                yield Match(
                    0.5,
                    f"{element.label} names {inference}"
                    if _says(element, own)
                    else f"{element.label} covers {_label(own)}, {inference}",
                )
            elif tag in element.possible:
                narrowest = _narrowest({t for t in element.possible if tag in lineage(t)})
                yield Match(
                    0.25,
                    f"{element.label} may cover {' or '.join(_label(t) for t in narrowest)} "
                    f"({_maybe(element)}), {inference}",
                )


def match_end_user(end_user: str, perpetrators: tuple[str, ...]) -> Match:
    """How far the licence's end user is the kind of body the sources hold responsible for the abuse."""
    return match_bodies(bodies_in_text(end_user or ""), end_user or "", perpetrators)


def match_bodies(licensed_bodies: tuple[str, ...], end_user: str, perpetrators: tuple[str, ...]) -> Match:
    """:func:`match_end_user` for an end user already read as kinds of body (``end_user`` is only quoted)."""
    if not licensed_bodies or not perpetrators:
        return NO_MATCH
    bodies = state_bodies()
    best = NO_MATCH
    quoted = f'"{" ".join(end_user.split())}"'
    for licensed in licensed_bodies:
        for responsible in perpetrators:
            label_l, label_r = (
                bodies[licensed].label,
                bodies[responsible].label if responsible in bodies else responsible,
            )
            if licensed == responsible:
                match = Match(
                    1.0,
                    f"the licence's end user ({quoted}) is of the kind of body that carried out the abuse: {label_r}",
                )
            elif licensed in body_lineage(responsible):
                match = Match(
                    1.0,
                    f"the licence's end user ({quoted}) is among the {label_l}, which include the {label_r} that carried out the abuse",
                )
            elif responsible in body_lineage(licensed):
                match = Match(
                    0.5,
                    f"the licence's end user ({quoted}) is among the {label_r} the sources hold responsible for the abuse",
                )
            else:
                shared = [b for b in body_lineage(licensed) if b in body_lineage(responsible) and bodies[b].parent]
                if not shared:
                    continue
                match = Match(
                    0.3,
                    f"the licence's end user ({quoted}) and the body responsible for the abuse ({label_r}) "
                    f"are both {bodies[shared[0]].label}",
                )
            if match.score > best.score:
                best = match
    return best
