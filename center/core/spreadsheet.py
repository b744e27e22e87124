"""CSV exports staff open in a spreadsheet."""

# A cell starting like this would run as a formula in a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value) -> str:
    """The value as text a spreadsheet shows as it is (a formula-like start is quoted)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
