#!/usr/bin/env bash
# Stops the cluster started by infra/local/start-postgresql.sh (pg_ctl stop -m fast on its data directory).
# Environment: SYNCBRIDGE_POSTGRES_DIR (default /tmp/syncbridge-local/postgresql). Data stay in the state directory;
# delete it for a fresh cluster.
set -euo pipefail

state="${SYNCBRIDGE_POSTGRES_DIR:-/tmp/syncbridge-local/postgresql}"
data="$state/data"

if [ ! -f "$data/postmaster.pid" ]; then
  echo "postgresql: not running ($data)"
  exit 0
fi

bin_dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin_dir" ] || [ ! -x "$bin_dir/pg_ctl" ]; then
  echo "postgresql: pg_ctl not found under /usr/lib/postgresql/<version>/bin" >&2
  exit 1
fi

pid="$(head -n 1 "$data/postmaster.pid")"
stop_status=0
if [ "$(id -u)" -eq 0 ]; then
  runuser -u postgres -- "$bin_dir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || stop_status=$?
else
  "$bin_dir/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || stop_status=$?
fi

if [ "$stop_status" -ne 0 ] && kill -0 "$pid" 2>/dev/null; then
  echo "postgresql: pg_ctl stop failed ($stop_status) and pid $pid is still running" >&2
  exit 1
fi
rm -f "$data/postmaster.pid"
echo "postgresql: stopped (pid $pid)"
