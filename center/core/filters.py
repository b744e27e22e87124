"""Reading list filters from the query string: a value the list cannot show is ignored (the
whole list is shown), never an error page."""


def choice_or_none(raw: str | None, allowed) -> int | None:
    """An integer from `allowed` (e.g. the years that have items), else None."""
    try:
        value = int(raw)
    except (TypeError, ValueError):
        return None
    return value if value in allowed else None
