"""Country names as licensing data and case files spell them, resolved to ISO 3166 codes.

``pycountry`` knows the ISO names; the government's and CAAT's own spellings
("Turkey", "Burma", "Korea, South", "Continental Shelf") come from a shipped table.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from advocate.resources import read_vocab_table

NO_CODE = "ZZ"
"""Code for a place the data names that has no ISO 3166 code (offshore, unspecified)."""


def _key(name: str) -> str:
    """Case-, accent- and spacing-insensitive form of a name."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(plain.casefold().replace("&", "and").split())


@dataclass(frozen=True)
class Country:
    """A resolved place: its code and the name documents print."""

    code: str
    name: str


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    return {_key(row["name"]): row["code"] for row in read_vocab_table("country_variants.csv")}


@lru_cache(maxsize=1)
def _ascii_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if value := getattr(country, attr, None):
                table.setdefault(_key(value), country.alpha_2)
    return table


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code for a name or code, ``ZZ`` for a known place with none, ``None`` if unknown."""
    if not isinstance(name, str) or not name.strip():
        return None
    key = _key(name)
    if key in _variants():
        return _variants()[key]
    if key in _ascii_names():
        return _ascii_names()[key]
    try:
        return pycountry.countries.lookup(name.strip()).alpha_2
    except LookupError:
        pass
    if len(key) == 2:
        historic = pycountry.historic_countries.get(alpha_2=key.upper())
        if historic:
            return historic.alpha_2
    return None


def country_name(code: str) -> str:
    """The short English name for a code, in the form UK documents use ("Turkey" before 2022 data aside)."""
    if code == "XK":
        return "Kosovo"
    country = pycountry.countries.get(alpha_2=code) or pycountry.historic_countries.get(alpha_2=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


def resolve_country(name: str) -> Country | None:
    """A :class:`Country` for a name or code, or ``None`` when it cannot be resolved."""
    code = country_code(name)
    if code is None:
        return None
    return Country(code, name.strip() if code == NO_CODE else country_name(code))
