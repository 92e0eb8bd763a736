#!/bin/bash
# usage: full-run.sh name:jardir ...  (whole harness; per-thread CPU of PMS, NS, broker over the throughput rounds)
for spec in "$@"; do
  name=${spec%%:*}; dir=${spec#*:}
  out=/tmp/runs/$name.txt
  java -cp $dir/benchmarks.jar io.parceltrack.bench.fleet.FleetBenchmark --jar $dir/parceltrack.jar --output /tmp/runs/$name 2>&1 \
    | grep --line-buffered -v " WARN " | while IFS= read -r l; do echo "$(date +%T) $l"; done > $out &
  hp=$!
  until grep -q "round 1 at 1 clients" $out 2>/dev/null || ! kill -0 $hp 2>/dev/null; do sleep 1; done
  PMS=$(pgrep -f '^[^ ]*java .*parceltrack.jar.*parcels-manager-service' | head -1)
  NS=$(pgrep -f '^[^ ]*java .*parceltrack.jar.*notification-service' | head -1)
  BR=$(pgrep -f '^[^ ]*java .*kafka.Kafka' | head -1)
  for p in PMS NS BR; do eval pid=\$$p; /tmp/threads.sh $pid > /tmp/runs/$name-$p-a.tsv 2>/dev/null; done
  until grep -q "CPU ms per checkpoint at 16 clients" $out 2>/dev/null || ! kill -0 $hp 2>/dev/null; do sleep 1; done
  for p in PMS NS BR; do eval pid=\$$p; /tmp/threads.sh $pid > /tmp/runs/$name-$p-b.tsv 2>/dev/null; done
  wait $hp
  for p in PMS NS BR; do echo "== $p (ms over the window)"; python3 /tmp/threaddiff.py /tmp/runs/$name-$p-a.tsv /tmp/runs/$name-$p-b.tsv 1 | head -8; done > /tmp/runs/$name-threads.txt
done
