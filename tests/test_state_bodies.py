"""Kinds of body: which are the state, and who the sources hold responsible for an abuse."""

from __future__ import annotations

from advocate.vocab.state_bodies import bodies_in_text, responsibility, state_bodies


def test_every_body_has_a_kind_and_the_state_is_the_government_tree():
    bodies = state_bodies()
    assert {body.kind for body in bodies.values()} == {"state", "non-state", "unknown"}
    for code, body in bodies.items():
        under_government = code == "government" or (body.parent in bodies and bodies[body.parent].kind == "state")
        assert (body.kind == "state") == under_government, code


def test_responsibility_reads_the_perpetrators():
    assert responsibility(("police",)) == "state"
    assert responsibility(("non-state", "police")) == "state"
    assert responsibility(("non-state",)) == "non-state"
    assert responsibility(("unknown",)) == "unknown"
    assert responsibility(()) == "unknown"


def test_no_end_user_note_names_persons_unknown():
    assert bodies_in_text("End user unknown; persons unknown.") == ()
    assert bodies_in_text("Licence granted for use by a law enforcement agency.") == ("law-enforcement",)
