"""Each year's UK bank holidays are computed once and kept on disk, and the kept table is the package's own."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from advocate.law import bank_holidays as bh
from advocate.law.deadlines import foi_response_due


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    bh.bank_holidays.cache_clear()
    yield bh.cache_file()
    bh.bank_holidays.cache_clear()


def test_a_year_is_kept_on_disk_and_read_back_the_same(cache):
    first = bh.bank_holidays(2026)
    assert cache.is_file() and cache.parent.name == "advocate" and "uk-bank-holidays-" in cache.name
    bh.bank_holidays.cache_clear()
    assert bh.bank_holidays(2026) == first == bh.compute_bank_holidays(2026)
    assert first[dt.date(2026, 11, 30)] == {"St Andrew's Day": frozenset({"SCT"})}


def test_the_kept_table_is_used_without_asking_the_package(cache, monkeypatch):
    bh.bank_holidays(2027)
    bh.bank_holidays.cache_clear()
    monkeypatch.setattr(bh, "compute_bank_holidays", lambda year: pytest.fail("recomputed a kept year"))
    assert dt.date(2027, 1, 1) in bh.bank_holidays(2027)


def test_a_damaged_cache_is_recomputed_not_trusted(cache):
    cache.parent.mkdir(parents=True)
    cache.write_text("{not json", encoding="utf-8")
    assert bh.bank_holidays(2026) == bh.compute_bank_holidays(2026)
    assert "2026" in json.loads(cache.read_text(encoding="utf-8"))


def test_an_unwritable_cache_still_gives_the_deadline(tmp_path, monkeypatch):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    bh.bank_holidays.cache_clear()
    try:
        assert foi_response_due(dt.date(2026, 12, 4)).date == dt.date(2027, 1, 7)
    finally:
        bh.bank_holidays.cache_clear()
