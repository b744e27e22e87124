#!/usr/bin/env bash
# Nightly backup (center-backup.timer): the database as a pg_dump custom-format file, named
# by date, and the uploads when they live on this disk. Keeps BACKUP_KEEP_DAYS days.
#   DATABASE_URL       the database to dump (libpq URL; the one the app uses)
#   BACKUP_DIR         where dumps go (default /srv/center/backups)
#   BACKUP_KEEP_DAYS   older files are deleted (default 14)
#   MEDIA_ROOT         uploads on local disk, archived beside the dump
#   MEDIA_S3_BUCKET    when set, uploads live in S3: not copied (use the bucket's versioning)
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL is not set}"
backup_dir="${BACKUP_DIR:-/srv/center/backups}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
stamp="$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$backup_dir"

# Written under a temporary name and renamed once complete and readable: the restore drill
# and a tired operator only ever see whole dumps.
dump="$backup_dir/center-$stamp.dump"
pg_dump --format=custom --no-owner --no-privileges --file="$dump.partial" "$DATABASE_URL"
pg_restore --list "$dump.partial" > /dev/null
mv "$dump.partial" "$dump"
echo "database: $dump ($(du -h "$dump" | cut -f1))"

if [ -n "${MEDIA_S3_BUCKET:-}" ]; then
    echo "media: in S3 bucket $MEDIA_S3_BUCKET, not copied (keep the bucket's versioning on)"
elif [ -n "${MEDIA_ROOT:-}" ] && [ -d "$MEDIA_ROOT" ]; then
    media="$backup_dir/media-$stamp.tar.gz"
    tar --create --gzip --file="$media.partial" --directory="$MEDIA_ROOT" .
    mv "$media.partial" "$media"
    echo "media: $media ($(du -h "$media" | cut -f1))"
else
    echo "media: MEDIA_ROOT is not set or not a folder, nothing copied" >&2
fi

find "$backup_dir" -maxdepth 1 -type f \( -name 'center-*.dump' -o -name 'media-*.tar.gz' \
    -o -name '*.partial' \) -mtime +"$keep_days" -print -delete
