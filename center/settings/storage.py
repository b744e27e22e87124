"""Where uploaded media live: local disk (MEDIA_ROOT, the embedded default) or, when
MEDIA_S3_BUCKET is set, an S3-compatible bucket through django-storages, so web nodes keep
nothing of their own. Public objects (filer's public files, thumbnails, cover renditions) get
plain URLs; private ones (filer's private files, draft whitepapers' PDFs) signed URLs that
expire after MEDIA_S3_SIGNED_URL_SECONDS."""

S3_BACKEND = "storages.backends.s3.S3Storage"
# The bucket's two parts: anyone may read public/ (its policy says so, README), private/
# only through signed URLs.
PUBLIC_PREFIX, PRIVATE_PREFIX = "public", "private"


def s3_options(env) -> dict | None:
    """The S3Storage options shared by every media storage, or None when S3 is off."""
    bucket = env("MEDIA_S3_BUCKET", default="")
    if not bucket:
        return None
    endpoint = env("MEDIA_S3_ENDPOINT_URL", default="") or None
    return {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": env("MEDIA_S3_REGION", default="") or None,
        "access_key": env("MEDIA_S3_ACCESS_KEY_ID", default="") or None,
        "secret_key": env("MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
        # Self-hosted servers (MinIO, Ceph, moto) answer on one host: path-style addresses.
        "addressing_style": env("MEDIA_S3_ADDRESSING_STYLE",
                                default="path" if endpoint else "virtual"),
        "signature_version": "s3v4",
        # Never replace another upload's object: a second file of the same name gets a suffix,
        # as on local disk.
        "file_overwrite": False,
    }


def media_storages(env, storages: dict) -> dict:
    """Settings to merge into the settings module: STORAGES plus filer's and
    easy-thumbnails' storages. Empty (local disk as before) unless MEDIA_S3_BUCKET is set."""
    options = s3_options(env)
    if options is None:
        return {}
    lifetime = env.int("MEDIA_S3_SIGNED_URL_SECONDS", default=300)
    public = {**options, "querystring_auth": False, "location": PUBLIC_PREFIX,
              "custom_domain": env("MEDIA_S3_CUSTOM_DOMAIN", default="") or None}
    private = {**options, "querystring_auth": True, "querystring_expire": lifetime,
               "location": PRIVATE_PREFIX}
    return {
        "MEDIA_S3_ENABLED": True,
        "MEDIA_S3_SIGNED_URL_SECONDS": lifetime,
        "STORAGES": {
            **storages,
            "default": {"BACKEND": S3_BACKEND, "OPTIONS": public},
            "easy_thumbnails": {"BACKEND": S3_BACKEND, "OPTIONS": public},
            "private_media": {"BACKEND": S3_BACKEND, "OPTIONS": private},
        },
        "FILER_STORAGES": {
            "public": {
                "main": {"ENGINE": S3_BACKEND, "OPTIONS": public,
                         "UPLOAD_TO": "filer.utils.generate_filename.randomized",
                         "UPLOAD_TO_PREFIX": "filer_public"},
                "thumbnails": {"ENGINE": S3_BACKEND, "OPTIONS": public,
                               "THUMBNAIL_OPTIONS": {"base_dir": "filer_public_thumbnails"}},
            },
            "private": {
                "main": {"ENGINE": S3_BACKEND, "OPTIONS": private,
                         "UPLOAD_TO": "filer.utils.generate_filename.randomized",
                         "UPLOAD_TO_PREFIX": "filer_private"},
                "thumbnails": {"ENGINE": S3_BACKEND, "OPTIONS": private,
                               "THUMBNAIL_OPTIONS": {"base_dir": "filer_private_thumbnails"}},
            },
        },
    }
