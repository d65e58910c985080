#!/usr/bin/env bash
# Starts a throw-away PostgreSQL on 127.0.0.1, runs the database tests and the journeys against
# it, and stops it whatever happens. Needs Debian's postgresql package (.ci/run installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=${PG_PORT:-54329}
dir=$(mktemp -d /tmp/idarti-pg-XXXXXX)
chown postgres:postgres "$dir" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
as_pg "$bin/pg_ctl" -D "$dir/data" -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" -l "$dir/log" -w start >/dev/null
cleanup() { as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$dir"; }
trap cleanup EXIT

for db in idarti_unit idarti_e2e idarti_two; do as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"; done
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

# Only the tests that touch a database, and only on PostgreSQL: `npm test` ran them all on PGlite.
echo "→ unit tests on PostgreSQL"
mapfile -t dbtests < <(grep -rlE "lib/testing/(db|databases)|TEST_DATABASE_URL" --include='*.test.ts' lib scripts components app | sort)
TEST_DATABASE_ONLY=1 TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/idarti_unit" npx vitest run "${dbtests[@]}"

# The journeys of the spine on a real server: sign-in (limits in the database), the case engine
# with its offline replay, and payments (row locks, idempotency). Every other domain's data layer
# ran above in the unit tests on this server (booking races included, across two pools); the
# rest of the journeys ran on PGlite in `npm test`, which keeps CI well under 30 minutes.
echo "→ journeys on PostgreSQL"
specs=()
for s in sign-in cases pay; do [ -f "e2e/$s.spec.ts" ] && specs+=("e2e/$s.spec.ts"); done
DATABASE_URL="postgres://postgres@127.0.0.1:$port/idarti_e2e" SKIP_BUILD=1 node scripts/e2e.mjs "${specs[@]}"

# Backup and restore of what the journeys left (docs/operations.md).
echo "→ backup and restore"
bash scripts/backup-restore.sh "$bin" "$port" "$dir" idarti_e2e

# Two app instances on two ports against one PostgreSQL and one S3-compatible store: a call
# crosses them, a file sent through one is read through the other (each has its own disk), and
# two citizens confirm the same time at once through different instances (e2e/two-instances.spec.ts).
echo "→ two app instances on one PostgreSQL and one S3-compatible store"
s3port=${S3_PORT:-4569}
node scripts/s3-local.mjs "$s3port" idarti-two &
s3pid=$!
trap 'kill $s3pid 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 1 50); do (echo > /dev/tcp/127.0.0.1/$s3port) 2>/dev/null && break; sleep 0.2; done
STORAGE_DRIVER=s3 S3_ENDPOINT="http://127.0.0.1:$s3port" S3_BUCKET=idarti-two S3_ACCESS_KEY_ID=S3RVER S3_SECRET_ACCESS_KEY=S3RVER \
  DATABASE_URL="postgres://postgres@127.0.0.1:$port/idarti_two" E2E_SECOND_PORT=3211 SKIP_BUILD=1 node scripts/e2e.mjs e2e/two-instances.spec.ts
