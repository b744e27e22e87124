"""Writes center.conf (the site, for an http {} block) and nginx.conf (a whole configuration
that includes it) from the templates beside this file.

    python3 deploy/nginx/render.py --out /etc/nginx/center --upstream 127.0.0.1:8000 \
        --static-root /srv/center/staticfiles --media-root /srv/center/media

Every option also reads an environment variable (NGINX_LISTEN, NGINX_UPSTREAM, …)."""

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
}


def render(template: str, values: dict) -> str:
    def fill(match):
        return values[match.group(1).lower()]  # a missing value is a KeyError, not a blank

    return re.sub(r"\{\{([A-Z_]+)\}\}", fill, template)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True, type=Path,
                        help="folder for the two files, the cache and nginx's temporary files")
    for name, (variable, default) in OPTIONS.items():
        parser.add_argument(f"--{name.replace('_', '-')}",
                            default=os.environ.get(variable, default))
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    values = {name: str(getattr(args, name)).rstrip("/") if name.endswith("root")
              else str(getattr(args, name)) for name in OPTIONS}
    # nginx's workers run as this user when it is started as root: the one that owns the files.
    values.update(run_dir=str(out), cache_dir=str(out / "cache"), user=getpass.getuser())
    for name in ("center.conf", "nginx.conf"):
        (out / name).write_text(render((HERE / f"{name}.template").read_text(), values))


if __name__ == "__main__":
    main()
