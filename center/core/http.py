"""Response headers with names that say what they do."""

from django.utils.cache import patch_cache_control


def no_store(response):
    """Never cached anywhere: a page for one person (a token, a preview, a form answer)."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def no_referrer(response):
    """Links on this page do not tell the next site its address (it holds a secret)."""
    response["Referrer-Policy"] = "no-referrer"
    return response
