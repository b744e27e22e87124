#!/usr/bin/env bash
# Restore drill: restores the newest dump in BACKUP_DIR into a scratch database (dropped and
# created again: never the live one), runs a few sanity queries and prints OK or FAIL.
# Exit status 0 only when the restore and every check succeeded.
#   BACKUP_DIR             where center-backup.sh writes (default /srv/center/backups)
#   RESTORE_DATABASE_URL   the scratch database, e.g. postgres://postgres@127.0.0.1/center_drill
#   DATABASE_URL           the live database: the drill refuses to restore into it
#   BACKUP_FILE            a dump to restore instead of the newest one
set -uo pipefail

fail() { echo "FAIL: $*"; exit 1; }

backup_dir="${BACKUP_DIR:-/srv/center/backups}"
target="${RESTORE_DATABASE_URL:?RESTORE_DATABASE_URL is not set (a scratch database)}"
[ "$target" != "${DATABASE_URL:-}" ] || fail "RESTORE_DATABASE_URL is the live database"
dump="${BACKUP_FILE:-$(ls -1 "$backup_dir"/center-*.dump 2>/dev/null | sort | tail -n 1)}"
[ -n "$dump" ] && [ -f "$dump" ] || fail "no dump in $backup_dir"
echo "restoring $dump"

# The scratch database by name, through the server's maintenance database.
name="${target##*/}"; name="${name%%\?*}"
server="${target%/*}"
[[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || fail "scratch database name '$name' is not a plain name"
psql "$server/postgres" --quiet --no-psqlrc -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" -c "CREATE DATABASE \"$name\"" \
    || fail "cannot create the scratch database $name"

# --exit-on-error: a truncated or corrupt dump stops here instead of half-restoring.
pg_restore --exit-on-error --no-owner --no-privileges --dbname="$target" "$dump" \
    || fail "pg_restore could not restore $dump"

count() {
    psql "$target" --no-psqlrc --tuples-only --no-align -v ON_ERROR_STOP=1 \
        -c "SELECT count(*) FROM $1" 2>&1
}
status=0
for table in django_migrations auth_user cms_page djangocms_stories_post newsletter_subscriber; do
    if rows="$(count "$table")" && [[ "$rows" =~ ^[0-9]+$ ]]; then
        echo "$table: $rows"
        # A site has applied migrations and at least its home page.
        if [[ "$table" =~ ^(django_migrations|cms_page)$ ]] && [ "$rows" -eq 0 ]; then
            echo "  (empty)"; status=1
        fi
    else
        echo "$table: query failed: $rows"; status=1
    fi
done
[ "$status" -eq 0 ] || fail "sanity checks on $name"
echo "OK: $dump restored into $name"
