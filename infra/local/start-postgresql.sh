#!/usr/bin/env bash
# Starts a private PostgreSQL cluster on 127.0.0.1 for the state store's integration tests. Idempotent: a cluster from
# an earlier run that answers pg_isready is reused. Installs the Debian package postgresql when the server binaries are
# missing (apt-get; sudo only when not root). Does not use the Debian-managed cluster or systemd: the cluster is our
# own, under the state directory. Stop it with infra/local/stop-postgresql.sh.
#
# Environment (all optional):
#   SYNCBRIDGE_POSTGRES_DIR      state directory (data directory, socket, log)   default /tmp/syncbridge-local/postgresql
#   SYNCBRIDGE_POSTGRES_PORT     TCP port on 127.0.0.1                           default 5433 (never the system's 5432)
#   SYNCBRIDGE_POSTGRES_TIMEOUT  seconds to wait for the server to answer       default 60
# Role syncbridge (login, createdb) owns database syncbridge. The tests read SYNCBRIDGE_TEST_POSTGRES, default
#   Host=127.0.0.1;Port=5433;Username=syncbridge;Database=syncbridge
#
# Authentication: this is a throw-away, test-only cluster listening on 127.0.0.1 only, so pg_hba.conf trusts TCP
# connections from 127.0.0.1 and local socket connections (no password). Never use this configuration for real data.
set -euo pipefail

state="${SYNCBRIDGE_POSTGRES_DIR:-/tmp/syncbridge-local/postgresql}"
port="${SYNCBRIDGE_POSTGRES_PORT:-5433}"
timeout="${SYNCBRIDGE_POSTGRES_TIMEOUT:-60}"
data="$state/data"
log_file="$state/postgresql.log"
role="syncbridge"
database="syncbridge"

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi

# 1. Install the server when missing (the version directory under /usr/lib/postgresql holds initdb, pg_ctl, ...).
bin_dir=""
find_bin() { bin_dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"; [ -n "$bin_dir" ] && [ -x "$bin_dir/pg_ctl" ]; }
if ! find_bin; then
  if ! command -v apt-get >/dev/null; then
    echo "postgresql: the server is not installed and apt-get is not available; install PostgreSQL (initdb, pg_ctl)" >&2
    exit 1
  fi
  echo "postgresql: installing postgresql with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show postgresql >/dev/null 2>&1; then
    $sudo apt-get update -qq >/dev/null
  fi
  # Keep the package's own cluster service from starting (we run our own); a temporary policy-rc.d forbids it.
  policy=/usr/sbin/policy-rc.d
  made_policy=""
  if [ ! -e "$policy" ] && [ "$(id -u)" -eq 0 ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && made_policy=1
  fi
  install_status=0
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null || install_status=$?
  [ -n "$made_policy" ] && rm -f "$policy"
  if [ "$install_status" -ne 0 ]; then
    echo "postgresql: apt-get install postgresql failed ($install_status)" >&2
    exit 1
  fi
  if ! find_bin; then
    echo "postgresql: apt-get installed postgresql but no /usr/lib/postgresql/<version>/bin/pg_ctl was found" >&2
    exit 1
  fi
fi

# The server runs as the postgres system user when this script runs as root (initdb and postgres refuse root).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "postgresql: running as root but there is no 'postgres' system user to own the cluster" >&2
      exit 1
    fi
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

started_at=$SECONDS
psql_admin() { as_owner "$bin_dir/psql" -X -q -v ON_ERROR_STOP=1 -h "$data" -p "$port" -d postgres "$@"; }

ensure_role_and_database() {
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != "1" ]; then
    echo "postgresql: creating role $role"
    psql_admin -c "CREATE ROLE $role LOGIN CREATEDB"
  fi
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != "1" ]; then
    echo "postgresql: creating database $database"
    psql_admin -c "CREATE DATABASE $database OWNER $role"
  fi
}

# 2. Reuse a running cluster that answers.
if "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres && [ -f "$data/postmaster.pid" ]; then
  ensure_role_and_database
  echo "postgresql: already running (pid $(head -n 1 "$data/postmaster.pid"), postgresql://127.0.0.1:$port/$database)"
  exit 0
fi
if "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then
  echo "postgresql: 127.0.0.1:$port is answered by a server that is not ours ($data); set SYNCBRIDGE_POSTGRES_PORT" >&2
  exit 1
fi

# 3. A fresh data directory, owned by the server's user.
mkdir -p "$state"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$state"
  chmod a+x "$(dirname "$state")" # the postgres user must reach it even when created under a strict umask
fi
if [ ! -f "$data/PG_VERSION" ]; then
  echo "postgresql: initializing a cluster in $data ($("$bin_dir/postgres" --version))"
  rm -rf "$data"
  init_status=0
  as_owner "$bin_dir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 > "$state/initdb.log" 2>&1 || init_status=$?
  if [ "$init_status" -ne 0 ]; then
    echo "postgresql: initdb failed ($init_status); log:" >&2
    tail -n 40 "$state/initdb.log" >&2 || true
    exit 1
  fi
  # Test-only cluster: trust local socket and 127.0.0.1 connections, nothing else (see the header).
  cat > "$data/pg_hba.conf" <<'EOF'
# SyncBridge local test cluster: trust on the socket and 127.0.0.1 only (test data only, never real data).
local   all   all                  trust
host    all   all   127.0.0.1/32   trust
EOF
  cat >> "$data/postgresql.conf" <<EOF

# SyncBridge local test cluster
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$data'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
fi

# 4. Start. After a crash (postmaster killed) the server refuses to start while the old server's children still hold its
# shared memory; they exit within seconds of their parent, so a failed start is retried twice after a pause.
echo "postgresql: starting on 127.0.0.1:$port (data $data)"
start_status=1
for attempt in 1 2 3; do
  start_status=0
  as_owner "$bin_dir/pg_ctl" -D "$data" -l "$log_file" -w -t "$timeout" -o "-p $port -k $data -c listen_addresses=127.0.0.1" start >/dev/null 2>&1 \
    || start_status=$?
  if [ "$start_status" -eq 0 ] || [ "$attempt" -eq 3 ]; then
    break
  fi
  echo "postgresql: start attempt $attempt failed (a crashed server's processes may still be exiting); retrying"
  sleep 3
done
if [ "$start_status" -ne 0 ]; then
  echo "postgresql: pg_ctl start failed ($start_status); log tail:" >&2
  tail -n 40 "$log_file" >&2 2>/dev/null || true
  exit 1
fi

deadline=$((SECONDS + timeout))
until "$bin_dir/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "postgresql: 127.0.0.1:$port did not answer within ${timeout}s; log tail:" >&2
    tail -n 40 "$log_file" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 0.5
done

ensure_role_and_database
echo "postgresql: ready in $((SECONDS - started_at))s (pid $(head -n 1 "$data/postmaster.pid"), postgresql://$role@127.0.0.1:$port/$database)"
