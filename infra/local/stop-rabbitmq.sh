#!/usr/bin/env bash
# Stops the broker started by infra/local/start-rabbitmq.sh (by its PID file) and the epmd it started.
# Environment: SYNCBRIDGE_RABBITMQ_DIR (default /tmp/syncbridge-local/rabbitmq). Data stay in the state directory;
# delete it for a clean start.
set -euo pipefail

state="${SYNCBRIDGE_RABBITMQ_DIR:-/tmp/syncbridge-local/rabbitmq}"

stop_pid_file() {
  local file="$1" name="$2" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    # The start script runs each in its own session: end the whole process group (the wrapper script and erl).
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    echo "rabbitmq: stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

stop_pid_file "$state/rabbitmq.pid" "broker"
stop_pid_file "$state/epmd.pid" "epmd"
rm -f "$state/rabbitmq-node.pid"
