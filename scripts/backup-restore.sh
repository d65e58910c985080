#!/usr/bin/env bash
# Backup and restore, tested (docs/operations.md): the database the PostgreSQL journeys left is
# dumped with pg_dump, restored with pg_restore into a fresh database, compared table by table,
# and the app is started on the copy: it must be ready (every migration there, the file store
# writable) and serve its pages.
# Called by scripts/ci-postgres.sh: bash scripts/backup-restore.sh <postgres bin> <port> <work dir> <source db>
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1; port=$2; dir=$3; source_db=$4
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# HTTP with node (a clean machine may lack curl): prints the body, fails unless 2xx.
http_get() { node -e 'fetch(process.argv[1]).then(async (r) => { const t = await r.text(); if (!r.ok) { console.error(r.status); process.exit(1); } console.log(t.slice(0, 400)); }).catch(() => process.exit(1))' "$1"; }
psql_at() { as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$1" -v ON_ERROR_STOP=1 -Atq -c "$2"; }

dump="$dir/backup.dump"
as_pg "$bin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres -Fc -f "$dump" "$source_db"
as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres idarti_restored
as_pg "$bin/pg_restore" -h 127.0.0.1 -p "$port" -U postgres --no-owner --exit-on-error -d idarti_restored "$dump"
echo "  dump: $(du -h "$dump" | cut -f1)"

# Every table, with its row count, in both databases: the same, or the restore lost something.
counts() {
  local db=$1
  for t in $(psql_at "$db" "select schemaname||'.'||tablename from pg_tables where schemaname in ('public','drizzle') order by 1"); do
    echo "$t $(psql_at "$db" "select count(*) from $t")"
  done
}
counts "$source_db" > "$dir/counts-source"
counts idarti_restored > "$dir/counts-restored"
if ! diff -u "$dir/counts-source" "$dir/counts-restored"; then echo "✗ the restored database differs from the source"; exit 1; fi
tables=$(wc -l < "$dir/counts-source"); rows=$(awk '{s+=$2} END {print s}' "$dir/counts-source")
echo "  restored $tables tables, $rows rows, identical counts"
[ "$rows" -gt 0 ] || { echo "✗ nothing to restore: the journeys left no rows"; exit 1; }

# The app on the copy.
app_port=${RESTORE_PORT:-3213}
DATABASE_URL="postgres://postgres@127.0.0.1:$port/idarti_restored" PORT=$app_port SKIP_BUILD=1 NO_SEED=1 NO_SIMULATORS=1 DEMO_MODE=true \
  FILES_DIR="$dir/files" node scripts/start.mjs > "$dir/restored-app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true' EXIT
ready=""
for _ in $(seq 1 120); do
  if ready=$(http_get "http://127.0.0.1:$app_port/api/ready" 2>/dev/null); then break; fi
  sleep 1
done
if [ -z "$ready" ]; then echo "✗ the app did not become ready on the restored database"; tail -n 40 "$dir/restored-app.log"; exit 1; fi
echo "  ready: $ready"
# Pages on the copy: the home page, and the public register of permit decisions (read from the database).
for page in /ar /fr/permit-decisions; do
  http_get "http://127.0.0.1:$app_port$page" > /dev/null || { echo "✗ $page failed on the restored database"; tail -n 40 "$dir/restored-app.log"; exit 1; }
done
echo "  /ar and /fr/permit-decisions: 200"
kill $app; wait $app 2>/dev/null || true
echo "✓ backup and restore"
