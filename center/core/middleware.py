from .views import healthz


class HealthCheckMiddleware:
    """Answers /healthz before any other middleware runs: the CMS middlewares read the
    database on every request, and a probe must still answer (503) when it is down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return healthz(request)
        return self.get_response(request)
