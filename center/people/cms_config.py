from cms.app_base import CMSAppConfig

from .cms_wizards import speaker_wizard


class PeopleCMSConfig(CMSAppConfig):
    cms_enabled = True
    cms_wizards = [speaker_wizard]
