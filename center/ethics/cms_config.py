from cms.app_base import CMSAppConfig

from .cms_wizards import version_wizard


class EthicsCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_wizards = [version_wizard]
