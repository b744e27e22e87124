# A URLconf with no CMS pages at all, as before the events and people apphooks are attached.
urlpatterns = []
