"""The columns of a licence listing (``advocate licences --columns``), in the order they are listed."""

LISTING_COLUMNS = (
    "id", "reference", "decision_date", "destination", "country", "licence_type", "outcome",
    "ratings", "technology", "goods_summary", "end_user", "value", "refusal_criteria", "sources", "dataset", "line",
)
