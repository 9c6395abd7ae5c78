"""The briefing's count of links (``link_summary``) on whole columns gives what counting link by link gives."""

from __future__ import annotations

import random

from advocate.draft.briefing.selection import link_summary
from advocate.link import RELATIONS, Link
from advocate.link.models import Reasons


def counted_one_by_one(links, strongest=5):
    """The summary as a person would count it, link by link (the reference)."""
    best, abuses, relation, related, criteria = (
        {},
        {},
        {},
        {"foreseeable": set(), "concurrent": set(), "review": set()},
        {},
    )
    for link in links:
        held = best.get(link.licence_id)
        if held is None or (link.score, held.abuse_id) > (held.score, link.abuse_id):
            best[link.licence_id] = link
        abuses[link.abuse_id] = max(abuses.get(link.abuse_id, -1.0), link.score)
        relation[link.relation] = relation.get(link.relation, 0) + 1
        if link.relation in related:
            related[link.relation].add(link.licence_id)
        for number in link.criteria:
            entry = criteria.setdefault((link.criteria_version, number), [0, set()])
            entry[0] += 1
            entry[1].add(link.licence_id)
    return {
        "links": len(links),
        "licences": len({l.licence_id for l in links}),
        "abuses": len(abuses),
        "relations": tuple(relation.get(r, 0) for r in ("foreseeable", "concurrent", "review")),
        "related": tuple(len(related[r]) for r in ("foreseeable", "concurrent", "review")),
        "known": len(related["foreseeable"] | related["concurrent"]),
        "by_criterion": tuple(
            sorted(((v, n, c, len(ids)) for (v, n), (c, ids) in criteria.items()), key=lambda r: (-r[2], r[0], r[1]))
        ),
        "strongest": tuple(sorted(best.values(), key=lambda l: (-l.score, l.licence_id, l.abuse_id))[:strongest]),
        "abuse_ids": tuple(a for a, _ in sorted(abuses.items(), key=lambda item: (-item[1], item[0]))),
    }


def some_links(n, seed):
    rng = random.Random(seed)
    criteria = [(), ("2(a)",), ("2(a)", "2(c)"), ("3",), ("2",)]
    return [
        Link(
            f"L-{rng.randrange(40)}",
            f"A-{rng.randrange(15)}",
            rng.choice([0.5, 0.75, 0.9, 1.0]),
            rng.choice(["consolidated-2014", "uk-2021", ""]),
            rng.choice(criteria),
            Reasons.of(()),
            False,
            rng.choice(list(RELATIONS)),
            0,
            (),
        )
        for _ in range(n)
    ]


def test_the_summary_counts_what_one_by_one_counting_gives():
    for seed in range(5):
        links = some_links(400, seed)
        summary, expected = link_summary(links), counted_one_by_one(links)
        assert (summary.links, summary.licences, summary.abuses) == (
            expected["links"],
            expected["licences"],
            expected["abuses"],
        )
        assert (summary.foreseeable, summary.concurrent, summary.review) == expected["relations"]
        assert (summary.licences_foreseeable, summary.licences_concurrent, summary.licences_review) == expected[
            "related"
        ]
        assert summary.licences_known == expected["known"]
        assert summary.by_criterion == expected["by_criterion"]
        assert summary.strongest == expected["strongest"]
        assert summary.abuse_ids == expected["abuse_ids"]
        assert summary.by_relation == tuple(
            (r, sum(l.relation == r for l in links), len({l.licence_id for l in links if l.relation == r}))
            for r in RELATIONS
        )


def test_no_links_count_nothing():
    summary = link_summary([])
    assert (summary.links, summary.licences, summary.by_criterion, summary.strongest) == (0, 0, (), ())
