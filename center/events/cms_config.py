from cms.app_base import CMSAppConfig

from .cms_wizards import event_wizard


class EventsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_wizards = [event_wizard]
