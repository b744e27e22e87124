"""Writes center.conf (the site, for an http {} block) and nginx.conf (a whole configuration
that includes it) from the templates beside this file.

    python3 deploy/nginx/render.py --out /etc/nginx/center \
        --upstream 10.0.0.11:8000 --upstream 10.0.0.12:8000 \
        --static-root /srv/center/staticfiles --media-root /srv/center/media \
        --listen 443 --tls-certificate /etc/letsencrypt/live/HOST/fullchain.pem \
        --tls-certificate-key /etc/letsencrypt/live/HOST/privkey.pem

Every option also reads an environment variable (NGINX_LISTEN, NGINX_UPSTREAM, …); several
upstreams are given by repeating --upstream or separated by commas."""

import argparse
import getpass
import os
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPTIONS = {  # option: (environment variable, default)
    "listen": ("NGINX_LISTEN", "127.0.0.1:8080"),
    "upstream": ("NGINX_UPSTREAM", "127.0.0.1:8000"),
    "static_root": ("STATIC_ROOT", str(HERE.parents[1] / "staticfiles")),
    "media_root": ("MEDIA_ROOT", str(HERE.parents[1] / "media")),
    "microcache_seconds": ("NGINX_MICROCACHE_SECONDS", "1"),
    "worker_processes": ("NGINX_WORKER_PROCESSES", "auto"),
    "access_log": ("NGINX_ACCESS_LOG", "off"),
    "mime_types": ("NGINX_MIME_TYPES", "/etc/nginx/mime.types"),
    "tls_certificate": ("NGINX_TLS_CERTIFICATE", ""),
    "tls_certificate_key": ("NGINX_TLS_CERTIFICATE_KEY", ""),
    "http_listen": ("NGINX_HTTP_LISTEN", "80"),
    "server_name": ("NGINX_SERVER_NAME", "_"),
    "max_fails": ("NGINX_MAX_FAILS", "2"),
    "fail_timeout": ("NGINX_FAIL_TIMEOUT", "10s"),
    "brotli_module": ("NGINX_BROTLI_MODULE",
                      "/usr/share/nginx/modules/ngx_http_brotli_filter_module.so"),
}
# Brotli for the same text types as gzip, when Debian's libnginx-mod-http-brotli-filter is in.
BROTLI = """    brotli on;
    brotli_comp_level 5;
    brotli_min_length 1024;
    brotli_types text/css text/plain text/calendar application/javascript application/json
                 application/ld+json application/xml application/rss+xml image/svg+xml;
"""
TLS = """    ssl_certificate {tls_certificate};
    ssl_certificate_key {tls_certificate_key};
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_prefer_server_ciphers off;
    ssl_session_cache shared:center_tls:10m;
    ssl_session_timeout 1d;
    ssl_session_tickets off;
"""
# Plain http only answers certbot's challenges and sends everyone else to https.
REDIRECT = """server {{
    listen {http_listen};
    server_name {server_name};
    location /.well-known/acme-challenge/ {{
        root /var/www/letsencrypt;
    }}
    location / {{
        return 301 https://$host$request_uri;
    }}
}}
"""


def render(template: str, values: dict) -> str:
    def fill(match):
        return values[match.group(1).lower()]  # a missing value is a KeyError, not a blank

    return re.sub(r"\{\{([A-Z_]+)\}\}", fill, template)


def site_parts(values: dict) -> dict:
    """The parts that depend on the deployment: upstream nodes, TLS, brotli."""
    # Passive health checks (open-source nginx): a node that fails max_fails times is left
    # out for fail_timeout, and proxy_next_upstream retries the request on another one.
    nodes = [node.strip() for node in values["upstream"].split(",") if node.strip()]
    servers = "".join(f"    server {node} max_fails={values['max_fails']} "
                      f"fail_timeout={values['fail_timeout']};\n" for node in nodes)
    tls = bool(values["tls_certificate"])
    brotli = Path(values["brotli_module"]).is_file()
    return {
        "upstream_servers": servers.rstrip("\n").lstrip(),
        "listen_directive": f"{values['listen']} ssl http2" if tls else values["listen"],
        "tls": TLS.format(**values) if tls else "",
        "redirect_server": REDIRECT.format(**values) if tls else "",
        "brotli": BROTLI if brotli else "",
        "load_modules": f"load_module {values['brotli_module']};" if brotli else "",
    }


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, type=Path,
                        help="folder for the two files, the cache and nginx's temporary files")
    for name, (variable, default) in OPTIONS.items():
        if name == "upstream":
            parser.add_argument("--upstream", action="append",
                                help="host:port of a gunicorn node; repeat for several")
        else:
            parser.add_argument(f"--{name.replace('_', '-')}",
                                default=os.environ.get(variable, default))
    args = parser.parse_args(argv)
    args.upstream = ",".join(args.upstream or [os.environ.get(*OPTIONS["upstream"])])
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    values = {name: str(getattr(args, name)).rstrip("/") if name.endswith("root")
              else str(getattr(args, name)) for name in OPTIONS}
    # nginx's workers run as this user when it is started as root: the one that owns the files.
    values.update(run_dir=str(out), cache_dir=str(out / "cache"), user=getpass.getuser())
    values.update(site_parts(values))
    for name in ("center.conf", "nginx.conf"):
        (out / name).write_text(render((HERE / f"{name}.template").read_text(), values))


if __name__ == "__main__":
    main()
