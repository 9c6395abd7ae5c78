"""A case's campaign: its FOI requests and the public bodies they go to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from advocate.models.foi_request import Authority, FoiRequest

CASE_BODY = "public_body"
"""The id under which a request names the case's own ``public_body`` (also what it goes to by default)."""


@dataclass(frozen=True)
class RequestOrigin:
    """Where a request was written: the file's label, and the path of keys to it inside that file."""

    file: str
    loc: tuple[str | int, ...]
    legacy: bool = False
    """True for a request still kept in case.yaml under ``foi_requests``."""


@dataclass(frozen=True)
class Campaign:
    """The requests of one case, in file order, and the authorities they may be sent to.

    ``case_body`` is the case's ``public_body`` as an authority (id ``public_body``); a request
    that names no authority goes to it.
    """

    case_body: Authority | None = None
    authorities: Mapping[str, Authority] = field(default_factory=dict)
    requests: tuple[FoiRequest, ...] = ()
    origins: Mapping[str, RequestOrigin] = field(default_factory=dict)

    def __post_init__(self):
        object.__setattr__(self, "authorities", MappingProxyType(dict(self.authorities)))
        object.__setattr__(self, "origins", MappingProxyType(dict(self.origins)))

    def request(self, request_id: str) -> FoiRequest | None:
        return next((r for r in self.requests if r.id == request_id), None)

    def authority_of(self, request: FoiRequest) -> Authority | None:
        """The body a request goes to: the one it names, or the case's own."""
        if request.authority in (None, CASE_BODY):
            return self.case_body
        return self.authorities.get(request.authority)

    @property
    def all_authorities(self) -> dict[str, Authority]:
        """Every body a request may name, the case's own first."""
        found = {CASE_BODY: self.case_body} if self.case_body else {}
        found.update(self.authorities)
        return found
