"""Reported transfers of surveillance technology as templates print them.

A transfer (from Privacy International's Surveillance Industry Index) names the supplier and the end
user that the Government's licensing data leaves out. A document may set it beside a licence as
evidence of who may stand behind it, in its own words and with ``cite(transfer)``; nothing links a
transfer to a licence automatically.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from advocate.draft.evidence import Evidence
from advocate.models.records import Transfer


def _join_and(items) -> str:
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}" if items else ""


COMPLETION = {
    "yes": "the transfer is reported as complete",
    "no": "the transfer is not reported as complete",
    "unknown": "whether the transfer was completed is not known",
}


@dataclass(frozen=True)
class TransferView:
    """One transfer, with the sentence a document prints (without a closing full stop)."""

    record: Transfer
    id: str
    supplier: str
    supplier_country: str
    country: str
    end_user: str
    goods: tuple[str, ...]
    year: str
    complete: str

    @property
    def recipient(self) -> str:
        """'the National Intelligence and Security Service in Ethiopia', or 'Ethiopia' when no end user is named."""
        return f"{self.end_user} in {self.country}" if self.end_user else self.country

    @property
    def statement(self) -> str:
        """'Trovicor (Germany) is reported to have sold goods listed as lawful interception and fibre taps /
        probes to Ethiopia, ordered in 2010; whether the transfer was completed is not known'."""
        supplier = f"{self.supplier} ({self.supplier_country})" if self.supplier_country else self.supplier
        goods = f"goods listed as {_join_and(g[:1].lower() + g[1:] for g in self.goods)}" if self.goods else "goods"
        ordered = f", ordered in {self.year}" if self.year else ""
        return f"{supplier} is reported to have sold {goods} to {self.recipient}{ordered}; {COMPLETION[self.complete]}"


def transfer_view(transfer: Transfer) -> TransferView:
    return TransferView(
        record=transfer,
        id=transfer.id,
        supplier=transfer.supplier,
        supplier_country=transfer.supplier_country,
        country=transfer.country.name,
        end_user=transfer.end_user,
        goods=transfer.goods,
        year=transfer.date.describe() if transfer.date is not None else "",
        complete=transfer.complete,
    )


def case_transfers(evidence: Evidence) -> list[TransferView]:
    """The transfers to the case's countries that the document may print, earliest order first."""
    codes = set(evidence.case_file.case.country_codes)
    chosen = [t for t in evidence.transfers if t.country.code in codes]
    chosen.sort(key=lambda t: (t.date.sort_key if t.date is not None else dt.date.max, t.id))
    return [transfer_view(transfer) for transfer in chosen]
