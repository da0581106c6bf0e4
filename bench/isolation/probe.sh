#!/usr/bin/env bash
# docs/AGENT.md's isolation figures: (b) heapscope's 35 ordinary jars vs (a) the relocated library jar, each
# in its own class loader inside the agent's test host, with and without the context class loader set.
#   mvn -B -q package -DskipTests && bash bench/isolation/probe.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
HOST="src/test/host/target/heapscope-test-host-0.1.0-SNAPSHOT.jar:src/test/host/target/lib/*"
mvn -B -o -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -pl server \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=/tmp/heapscope-server-cp.txt >/dev/null
UNSHADED="server/target/heapscope-server-0.1.0-SNAPSHOT.jar:$(tr ':' '\n' </tmp/heapscope-server-cp.txt \
    | grep -v 'assertj\|byte-buddy\|junit\|opentest4j\|apiguardian' | paste -sd:)"
SHADED=library/target/heapscope-0.1.0-SNAPSHOT.jar
echo "unrelocated: $(tr ':' '\n' <<<"$UNSHADED" | wc -l) jars, $(tr ':' '\n' <<<"$UNSHADED" | xargs du -cb | tail -1 | cut -f1) bytes;" \
     "relocated: $(stat -c %s $SHADED) bytes"
for run in $(seq "$RUNS"); do
  for mode in unshaded-notccl unshaded-tccl shaded-notccl shaded-tccl; do
    if [[ $mode == unshaded* ]]; then cp=$UNSHADED; else cp=$SHADED; fi
    java -Dorg.eclipse.jetty.LEVEL=WARN -cp "$HOST" bench/isolation/IsolationProbe.java "$mode" "$cp" 2>&1 | grep -E "^$mode|^SLF4J" || true
  done
done
