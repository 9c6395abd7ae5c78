"""The filters a template may apply to a value (``{{ day | long_date }}``, ``{{ names | join_and }}``).

Each is a small, pure function of the value: formatting, never data wrangling (which
belongs in the context builders).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from markupsafe import Markup

from advocate.draft.evidence import money
from advocate.errors import DraftError
from advocate.models.period import Period, long_date
from advocate.vocab.abuse_categories import abuse_categories
from advocate.vocab.english import join_and
from advocate.vocab.state_bodies import state_bodies


def _long_date(value) -> str:
    if isinstance(value, Period):
        return value.describe()
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return long_date(value)
    raise DraftError(f"long_date needs a date, not {type(value).__name__} {value!r}")


def _category(code: str) -> str:
    category = abuse_categories().get(code)
    if category is None:
        raise DraftError(f"'{code}' is not an abuse category")
    return category.label


def _body(code: str) -> str:
    body = state_bodies().get(code)
    if body is None:
        raise DraftError(f"'{code}' is not a kind of state body")
    return body.label


def _the(name: str) -> str:
    """A body's name as a sentence uses it: 'the Department for Business and Trade', but 'HM Revenue and Customs'."""
    name = str(name)
    if not name or name.lower().startswith(("the ", "hm ", "his majesty", "her majesty")):
        return name
    return f"the {name}"


def _sentence(text: str) -> str:
    """A clause as a sentence: capital first letter, closing full stop."""
    text = str(text).strip()
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _capital(text: str) -> str:
    """'the licence' → 'The licence' (to start a sentence; no full stop added)."""
    text = str(text)
    return text[:1].upper() + text[1:]


COMMON_OPENERS = frozenset(
    [
        "the",
        "a",
        "an",
        "some",
        "several",
        "many",
        "most",
        "more",
        "dozens",
        "hundreds",
        "thousands",
        "scores",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "police",
        "policemen",
        "officers",
        "officials",
        "authorities",
        "security",
        "soldiers",
        "troops",
        "forces",
        "army",
        "military",
        "gendarmes",
        "gendarmerie",
        "intelligence",
        "agents",
        "courts",
        "court",
        "judges",
        "prosecutors",
        "prison",
        "guards",
        "government",
        "state",
        "unidentified",
        "masked",
        "armed",
        "plain-clothes",
        "riot",
        "border",
        "journalists",
        "reporters",
        "activists",
        "protesters",
        "dissidents",
        "lawyers",
        "students",
        "opposition",
        "human-rights",
        "defenders",
        "members",
        "staff",
        "workers",
        "people",
        "civilians",
        "detainees",
        "prisoners",
        "victims",
        "families",
        "residents",
    ]
)
"""First words of an abuse's title that are common nouns or determiners, lower-cased when the title continues a
sentence ('Police detained …' → 'that police detained …'); any other first word is taken for a proper noun
('Turkey arrested …') and kept."""


def clause(text: str) -> str:
    """A sentence-like title continuing a sentence: a leading article or common noun lower-cased ('The Turkish
    government ...' → 'the Turkish government ...', 'Police detained ...' → 'police detained ...'), anything else
    (a proper noun) as it is; no closing full stop."""
    text = str(text).strip().rstrip(".")
    first, _, rest = text.partition(" ")
    if rest and first[:1].isupper() and (len(first) == 1 or first[1:2].islower()) and first.lower() in COMMON_OPENERS:
        return f"{first.lower()} {rest}"
    return text


def _lower_first(text: str) -> str:
    """'The Government will not ...' → 'the Government will not ...' (to continue a sentence)."""
    text = str(text)
    return text[:1].lower() + text[1:]


def _md(text: str) -> Markup:
    """Text a template composed that is already Markdown (a template author's own emphasis)."""
    return Markup(str(text))


FILTERS: dict[str, Callable] = {
    "long_date": _long_date,
    "money": money,
    "join_and": join_and,
    "category_label": _category,
    "body_label": _body,
    "md": _md,
    "the": _the,
    "sentence": _sentence,
    "lower_first": _lower_first,
    "capital": _capital,
    "clause": clause,
    "quoted": lambda text: f"“{text}”",
}
