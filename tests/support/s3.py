"""A real S3-compatible server for tests: moto's server mode (an HTTP endpoint boto3 talks
to, not an in-process mock) on 127.0.0.1 and a free port, with one bucket laid out as the
portal expects it: anyone may read under public/, nobody unsigned under private/."""

import json
from contextlib import contextmanager

import boto3
from moto.server import ThreadedMotoServer

from center.settings.storage import PUBLIC_PREFIX

from .processes import free_port

BUCKET = "center-media"
# moto accepts any key pair; these only have to be the same on both sides.
ACCESS_KEY, SECRET_KEY, REGION = "test-access-key", "test-secret-key", "us-east-1"


def public_read_policy(bucket: str) -> str:
    """What an operator sets on the bucket (README): anyone may read public/."""
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject",
         "Resource": f"arn:aws:s3:::{bucket}/{PUBLIC_PREFIX}/*"},
    ]})


class S3Server:
    def __init__(self, endpoint: str):
        self.endpoint = endpoint
        self.client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION,
                                   aws_access_key_id=ACCESS_KEY,
                                   aws_secret_access_key=SECRET_KEY)

    def env(self, **extra) -> dict:
        """The portal's variables (README, "Media on S3-compatible storage") for this server."""
        return {"MEDIA_S3_BUCKET": BUCKET, "MEDIA_S3_ENDPOINT_URL": self.endpoint,
                "MEDIA_S3_REGION": REGION, "MEDIA_S3_ACCESS_KEY_ID": ACCESS_KEY,
                "MEDIA_S3_SECRET_ACCESS_KEY": SECRET_KEY, **extra}

    def keys(self, prefix: str = "") -> list[str]:
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET,
                                                                      Prefix=prefix)
        return [item["Key"] for page in pages for item in page.get("Contents", [])]


@contextmanager
def s3_server():
    """Runs moto's S3 server for the block and yields an S3Server with the bucket made."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        s3 = S3Server(f"http://127.0.0.1:{port}")
        s3.client.create_bucket(Bucket=BUCKET)
        s3.client.put_bucket_policy(Bucket=BUCKET, Policy=public_read_policy(BUCKET))
        yield s3
    finally:
        server.stop()
