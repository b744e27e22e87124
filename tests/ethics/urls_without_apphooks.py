# A URLconf with no CMS pages at all, as before the Code of Ethics apphook is attached.
urlpatterns = []
