#!/bin/bash
# usage: series.sh name:jardir ...   (runs each whole harness in turn, sampling the broker's requests during the closed loop)
for spec in "$@"; do
  name=${spec%%:*}; dir=${spec#*:}
  out=/tmp/runs/$name.txt
  java -cp $dir/benchmarks.jar io.parceltrack.bench.fleet.FleetBenchmark --jar $dir/parceltrack.jar --output /tmp/runs/$name 2>&1 \
    | grep --line-buffered -v " WARN " | while IFS= read -r l; do echo "$(date +%T) $l"; done > $out &
  hp=$!
  until grep -q "## Closed loop" $out 2>/dev/null || ! kill -0 $hp 2>/dev/null; do sleep 2; done
  bpid=$(pgrep -f "kafka.Kafka|KafkaRaftServer|parceltrack-kafka" | head -1)
  for i in $(seq 1 14); do echo "== $(date +%T)"; java -cp /tmp/diag BrokerRequests $bpid 5 2>&1 | head -16; done > /tmp/runs/$name-broker-requests.txt
  wait $hp
done
