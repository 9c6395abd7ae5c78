"""The Government Legal Department's postal address, which a letter before claim is copied to (``data/gld.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from ruamel.yaml import YAML


@dataclass(frozen=True)
class Addressee:
    """A name, the lines of its postal address, and the shipped authority the address is taken from."""

    name: str
    address: tuple[str, ...]
    source: str


@lru_cache(maxsize=1)
def government_legal_department() -> Addressee:
    """GLD, as its GOV.UK page gives its address."""
    text = (files("advocate.law") / "data" / "gld.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    return Addressee(data["name"], tuple(data["address"]), data["source"])
