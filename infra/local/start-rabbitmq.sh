#!/usr/bin/env bash
# Starts a private RabbitMQ broker (AMQP 1.0 plugin) on 127.0.0.1 for the AMQP transport's tests. Idempotent: a
# healthy broker from an earlier run is reused. Installs the Debian package rabbitmq-server when it is missing
# (needs root and apt). Stop it with infra/local/stop-rabbitmq.sh.
#
# Environment (all optional):
#   SYNCBRIDGE_RABBITMQ_DIR        state directory (data, logs, config, cookie, PID files)
#                                  default /tmp/syncbridge-local/rabbitmq
#   SYNCBRIDGE_RABBITMQ_PORT       AMQP port (AMQP 1.0 and 0-9-1 share it)          default 5682
#   SYNCBRIDGE_RABBITMQ_MGMT_PORT  management HTTP API port (queue depth, tests)    default 15682
#   SYNCBRIDGE_RABBITMQ_DIST_PORT  Erlang distribution port                         default 25682
#   SYNCBRIDGE_RABBITMQ_EPMD_PORT  port of the epmd this script starts              default 4382
#   SYNCBRIDGE_RABBITMQ_NODE       Erlang node name                                 default syncbridge@localhost
#   SYNCBRIDGE_RABBITMQ_TIMEOUT    seconds to wait for the AMQP port                default 60
# Everything listens on 127.0.0.1 only. User syncbridge / syncbridge-test, vhost syncbridge, queues updates and
# updates/$DeadLetterQueue come from infra/local/rabbitmq/definitions.json (loaded at boot).
# The tests read SYNCBRIDGE_AMQP_HOST/PORT/USER/PASSWORD/VHOST/MGMT_PORT with the same defaults.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
state="${SYNCBRIDGE_RABBITMQ_DIR:-/tmp/syncbridge-local/rabbitmq}"
port="${SYNCBRIDGE_RABBITMQ_PORT:-5682}"
mgmt_port="${SYNCBRIDGE_RABBITMQ_MGMT_PORT:-15682}"
dist_port="${SYNCBRIDGE_RABBITMQ_DIST_PORT:-25682}"
epmd_port="${SYNCBRIDGE_RABBITMQ_EPMD_PORT:-4382}"
node="${SYNCBRIDGE_RABBITMQ_NODE:-syncbridge@localhost}"
timeout="${SYNCBRIDGE_RABBITMQ_TIMEOUT:-60}"
definitions="$here/rabbitmq/definitions.json"
pid_file="$state/rabbitmq.pid"
epmd_pid_file="$state/epmd.pid"
log_dir="$state/log"

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# The management API answers for the test vhost's queues (RabbitMQ 3.10's stats database can crash after long use and
# then answer 500 for every queue; such a broker is restarted rather than reused).
mgmt_healthy() {
  local auth status
  auth="$(printf '%s' "${SYNCBRIDGE_AMQP_USER:-syncbridge}:${SYNCBRIDGE_AMQP_PASSWORD:-syncbridge-test}" | base64 | tr -d '\n')"
  status="$( (exec 3<>"/dev/tcp/127.0.0.1/$mgmt_port" \
    && printf 'GET /api/queues/%s HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Basic %s\r\n\r\n' "${SYNCBRIDGE_AMQP_VHOST:-syncbridge}" "$auth" >&3 \
    && head -n1 <&3) 2>/dev/null || true)"
  [[ "$status" == *" 200"* ]]
}

# 1. Reuse a healthy broker from an earlier run.
if alive "$pid_file" && port_open "$port" && port_open "$mgmt_port"; then
  if mgmt_healthy; then
    echo "rabbitmq: already running (pid $(cat "$pid_file"), amqp://127.0.0.1:$port)"
    exit 0
  fi
  echo "rabbitmq: the running broker's management API is unhealthy; restarting it"
  bash "$here/stop-rabbitmq.sh"
fi

# 2. Install the broker when missing.
server_bin=""
find_server() { server_bin="$(ls /usr/lib/rabbitmq/bin/rabbitmq-server 2>/dev/null || true)"; }
find_server
if [ -z "$server_bin" ]; then
  if ! command -v apt-get >/dev/null; then
    echo "rabbitmq: rabbitmq-server is not installed and apt-get is not available; install RabbitMQ 3.x" >&2
    exit 1
  fi
  echo "rabbitmq: installing rabbitmq-server with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show rabbitmq-server >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
  fi
  # Keep the package's own service (rabbit@host on 5672) from starting: this script runs its own node. A temporary
  # policy-rc.d (exit 101 = "action forbidden") does that on machines without one; it is removed right after.
  policy=/usr/sbin/policy-rc.d
  made_policy=""
  if [ ! -e "$policy" ] && [ -w /usr/sbin ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && made_policy=1
  fi
  install_status=0
  apt-get install -y -qq --no-install-recommends rabbitmq-server >/dev/null || install_status=$?
  [ -n "$made_policy" ] && rm -f "$policy"
  if [ "$install_status" -ne 0 ]; then
    echo "rabbitmq: apt-get install rabbitmq-server failed ($install_status)" >&2
    exit 1
  fi
  find_server
  if [ -z "$server_bin" ]; then
    echo "rabbitmq: apt-get installed rabbitmq-server but /usr/lib/rabbitmq/bin/rabbitmq-server is missing" >&2
    exit 1
  fi
fi
bin_dir="$(dirname "$server_bin")"

# 3. A stale PID file (a crashed run) is cleared; a stranger on our port is an error.
if alive "$pid_file"; then
  echo "rabbitmq: pid $(cat "$pid_file") is up but not healthy; stopping it first"
  bash "$here/stop-rabbitmq.sh"
fi
rm -f "$pid_file"
if port_open "$port"; then
  echo "rabbitmq: 127.0.0.1:$port is taken by another process; set SYNCBRIDGE_RABBITMQ_PORT" >&2
  exit 1
fi

# 4. Own state directory, config, plugins file, HOME (Erlang cookie) and env file (the system one is not read).
mkdir -p "$state" "$log_dir" "$state/mnesia" "$state/home"
chmod 700 "$state/home"
if [ ! -f "$state/home/.erlang.cookie" ]; then
  head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$state/home/.erlang.cookie"
  chmod 400 "$state/home/.erlang.cookie"
fi
echo "[rabbitmq_amqp1_0,rabbitmq_management]." > "$state/enabled_plugins"
: > "$state/rabbitmq-env.conf"
cat > "$state/rabbitmq.conf" <<EOF
listeners.tcp.1 = 127.0.0.1:$port
listeners.ssl = none
management.tcp.ip = 127.0.0.1
management.tcp.port = $mgmt_port
collect_statistics_interval = 1000
load_definitions = $definitions
loopback_users = none
amqp1_0.default_vhost = syncbridge
amqp1_0.default_user = none
log.file.level = info
log.console = false
EOF

export HOME="$state/home"
export RABBITMQ_HOME="$(dirname "$bin_dir")"
export RABBITMQ_NODENAME="$node"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT="$dist_port"
export RABBITMQ_CONFIG_FILE="$state/rabbitmq.conf"
export RABBITMQ_CONF_ENV_FILE="$state/rabbitmq-env.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$state/enabled_plugins"
export RABBITMQ_MNESIA_BASE="$state/mnesia"
export RABBITMQ_LOG_BASE="$log_dir"
export RABBITMQ_PID_FILE="$state/rabbitmq-node.pid"
export RABBITMQ_ADVANCED_CONFIG_FILE="$state/advanced.config"
export ERL_EPMD_ADDRESS=127.0.0.1
export ERL_EPMD_PORT="$epmd_port"
# The Erlang distribution listener on loopback too.
echo "[{kernel, [{inet_dist_use_interface, {127,0,0,1}}]}]." > "$RABBITMQ_ADVANCED_CONFIG_FILE"

# 5. Our own epmd on 127.0.0.1 (kept when it is still running from an earlier run).
if ! alive "$epmd_pid_file"; then
  epmd_bin="$(command -v epmd || ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | head -1)"
  if [ -z "$epmd_bin" ]; then
    echo "rabbitmq: epmd not found (package erlang-base)" >&2
    exit 1
  fi
  setsid "$epmd_bin" -address 127.0.0.1 -port "$epmd_port" > "$log_dir/epmd.log" 2>&1 < /dev/null &
  echo $! > "$epmd_pid_file"
fi

# 6. Start the node in the background, in its own session so it outlives this script.
echo "rabbitmq: starting node $node on 127.0.0.1:$port (state $state)"
setsid "$server_bin" > "$log_dir/console.log" 2>&1 < /dev/null &
echo $! > "$pid_file"

# 7. Wait for the AMQP port and the management API (definitions are loaded by then).
deadline=$((SECONDS + timeout))
until port_open "$port" && port_open "$mgmt_port"; do
  if ! alive "$pid_file"; then
    echo "rabbitmq: the broker exited during start; log tail:" >&2
    tail -n 40 "$log_dir/console.log" >&2 || true
    tail -n 40 "$log_dir/$node.log" >&2 2>/dev/null || true
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "rabbitmq: 127.0.0.1:$port did not accept connections within ${timeout}s; log tail:" >&2
    tail -n 40 "$log_dir/console.log" >&2 || true
    tail -n 40 "$log_dir/$node.log" >&2 2>/dev/null || true
    exit 1
  fi
  sleep 0.5
done
echo "rabbitmq: ready (pid $(cat "$pid_file"), amqp://127.0.0.1:$port, management http://127.0.0.1:$mgmt_port)"
