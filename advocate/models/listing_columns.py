"""The columns of a licence listing (``advocate licences --columns``), in the order they are listed."""

LISTING_COLUMNS = (
    "id",
    "reference",
    "decision_date",
    "destination",
    "country",
    "licence_type",
    "outcome",
    "ratings",
    "technology",
    "goods_summary",
    "end_user",
    "value",
    "refusal_criteria",
    "sources",
    "dataset",
    "line",
    "id_kind",
    "identifier",
    "dataset_number",
    "dataset_name",
    "count",
    "military",
    "onward_destinations",
    "transit_from",
)
"""``identifier`` is how documents identify the licence ("CAAT dataset no. 66239"); ``count`` how many
licences the row stands for ("at least 2"); ``onward_destinations`` the countries goods incorporated
abroad end up in; ``military`` yes, no or empty (the data does not say)."""
