#!/usr/bin/env bash
# Runs every test of the solution and prints one summary line read from the test results:
#   N passed, N failed, N skipped
# Starts whatever local services the integration tests need (scripts beside this one) first.
# Usage: bash infra/local/test.sh            (from anywhere; results go to TestResults/ at the repo root)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Headless Chromium for the status page's browser test (Debian package chromium; installed only when missing,
# with sudo only when not root).
if ! command -v chromium >/dev/null; then
  if ! command -v apt-get >/dev/null; then
    echo "chromium: not installed and apt-get is not available; install Chromium so that 'chromium' is on PATH" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  echo "chromium: installing chromium with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-cache show chromium >/dev/null 2>&1; then
    $sudo apt-get update -qq >/dev/null
  fi
  install_status=0
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null || install_status=$?
  if [ "$install_status" -ne 0 ] || ! command -v chromium >/dev/null; then
    echo "chromium: apt-get install chromium failed ($install_status)" >&2
    exit 1
  fi
fi

# Local services for integration tests (each script is idempotent and starts its service on 127.0.0.1 only).
for service in "$root"/infra/local/start-*.sh; do
  [ -e "$service" ] || continue
  echo "starting $(basename "$service")"
  bash "$service"
done

set +e
dotnet test --solution SyncBridge.sln --configuration Release --report-trx --results-directory "$results"
status=$?
set -e

projects=$(ls tests/*/*.Tests.csproj 2>/dev/null | wc -l)
trx_files=$(find "$results" -name '*.trx' | wc -l)
passed=0; failed=0; skipped=0
for trx in $(find "$results" -name '*.trx'); do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  e=$(value error); t=$(value timeout); a=$(value aborted)
  passed=$((passed + p))
  failed=$((failed + f + e + t + a))
  skipped=$((skipped + total - executed))
done

if [ "$trx_files" -lt "$projects" ]; then
  echo "error: $projects test projects but only $trx_files result files: a test host crashed or did not run" >&2
  [ "$status" -eq 0 ] && status=1
fi
if [ "$failed" -gt 0 ] && [ "$status" -eq 0 ]; then
  status=1
fi

# Each failed test's name and the start of its message, last, so that the tail of a CI log says what failed.
if [ "$failed" -gt 0 ]; then
  for trx in $(find "$results" -name '*.trx'); do
    awk '
      /<UnitTestResult / && /outcome="(Failed|Error|Timeout|Aborted)"/ {
        inside = 1; lines = 0
        name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name)
        print "FAILED " name
      }
      inside && lines < 40 && (/<Message>/ || message) {
        message = 1; lines++
        line = $0; gsub(/<\/?Message>/, "", line); gsub(/&lt;/, "<", line); gsub(/&gt;/, ">", line); gsub(/&quot;/, "\"", line); gsub(/&amp;/, "\\&", line)
        print "  " line
        if ($0 ~ /<\/Message>/) { message = 0 }
      }
      inside && /<\/UnitTestResult>/ { inside = 0; message = 0 }
    ' "$trx"
  done
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
