#!/usr/bin/env bash
# heapscope-agent.jar's figures for BENCHMARKS.md: jar sizes, attach-to-ready time, the idle footprint
# heapscope leaves in a host (heap after a full GC, threads, JFR recordings), and what -javaagent adds to a
# host's start. Runs the agent's test host (Jetty 9.4, Jersey 2, Jackson 2.12) from src/test/host/target.
#
#   mvn -B -q package -DskipTests && bash bench/agent-figures.sh [runs] [java]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAVA=${2:-java}
AGENT=agent/target/heapscope-agent.jar
HOST_DIR=src/test/host/target
HOST_CP="$HOST_DIR/heapscope-test-host-0.1.0-SNAPSHOT.jar:$HOST_DIR/lib/*"
OUT=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$OUT"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# starts the host with extra JVM options; sets HOST_PID, HOST_PORT and START_MS (until its endpoint is up)
start_host() {
  local log="$OUT/host.$RANDOM" t0; t0=$(now_ms)
  "$JAVA" -Dorg.eclipse.jetty.LEVEL=WARN "$@" -cp "$HOST_CP" com.example.host.HostApp >"$log" 2>&1 &
  HOST_PID=$!
  until grep -q '^host listening on ' "$log"; do sleep 0.02; done
  START_MS=$(( $(now_ms) - t0 ))
  HOST_PORT=$(sed -n 's/^host listening on //p' "$log")
}
stop_host() { kill "$HOST_PID"; wait "$HOST_PID" 2>/dev/null || true; }

footprint() { curl -s "http://127.0.0.1:$HOST_PORT/host/footprint"; }
field() { sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p"; }

echo "java: $("$JAVA" -version 2>&1 | head -1)"
echo "agent jar: $(stat -c %s "$AGENT") bytes; isolated library jar: $(stat -c %s library/target/heapscope-0.1.0-SNAPSHOT.jar) bytes"
echo
echo "run | host start ms (plain / -javaagent) | attach-to-ready ms (start <pid> returned) | first answer ms | heap after GC: before / attached idle / after stop (bytes) | threads: before / attached / after stop | JFR recordings while idle"
for run in $(seq "$RUNS"); do
  start_host; plain=$START_MS; stop_host
  start_host "-javaagent:$AGENT=port=0"; withagent=$START_MS; stop_host

  start_host
  before=$(footprint)
  t0=$(now_ms)
  url=$("$JAVA" -jar "$AGENT" start "$HOST_PID" --port 0 | sed -n 's/^heapscope listening on //p')
  t1=$(now_ms)
  curl -sf "$url/api/v1/tracing" >/dev/null
  t2=$(now_ms)
  attached=$(footprint)
  recordings=$(curl -s "http://127.0.0.1:$HOST_PORT/host/heapscope-residue" | sed -n 's/.*"recordings":\(\[[^]]*\]\).*/\1/p')
  "$JAVA" -jar "$AGENT" stop "$HOST_PID" >/dev/null
  stopped=$(footprint)
  stop_host

  echo "$run | $plain / $withagent | $((t1 - t0)) | $((t2 - t0)) | $(field heapUsedBytes <<<"$before") / $(field heapUsedBytes <<<"$attached") / $(field heapUsedBytes <<<"$stopped") | $(field threads <<<"$before") / $(field threads <<<"$attached") / $(field threads <<<"$stopped") | $recordings"
done
