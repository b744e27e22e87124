from django.conf import settings


def client_ip(request) -> str:
    """The visitor's address. Behind a proxy every request comes from the proxy:
    CLIENT_IP_HEADER names the META key it sets (e.g. HTTP_X_REAL_IP; the last address of a
    forwarded list is the one the proxy saw). Never trust a header a client could send
    directly, or anyone could pick a fresh "IP" per request."""
    header = settings.CLIENT_IP_HEADER
    ip = request.META.get(header, "").split(",")[-1].strip() if header else ""
    return ip or request.META.get("REMOTE_ADDR") or "unknown"
