from cms.app_base import CMSAppConfig

from .cms_wizards import whitepaper_wizard


class PublicationsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_wizards = [whitepaper_wizard]
