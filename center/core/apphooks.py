"""Apphook URLs (news, events, speakers…) kept current in processes that serve no request
first: Celery workers and commands."""

from cms.utils import apphook_reload

_reloaded_in_this_process = False


def apphook_urls_up_to_date() -> None:
    """django CMS's ensure_urlconf_is_up_to_date(), except on a process's first call: CMS then
    only records the current revision, trusting the URLs the process built earlier — a worker
    that built them before an apphook was attached would keep them without it for good, and
    every event link it writes would fail (seen in CI as a search entry never indexed)."""
    global _reloaded_in_this_process
    if not _reloaded_in_this_process:
        _reloaded_in_this_process = True
        apphook_reload.reload_urlconf(new_revision=apphook_reload.get_global_revision())
        return
    apphook_reload.ensure_urlconf_is_up_to_date()
