"""Variables a deployment cannot run without: refuse to start, in one line that names them,
instead of serving with a guessable key, links to a wrong host or limits no one shares."""

from django.core.exceptions import ImproperlyConfigured

# The cache backends whose counters every web process sees.
SHARED_CACHE_SCHEMES = ("redis://", "rediss://", "memcache://", "pymemcache://", "pylibmc://")


class MissingEnvironment(ImproperlyConfigured):
    pass


def require(environ, names: dict[str, str]) -> None:
    """names: variable -> why it is needed. Raises MissingEnvironment naming every one unset."""
    missing = [name for name in names if not environ.get(name, "").strip()]
    cache_url = environ.get("CACHE_URL", "")
    if "CACHE_URL" in names and cache_url and not cache_url.startswith(SHARED_CACHE_SCHEMES):
        missing.append("CACHE_URL")
    if missing:
        reasons = "; ".join(f"{name} ({names[name]})" for name in missing)
        raise MissingEnvironment(f"Production settings need {reasons}. See README, Production.")
