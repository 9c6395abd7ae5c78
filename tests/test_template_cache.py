"""Compiled templates are kept between runs; the letters are the same with the cache, without it, and when it
cannot be written."""

from __future__ import annotations

import datetime as dt

from advocate import DraftOptions, document_text, draft_document, load_case
from advocate.draft.template_env import Templates
from tests.helpers import EXAMPLE_CASE


def _letter(templates: Templates) -> str:
    case = load_case(EXAMPLE_CASE, today=dt.date(2026, 12, 4))
    return document_text(draft_document(case, "foi", DraftOptions(date=dt.date(2026, 12, 4), templates=templates)))


def test_the_same_letter_from_a_cold_cache_a_warm_one_and_none(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    cold = _letter(Templates())
    kept = list((tmp_path / "cache" / "advocate").glob("templates-*/*"))
    assert kept, "the compiled templates are kept"
    warm = _letter(Templates())
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert Templates().environment.bytecode_cache is None
    assert cold == warm == _letter(Templates())
